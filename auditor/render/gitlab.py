"""``--format gitlab``: a GitLab Code Quality report (``artifacts:reports:codequality``).

A JSON array with one issue per finding (``render/findings.py``), in the subset of the Code Climate
format that GitLab reads: ``description``, ``check_name`` (the rule id), ``fingerprint``,
``severity`` and ``location.path`` + ``location.lines.begin``. The fingerprint hashes rule id and
path only, so an issue keeps its identity while edits move lines, and GitLab can tell new findings
from fixed ones between the merge request and its target branch. Severity follows the gate: a
finding that fails it is ``critical``, other gaps are ``major`` (error severity), ``minor``
(warning) or ``info``. A score under ``fail_under``, a file that is not an annual report and a file
that could not be read are ``critical`` issues on line 1 of the file. Paths are relative to the
repository root (``auditor.locations``).
"""
from __future__ import annotations

import json

from ..models import AuditResult
from ..rulebook.model import Rulebook
from .findings import Finding, findings, fingerprint

_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def render_gitlab(results: list[AuditResult], rulebook: Rulebook, failures=()) -> str:
    """The Code Quality JSON array as a string; deterministic."""
    issues = [_issue(f) for f in findings(results)]
    for audit in results:
        if not audit.is_report:
            issues.append(_file_issue("report.not_annual_report", audit.path,
                                      "；".join(audit.notes) or "不是法治政府建设年度报告"))
        elif audit.fail_under > 0 and audit.score < audit.fail_under:
            issues.append(_file_issue("gate.score", audit.path,
                                      f"得分 {audit.score:g}，低于门槛 {audit.fail_under:g}"))
    for failure in failures:
        issues.append(_file_issue("input.unreadable", failure.path, failure.message))
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


def _issue(f: Finding) -> dict:
    return {"type": "issue", "check_name": f.rule_id, "description": f.message,
            "severity": "critical" if f.blocking else _SEVERITY[f.severity], "fingerprint": f.fingerprint,
            "location": {"path": f.path, "lines": {"begin": f.line}}}


def _file_issue(check: str, path: str, message: str) -> dict:
    return {"type": "issue", "check_name": check, "description": message, "severity": "critical",
            "fingerprint": fingerprint(check, path), "location": {"path": path, "lines": {"begin": 1}}}
