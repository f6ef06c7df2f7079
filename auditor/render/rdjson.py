"""``--format rdjson``: Reviewdog Diagnostic Format (``reviewdog -f=rdjson``), one diagnostic per finding.

A ``DiagnosticResult`` object: ``source`` names the tool, each diagnostic has ``message``,
``location.path`` with ``range.start.line`` (whole-line findings carry no column), ``severity``
(``ERROR`` for a finding that fails the gate, ``WARNING`` for other gaps of error or warning
severity, ``INFO`` otherwise) and ``code`` (the rule id, with its docs/rules.md entry as ``url``
when this installation knows that address, see ``render/rule_links.py``). A score under
``fail_under``, a file that is not an annual report and a file that could not be read are ``ERROR``
diagnostics on line 1. Paths are relative to the repository root (``auditor.locations``), which
reviewdog accepts alongside absolute ones.
"""
from __future__ import annotations

import json

from .. import __version__
from ..models import AuditResult
from ..rulebook.model import Rulebook
from .findings import Finding, findings
from .rule_links import rule_doc_url


def render_rdjson(results: list[AuditResult], rulebook: Rulebook, failures=()) -> str:
    """The rdjson document as a string; deterministic."""
    diagnostics = [_diagnostic(f) for f in findings(results)]
    for audit in results:
        if not audit.is_report:
            diagnostics.append(_file_diagnostic("report.not_annual_report", audit.path,
                                                "；".join(audit.notes) or "不是法治政府建设年度报告"))
        elif audit.fail_under > 0 and audit.score < audit.fail_under:
            diagnostics.append(_file_diagnostic("gate.score", audit.path,
                                                f"得分 {audit.score:g}，低于门槛 {audit.fail_under:g}"))
    for failure in failures:
        diagnostics.append(_file_diagnostic("input.unreadable", failure.path, failure.message))
    document = {"source": {"name": f"auditor {__version__} · {rulebook.id} {rulebook.version}"},
                "diagnostics": diagnostics}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _diagnostic(f: Finding) -> dict:
    severity = "ERROR" if f.blocking else ("INFO" if f.severity == "info" else "WARNING")
    code = {"value": f.rule_id}
    url = rule_doc_url(f.rule_id)
    if url:
        code["url"] = url
    return {"message": f.message, "location": {"path": f.path, "range": {"start": {"line": f.line}}},
            "severity": severity, "code": code}


def _file_diagnostic(check: str, path: str, message: str) -> dict:
    return {"message": message, "location": {"path": path, "range": {"start": {"line": 1}}},
            "severity": "ERROR", "code": {"value": check}}
