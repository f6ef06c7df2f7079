"""Every rule of every shipped rulebook carries examples, and they behave (see auditor/rulebook/examples.py)."""
from __future__ import annotations

import pytest

from auditor.rulebook.examples import NoProbe, probes_defined, recognises
from auditor.rulebook.loader import builtin_names, load_rulebook

BOOKS = {name: load_rulebook(name) for name in builtin_names()}
CASES = [(name, rule.id) for name, book in BOOKS.items() for rule in book.rules]


@pytest.mark.parametrize("book,rule_id", CASES, ids=[f"{b}:{r}" for b, r in CASES])
def test_rule_examples(book, rule_id):
    rulebook = BOOKS[book]
    rule = rulebook.get(rule_id)
    assert rule.examples_match, f"{rule_id}: no examples.match"
    assert rule.examples_no_match, f"{rule_id}: no examples.no_match"
    if rule.type == "quality" and not probes_defined():
        pytest.skip("auditor.checks.quality defines no QUALITY_PROBES yet")
    parts = rulebook.of_type("part")
    try:
        wrong = [("match", t) for t in rule.examples_match if not recognises(rule, t, parts)]
        wrong += [("no_match", t) for t in rule.examples_no_match if recognises(rule, t, parts)]
    except NoProbe:
        pytest.fail(f"{rule_id}: quality check {rule.check!r} has no probe in QUALITY_PROBES")
    assert wrong == []


def test_recognises_follows_the_rule_type(rulebook):
    """One case per rule type, so a change of meaning in examples.py cannot go unnoticed."""
    parts = rulebook.of_type("part")
    assert recognises(rulebook.get("part.shortcomings"), "二、工作中的不足", parts)
    assert not recognises(rulebook.get("part.shortcomings"), "四、2021年工作思路", parts)
    order = rulebook.get("part.order")
    assert recognises(order, "一、主要举措和成效\n二、下一年度主要安排\n三、存在的不足和原因", parts)
    assert not recognises(order, "一、主要举措和成效\n二、存在的不足和原因\n三、下一年度主要安排", parts)
    three = rulebook.get("enforcement.three_systems")
    assert recognises(three, "推行行政执法公示制度。")     # one group of three: found (the check says partial)
    assert not recognises(three, "开展普法宣传。")


def test_national_rulebook_has_sixty_items_with_basis_and_applicability(rulebook):
    items = [r for r in rulebook.rules if r.type == "item"]
    assert len(items) >= 60
    for rule in items:
        assert rule.basis.strip() and rule.source and rule.suggestion, rule.id
        assert rule.applies_text(), rule.id
    unconfirmed = [r.id for r in rulebook.rules if not r.confirmed and r.severity == "error"]
    assert unconfirmed == []


def test_only_statutory_parts_and_the_first_responsible_item_are_errors(rulebook):
    errors = sorted(r.id for r in rulebook.rules if r.severity == "error" and r.type == "item")
    assert errors == ["leadership.first_responsible"]
