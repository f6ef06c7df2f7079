"""plans.year_mismatch and meta.year_mismatch (auditor/checks/years.py)."""
from __future__ import annotations

import pytest

from auditor.checks.years import plan_year_problem, years_in

from .minireport import outcome, report, status

FORWARD = ("下一年度", "明年", "下一步")


def test_years_in_reads_arabic_and_chinese_years():
    assert years_in("2023 年工作；二〇二四年安排".replace(" ", "")) == [2023, 2024]


@pytest.mark.parametrize("heading", ["四、2023年推进法治政府建设的主要安排", "四、2022年工作计划",
                                     "四、2025年工作思路"])
def test_plans_naming_another_year_fail(heading):
    result = outcome("plans.year_mismatch", report(2023, plans_heading=heading))
    assert result.status == "fail"
    assert result.evidence[0].text.startswith("四、")


@pytest.mark.parametrize("heading", ["四、2024年推进法治政府建设的主要安排", "四、下一步工作打算",
                                     "四、下年度工作要点", "四、二〇二四年工作安排"])
def test_plans_for_the_next_year_pass(heading):
    assert status("plans.year_mismatch", report(2023, plans_heading=heading)) == "pass"


def test_plans_without_year_in_heading_read_the_opening():
    assert plan_year_problem(2023, "四、工作安排", "2023年，我县将继续", FORWARD) is not None
    assert plan_year_problem(2023, "四、工作安排", "2024年，我县将继续", FORWARD) is None
    assert plan_year_problem(2023, "四、工作安排", "明年将继续深化改革", FORWARD) is None


def test_unknown_report_year_skips():
    text = report(2023, title="某县法治政府建设年度报告", opening="某县坚持以习近平法治思想为指导，扎实推进法治政府建设，现将有关情况报告如下。",
                  measures_heading="一、推进法治政府建设的主要举措和成效", plans_heading="四、下一步工作安排")
    text = text.replace("2023年", "本年度")
    assert status("plans.year_mismatch", text) == "skip"


@pytest.mark.parametrize("changes", [
    {"measures_heading": "一、2022年推进法治政府建设的主要举措和成效"},
    {"opening": "2022年，某县坚持以习近平法治思想为指导，扎实推进法治政府建设，现将有关情况报告如下。"},
    {"title": "某县2024年法治政府建设年度报告"},
])
def test_disagreeing_years_fail(changes):
    result = outcome("meta.year_mismatch", report(2023, **changes))
    assert result.status == "fail"
    assert len({row["year"] for row in dict(result.details)["years"]}) == 2


def test_body_copied_from_last_year_fails():
    body = "\n".join(f"（{n}）专项工作\n2022年完成专项治理{n}项，2022年审查文件{n}件。" for n in "一二三")
    assert status("meta.year_mismatch", report(2023, measures=body)) == "fail"


def test_agreeing_years_pass():
    assert status("meta.year_mismatch", report(2023)) == "pass"
