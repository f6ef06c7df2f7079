"""numbering.*: heading order 一、→（一）→1.→（1） (auditor/checks/numbering.py)."""
from __future__ import annotations

import pytest

from auditor.checks.numbering import effective_levels, find_problems
from auditor.text.normalize import normalize_text
from auditor.text.sections import parse_sections

from .minireport import MEASURES, outcome, report, status


def problems(text: str) -> list[tuple[str, int]]:
    sections = parse_sections(normalize_text(text))
    return [(f.problem, f.line) for f in find_problems(sections, effective_levels(sections, set()))]


def test_repeated_number_is_a_duplicate():
    text = "一、甲\n（一）子一\n（二）子二\n（二）子三\n（三）子四"
    assert problems(text) == [("duplicate", 4)]


def test_skipped_number_is_a_gap():
    assert problems("一、甲\n1.子一\n2.子二\n4.子三") == [("gap", 4)]
    assert problems("一、甲\n（二）子一") == [("gap", 2)]


def test_numbers_restart_under_each_parent():
    assert problems("一、甲\n（一）子\n（二）子\n二、乙\n（一）子\n（二）子") == []


@pytest.mark.parametrize("text,line", [
    ("一、甲\n二、乙\n3、丙", 3),                  # mis-styled top-level heading (as a part heading it is promoted)
    ("一、甲\n1、子一", 2),                          # 1、 for 1.
    ("一、甲\n（一）、子一", 2),                     # extra punctuation after the bracket
    ("一、甲\n（一）子一\n(二)子二", 3),             # half- and full-width brackets mixed
    ("一、甲\n（1）子一\n（2）子二\n（三）子三", 4),  # one sequence in two marker forms
])
def test_style_findings(text, line):
    assert ("style", line) in problems(text)


def test_consistent_half_width_brackets_are_not_a_style_finding():
    assert problems("一、甲\n(一)子一\n(二)子二\n二、乙\n(一)子一") == []


def test_rules_on_a_report():
    measures = MEASURES.replace("（三）化解矛盾纠纷", "（四）化解矛盾纠纷")
    assert status("numbering.gap", report(measures=measures)) == "fail"
    assert status("numbering.duplicate", report(measures=measures)) == "pass"
    measures = MEASURES.replace("（三）化解矛盾纠纷", "（二）化解矛盾纠纷")
    assert status("numbering.duplicate", report(measures=measures)) == "fail"
    assert status("numbering.style", report(measures=MEASURES.replace("（二）", "（二）、"))) == "fail"
    for rule in ("numbering.gap", "numbering.duplicate", "numbering.style", "numbering.part_sequence"):
        assert status(rule, report()) == "pass"


def test_top_level_gap_is_the_part_sequence_rule():
    text = report(plans_heading="五、2024年推进法治政府建设的主要安排")
    result = outcome("numbering.part_sequence", text)
    assert result.status == "fail" and "五、" in result.message
    assert status("numbering.gap", text) == "pass"      # levels 2–4 only


def test_seed_000_part_heading_3_is_style_not_sequence(rulebook):
    from auditor import audit_file

    from ..conftest import ROOT

    result = {r.rule_id: r for r in audit_file(str(ROOT / "seeds" / "000.txt"), rulebook).results}
    assert result["numbering.part_sequence"].status == "pass"
    assert 37 in [row["line"] for row in dict(result["numbering.style"].details)["findings"]]
    assert [row["line"] for row in dict(result["numbering.duplicate"].details)["findings"]] == [21]
