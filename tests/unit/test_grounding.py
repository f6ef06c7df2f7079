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


# ── documents made or cited, and lists of fields (own fixture sentences) ──────────────────────────

PLAN = "duty.plan_integration"        # 法治…工作要点/工作计划/规划
ANNUAL = "party.annual_report"        # 法治政府建设年度报告 …
RECONSIDERATION = "disputes.reconsideration"


def _leadership(extra: str) -> str:
    return report(leadership=leadership_without_court() + extra)


@pytest.mark.parametrize("extra", [
    "制定印发《某某县2023年度法治政府建设工作要点》，明确任务分工。",
    "推动出台《某某县法治政府建设工作计划》。",
    "区政府常务会议审议并通过了《某某区推进依法行政工作方案》《某某区法治政府建设工作要点》等文件。",
    "制发《某某镇2023年法治建设工作安排》《某某镇法治建设工作计划》。",
    "《某某县2023年法治政府建设工作要点》经县政府常务会议审议通过。",
])
def test_a_document_the_body_made_reports_that_work(extra):
    assert outcome(PLAN, _leadership(extra)).status == "pass"


@pytest.mark.parametrize("extra", [
    "认真贯彻《某某省法治政府建设工作要点》。",
    "严格执行《某某市法治政府建设规划》，按照《某某市法治建设工作计划》开展工作。",
    "《某某省法治建设规划》出台后，组织干部集中学习。",
])
def test_a_document_only_cited_or_followed_is_only_a_title(extra):
    result = outcome(PLAN, _leadership(extra))
    assert result.status == "partial" and dict(result.details).get("ungrounded")


def test_the_annual_report_adopted_is_work_done():
    extra = "区政府常务会议审议并通过《某某区2022年法治政府建设年度报告》，按时向社会公开。"
    text = report(measures=measures_with(extra))
    assert outcome(ANNUAL, text).status == "pass"


@pytest.mark.parametrize("extra", [
    "在行政执法、行政复议、法律服务等各项工作中坚持依法办事。",
    "区长专题研究法治政府建设五年规划、行政复议体制改革等重点难点问题12个。",
    "多次召开常务会议专题研究行政立法、行政执法、行政复议等工作。",
    "清理涉及行政复议、行政应诉的规范性文件9件。",
])
def test_a_member_of_a_list_of_fields_or_topics_is_only_a_list(extra):
    measures = MEASURES.replace("全年办理行政复议案件85件，纠错率7.1%；", "") + "\n" + extra
    ctx = build_context(report(measures=measures), RULEBOOK)
    hits = RULEBOOK.get(RECONSIDERATION).match.find(ctx.scope("work"))
    assert hits and {place_of(ctx, h) for h in hits} == {"list"}
    assert outcome(RECONSIDERATION, report(measures=measures)).status == "partial"


@pytest.mark.parametrize("extra", [
    "扎实开展行政复议、行政应诉等工作，全年受理行政复议案件35件，审结32件。",
    "严格落实公众参与、专家论证、行政复议听证等工作制度。",              # a list of systems set up
    "办理行政复议、行政诉讼等案件120件。",                               # cases, not fields
])
def test_a_list_that_goes_on_to_report_handling_is_work_done(extra):
    measures = MEASURES.replace("全年办理行政复议案件85件，纠错率7.1%；", "") + "\n" + extra
    assert outcome(RECONSIDERATION, report(measures=measures)).status == "pass"


def test_a_list_does_not_swallow_the_verb_before_it():
    """"……专题研究A、B等问题": the meeting and the research are work, only A and B are listed."""
    extra = "县长主持召开常务会议专题研究法治政府建设规划、行政复议体制改革等重点问题。"
    ctx = build_context(_leadership(extra), RULEBOOK)
    hits = RULEBOOK.get("duty.org_leadership").match.find(ctx.scope("leadership"))
    line = line_of(_leadership(extra), "重点问题")
    assert {place_of(ctx, h) for h in hits if h.line == line} == {"body"}


# ── pointers to related content ──────────────────────────────────────────────────────────────

def test_pointers_never_name_the_title_or_the_opening_boilerplate():
    opening = "2023年，某县坚持依法行政，为全县高质量发展提供坚强法治保障，现将法治政府建设年度报告如下。"
    text = report(opening=opening, leadership=leadership_without_court())
    for rule_id in (ANNUAL, "duty.resources"):
        result = outcome(rule_id, text)
        assert result.status == "fail" and not result.evidence, rule_id


def test_an_opening_with_figures_is_still_pointed_to():
    opening = "2023年，某县投入法治建设经费120万元，新增法治专职人员6名，现将有关情况报告如下。"
    text = report(opening=opening, leadership=leadership_without_court())
    result = outcome("duty.resources", text)
    assert result.status == "fail" and [e.line for e in result.evidence] == [line_of(text, "120万元")]


def test_three_systems_evidence_names_the_item_first_and_ignores_decision_records():
    measures = MEASURES.replace("全面落实行政执法公示、执法全过程记录、重大执法决定法制审核制度，", "") + (
        "\n努力实现决策全过程记录，对各类文件提出法制审核意见198件次。"
        "\n全面监督落实行政执法“三项制度”，督促各执法部门规范执法。")
    text = report(measures=measures)
    result = outcome("enforcement.three_systems", text)
    assert result.status == "pass" and result.evidence[0].line == line_of(text, "“三项制度”")
    only_parts = report(measures=MEASURES.replace("全面落实行政执法公示、执法全过程记录、重大执法决定法制审核制度，", "")
                        + "\n努力实现决策全过程记录，对各类文件提出法制审核意见198件次。")
    assert outcome("enforcement.three_systems", only_parts).status in ("fail", "partial")
    assert not {e.line for e in outcome("enforcement.three_systems", only_parts).evidence} & {
        line_of(only_parts, "决策全过程记录")}


def test_a_character_lost_in_decoding_does_not_end_the_sentence():
    """"行?促进": a "?" between Chinese characters replaced one the encoding could not hold."""
    extra = "推动行政复议、《某某市文明行?促进条例》执法、行政应诉等重点工作落实。"
    measures = MEASURES.replace("全年办理行政复议案件85件，纠错率7.1%；", "") + "\n" + extra
    assert outcome(RECONSIDERATION, report(measures=measures)).status == "partial"
