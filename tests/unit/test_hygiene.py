"""hygiene.placeholder (a forbid rule) and hygiene.artifact (auditor/checks/hygiene.py)."""
from __future__ import annotations

import pytest

from .minireport import outcome, report, status


@pytest.mark.parametrize("title", ["20XX年法治政府建设年度报告", "XX区2023年法治政府建设年度报告",
                                   "*区2023年法治政府建设年度报告", "某县20xx年法治政府建设年度报告",
                                   "○○镇2023年法治政府建设年度报告"])
def test_placeholders_fail(title):
    result = outcome("hygiene.placeholder", report(title=title))
    assert result.status == "fail"
    assert result.evidence[0].line == 1


def test_fill_in_brackets_fail():
    text = report(measures="（一）规范决策\n全年审查重大行政决策事项（此处填写数量）件，【填写单位名称】负责合法性审查，共计12件。")
    assert status("hygiene.placeholder", text) == "fail"


def test_clean_report_passes():
    assert status("hygiene.placeholder", report()) == "pass"


@pytest.mark.parametrize("residue", ["[bookmark: _GoBack]", "[bookmark: _Hlk178152442]", "{ PAGE }",
                                     "MERGEFORMAT", "PAGEREF _Toc123456789", "&nbsp;"])
def test_word_processor_residue_fails_with_the_line(residue):
    text = report(leadership=residue + "县长主持召开县政府常务会议4次专题研究法治政府建设，带头出庭应诉2次。")
    result = outcome("hygiene.artifact", text)
    assert result.status == "fail"
    line = text.split("\n").index(next(x for x in text.split("\n") if residue in x)) + 1
    assert result.evidence[0].line == line and residue.split()[0].strip("{[") in result.evidence[0].text


def test_no_residue_passes():
    assert status("hygiene.artifact", report()) == "pass"
