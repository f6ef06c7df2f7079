"""One plain-data form of the results (the JSON contract); every machine format starts here."""
from __future__ import annotations

from .. import __version__
from ..models import AuditResult, Result
from ..verdict import verdict

SCHEMA_VERSION = "1"


def check_record(r: Result) -> dict:
    """One check as a JSON-ready dict (keys of the contract first, extras after)."""
    record = {
        "id": r.rule_id, "kind": r.kind, "part": r.part, "status": r.status, "severity": r.severity,
        "message": r.message, "basis": r.basis,
        "evidence": [{"line": e.line, "text": e.text, **({"page": e.page} if e.page else {})} for e in r.evidence],
        "title": r.title,
    }
    if r.searched:
        record["searched"] = r.searched
    if r.suggestion:
        record["suggestion"] = r.suggestion
    if r.details:
        record["details"] = {k: _plain(v) for k, v in r.details}
    if r.waived:
        record["waived"] = r.waived
    return record


def report_record(a: AuditResult) -> dict:
    """One audited report as a JSON-ready dict."""
    v = verdict(a)
    kind = a.kind
    return {
        "path": a.path, "sha256": a.sha256, "is_report": a.is_report,
        "kind": kind.id if kind else ("report" if a.is_report else "other"),
        "kind_evidence": {"reason": kind.reason if kind else "",
                          "line": kind.evidence.line if kind and kind.evidence else None,
                          "text": kind.evidence.text if kind and kind.evidence else None},
        "meta": {"title": a.meta.title, "issuer": a.meta.issuer, "year": a.meta.year, "level": a.meta.level,
                 "published": a.meta.published, "signed": a.meta.signed, "evidence": _meta_evidence(a.meta)},
        "parts": [{"id": p.id, "status": p.status, "heading": p.heading, "line": p.line, "end_line": p.end_line}
                  for p in a.parts],
        "checks": [check_record(r) for r in a.results],
        "score": a.score, "passed": a.passed,
        "verdict": {"passed": v.passed, "must_fix": v.must_fix, "suggested": v.suggested, "waived": v.waived,
                    "text": v.text},
        "notes": list(a.notes),
    }


def _meta_evidence(m) -> dict:
    """Where each metadata field was read: {"issuer": {"line": 3, "source": "title"}, …}."""
    found = {"title": (m.title_line, "title" if m.title else None), "issuer": (m.issuer_line, m.issuer_source),
             "year": (m.year_line, m.year_source), "level": (m.level_line, m.level_source),
             "published": (m.published_line, m.published_source), "signed": (m.signed_line, m.signed_source)}
    return {k: {"line": line, "source": source} for k, (line, source) in found.items() if line or source}


def document(results: list[AuditResult], rulebook_id: str, rulebook_version: str) -> dict:
    """The whole JSON document for one run."""
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "auditor", "version": __version__},
        "rulebook": {"id": rulebook_id, "version": rulebook_version},
        "reports": [report_record(a) for a in results],
    }


def _plain(value):
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


# One letter per check in the compact record, in rulebook order: the coverage matrix of a batch.
STATUS_CODES = {"pass": "p", "partial": "h", "fail": "f", "skip": "s", "error": "e"}
WAIVED_CODE = "w"
TOP_FINDINGS = 3


def summary_record(a: AuditResult) -> dict:
    """A few hundred bytes per report: what every batch-level output (CSV, summaries, workbook,
    dashboard, exit code, unused waivers) needs, so a batch keeps these instead of whole results.

    ``statuses`` has one letter per check in rulebook order (``STATUS_CODES``, ``w`` = waived);
    ``gaps`` counts unwaived failed or partial checks by severity; ``errors`` counts unwaived failed
    error-level checks (what fails the gate by default); ``top`` holds the most serious gaps as
    (rule id, status, severity, first evidence line or None); ``rule_errors`` the checks that could
    not run (status ``error``, 规则出错) as (rule id, message)."""
    from .labels import gaps

    found = gaps(a.results)
    counts = {"error": 0, "warning": 0, "info": 0}
    for r in found:
        counts[r.severity] += 1
    return {
        "path": a.path, "sha256": a.sha256, "is_report": a.is_report,
        "title": a.meta.title, "issuer": a.meta.issuer, "year": a.meta.year, "level": a.meta.level,
        "parts": {p.id: p.status for p in a.parts},
        "statuses": "".join(WAIVED_CODE if r.waived else STATUS_CODES[r.status] for r in a.results),
        "score": a.score, "passed": a.passed,
        "errors": sum(1 for r in found if r.status == "fail" and r.severity == "error"),
        "gaps": counts,
        "top": [(r.rule_id, r.status, r.severity, r.evidence[0].line if r.evidence else None)
                for r in found[:TOP_FINDINGS]],
        "waived": sorted({r.waived for r in a.results if r.waived}),
        "rule_errors": [(r.rule_id, r.message) for r in a.results if r.status == "error"],
        "verdict_text": verdict(a).text,
        "notes": list(a.notes),
    }


def finding_rows(a: AuditResult) -> tuple[tuple, ...]:
    """Each unwaived gap as (rule id, status, severity, message, first evidence line, page, excerpt),
    most serious first; the rule's title, suggestion and basis are looked up in the rulebook."""
    from .labels import gaps

    return tuple((r.rule_id, r.status, r.severity, r.message, *(_first_evidence(r))) for r in gaps(a.results))


def _first_evidence(r: Result) -> tuple:
    if not r.evidence:
        return None, None, ""
    e = r.evidence[0]
    return e.line, e.page, e.text
