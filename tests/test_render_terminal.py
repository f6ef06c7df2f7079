"""The terminal report: order of work, length, wrapping (display width, 避头尾, ids and numbers whole)."""
from __future__ import annotations

import re
from dataclasses import replace

import pytest
from hypothesis import assume, given, settings, strategies as st
from rich.cells import cell_len

from auditor.render.linebreak import CLOSING, OPENING, break_points, wrap
from auditor.render.rows import finding_groups
from auditor.render.terminal import MAX_LINES, render_terminal
from auditor.verdict import must_fix

from .render_helpers import seed_results

WIDTHS = (60, 80, 100, 137)
ID = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+")


def bad_lines(text: str, width: int) -> list[str]:
    """Lines that are too wide, start with closing or end with opening punctuation."""
    bad = []
    for line in text.splitlines():
        body = line.strip()
        if cell_len(line) > width or (body and (body[0] in CLOSING or body[-1] in OPENING)):
            bad.append(line)
    return bad


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("verbose", (False, True))
def test_every_seed_wraps_cleanly_at_every_width(width, verbose):
    for audit in seed_results():
        text = render_terminal(audit, width=width, verbose=verbose)
        assert bad_lines(text, width) == [], (audit.path, width)
        if verbose:   # every rule id appears whole on some line: none was split
            for r in audit.results:
                assert any(r.rule_id in line for line in text.splitlines()), (audit.path, width, r.rule_id)


def test_default_report_is_short_must_fix_first_and_verbose_shows_everything():
    for audit in seed_results():
        text = render_terminal(audit, width=100)
        assert text.count("\n") <= MAX_LINES, audit.path
        listed = [m for line in text.splitlines() for m in ID.findall(line) if audit.results and
                  any(m == r.rule_id for r in audit.results)]
        fixes = [r.rule_id for r in audit.results if must_fix(r, audit.fail_level)]
        assert listed[:len(fixes)] == fixes, audit.path
        found = [f["id"] for g in finding_groups(audit) for f in g["findings"]]
        assert sorted(set(listed)) == sorted(found) and len(listed) == len(found), audit.path   # each once
        full = render_terminal(audit, width=100, verbose=True)
        assert all(r.rule_id in full for r in audit.results)
        skipped = [r for r in audit.results if r.status == "skip"]
        assert all(r.rule_id not in text for r in skipped)


def test_optional_part_left_out_is_not_shown_as_missing():
    audit = next(a for a in seed_results() if any(r.rule_id == "part.other" and r.status == "skip"
                                                  for r in a.results))
    line = next(line for line in render_terminal(audit).splitlines() if "五、其他" in line)
    assert "未单列（可选）" in line and "缺失" not in line


def test_no_internal_caveats_or_patterns_reach_the_clerk():
    for audit in seed_results():
        text = render_terminal(audit, width=100, verbose=True)
        for word in ("未见原文", "待核实", "二手来源", "(?", "\\b", "[^"):
            assert word not in text, (audit.path, word)


def test_quiet_prints_only_gate_failures():
    for audit in seed_results():
        text = render_terminal(audit, quiet=True)
        fixes = [r.rule_id for r in audit.results if must_fix(r, audit.fail_level)]
        if audit.passed:
            assert text == ""
        else:
            assert sorted(set(ID.findall(text)) & {r.rule_id for r in audit.results}) == sorted(fixes)


def test_rule_error_status_is_shown_not_counted_as_a_gap():
    audit = seed_results()[3]
    broken = replace(audit.results[10], status="error", message="规则运行超时")
    text = render_terminal(replace(audit, results=audit.results[:10] + (broken,) + audit.results[11:]))
    assert "规则出错" in text and "规则运行超时" in text


# Words of ASCII stand apart, as in real text (glued together they would be one long word, folded).
TOKENS = st.lists(st.sampled_from(["行政复议", "申请", "376件", " 8.88% ", "第27行", " duty.four_personally ", "，",
                                   "。", "（", "）", "“", "”", "、", "——", " ", " 2020年", " abc ", "《条例》"]),
                  min_size=1, max_size=60)


