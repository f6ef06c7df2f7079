"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

One run; ``tool.driver.rules`` is the whole rulebook; one result per failed or partial check.
Levels: a failed check reports at its rule's severity (error → ``error``, warning → ``warning``,
info → ``note``); a *partial* check reports one step lower (error → ``warning``, otherwise ``note``),
because a partial check never fails the gate. Waived checks stay in the file with an external
suppression carrying the waiver's reason, so code scanning shows them as dismissed, not gone.
Files that could not be read, and files that are not annual reports, become tool notifications.

Paths are written as given, normalised (no ``./``, forward slashes) and percent-encoded, relative
to ``%SRCROOT%``; the CLI first makes them relative to the repository root (``auditor.locations``),
which is where code scanning looks for them. Each rule's ``helpUri`` is its entry in docs/rules.md
(``render/rule_links.py``; omitted when this installation cannot know that page's address), its
``help.markdown`` carries basis, suggestion and that link; the legal source stays in ``properties``.
"""
from __future__ import annotations

import json
import os
import posixpath
from urllib.parse import quote

from .. import __version__
from ..models import AuditResult, Result
from ..rulebook.model import Rule, Rulebook
from .findings import anchor_line, fingerprint
from .labels import plain_basis, status_label
from .rule_links import RULES_DOC, rule_anchor, rule_doc_url

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_PARTIAL_LEVEL = {"error": "warning", "warning": "note", "info": "note"}


def render_sarif(results: list[AuditResult], rulebook: Rulebook, failures=()) -> str:
    """The SARIF log of one run as a string; deterministic (no timestamps, stable order)."""
    index = {rule.id: i for i, rule in enumerate(rulebook.rules)}
    out_results, notifications = [], []
    for audit in results:
        if not audit.is_report:
            notifications.append(_notification(audit.path, "warning", "；".join(audit.notes) or "不是年度报告"))
        for r in audit.results:
            if r.status in ("fail", "partial"):
                out_results.append(_result(r, audit, index))
            elif r.status == "error":   # the rule could not run (规则出错): a tool problem, not a finding
                notifications.append(_notification(audit.path, "error", f"{r.rule_id}: {r.message}"))
    for failure in failures:
        notifications.append(_notification(failure.path, "error", failure.message))
    run = {
        "tool": {"driver": {
            "name": "auditor", "version": __version__, "semanticVersion": __version__,
            "fullName": f"auditor {__version__} · {rulebook.title}",
            "rules": [_rule(rule) for rule in rulebook.rules],
            "properties": {"rulebook": {"id": rulebook.id, "version": rulebook.version}},
        }},
        "invocations": [{"executionSuccessful": not failures and not _rule_errors(results),
                         "toolExecutionNotifications": notifications}],
        "artifacts": [{"location": _artifact_location(a.path), "hashes": {"sha-256": a.sha256}}
                      for a in results if a.sha256],
        "results": out_results,
        "columnKind": "unicodeCodePoints",
        "properties": {"reports": [{"path": a.path, "score": a.score, "passed": a.passed, "isReport": a.is_report}
                                   for a in results]},
    }
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _rule_errors(results: list[AuditResult]) -> bool:
    return any(r.status == "error" for a in results for r in a.results)


def _rule(rule: Rule) -> dict:
    help_lines = [f"依据：{plain_basis(rule.basis)}"]
    if rule.suggestion:
        help_lines.append(f"建议：{rule.suggestion}")
    url = rule_doc_url(rule.id)
    where = f"[{RULES_DOC}#{rule_anchor(rule.id)}]({url})" if url else f"`{RULES_DOC}` 中的 `{rule.id}`"
    markdown = [f"**{_md(rule.title)}**", "", *(_md(line) for line in help_lines), "", f"规则说明：{where}"]
    if rule.source:
        markdown.append(f"依据原文来源：<{rule.source}>")
    descriptor = {
        "id": rule.id,
        "name": rule.title,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.description or rule.title},
        "help": {"text": "\n".join(help_lines), "markdown": "\n".join(markdown)},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"kind": rule.kind, "type": rule.type, "part": rule.part, "basis": plain_basis(rule.basis),
                       "source": rule.source, "weight": rule.weight, "confirmed": rule.confirmed,
                       "applies": rule.applies_text(), "tags": [t for t in (rule.kind, rule.part, rule.area) if t]},
    }
    if url:
        descriptor["helpUri"] = url
    return descriptor


def _md(text: str) -> str:
    """Rule text (our own rulebook) in Markdown: only characters that would start markup are escaped."""
    return "".join("\\" + ch if ch in "\\`*_[]<>|#" else ch for ch in text)


def _result(r: Result, audit: AuditResult, index: dict[str, int]) -> dict:
    level = (_LEVEL if r.status == "fail" else _PARTIAL_LEVEL)[r.severity]
    evidence = list(r.evidence)
    primary = evidence[0] if evidence else None
    result = {
        "ruleId": r.rule_id,
        "level": level,
        "message": {"text": _message(r)},
        "locations": [_location(audit, primary.line if primary else anchor_line(r, audit),
                                primary.text if primary else None)],
        "partialFingerprints": {"auditorCheck/v1": fingerprint(r.rule_id, audit.path)},
        "properties": {"status": r.status, "severity": r.severity, "statusLabel": status_label(r.status, r.kind),
                       **({"searched": r.searched} if r.searched else {}),
                       **({"page": primary.page} if primary and primary.page else {})},
    }
    if r.rule_id in index:
        result["ruleIndex"] = index[r.rule_id]
    if len(evidence) > 1:
        result["relatedLocations"] = [dict(_location(audit, e.line, e.text), id=n)
                                      for n, e in enumerate(evidence[1:], 1)]
    if r.waived:
        result["suppressions"] = [{"kind": "external", "status": "accepted", "justification": r.waived}]
    return result


def _message(r: Result) -> str:
    text = f"{r.title}（{status_label(r.status, r.kind)}）：{r.message}"
    if r.suggestion:
        text += f" 建议：{r.suggestion}"
    return text + f" 依据：{plain_basis(r.basis)}"


def _location(audit: AuditResult, line: int, snippet: str | None) -> dict:
    region = {"startLine": max(1, line)}
    if snippet:
        region["snippet"] = {"text": snippet}
    return {"physicalLocation": {"artifactLocation": _artifact_location(audit.path), "region": region}}


def _artifact_location(path: str) -> dict:
    """A relative path stays relative to the checkout (``%SRCROOT%``); an absolute one becomes file://."""
    # The name's own bytes, even those that are not UTF-8; only Windows separates folders with "\\"
    # (elsewhere it is a character a file name may hold).
    posix = os.fsencode(path.replace(os.sep, "/"))
    if posix.startswith(b"/"):
        return {"uri": "file://" + quote(posixpath.normpath(posix))}
    return {"uri": quote(posixpath.normpath(posix)), "uriBaseId": "%SRCROOT%"}


def _notification(path: str, level: str, text: str) -> dict:
    return {"level": level, "message": {"text": f"{path}: {text}"},
            "locations": [{"physicalLocation": {"artifactLocation": _artifact_location(path)}}]}
