"""continuity.*: year over year against ``--previous`` (auditor/checks/continuity.py)."""
from __future__ import annotations

import pytest

from auditor import audit_file

from ..conftest import ROOT
from .minireport import outcome, report, status

LAST_PLANS = ("（一）开展基层执法人员全员轮训，提升执法队伍专业化水平。\n"
              "（二）为各乡镇配备专职法律顾问，健全乡镇合法性审查机制。\n"
              "（三）建设全县行政执法监督信息平台，实现执法数据实时归集。")
LAST = report(2022, plans=LAST_PLANS)
OTHER_MEASURES = "（一）依法决策\n全年审查规范性文件24件，提出修改意见57条，备案率100%。\n（二）执法\n评查案卷82卷，优秀率98%。"
FIXTURES = ROOT / "tests" / "fixtures" / "reports"


@pytest.mark.parametrize("rule", ["continuity.unfollowed_plan", "continuity.copied", "continuity.repeated_shortcoming"])
def test_without_previous_every_check_skips_with_reason(rule):
    result = outcome(rule, report())
    assert result.status == "skip" and "--previous" in result.message


def test_plans_never_taken_up_fail_or_are_partial():
    assert status("continuity.unfollowed_plan", report(2023), previous=LAST) == "fail"   # none of the three
    measures = ("（一）加强基层执法队伍建设\n组织基层执法人员全员轮训4期，培训360人次，执法队伍专业化水平有所提升。\n"
                "（二）健全乡镇合法性审查机制\n为全县9个乡镇配备专职法律顾问，乡镇合法性审查覆盖率达到100%。")
    result = outcome("continuity.unfollowed_plan", report(2023, measures=measures), previous=LAST)
    assert result.status == "partial" and "信息平台" in result.message
    assert [r["line"] is None for r in dict(result.details)["plans"]] == [False, False, True]


def test_plans_taken_up_pass():
    measures = ("（一）加强基层执法队伍建设\n组织基层执法人员全员轮训4期，培训360人次，执法队伍专业化水平有所提升。\n"
                "（二）健全乡镇合法性审查机制\n为全县9个乡镇配备专职法律顾问，乡镇合法性审查覆盖率达到100%。\n"
                "（三）建成行政执法监督信息平台\n行政执法监督信息平台上线运行，28个执法部门的执法数据实时归集。")
    assert status("continuity.unfollowed_plan", report(2023, measures=measures), previous=LAST) == "pass"


def test_copied_passages_give_lines_in_both_files():
    previous = report(2022, opening="2022年，某县以建设法治政府示范县为目标推进各项工作。", measures=OTHER_MEASURES,
                      shortcomings="政务公开不够及时，原因是人手不足。", plans="（一）加强政务公开。",
                      leadership="县长主持召开县政府常务会议4次专题研究法治政府建设，将法治建设纳入全县经济社会发展总体规划和年度工作计划，"
                                       "统筹推进法治政府建设各项任务，督促各部门落实整改，带头出庭应诉2次，在年终述职中专题述法。")
    this = report(2023, leadership="县长主持召开县政府常务会议6次专题研究法治政府建设，将法治建设纳入全县经济社会发展总体规划和年度工作计划，"
                                   "统筹推进法治政府建设各项任务，督促各部门落实整改，带头出庭应诉3次，在年终述职中专题述法。")
    result = outcome("continuity.copied", this, previous=previous)
    assert result.status == "fail"
    rows = {row["line"]: row["previous_line"] for row in dict(result.details)["passages"]}
    assert rows[15] == 13     # the leadership paragraph (line 13 last year), copied with its numbers changed
    assert 15 in [e.line for e in result.evidence]
    assert "第15行 ↔ 上年第13行" in result.message


def test_rewritten_report_passes_copy_check():
    previous = report(2022, measures=OTHER_MEASURES, shortcomings="政务公开不够及时，原因是人手不足。", leadership="县长带头出庭应诉2次。",
                      plans="（一）加强政务公开。")
    assert status("continuity.copied", report(2023), previous=previous) == "pass"


def test_standard_headings_are_not_copying():
    # Two reports that share only their part headings and opening formula.
    this = report(2023, measures="（一）依法决策\n全年审查规范性文件24件，提出修改意见57条，备案率100%，合法性审查全覆盖。",
                  shortcomings="执法不够规范，原因是培训少。", leadership="县长带头出庭应诉3次。", plans="（一）加强执法培训。")
    assert status("continuity.copied", this, previous=LAST) == "pass"


def test_repeated_problem_without_progress_fails():
    problem = "一是基层执法队伍专业化程度不高，主要原因是执法人员多为转岗人员。"
    result = outcome("continuity.repeated_shortcoming", report(2023, shortcomings=problem),
                     previous=report(2022, shortcomings=problem))
    assert result.status == "fail" and result.evidence[0].line == 13


def test_repeated_problem_with_progress_passes():
    last = report(2022, shortcomings="一是基层执法队伍专业化程度不高，主要原因是执法人员多为转岗人员。")
    this = report(2023, shortcomings="一是虽然经过全员轮训，基层执法队伍专业化程度有所提升，但新转岗人员较多，主要原因是轮训周期短。")
    assert status("continuity.repeated_shortcoming", this, previous=last) == "pass"


def test_cli_reports_copied_passages_with_both_line_numbers(invoke):
    result = invoke("check", FIXTURES / "continuity-2023.txt", "--previous", FIXTURES / "continuity-2022.txt",
                    "--width", "120", "--no-color", "-v")
    assert "与上一年度报告相同的段落" in result.output
    assert "第9行" in result.output and "上年第9行" in result.output


def test_json_carries_previous_line_numbers():
    result = audit_file(str(FIXTURES / "continuity-2023.txt"),
                        previous_path=str(FIXTURES / "continuity-2022.txt"))
    check = next(r for r in result.results if r.rule_id == "continuity.copied")
    assert [(p["line"], p["previous_line"]) for p in dict(check.details)["passages"]] == [(9, 9)]
