"""Markdown for pull-request comments: structure, gaps, folded checklist, escaping."""
from __future__ import annotations

import re
from dataclasses import replace

from auditor.render.labels import gaps
from auditor.render.markdown import esc, render_markdown

from .render_helpers import FAILURE, hostile, seed_results

UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def table_rows(text: str) -> list[list[str]]:
    """Consecutive lines starting with "|" grouped as tables."""
    tables, current = [], []
    for line in text.splitlines():
        if line.startswith("|"):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    return tables + ([current] if current else [])


def test_one_section_per_report_with_parts_gaps_and_folded_checklist(rulebook):
    audits = list(seed_results())
    text = render_markdown(audits, rulebook)
    assert text.count("\n### ") == len(audits)
    assert text.count("<details>") == text.count("</details>") == len(audits)
    assert text.startswith("## 审查汇总")
    for audit in audits:
        assert f"`{audit.path}`" in text
        for r in audit.results:
            assert f"`{r.rule_id}`" in text


def test_gaps_are_listed_with_suggestion_and_basis(rulebook):
    audit = seed_results()[4]
    text = render_markdown([audit], rulebook)
    section = text.split("#### 问题与建议", 1)[1].split("<details>", 1)[0]
    listed = re.findall(r"^\d+\. .*?（`([\w.]+)`", section, flags=re.M)
    assert listed == [r.rule_id for r in gaps(audit.results)]
    assert section.count("依据：") == len(listed)


def test_tables_keep_their_columns_whatever_the_report_says(rulebook):
    text = render_markdown([hostile(seed_results()[2]), seed_results()[3]], rulebook, [FAILURE])
    tables = table_rows(text)
    assert len(tables) >= 5
    for rows in tables:
        widths = {len(UNESCAPED_PIPE.findall(row)) for row in rows}
        assert len(widths) == 1, rows


def test_report_text_cannot_open_html_or_markdown(rulebook):
    text = render_markdown([hostile(seed_results()[2])], rulebook)
    assert "<script" not in text.lower() and "<img" not in text.lower()
    for token, word in (("[", "链接"), ("`", "代码"), ("*", "粗"), ("$", "x")):
        assert not re.search(r"(?<!\\)" + re.escape(token + word), text), token
        assert "\\" + token + word in text
    assert esc("a|b<c>*d* &lt;") == r"a\|b&lt;c&gt;\*d\* &amp;lt;"


def test_single_report_with_unreadable_file_mentions_it(rulebook):
    text = render_markdown([seed_results()[0]], rulebook, [FAILURE])
    assert "无法读取" in text and "坏文件" in text


def test_waived_check_is_shown_as_waived_with_reason(rulebook):
    audit = seed_results()[0]
    results = (replace(audit.results[0], status="fail", waived="另行专题报告"),) + audit.results[1:]
    text = render_markdown([replace(audit, results=results)], rulebook)
    assert "已豁免" in text and "另行专题报告" in text


def test_a_large_batch_stays_under_the_step_summary_limit(rulebook):
    """GitHub refuses a job summary over 1 MiB: a large batch gets the summary table and a pointer."""
    from auditor.render.markdown import MAX_BYTES

    audits = [replace(a, path=f"drafts/{n:04d}-{a.path.rsplit('/', 1)[-1]}") for n in range(60) for a in seed_results()]
    full = render_markdown(audits[:2], rulebook)
    assert "<details>" in full
    text = render_markdown(audits, rulebook)
    assert len(text.encode("utf-8")) <= MAX_BYTES < 1024 * 1024
    assert "<details>" not in text and all(f"`{a.path}`" in text for a in audits)
    assert "HTML" in text.splitlines()[-1]
    tight = render_markdown(audits, rulebook, max_bytes=20_000)
    assert len(tight.encode("utf-8")) <= 20_000 and "未列出" in tight
