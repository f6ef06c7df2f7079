"""Grounded evidence: an item passes only on a body sentence reporting work done (auditor/checks/grounding.py).

Fixture sentences are our own, modelled on the structures real reports use.
"""
from __future__ import annotations

import pytest

from auditor.api import build_context
from auditor.checks.grounding import best_first, place_of

from .minireport import MEASURES, RULEBOOK, outcome, report

COURT = "disputes.court_appearance"      # terms: 出庭应诉, 负责人出庭, 出庭率 …
NEUTRAL = "（四）加强队伍建设\n组织全体干部开展业务培训6次，参训320人次。"


def line_of(text: str, words: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if words in line)


def measures_with(extra: str) -> str:
    """The mini report's part 一 without any 出庭 wording, plus ``extra``."""
    base = MEASURES.replace("行政机关负责人出庭应诉率达到100%，", "")
    return base + "\n" + extra


def leadership_without_court() -> str:
    return "县长主持召开县政府常务会议4次专题研究法治政府建设，在年终述职中专题述法。"


@pytest.mark.parametrize("where,extra", [
    ("heading", "（四）推动行政机关负责人出庭应诉\n组织全体干部开展业务培训6次，参训320人次。"),
    ("list", "将重大行政决策、行政执法、负责人出庭应诉等工作纳入年度考核指标，制定考核细则。"),
    ("title", "认真贯彻《关于加强行政机关负责人出庭应诉工作的实施意见》，组织全体干部学习。"),
    ("plan", "下一步，将推动行政机关负责人出庭应诉常态化。"),
])
def test_a_mention_that_reports_no_work_is_partial(where, extra):
    text = report(measures=measures_with(extra), leadership=leadership_without_court())
    result = outcome(COURT, text)
    assert result.status == "partial", where
    assert result.evidence                                  # the mention is shown, and said to be no more


def test_a_body_sentence_with_figures_passes():
    text = report(measures=measures_with("全年行政机关负责人出庭应诉23次，出庭率达到100%。"),
                  leadership=leadership_without_court())
    result = outcome(COURT, text)
    assert result.status == "pass"


def test_nothing_anywhere_is_fail():
    text = report(measures=measures_with(NEUTRAL), leadership=leadership_without_court())
    assert outcome(COURT, text).status == "fail"


def test_the_body_sentence_with_figures_is_the_first_evidence():
    extra = ("（四）推动行政机关负责人出庭应诉\n认真贯彻《行政机关负责人出庭应诉规定》。"
             "全年行政机关负责人出庭应诉23次，出庭率达到100%。")
    text = report(measures=measures_with(extra), leadership=leadership_without_court())
    result = outcome(COURT, text)
    assert result.status == "pass"
    assert "23" in result.evidence[0].text


def test_places_are_named():
    text = report(measures=measures_with(
        "（四）推动负责人出庭应诉\n将负责人出庭应诉纳入考核指标。认真贯彻《行政机关负责人出庭应诉规定》。"
        "全年行政机关负责人出庭应诉23次。"), leadership=leadership_without_court())
    ctx = build_context(text, RULEBOOK)
    hits = RULEBOOK.get(COURT).match.find(ctx.scope("work"))
    places = [place_of(ctx, h) for h in best_first(ctx, hits)]
    assert places[0] == "body" and {"heading", "list", "title"} <= set(places)


def test_a_long_first_sentence_with_a_comma_is_body_not_a_title():
    """"（3）全面监督落实……，督促……。全区共……": the numbered item's first sentence reports work."""
    extra = "（四）推动负责人出庭应诉，督促各部门负责人出庭出声，全年共出庭23次。各部门均建立台账。"
    text = report(measures=measures_with(extra), leadership=leadership_without_court())
    assert outcome(COURT, text).status == "pass"


def test_a_short_run_in_title_is_a_heading():
    extra = "（四）负责人出庭应诉。组织全体干部开展业务培训6次，参训320人次。"
    text = report(measures=measures_with(extra), leadership=leadership_without_court())
    assert outcome(COURT, text).status == "partial"


def test_disposal_jiang_is_not_the_future():
    """"将X纳入…" lists what is assessed; "将继续…" is a plan; "将…作为培训内容，组织学习" is work."""
    text = report(measures=measures_with(
        "县政府将行政机关负责人出庭应诉作为年度培训的重要内容，组织专题培训2次。"),
        leadership=leadership_without_court())
    assert outcome(COURT, text).status == "pass"


def test_a_leadership_check_points_to_the_line_in_another_part():
    """Part 三 lacks it, part 一 has it: say where, do not claim it is absent."""
    text = report(leadership=leadership_without_court())
    result = outcome("duty.court", text)
    assert result.status == "fail"
    line = line_of(text, "出庭应诉率达到100%")                   # in part 一
    assert result.evidence and result.evidence[0].line == line
    assert dict(result.details)["elsewhere"] == (line,)


def test_a_work_item_mentioned_only_as_a_shortcoming_points_there():
    shortcomings = "一是行政机关负责人出庭应诉率不高，主要原因是部分单位重视不够。"
    text = report(measures=measures_with(NEUTRAL), leadership=leadership_without_court(), shortcomings=shortcomings)
    result = outcome(COURT, text)
    assert result.status == "fail" and result.evidence[0].line == line_of(text, "出庭应诉率不高")


def test_plans_checks_look_only_inside_the_plans_part():
    """A year, a figure and a document in part 一 do not make the plans name a year or a target."""
    plans = "（一）进一步提升执法水平。\n（二）严格按照《某县行政规范性文件管理规定》开展相关工作。"
    text = report(plans=plans, plans_heading="四、下年度推进法治政府建设工作要点")
    assert outcome("plans.named_year", text).status == "fail"
    assert outcome("plans.measurable", text).status == "fail"


def test_plans_with_a_year_and_a_target_pass():
    plans = "（一）年底前完成全部行政规范性文件清理。\n（二）研究制定《某县重大行政决策程序规定》。"
    text = report(plans=plans)
    assert outcome("plans.named_year", text).status == "pass"
    assert outcome("plans.measurable", text).status == "pass"


def test_a_part_limited_check_skips_when_its_part_is_missing():
    text = report().replace("四、2024年推进法治政府建设的主要安排", "").replace(
        "（一）开展基层执法人员全员轮训", "开展基层执法人员全员轮训")
    ctx = build_context(text, RULEBOOK)
    if ctx.has_part("plans"):
        pytest.skip("the plans part is still recognised from its content")
    assert outcome("plans.measurable", text).status == "skip"
