"""The report as rows of Chinese labels, shared by the CSV, Markdown and HTML renderers.

Plain strings only (no escaping, no markup): each renderer escapes for its own format.
"""
from __future__ import annotations

from ..models import AuditResult, Result
from ..verdict import verdict as outcome
from .labels import LEVEL, PART_LABELS, PART_STATUS, SEVERITY, gaps, status_label

WAIVED = "已豁免"
SUMMARY_PARTS = ("measures", "shortcomings", "leadership", "plans")
_PART_MARK = {"present": "✓", "weak": "△", "missing": "✗"}


def verdict(a: AuditResult) -> str:
    """通过 / 未通过 / 非年度报告."""
    if not a.is_report:
        return "非年度报告"
    return "通过" if a.passed else "未通过"


def error_count(a: AuditResult) -> int:
    """Unwaived failed checks of error severity (what makes the gate fail by default)."""
    return sum(1 for r in a.results if r.status == "fail" and r.severity == "error" and not r.waived)


def header(a: AuditResult) -> list[tuple[str, str]]:
    """(label, value) pairs for the top of a report."""
    m = a.meta
    rows = [("标题", m.title or "（未找到标题行）"), ("主体", m.issuer or "（未识别）"),
            ("年度", str(m.year) if m.year else "（未识别）"), ("层级", LEVEL.get(m.level, m.level)),
            ("规则集", f"{a.rulebook_id} {a.rulebook_version}".strip())]
    if a.is_report:
        rows.append(("得分", f"{a.score:g}/100"))
        rows.append(("结论", outcome(a).text))
    return rows


def part_rows(a: AuditResult) -> list[dict]:
    """One row per statutory part: label, status, css class, heading as written, line span."""
    rows = []
    # An optional part the report leaves out (its check is "skip") is not a problem: style it as such.
    optional = {r.part for r in a.results if r.kind == "part" and r.status == "skip"}
    for p in a.parts:
        heading = p.heading or p.note or "—"
        if p.heading and p.note:
            heading += f"（{p.note}）"
        rows.append({"part": PART_LABELS.get(p.id, p.id), "status": p.status,
                     "css": "skip" if p.id in optional and p.status == "missing" else p.status,
                     "status_label": PART_STATUS.get(p.status, p.status), "heading": heading,
                     "lines": f"{p.line}–{p.end_line}" if p.line else "—"})
    return rows


def evidence_lines(r: Result, limit: int | None = None) -> list[str]:
    """"第12行：…" (with the page for PDF sources), at most ``limit`` of them."""
    shown = r.evidence if limit is None else r.evidence[:limit]
    return [(f"第{e.page}页 " if e.page else "") + f"第{e.line}行：{e.text}" for e in shown]


def check_rows(a: AuditResult, evidence_limit: int | None = None) -> list[dict]:
    """One row per check: status (waived shown as such), title, id, severity, explanation, evidence."""
    rows = []
    for r in a.results:
        if r.waived:
            explanation = f"豁免理由：{r.waived}（原结论：{status_label(r.status, r.kind)}，{r.message}）"
        elif r.status == "pass" and r.evidence:
            explanation = ""
        else:
            explanation = r.message
        rows.append({"status": "waived" if r.waived else r.status,
                     "status_label": WAIVED if r.waived else status_label(r.status, r.kind),
                     "title": r.title, "id": r.rule_id, "severity": r.severity,
                     "severity_label": SEVERITY.get(r.severity, r.severity), "explanation": explanation,
                     "evidence": [] if r.status == "skip" else evidence_lines(r, evidence_limit)})
    return rows


def gap_rows(a: AuditResult) -> list[dict]:
    """Failed and partial checks (not waived), most serious first, with suggestion and basis."""
    return [{"id": r.rule_id, "title": r.title, "severity": r.severity,
             "severity_label": SEVERITY.get(r.severity, r.severity), "status_label": status_label(r.status, r.kind),
             "message": r.message, "suggestion": r.suggestion or "", "basis": r.basis,
             "evidence": evidence_lines(r, 1)}
            for r in gaps(a.results)]


def summary_row(record: dict) -> dict:
    """The batch-summary row of one report, from its compact record (``records.summary_record``)."""
    parts = record["parts"]
    verdict_ = "非年度报告" if not record["is_report"] else ("通过" if record["passed"] else "未通过")
    return {"file": record["path"], "issuer": record["issuer"] or "", "year": str(record["year"] or ""),
            "level": LEVEL.get(record["level"], record["level"]),
            "parts": {pid: PART_STATUS.get(parts.get(pid, ""), "") for pid in SUMMARY_PARTS},
            "marks": " ".join(_PART_MARK.get(parts.get(pid, ""), "?") for pid in SUMMARY_PARTS),
            "score": f"{record['score']:g}" if record["is_report"] else "", "verdict": verdict_,
            "errors": str(record["errors"]), "note": "；".join(record["notes"])}


def failure_row(f) -> dict:
    """The batch-summary row of a file that could not be audited (已跳过, with the reason)."""
    return {"file": f.path, "issuer": "", "year": "", "level": "",
            "parts": {pid: "" for pid in SUMMARY_PARTS}, "marks": "", "score": "",
            "verdict": "已跳过", "errors": "", "note": f.message}


def summary_rows(records: list[dict], failures=()) -> list[dict]:
    """One row per file of a batch; unreadable files last, marked 已跳过 with the reason."""
    return [summary_row(r) for r in records] + [failure_row(f) for f in failures]