@settings(max_examples=300, deadline=None)
@given(TOKENS, st.integers(min_value=32, max_value=120))
def test_wrapping_keeps_units_whole_and_honours_kinsoku(tokens, width):
    text = "".join(tokens)
    # three closing marks in a row glued to a long id can be wider than a line; real text has none
    assume(text.strip() and not re.search(f"[{re.escape(''.join(CLOSING))}]{{3}}", text.replace(" ", "")))
    lines = wrap(text, width, indent="  1. ")
    assert lines[0].startswith("  1. ")
    bodies = [lines[0][5:].strip()] + [line.strip() for line in lines[1:]]
    assert "".join(bodies).replace(" ", "") == text.replace(" ", "")   # nothing lost but spaces
    for n, (line, body) in enumerate(zip(lines, bodies)):
        assert cell_len(line) <= width and body
        assert n == 0 or body[0] not in CLOSING
        assert n == len(lines) - 1 or body[-1] not in OPENING
        if n:
            assert line.startswith("     ")   # hanging indent under the text, not the number
    for unit in ("376件", "8.88%", "第27行", "duty.four_personally", "2020年"):
        assert text.count(unit) == sum(line.count(unit) for line in lines), unit


@given(st.text(st.sampled_from("法治政府，。（）“” \t\u200d\ufe0f👍aZ9._-第年"), max_size=60),
       st.integers(min_value=1, max_value=70), st.integers(min_value=1, max_value=70))
def test_a_line_that_fits_whole_is_placed_as_the_full_breaking_would_place_it(text, width, first):
    """``break_points`` skips the unit-by-unit walk for text that fits on its first line: same offsets."""
    from auditor.render import linebreak

    assert linebreak.break_points(text, width, first) == linebreak._break(text, width, first, ())

@pytest.mark.parametrize("width", (60, 80, 100, 160))
def test_tags_and_header_pairs_are_never_broken(width):
    """A status tag such as （缺失·警告） and a header pair such as 层级：乡镇（街道） are on one line."""
    for audit in seed_results():
        lines = render_terminal(audit, width=width, verbose=True).splitlines()
        for g in finding_groups(audit):
            for f in g["findings"]:
                tag = f"（{f['status_label']}·{f['severity_label']}）"
                assert any(tag in line for line in lines), (audit.path, width, tag)
        for label in ("主体：", "年度：", "层级：", "规则集："):
            line = next(line for line in lines if label in line)
            assert not line.rstrip().endswith(label), (audit.path, width, label)
        for p in audit.parts:
            if p.heading:   # a part's heading is never split across lines at a width it fits in
                assert cell_len(p.heading) + 4 > width or any(p.heading in line for line in lines), p.heading


@settings(max_examples=200, deadline=None)
@given(TOKENS, st.integers(min_value=30, max_value=80), st.sampled_from(["（缺失·警告）", "（部分·必须修改）", "[不适用]"]))
def test_a_whole_span_is_never_broken(tokens, width, tag):
    text = "".join(tokens) + tag + "".join(reversed(tokens))
    start = len("".join(tokens))
    spans = break_points(text, width, whole=((start, start + len(tag)),))
    assert any(s <= start and start + len(tag) <= e for s, e in spans)


def test_part_names_stay_apart_from_their_status_when_parts_are_missing():
    from auditor import audit_text, load_rulebook
    from auditor.render.labels import PART_LABELS

    from .conftest import SEEDS
    from .render_helpers import without_part

    audit = audit_text(without_part(SEEDS[0], "leadership"), load_rulebook())
    assert any(p.status == "missing" for p in audit.parts)
    for width in (60, 80, 160):
        lines = render_terminal(audit, width=width).splitlines()
        for label in PART_LABELS.values():
            row = next(line for line in lines if line.startswith("  " + label))
            assert row[2 + len(label)] == " ", (width, row)


@pytest.mark.parametrize("commas", [9, 13, 18])
def test_a_tag_followed_by_more_closing_punctuation_than_fits_stays_whole(commas):
    """The tag and the commas that may not start a line form one unit wider than the line: it is
    folded after the tag, never inside it."""
    tag = "（缺失·警告）"
    text = "，" * commas + tag + "，" * commas
    start = commas
    spans = break_points(text, 30, whole=((start, start + len(tag)),))
    assert any(s <= start and start + len(tag) <= e for s, e in spans)
