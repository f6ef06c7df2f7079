"""``--format github``: GitHub Actions workflow commands, one annotation per finding.

Each finding becomes ``::LEVEL file=PATH,line=N,title=ID 名称::MESSAGE`` on standard output; the
runner turns it into an annotation on that line of the file (in the run summary and, for files the
pull request changes, in its diff). Levels follow the gate: a finding that fails the gate is
``error``, any other gap of error or warning severity is ``warning``, an informational one is
``notice``. A gap without an evidence line points at its part's heading (``render/findings.py``).
A score under ``fail_under``, a file that is not an annual report and a file that could not be read
are ``error`` annotations on the file. Paths must be relative to the repository root, which the CLI
takes care of (``auditor.locations``).

Escaping follows the Actions toolkit (``@actions/core`` ``command.ts``): in the message ``%``, CR
and LF become ``%25``, ``%0D``, ``%0A``; in property values also ``:`` and ``,`` (``%3A``, ``%2C``).
GitHub shows at most 10 error and 10 warning annotations per step (50 per job); the rest stay in
the log.
"""
from __future__ import annotations

from ..models import AuditResult
from ..rulebook.model import Rulebook
from .findings import Finding, findings


def render_github(results: list[AuditResult], rulebook: Rulebook, failures=()) -> str:
    """The workflow commands for one run, one per line (empty when there is nothing to annotate)."""
    lines = [_finding(f) for f in findings(results)]
    for audit in results:
        if not audit.is_report:
            lines.append(command("error", "；".join(audit.notes) or "不是法治政府建设年度报告",
                                 file=audit.path, title="不是年度报告"))
        elif audit.fail_under > 0 and audit.score < audit.fail_under:
            lines.append(command("error", f"得分 {audit.score:g}，低于门槛 {audit.fail_under:g}",
                                 file=audit.path, line=audit.meta.title_line or 1, title="gate.score 得分门槛"))
    for failure in failures:
        lines.append(command("error", failure.message, file=failure.path, title="无法审查"))
    return "".join(line + "\n" for line in lines)


def _finding(f: Finding) -> str:
    level = "error" if f.blocking else ("notice" if f.severity == "info" else "warning")
    return command(level, f.message, file=f.path, line=f.line, title=f"{f.rule_id} {f.title}")


def command(name: str, message: str, **properties) -> str:
    """One workflow command line: ``::name key=value,…::message`` with the toolkit's escaping."""
    props = ",".join(f"{key}={_escape_property(str(value))}" for key, value in properties.items()
                     if value not in (None, ""))
    return f"::{name}{' ' + props if props else ''}::{_escape_data(message)}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
