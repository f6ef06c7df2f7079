"""Parts are found by meaning: deleting one makes it missing (gate fails); renaming headings to
wordings used in no seed still finds all four."""
from __future__ import annotations

import re

import pytest

from auditor import audit_text

from .conftest import SEEDS

PART_IDS = ("measures", "shortcomings", "leadership", "plans")
# Wordings that appear in no seed (the examples and common variants in other reports).
RENAMES = {
    "measures": ["{y}年度依法行政工作开展情况", "推进法治政府建设主要做法及成效"],
    "shortcomings": ["存在的问题及原因分析", "当前工作中的短板弱项及成因"],
    "leadership": ["主要负责同志履行推进法治建设第一责任人职责情况", "区委区政府主要负责人履职情况"],
    "plans": ["下一步工作打算", "{n}年工作计划"],
}


def _drop_lines(text: str, spans) -> str:
    drop = {n for lo, hi in spans for n in range(lo, hi + 1)}
    return "\n".join(line for n, line in enumerate(text.split("\n"), 1) if n not in drop)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
@pytest.mark.parametrize("part_id", PART_IDS)
def test_deleting_a_part_makes_it_missing(seed, part_id, rulebook):
    text = seed.read_text(encoding="utf-8")
    base = {p.id: p for p in audit_text(text, rulebook).parts}
    assert base[part_id].status == "present"
    result = audit_text(_drop_lines(text, base[part_id].spans), rulebook)
    assert {p.id: p.status for p in result.parts}[part_id] == "missing"
    assert {r.rule_id: r.status for r in result.results}[f"part.{part_id}"] == "fail"
    assert result.passed is False


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
@pytest.mark.parametrize("variant", [0, 1])
def test_renamed_headings_are_still_found(seed, variant, rulebook):
    text = seed.read_text(encoding="utf-8")
    base = audit_text(text, rulebook)
    lines = text.split("\n")
    year = base.meta.year
    for part in base.parts:
        if part.id not in RENAMES:
            continue
        original = lines[part.line - 1]
        marker = re.match(r"\s*(\S{1,4}?[、.．])", original).group(1)
        title = RENAMES[part.id][variant].format(y=year, n=year + 1)
        lines[part.line - 1] = marker + title
    result = audit_text("\n".join(lines), rulebook)
    assert {p.id: p.status for p in result.parts if p.id in PART_IDS} == {p: "present" for p in PART_IDS}
