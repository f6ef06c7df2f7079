"""The batch summary table at any width: within the width, names folded not cut, a reason per failure."""
from __future__ import annotations

import pytest
from rich.cells import cell_len

from auditor import load_rulebook
from auditor.render.records import summary_record
from auditor.render.summary import WIDE, render_summary

from .render_helpers import FAILURE, seed_results

LONG = "某某省某某市某某区人民政府某某街道办事处综合行政执法队"


def _records():
    records = [summary_record(a) for a in seed_results()]
    # a long path and issuer, which a narrow table must fold rather than cut
    return records + [dict(records[0], path="reports/2024/" + "a" * 50 + ".txt", issuer=LONG)]


@pytest.mark.parametrize("width", (60, 80, 100, 120, 160, 200))
def test_summary_fits_the_width_and_folds_names(width):
    rulebook = load_rulebook()
    records = _records()
    text = render_summary(records, [FAILURE], width=width, rulebook=rulebook)
    assert all(cell_len(line) <= width for line in text.splitlines()), width
    lines = text.splitlines()
    assert _reads_down(lines, 2 if width >= WIDE else 1, LONG), width
    for r in records:
        assert _reads_down(lines, 1, r["path"]), (width, r["path"])
    titles = {rule.id: rule.title for rule in rulebook.rules}
    failing = [r for r in records if r["is_report"] and not r["passed"]]
    assert failing, "the seeds include reports that fail the gate"
    for r in failing:   # the most serious gap is named, by the rule's title (whole or cut after a phrase)
        title = titles[r["top"][0][0]]
        assert title[:4] in _verdicts(text), (width, title)


def _reads_down(lines: list[str], column: int, name: str) -> bool:
    """Does ``name`` read whole down a column of the table, starting on some line of it?"""
    cells = [line.split("|")[column].strip() if line.startswith("|") else None for line in lines]
    for n, first in enumerate(cells):
        if first and name.startswith(first):
            down = []
            for cell in cells[n:]:
                if cell is None:
                    break
                down.append(cell)
            if "".join(down).startswith(name):
                return True
    return False


def test_a_failing_report_without_a_rulebook_names_the_rule_id():
    record = next(summary_record(a) for a in seed_results() if not a.passed)
    text = render_summary([record], [], width=80)
    assert record["top"][0][0] in _verdicts(text)


def _verdicts(text: str) -> str:
    """The 结论 column read down, header excluded."""
    rows = [line for line in text.splitlines() if line.startswith("|")]
    return "".join(line.split("|")[-2].strip() for line in rows[2:])


def test_a_report_that_passes_gives_no_reason():
    record = next(summary_record(a) for a in seed_results() if a.passed)
    assert _verdicts(render_summary([record], [], width=80)) == "通过"


@pytest.mark.parametrize("width", (60, 80, 100, 160))
def test_summary_headline_counts_and_no_trailing_spaces(width):
    import re

    records = [summary_record(a) for a in seed_results()]
    text = render_summary(records, [FAILURE], width=width, rulebook=load_rulebook())
    lines = text.splitlines()
    assert [line for line in lines if line != line.rstrip()] == []
    counts = [int(n) for n in re.findall(r"\d+", lines[0])]
    passed = sum(1 for r in records if r["is_report"] and r["passed"])
    failed = sum(1 for r in records if r["is_report"] and not r["passed"])
    assert passed and failed and counts[0] == len(records) + 1
    assert sorted(counts[1:]) == sorted(n for n in (passed, failed, 1) if n)


@pytest.mark.parametrize("width", (60, 80, 100))
def test_the_reason_gets_the_room_a_short_file_name_leaves(width):
    """The name column is wider than its longest path (or header) only when every reason already fits
    on one line: a reason is never wrapped beside a mostly blank name column."""
    from auditor.render.summary import _verdict

    rulebook = load_rulebook()
    records = [dict(summary_record(a), path=f"{n}.txt") for n, a in enumerate(seed_results())]
    text = render_summary(records, [], width=width, rulebook=rulebook)
    rows = [line for line in text.splitlines() if line.startswith("|")]
    name_w, verdict_w = (cell_len(rows[0].split("|")[i]) - 2 for i in (1, -2))
    rules = {r.id: r for r in rulebook.rules}
    longest_reason = max(cell_len(_verdict(r, rules)[2]) for r in records)
    assert longest_reason > 20   # some reason that needs room
    assert name_w <= max(cell_len("文件 / 主体"), *(cell_len(r["path"]) for r in records)) + 1 \
        or verdict_w >= longest_reason, (width, name_w, verdict_w)
