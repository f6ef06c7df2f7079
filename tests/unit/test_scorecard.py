"""The scorecard indicators: publication deadline, completeness, concreteness, causes, follow-up."""
from __future__ import annotations

from dataclasses import replace

from auditor import audit_text
from auditor.models import Result
from auditor.scorecard import completeness, concreteness, follow_up, on_time, score_card

REPORT = "\n".join([
    "某县2023年法治政府建设年度报告",
    "一、2023年推进法治政府建设的主要举措和成效",
    "全年办理行政复议案件45件，行政机关负责人出庭应诉率100%。印发《某县重大行政决策程序规定》（某政发〔2023〕12号）。",
    "例如，某镇通过调解化解一起土地纠纷。",
    "二、存在的不足和原因",
    "执法能力有待提高。",
    "三、党政主要负责人履行推进法治建设第一责任人职责情况",
    "县长主持召开常务会议3次研究法治政府建设。",
    "四、2024年主要安排",
    "继续推进严格规范公正文明执法。",
])


def test_on_time_reads_the_timeliness_check(rulebook):
    checks = {r.check: r.id for r in rulebook.rules if r.type == "quality"}
    for published, value in (("2024-03-31", "on_time"), ("2024-04-01", "late")):
        text = REPORT + f"\n某县人民政府\n{published[:4]}年{int(published[5:7])}月{int(published[8:])}日"
        card = score_card(audit_text(text, rulebook), text, checks)
        assert card["on_time"]["value"] == value and card["on_time"]["published"] == published
        assert card["on_time"]["deadline"] == "2024-03-31"
    assert score_card(audit_text(REPORT, rulebook), REPORT, checks)["on_time"]["value"] == "unknown"
    assert on_time(None)["value"] == "unknown"


def test_completeness_counts_parts_and_identifying_elements():
    audit = audit_text(REPORT)
    full = replace(audit, parts=tuple(replace(p, status="present") for p in audit.parts))
    assert completeness(full) == {"value": 100.0, "missing": []}
    bare = replace(full, meta=replace(audit.meta, title=None, issuer=None),
                   parts=tuple(replace(p, status="weak" if p.id == "plans" else "missing" if p.id == "leadership"
                                       else p.status) for p in full.parts))
    found = completeness(bare)
    assert found["missing"] == ["leadership", "plans", "title", "issuer"] and found["value"] == round(100 * 3.5 / 7, 1)


def test_concreteness_counts_figures_cases_and_documents_per_part():
    audit = audit_text(REPORT)
    card = concreteness(audit, REPORT)
    measures = card["parts"]["measures"]
    assert (measures["figures"], measures["cases"], measures["documents"]) == (2, 1, 2)
    assert card["parts"]["shortcomings"]["figures"] == 0 and card["parts"]["leadership"]["figures"] == 1
    assert card["figures"] == 3   # years and the plan's "2024年" are not figures
    assert card["per_1000"] > 0 and card["parts"]["plans"]["per_1000"] == 0


def test_follow_up_is_the_share_of_last_years_plans_taken_up():
    rows = ({"plan": "a", "line": 12}, {"plan": "b", "line": None}, {"plan": "c", "line": 30}, {"plan": "d", "line": 4})
    result = Result("continuity.unfollowed_plan", "quality", None, "partial", "warning", "t", "m", "b",
                    details=(("plans", rows),))
    assert follow_up(result) == {"value": 75.0, "plans": 4, "followed": 3}
    assert follow_up(replace(result, status="skip"))["value"] is None and follow_up(None)["value"] is None


def test_score_card_reads_the_rulebook_checks_by_name(rulebook):
    audit = audit_text(REPORT, rulebook)
    checks = {r.check: r.id for r in rulebook.rules if r.type == "quality"}
    card = score_card(audit, REPORT, checks)
    causes = next(r for r in audit.results if r.rule_id == checks["causes"])
    assert card["causes"] == causes.status and card["follow_up"]["value"] is None
    assert set(card) == {"on_time", "complete", "concreteness", "causes", "follow_up"}
