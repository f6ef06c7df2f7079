"""shortcomings.no_causes: problems without causes fail, analysed causes pass (auditor/checks/causes.py)."""
from __future__ import annotations

import pytest

from auditor.checks.causes import probe_causes

from .minireport import RULEBOOK, outcome, report, status

RULE = "shortcomings.no_causes"
NO_CAUSE = "一是行政执法能力和水平有待提高，三项制度落实不够规范。二是依法决策水平仍需提升，重发文轻备案。"


@pytest.mark.parametrize("shortcomings", [
    NO_CAUSE,
    "（一）工作人员法治思维仍需提升\n一线工作人员的法治意识和工作方法需要进一步加强。\n（二）监管方式需进一步创新\n执法精细化不够。",
    "执法力量不能满足执法需求，监管方式有待创新。",
])
def test_problems_without_causes_fail(shortcomings):
    result = outcome(RULE, report(shortcomings=shortcomings))
    assert result.status == "fail"
    assert result.evidence and all(e.line for e in result.evidence)
    lacking = dict(result.details)["without_cause"]
    assert lacking and all(row["problem"] for row in lacking)


@pytest.mark.parametrize("shortcomings", [
    NO_CAUSE + "究其原因，主要是部分干部运用法治思维的能力不足，考核机制不够健全。",
    "一是执法队伍专业化程度不高，主要原因是执法人员多为转岗人员。二是审查质量不高，由于缺少专职法律人员。",
    "（一）存在的问题\n执法程序不够规范。\n（二）原因分析\n编制不足，培训投入少。",
    "执法监管压力持续增大，受机构改革影响，执法力量下沉不到位。",
])
def test_analysed_causes_pass(shortcomings):
    assert status(RULE, report(shortcomings=shortcomings)) == "pass"


def test_some_problems_with_causes_is_partial():
    text = "一是执法队伍专业化程度不高，主要是由于人员转岗。二是政务公开的及时性有待提高。"
    result = outcome(RULE, report(shortcomings=text))
    assert result.status == "partial"
    assert [row["problem"][:2] for row in dict(result.details)["without_cause"]] == ["二是"]


def test_the_part_title_is_not_a_cause_analysis():
    text = "现将存在的问题及原因报告如下：一是执法不够规范。二是公开不够及时。"
    assert status(RULE, report(shortcomings=text)) == "fail"


def test_probe_follows_the_defect():
    rule = RULEBOOK.get(RULE)
    assert probe_causes(rule, "执法力量不足，监管不到位。")
    assert not probe_causes(rule, "究其原因，主要是培训不够。")
