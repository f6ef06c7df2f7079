"""plans.unaddressed_shortcoming: every problem should have a plan item that answers it."""
from __future__ import annotations

from auditor import audit_file

from ..conftest import ROOT
from .minireport import outcome, report, status

RULE = "plans.unaddressed_shortcoming"


def test_every_problem_answered_passes():
    result = outcome(RULE, report())
    assert result.status == "pass"
    pairs = dict(result.details)["pairs"]
    assert [(p["problem"][:2], p["plan"][:3]) for p in pairs] == [("一是", "（一）"), ("二是", "（二）")]


def test_an_unanswered_problem_is_partial_and_named():
    shortcomings = ("一是基层执法队伍专业化程度不高，主要原因是执法人员多为转岗人员。"
                    "二是政务公开的及时性有待提高，部分信息更新滞后。")
    result = outcome(RULE, report(shortcomings=shortcomings))
    assert result.status == "partial"
    assert "政务公开" in result.message
    assert [p["plan"] is None for p in dict(result.details)["pairs"]] == [False, True]


def test_no_problem_answered_fails():
    plans = "（一）深入开展普法宣传，举办法治讲座。\n（二）加强党建引领。"
    assert status(RULE, report(plans=plans)) == "fail"


def test_missing_plans_part_skips():
    text = report().split("四、2024年")[0]
    assert status(RULE, text) == "skip"


def test_seed_003_pairs_its_three_problems_with_its_three_plans(rulebook):
    result = audit_file(str(ROOT / "seeds" / "003.txt"), rulebook)
    check = next(r for r in result.results if r.rule_id == RULE)
    pairs = dict(check.details)["pairs"]
    assert [(p["problem_line"], p["plan_line"]) for p in pairs] == [(61, 95), (65, 99), (71, 103)]
    assert check.status == "pass"


def test_two_problems_answered_by_one_plan_item_quote_its_line_once():
    shortcomings = ("一是基层执法队伍专业化程度不高，执法人员多为转岗人员。"
                    "二是基层执法人员培训不足，执法队伍专业化水平偏低。")
    plans = "（一）开展基层执法人员全员轮训，提升执法队伍专业化水平。\n（二）加强党建引领。"
    result = outcome(RULE, report(shortcomings=shortcomings, plans=plans))
    pairs = dict(result.details)["pairs"]
    assert result.status == "pass" and len({p["plan_line"] for p in pairs}) == 1 < len(pairs)
    assert len(result.evidence) == len({e.line for e in result.evidence}) == 1
