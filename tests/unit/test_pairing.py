"""The terminal tables built from check details (auditor/render/pairing.py)."""
from __future__ import annotations

from auditor import audit_file
from auditor.render.terminal import render_terminal

from ..conftest import ROOT


def test_seed_003_pairing_table_lists_three_pairs(rulebook):
    text = render_terminal(audit_file(str(ROOT / "seeds" / "003.txt"), rulebook), width=140, verbose=True)
    table = text[text.index("闭环：不足 ↔ 下一年度安排"):]
    for problem, plan in (("第61行", "第95行"), ("第65行", "第99行"), ("第71行", "第103行")):
        row = next(line for line in table.splitlines() if problem in line)
        assert plan in row
    assert "未找到对应措施" not in table


def test_unanswered_problem_is_marked(rulebook):
    text = render_terminal(audit_file(str(ROOT / "seeds" / "000.txt"), rulebook), width=140, verbose=True)
    assert "未找到对应措施" in text


def test_no_previous_no_continuity_tables(rulebook):
    text = render_terminal(audit_file(str(ROOT / "seeds" / "001.txt"), rulebook), width=140, verbose=True)
    assert "上一年度安排" not in text and "与上一年度报告相同的段落" not in text
