"""Findings as CI systems want them: one flat record per gap, with a file, a line and a gate flag.

The annotation formats (``github``, ``gitlab``, ``rdjson``) and SARIF start from here, so they agree on
which checks are findings, where each points and which ones fail the gate. A finding is a failed or
partial check that is not waived. Its line is the first evidence line; a gap without evidence (a
missing item) points at its part's heading, where the text is to be added, else at the title line,
else line 1 — annotation formats need a line.
"""
from __future__ import annotations

import hashlib

from ..models import AuditResult, Result, record
from ..scoring import blocks
from .labels import plain_basis, status_label


@record
class Finding:
    """One gap of one report, ready for an annotation format."""

    path: str
    line: int
    rule_id: str
    title: str
    status: str          # fail | partial
    severity: str        # the rule's: error | warning | info
    blocking: bool       # this finding alone fails the gate (see scoring.blocks)
    message: str         # one line: title (status): message, suggestion, basis
    excerpt: str | None  # the evidence text on that line, if any
    fingerprint: str     # stable across edits that move lines: rule id + path


def findings(audits: list[AuditResult]) -> list[Finding]:
    """Every unwaived failed or partial check of ``audits``, in report and rulebook order."""
    out = []
    for audit in audits:
        for r in audit.results:
            if r.status in ("fail", "partial") and not r.waived:
                out.append(finding(r, audit))
    return out


def finding(r: Result, audit: AuditResult) -> Finding:
    """The ``Finding`` of one failed or partial check of ``audit``."""
    first = r.evidence[0] if r.evidence else None
    return Finding(audit.path, first.line if first else anchor_line(r, audit), r.rule_id, r.title, r.status,
                   r.severity, blocks(r, audit.fail_level), one_line(r), first.text if first else None,
                   fingerprint(r.rule_id, audit.path))


def anchor_line(r: Result, audit: AuditResult) -> int:
    """Where a finding without evidence points: its part's heading, else the title line, else line 1."""
    for part in audit.parts:
        if part.id == r.part and part.line:
            return part.line
    return audit.meta.title_line or 1


def one_line(r: Result) -> str:
    """The finding as one line of Chinese: what, how it stands, what to add, on what basis."""
    text = f"{r.title}（{status_label(r.status, r.kind)}）：{r.message}"
    if r.suggestion:
        text += f" 建议：{r.suggestion}"
    return " ".join((text + f" 依据：{plain_basis(r.basis)}").split())


def fingerprint(rule_id: str, path: str) -> str:
    """32 hex digits from rule id and path: one check reports once per file, whatever lines move."""
    return hashlib.sha256(f"{rule_id}\0{path}".encode("utf-8", "surrogateescape")).hexdigest()[:32]
