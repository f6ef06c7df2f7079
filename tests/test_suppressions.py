"""Suppressions in the document: one directive waives exactly its check, with its reason."""
from __future__ import annotations

import io
import json

import pytest

from auditor.batch import Failure, audit_one
from auditor.read import read_bytes

from .conftest import SEEDS


def gap_of(path, rulebook):
    """A failed check of the seed at ``path`` (chosen from the audit, not by name)."""
    audit = audit_one(str(path), rulebook, {})
    return audit, next(r for r in audit.results if r.status == "fail")


def compare(before, after, check: str, reason: str) -> None:
    """``after`` differs from ``before`` only in ``check`` being waived with ``reason``."""
    assert [r.rule_id for r in before.results] == [r.rule_id for r in after.results]
    for old, new in zip(before.results, after.results):
        assert (new.rule_id, new.status) == (old.rule_id, old.status)
        if new.rule_id == check:
            assert new.waived and reason in new.waived
        else:
            assert new.waived == old.waived
    assert after.score >= before.score


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_comment_directive_waives_exactly_its_check(tmp_path, rulebook, suffix):
    before, gap = gap_of(SEEDS[3], rulebook)
    text = SEEDS[3].read_text(encoding="utf-8")
    path = tmp_path / f"report{suffix}"
    path.write_text(text + f"\n<!-- audit: ignore={gap.rule_id} 本年度另行专题报告 -->\n", encoding="utf-8")
    after = audit_one(str(path), rulebook, {})
    compare(before, after, gap.rule_id, "本年度另行专题报告")
    # The directive is not report text, and every other line keeps its number.
    source = read_bytes(path.read_bytes(), str(path))
    original = text.split("\n")
    assert "audit:" not in source.text and source.lines[:len(original)] == original


def test_a_placeholder_reason_applies_with_a_note_naming_the_directive(tmp_path, rulebook):
    before, gap = gap_of(SEEDS[3], rulebook)
    path = tmp_path / "report.md"
    path.write_text(SEEDS[3].read_text(encoding="utf-8") + f"\n<!-- audit: ignore={gap.rule_id} 待定 -->\n",
                    encoding="utf-8")
    after = audit_one(str(path), rulebook, {})
    compare(before, after, gap.rule_id, "待定")
    noted = [n for n in after.notes if n not in before.notes]
    assert len(noted) == 1 and str(path) in noted[0] and gap.rule_id in noted[0]


def test_word_comment_directive_waives_exactly_its_check(tmp_path, rulebook):
    docx = pytest.importorskip("docx")
    before, gap = gap_of(SEEDS[3], rulebook)
    document = docx.Document()
    paragraphs = [document.add_paragraph(line) for line in SEEDS[3].read_text(encoding="utf-8").split("\n")]
    first = paragraphs[0].runs[0] if paragraphs[0].runs else paragraphs[0].add_run("")
    document.add_comment(first, text="请补充数据", author="审核人")                       # an ordinary comment
    document.add_comment(first, text=f"audit: ignore={gap.rule_id} 本年度另行专题报告", author="起草人")
    buffer = io.BytesIO()
    document.save(buffer)
    path = tmp_path / "report.docx"
    path.write_bytes(buffer.getvalue())
    after = audit_one(str(path), rulebook, {})
    assert not isinstance(after, Failure), after
    assert [r.status for r in after.results] == [r.status for r in audit_one(str(SEEDS[3]), rulebook, {}).results]
    waived = [r for r in after.results if r.waived]
    assert [r.rule_id for r in waived] == [gap.rule_id] and "第2条批注" in waived[0].waived


@pytest.mark.parametrize("directive, named", [
    ("ignore=no.such_check 理由", "no.such_check"),
    ("ignore={check}", "{check}"),
    ("skip={check} 理由", "skip"),
], ids=["unknown-id", "no-reason", "not-ignore"])
def test_an_unusable_directive_is_a_note_and_the_audit_goes_on(tmp_path, rulebook, directive, named):
    before, gap = gap_of(SEEDS[3], rulebook)
    text = SEEDS[3].read_text(encoding="utf-8")
    path = tmp_path / "report.md"
    path.write_text(text + f"\n<!-- audit: {directive.format(check=gap.rule_id)} -->\n", encoding="utf-8")
    after = audit_one(str(path), rulebook, {})
    assert not isinstance(after, Failure), after
    assert [(r.rule_id, r.status, r.waived) for r in after.results] == \
        [(r.rule_id, r.status, r.waived) for r in before.results]   # it waives nothing
    assert (after.passed, after.score) == (before.passed, before.score)
    noted = [n for n in after.notes if n not in before.notes]
    line = len(text.split("\n")) + 1
    assert len(noted) == 1 and f"第{line}行" in noted[0] and named.format(check=gap.rule_id) in noted[0]


