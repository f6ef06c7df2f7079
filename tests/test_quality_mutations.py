"""Issue 4 "Done when": small edits to the real seeds flip the quality checks they should flip."""
from __future__ import annotations

import re

import pytest

from auditor import audit_text

from .conftest import SEEDS

CAUSE_SENTENCE = "究其原因，主要是部分单位和干部运用法治思维解决问题的意识和能力不足，配套制度和考核机制不够健全。"


def statuses(text: str, rulebook, previous: str | None = None) -> dict[str, str]:
    return {r.rule_id: r.status for r in audit_text(text, rulebook, previous=previous).results}


def _audit(seed):
    text = seed.read_text(encoding="utf-8")
    return text, text.split("\n")


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_plans_heading_naming_the_report_year_minus_one_fails(seed, rulebook):
    text, lines = _audit(seed)
    base = audit_text(text, rulebook)
    plans = next(p for p in base.parts if p.id == "plans")
    assert {r.rule_id: r.status for r in base.results}["plans.year_mismatch"] == "pass"
    wrong = str(base.meta.year - 1)
    heading = lines[plans.line - 1]
    if re.search(r"20\d\d\s*年", heading):
        lines[plans.line - 1] = re.sub(r"20\d\d(\s*年)", wrong + r"\1", heading, count=1)
    else:   # "四、下年度推进法治政府建设工作要点" → "四、2019年度推进法治政府建设工作要点"
        lines[plans.line - 1] = re.sub(r"(、)(下年度|下一年度)?", r"\g<1>" + wrong + "年度", heading, count=1)
    assert statuses("\n".join(lines), rulebook)["plans.year_mismatch"] == "fail"


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_20xx_in_the_first_line_fails_placeholder(seed, rulebook):
    text, lines = _audit(seed)
    assert statuses(text, rulebook)["hygiene.placeholder"] == "pass"
    lines[0] = "20XX年" + lines[0]
    assert statuses("\n".join(lines), rulebook)["hygiene.placeholder"] == "fail"


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_moving_shortcomings_after_plans_fails_part_order(seed, rulebook):
    text, lines = _audit(seed)
    base = audit_text(text, rulebook)
    parts = {p.id: p for p in base.parts}
    short, plans = parts["shortcomings"], parts["plans"]
    block = lines[short.line - 1: short.end_line]
    rest = lines[: short.line - 1] + lines[short.end_line:]
    shift = short.end_line - short.line + 1 if plans.line > short.line else 0
    end = plans.end_line - shift
    moved = audit_text("\n".join(rest[:end] + block + rest[end:]), rulebook)
    found = {p.id: p.line for p in moved.parts}
    assert found["shortcomings"] > found["plans"]
    assert {r.rule_id: r.status for r in moved.results}["part.order"] == "fail"


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_a_sentence_of_cause_analysis_turns_no_causes_to_pass(seed, rulebook):
    text, lines = _audit(seed)
    base = audit_text(text, rulebook)
    assert {r.rule_id: r.status for r in base.results}["shortcomings.no_causes"] in ("fail", "partial")
    short = next(p for p in base.parts if p.id == "shortcomings")
    lines[short.end_line - 1] += CAUSE_SENTENCE
    assert statuses("\n".join(lines), rulebook)["shortcomings.no_causes"] == "pass"


def test_seed_001_gains_a_cause_and_nothing_else_changes(rulebook):
    text, lines = _audit(SEEDS[1])
    base = statuses(text, rulebook)
    lines[40] += CAUSE_SENTENCE            # line 41: the whole 不足 part
    after = statuses("\n".join(lines), rulebook)
    assert after["shortcomings.no_causes"] == "pass"
    assert {k: v for k, v in after.items() if v != base[k]} == {"shortcomings.no_causes": "pass"}


def test_dropping_a_plan_opens_the_loop_in_seed_003(rulebook):
    text, lines = _audit(SEEDS[3])
    assert statuses(text, rulebook)["plans.unaddressed_shortcoming"] == "pass"
    cut = lines[:102] + lines[105:]        # drop "（三）进一步完善重大行政决策各项程序" and its body
    result = audit_text("\n".join(cut), rulebook)
    check = next(r for r in result.results if r.rule_id == "plans.unaddressed_shortcoming")
    assert check.status == "partial"
    assert [e.line for e in check.evidence] == [71]


def test_last_years_text_reused_is_found_with_both_line_numbers(rulebook):
    previous = SEEDS[3].read_text(encoding="utf-8")
    lines = previous.replace("2021 年工作思路", "2022 年工作思路").replace("2020", "2021").split("\n")
    lines[10] = "全年开展依法防控工作。"      # the rest of the report is last year's text with the year changed
    result = audit_text("\n".join(lines), rulebook, previous=previous)
    check = next(r for r in result.results if r.rule_id == "continuity.copied")
    assert check.status == "fail"
    rows = dict(check.details)["passages"]
    assert all(row["line"] and row["previous_line"] for row in rows)
    assert check.evidence and all(f"第{e.line}行 ↔ 上年第" in check.message for e in check.evidence[:1])
