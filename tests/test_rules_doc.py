"""``audit rules list``: docs/rules.md is its Markdown output (kept fresh), the table fits 80 and 120 columns."""
from __future__ import annotations

import json

import pytest

from auditor.render.rules_doc import render_rules_markdown, render_rules_table

from .conftest import ROOT

DOC = ROOT / "docs" / "rules.md"


def test_docs_rules_md_is_fresh(rulebook):
    """Regenerate with: audit rules list --format markdown > docs/rules.md"""
    assert DOC.read_text(encoding="utf-8") == render_rules_markdown(rulebook)


def test_markdown_lists_every_rule_with_basis(rulebook):
    page = render_rules_markdown(rulebook)
    for rule in rulebook.rules:
        row = next(line for line in page.splitlines() if line.startswith(f"| `{rule.id}`<a name="))
        assert rule.basis.split("；")[0][:10] in row.replace("\\|", "|")


def test_every_rule_has_its_own_anchor_for_ci_links(rulebook):
    """SARIF helpUri and rdjson code.url end in docs/rules.md#<anchor>; each anchor must exist once."""
    from auditor.render.rule_links import rule_anchor

    page = DOC.read_text(encoding="utf-8")
    for rule in rulebook.rules:
        assert page.count(f'<a name="{rule_anchor(rule.id)}"></a>') == 1, rule.id


@pytest.mark.parametrize("width", [80, 120])
def test_table_fits_the_terminal_and_shows_every_id_whole(rulebook, width):
    from rich.cells import cell_len

    table = render_rules_table(rulebook, width)
    assert max(cell_len(line) for line in table.splitlines()) <= width
    for rule in rulebook.rules:
        assert f" {rule.id} " in table, rule.id


def test_table_shows_basis_and_applicability_and_wide_adds_kind_and_part(rulebook):
    narrow, wide = render_rules_table(rulebook, 80), render_rules_table(rulebook, 120)
    header = lambda text: next(line for line in text.splitlines() if "编号" in line)   # noqa: E731
    assert "类型" not in header(narrow) and "部分" not in header(narrow)
    assert all(name in header(wide) for name in ("名称", "类型", "部分", "级别", "适用", "依据"))
    for table in (narrow, wide):
        assert table.count("依据：") == len(rulebook.rules)      # the basis under each title
    assert "纲要2021" in wide                                    # instrument names shortened


def test_json_rows_have_the_listing_keys(invoke, rulebook):
    rows = json.loads(invoke("rules", "list", "--format", "json").output)
    assert len(rows) == len(rulebook.rules)
    assert {"id", "title", "kind", "part", "severity", "basis", "applies"} <= set(rows[0])


def test_rules_show_prints_basis_terms_and_examples(invoke):
    out = invoke("rules", "show", "leadership.report_out").output
    for fragment in ("依据", "检索词", "示例（应匹配）", "示例（不应匹配）", "待核实", "来源"):
        assert fragment in out
