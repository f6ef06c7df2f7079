"""stale.reference: outdated references for the report's year (auditor/checks/references.py)."""
from __future__ import annotations

import pytest

from .minireport import outcome, report, status

RULE = "stale.reference"
OLD_PLAN = "全面落实《法治政府建设实施纲要（2015－2020年）》，"
OLD_GOAL = "加快建设职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信的法治政府，"
OLD_CONGRESS = "深入学习贯彻党的十九大精神，"


def _opening(year: int, phrase: str) -> str:
    return f"{year}年，某县{phrase}扎实推进法治政府建设，现将有关情况报告如下。"


@pytest.mark.parametrize("year,phrase", [(2022, OLD_PLAN), (2024, OLD_GOAL), (2023, OLD_CONGRESS)])
def test_outdated_references_fail(year, phrase):
    result = outcome(RULE, report(year, opening=_opening(year, phrase)))
    assert result.status == "fail"
    assert result.evidence[0].line == 3


@pytest.mark.parametrize("year,phrase", [(2021, OLD_GOAL), (2022, OLD_CONGRESS), (2023, "深入学习贯彻党的二十大精神，"),
                                         (2023, "认真落实《法治政府建设实施纲要（2021－2025年）》，"),
                                         (2022, "《法治政府建设实施纲要（2015－2020年）》确定的目标任务圆满完成，"),
                                         (2024, "党的十九大以来，")])
def test_current_or_retrospective_references_pass(year, phrase):
    assert status(RULE, report(year, opening=_opening(year, phrase))) in ("pass", "skip")


def test_reports_before_every_entry_skip_with_reason():
    result = outcome(RULE, report(2020, opening=_opening(2020, OLD_PLAN)))
    assert result.status == "skip" and "2022" in result.message


def test_each_reference_found_carries_its_basis_and_whether_a_source_confirms_it():
    """The message a clerk reads names what is outdated; whether the fact is confirmed stays in the details."""
    result = outcome(RULE, report(2023, opening=_opening(2023, OLD_CONGRESS)))
    [found] = dict(result.details)["stale"]
    assert found["basis"] and found["confirmed"] is True
