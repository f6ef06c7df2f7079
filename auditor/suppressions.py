"""Suppressions inside the document: ``<!-- audit: ignore=ID 理由 -->`` waives one check of that report.

A drafting office can accept a gap where it writes the report, the way Vale's ``<!-- vale off -->``
or ruff's ``noqa`` work in code: in Markdown and plain text as an HTML comment, in Word as a review
comment (批注) whose text starts with the same directive (``audit: ignore=ID 理由``; the ``<!-- -->``
may be left out there). One directive waives exactly one check — an exact rule id, no prefixes —
with its reason, and the check is shown as waived like one from a waiver file (it keeps its status
and leaves the score and the gate). A directive that cannot be used (no such check, no reason, not
``ignore=``) waives nothing and becomes a note on that report naming its place, never a silent no-op
and never the end of the run: a note that documents the syntax must not stop an audit. A directive
shown as an example — in a Markdown code span or fenced block — is no directive (``auditor.read.markdown``).

Readers collect the raw directives (``Source.directives``: where, text after ``audit:``); this
module turns them into waivers against a rulebook.
"""
from __future__ import annotations

import re

from .closest import did_you_mean
from .waivers import Waiver
from .text.lazy import lazy_compile

# An HTML comment whose text starts with "audit:"; the body runs to the end of the comment.
COMMENT = lazy_compile(r"<!--[ \t]*audit:(.*?)-->", re.DOTALL)
# The directive itself: ignore=ID followed by the reason.
_IGNORE = lazy_compile(r"^\s*ignore\s*=\s*([A-Za-z0-9_.\-]+)(?:\s+(.*?))?\s*$", re.DOTALL)


def find_comment_directives(text: str) -> tuple[tuple[str, str], ...]:
    """``(第N行, body)`` for every ``<!-- audit: … -->`` comment of ``text`` (1-based line of ``<!--``)."""
    return tuple((f"第{text.count(chr(10), 0, m.start()) + 1}行", m.group(1)) for m in COMMENT.finditer(text))


def blank_comment_directives(text: str) -> str:
    """``text`` with every directive comment replaced by its line breaks (line numbers unchanged)."""
    return COMMENT.sub(lambda m: "\n" * m.group().count("\n"), text)


def directive_body(comment_text: str) -> str | None:
    """The body of a Word comment that is a directive (``audit: …`` or ``<!-- audit: … -->``), else ``None``."""
    text = comment_text.strip()
    match = COMMENT.match(text)
    if match:
        return match.group(1)
    return text[len("audit:"):] if text.startswith("audit:") else None


def suppressions(directives, rule_ids: list[str], path: str) -> tuple[tuple[Waiver, ...], tuple[str, ...]]:
    """(waivers, notes) from a report's raw directives: each usable directive is a waiver, each other
    one a note in Chinese naming its place (第N行 or 第N条批注) and what is wrong with it."""
    waivers, notes = [], []
    for where, body in directives:
        match = _IGNORE.match(body)
        if not match:
            notes.append(f"{where}的文内豁免没有生效：无法识别的指令“audit:{' '.join(body.split())}”"
                         "（应写成 audit: ignore=检查项编号 理由）")
            continue
        check, reason = match.group(1), " ".join((match.group(2) or "").split())
        if check not in rule_ids:
            hint = did_you_mean(check, rule_ids)
            notes.append(f"{where}的文内豁免没有生效：规则集中没有检查项 {check}" + (f"，{hint}" if hint else "")
                         + "（文内豁免须写完整的检查项编号）")
        elif not reason:
            notes.append(f"{where}的文内豁免（{check}）没有生效：缺少豁免理由（写在编号后面，例如 ignore={check} 本年度无此项工作）")
        else:
            waivers.append(Waiver(check, reason, where=f"{path} {where}", origin=f"{where}的文内豁免"))
    return tuple(waivers), tuple(notes)
