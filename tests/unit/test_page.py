"""Page furniture (auditor/text/page.py): read for its fields, never part of the report."""
from __future__ import annotations

import pytest

from auditor.text.normalize import normalize_text
from auditor.text.page import is_furniture, read_page, to_iso
from auditor.text.normalize import fold


@pytest.mark.parametrize("row", ["当前位置：首页 > 政务公开 > 法治政府建设", "首页>政务公开>规划计划", "字体大小：【大 中 小】",
                                 "【打印】【关闭】", "分享到：", "联系我们| 网站地图| 无障碍浏览", "• 开题报告", "2024-01-23 10:12",
                                 "| | | |", "大"])
def test_furniture(row):
    assert is_furniture(fold(row))


@pytest.mark.parametrize("row", ["一、2023年推进法治政府建设的主要举措和成效", "某某县2023年法治政府建设年度报告",
                                 "1.提升复议应诉质量。全年收到复议申请37件，纠错率10%",
                                 "2022年1月5日", "加强普法宣传，分享典型案例。"])
def test_not_furniture(row):
    assert not is_furniture(fold(row))


def test_fields_with_spaces_in_labels_and_values_on_the_next_row():
    view = normalize_text("• [ 索 引 号 ]\n• 000000/2024-00001\n• [ 成文日期 ]\n• 2024-01-05\n"
                          "[ 发布机构 ] 某某镇人民政府 [ 发布日期 ] 2024-01-09\n"
                          "发布时间：2024-01-09 10:44:25来源：某某镇人民政府 浏览次数：\n")
    page = read_page(view)
    assert page.rows == frozenset({1, 2, 3, 4, 5, 6})
    got = {f.label: (f.value, f.line) for f in page.fields}
    assert got["成文日期"] == ("2024-01-05", 4)
    assert got["发布机构"] == ("某某镇人民政府", 5)
    assert got["发布时间"][1] == 6 and to_iso(got["发布时间"][0]) == "2024-01-09"


def test_to_iso():
    assert to_iso("2022年1月5日") == "2022-01-05"
    assert to_iso("2021年04月05日 16时") == "2021-04-05"
    assert to_iso("2022-13-05") is None


def test_list_items_and_short_lines_inside_the_report_stay_report_text():
    lines = ["某某镇2024年法治政府建设年度报告", "一、主要举措和成效", "- 开展执法人员轮训", "- 经验分享交流"]
    lines += [f"（{n}）第{n}项工作，全年开展{n}次。" for n in range(1, 20)] + ["分享到：", "【打印】【关闭】"]
    page = read_page(normalize_text("\n".join(lines)))
    assert page.rows == frozenset({len(lines) - 1, len(lines)})