def test_near_miss_id_gets_a_suggestion(tmp_path, rulebook):
    before, gap = gap_of(SEEDS[3], rulebook)
    path = tmp_path / "report.md"
    path.write_text(SEEDS[3].read_text(encoding="utf-8") + f"\n<!-- audit: ignore={gap.rule_id[:-1]} 理由 -->\n",
                    encoding="utf-8")
    noted = [n for n in audit_one(str(path), rulebook, {}).notes if n not in before.notes]
    assert len(noted) == 1 and gap.rule_id in noted[0]


def test_a_directive_shown_as_code_in_markdown_is_an_example(tmp_path, rulebook):
    before, gap = gap_of(SEEDS[3], rulebook)
    examples = (f"\n豁免写法示例：`<!-- audit: ignore={gap.rule_id} 示例理由 -->`，以及 ``<!-- audit: ignore=ID 理由 -->``。\n"
                f"\n```markdown\n<!-- audit: ignore={gap.rule_id} 示例理由 -->\n<!-- audit: ignore=ID 理由 -->\n```\n"
                f"\n~~~\n<!-- audit: skip=ID -->\n~~~\n")
    path = tmp_path / "report.md"
    path.write_text(SEEDS[3].read_text(encoding="utf-8") + examples, encoding="utf-8")
    after = audit_one(str(path), rulebook, {})
    assert not isinstance(after, Failure), after
    assert not any(r.waived for r in after.results) and [n for n in after.notes if n not in before.notes] == []
    # the same directive outside code is one
    path.write_text(SEEDS[3].read_text(encoding="utf-8") + examples + f"\n<!-- audit: ignore={gap.rule_id} 真实理由 -->\n",
                    encoding="utf-8")
    assert [r.rule_id for r in audit_one(str(path), rulebook, {}).results if r.waived] == [gap.rule_id]


def test_the_command_exits_as_the_audit_decides_despite_a_bad_directive(tmp_path, invoke):
    plain = invoke("check", SEEDS[3], "-q").exit_code
    path = tmp_path / "report.md"
    path.write_text(SEEDS[3].read_text(encoding="utf-8") + "\n<!-- audit: ignore=no.such_check 理由 -->\n",
                    encoding="utf-8")
    assert invoke("check", path, "-q").exit_code == plain != 2


def test_a_waiver_file_naming_no_check_still_stops_the_run(tmp_path, invoke):
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text("waivers:\n  - check: no.such_check\n    reason: 本年度无此项工作\n", encoding="utf-8")
    assert invoke("check", SEEDS[3], "--waivers", waivers).exit_code == 2


def test_unused_directive_is_noted(tmp_path, rulebook):
    audit = audit_one(str(SEEDS[3]), rulebook, {})
    passing = next(r for r in audit.results if r.status == "pass")
    path = tmp_path / "report.md"
    path.write_text(SEEDS[3].read_text(encoding="utf-8") + f"\n<!-- audit: ignore={passing.rule_id} 理由 -->\n",
                    encoding="utf-8")
    after = audit_one(str(path), rulebook, {})
    assert any(passing.rule_id in note for note in after.notes)
    assert not any(r.waived for r in after.results)


def test_cli_check_and_explain_agree_on_a_suppressed_check(tmp_path, invoke, rulebook):
    _, gap = gap_of(SEEDS[3], rulebook)
    path = tmp_path / "report.md"
    path.write_text(SEEDS[3].read_text(encoding="utf-8") + f"\n<!-- audit: ignore={gap.rule_id} 另行报告 -->\n",
                    encoding="utf-8")
    checks = json.loads(invoke("check", path, "-f", "json").output)["reports"][0]["checks"]
    checked = next(c for c in checks if c["id"] == gap.rule_id)
    explained = json.loads(invoke("explain", gap.rule_id, path, "-f", "json").output)
    assert (explained["status"], explained["waived"]) == (checked["status"], checked["waived"])
    assert "另行报告" in explained["waived"]
