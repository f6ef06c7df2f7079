"""The report as rows of Chinese labels, shared by the terminal, Markdown, HTML, Word and CSV renderers.

Plain strings only (no escaping, no markup): each renderer escapes for its own format. A report reads
in the order of work: the verdict and counts, the findings grouped as a reviewer works through them
(``finding_groups``), then a compact checklist (``checklist``).
"""
from __future__ import annotations

from ..models import AuditResult, Result
from ..verdict import must_fix, verdict as outcome
from .labels import (DOCUMENT_KIND, LEVEL, OPTIONAL_ABSENT, PUBLISHED_SOURCE, PART_LABELS, PART_STATUS, SEVERITY, evidence_text, gaps,
                     in_source_terms, plain_basis, status_label)

EVIDENCE_SHOWN = 3   # evidence lines per finding
# The reviewer's order: what blocks submission, then structure, the 第一责任人 part, the closed loop
# (不足 → 原因 → 安排), and last the content items that are suggested additions.
GROUPS = (("must_fix", "必须修改（不改不能报送）"), ("structure", "结构与格式"), ("leadership", "第一责任人部分"),
          ("loop", "不足与原因、整改闭环"), ("content", "内容覆盖（建议补充）"))

WAIVED = "已豁免"
SUMMARY_PARTS = ("measures", "shortcomings", "leadership", "plans")
_PART_MARK = {"present": "✓", "weak": "△", "missing": "✗"}


def verdict(a: AuditResult) -> str:
    """通过 / 未通过 / 非年度报告."""
    if not a.is_report:
        return "非年度报告"
    return "通过" if a.passed else "未通过"


def header(a: AuditResult) -> list[tuple[str, str]]:
    """(label, value) pairs for the top of a report."""
    m = a.meta
    rows = [("标题", m.title or "（未找到标题行）"), ("主体", m.issuer or "（未识别）"),
            ("年度", str(m.year) if m.year else "（未识别）"), ("层级", LEVEL.get(m.level, m.level)),
            ("规则集", f"{a.rulebook_id} {a.rulebook_version}".strip())]
    if a.kind is not None:
        where = f"（第{a.kind.evidence.line}{'段' if a.format == 'docx' else '行'}）" if a.kind.evidence else ""
        rows.append(("类型", DOCUMENT_KIND.get(a.kind.id, a.kind.id) + where))
    if m.published:
        rows.append(("发布", m.published + (f"（{PUBLISHED_SOURCE[m.published_source]}）"
                                           if m.published_source in PUBLISHED_SOURCE else "")))
    if a.is_report:
        rows.append(("得分", f"{a.score:g}/100"))
        rows.append(("结论", outcome(a).text))
    return rows


def part_rows(a: AuditResult) -> list[dict]:
    """One row per statutory part: label, status, css class, heading as written, line span.

    The optional part left out (its check is "skip") is not a gap: it reads "未单列（可选）"."""
    rows = []
    optional = {r.part for r in a.results if r.kind == "part" and r.status == "skip"}
    unit = "段" if a.format == "docx" else "行"
    for p in a.parts:
        absent = p.id in optional and p.status == "missing"
        heading = "—" if absent else p.heading or p.note or "—"
        if p.heading and p.note:
            heading += f"（{p.note}）"
        rows.append({"id": p.id, "part": PART_LABELS.get(p.id, p.id), "status": p.status,
                     "css": "skip" if absent else p.status,
                     "status_label": OPTIONAL_ABSENT if absent else PART_STATUS.get(p.status, p.status),
                     "heading": heading, "lines": f"第{p.line}–{p.end_line}{unit}" if p.line else "—"})
    return rows


def severity_counts(a: AuditResult) -> list[tuple[str, int]]:
    """("必须修改", n) then (severity label, n) for the other findings, most serious first; zeros left out."""
    found = gaps(a.results)
    fixes = sum(1 for r in found if must_fix(r, a.fail_level))
    counts = [("必须修改", fixes)] if fixes else []
    for severity in ("error", "warning", "info"):
        n = sum(1 for r in found if r.severity == severity and not must_fix(r, a.fail_level))
        if n:
            counts.append((SEVERITY[severity], n))
    errors = sum(1 for r in a.results if r.status == "error")
    return counts + ([("规则出错", errors)] if errors else [])


def finding(r: Result, a: AuditResult) -> dict:
    """One gap as a reviewer reads it: title, status, the finding, up to three evidence lines, what to
    add, and the legal basis without the rulebook's caveats."""
    return {"id": r.rule_id, "title": r.title, "status": r.status, "severity": r.severity,
            "severity_label": "必须修改" if must_fix(r, a.fail_level) else SEVERITY.get(r.severity, r.severity),
            "status_label": status_label(r.status, r.kind), "message": in_source_terms(r.message, a.format),
            "suggestion": r.suggestion or "", "basis": plain_basis(r.basis),
            "evidence": [evidence_text(e, a.format) for e in r.evidence[:EVIDENCE_SHOWN]],
            "more_evidence": max(0, len(r.evidence) - EVIDENCE_SHOWN), "line": r.evidence[0].line if r.evidence else None}


def topic(r: Result, fail_level: str = "error") -> str:
    """The key of the group in ``GROUPS`` that a finding belongs to."""
    if must_fix(r, fail_level):
        return "must_fix"
    if r.kind in ("part", "format") or r.part in (None, "document"):
        return "structure"
    if r.part == "leadership":
        return "leadership"
    if r.part in ("shortcomings", "plans"):
        return "loop"
    return "content"


def finding_groups(a: AuditResult) -> list[dict]:
    """The non-empty groups of ``GROUPS``, each with its findings (most serious first, then rulebook order)."""
    found = gaps(a.results)
    groups = []
    for key, title in GROUPS:
        items = [finding(r, a) for r in found if topic(r, a.fail_level) == key]
        if items:
            groups.append({"key": key, "title": title, "findings": items})
    return groups


def waived_rows(a: AuditResult) -> list[dict]:
    """Gaps accepted by a waiver: never hidden, shown with the reason."""
    return [{"id": r.rule_id, "title": r.title, "reason": r.waived, "status_label": status_label(r.status, r.kind)}
            for r in a.results if r.waived]


def rule_errors(a: AuditResult) -> list[dict]:
    """Checks that could not run on this report (status "error", 规则出错), with the reason."""
    return [{"id": r.rule_id, "title": r.title, "message": r.message} for r in a.results if r.status == "error"]


def checklist(a: AuditResult) -> list[dict]:
    """One line per part (and one for the whole document): what is written, what is open, what does not apply.

    ``{"label", "passed", "open", "waived", "skipped", "text"}``; ``text`` reads
    "已写到 34 项；需修改或补充 3 项（见上）；不适用 12 项（见 -v）"."""
    order = [p.id for p in a.parts] + ["document"]
    absent = {row["id"] for row in part_rows(a) if row["status_label"] == OPTIONAL_ABSENT}
    labels = {**PART_LABELS, "document": "全文（结构、格式、年度）"}
    out = []
    for key in order:
        mine = [r for r in a.results if (r.part if r.part in PART_LABELS else "document") == key]
        if not mine:
            continue
        counts = {"passed": sum(1 for r in mine if r.status == "pass" and not r.waived),
                  "open": sum(1 for r in mine if r.status in ("fail", "partial") and not r.waived),
                  "waived": sum(1 for r in mine if r.waived),
                  "skipped": sum(1 for r in mine if r.status == "skip" and not r.waived),
                  "errors": sum(1 for r in mine if r.status == "error")}
        words = [OPTIONAL_ABSENT] if key in absent else [f"已写到 {counts['passed']} 项"]
        if counts["open"]:
            words.append(f"需修改或补充 {counts['open']} 项（见上）")
        if counts["waived"]:
            words.append(f"已豁免 {counts['waived']} 项")
        if counts["errors"]:
            words.append(f"规则出错 {counts['errors']} 项")
        if counts["skipped"] and key not in absent:
            words.append(f"不适用 {counts['skipped']} 项")
        out.append({"key": key, "label": labels[key], **counts, "text": "；".join(words)})
    return out


def evidence_lines(r: Result, limit: int | None = None, source_format: str = "txt") -> list[str]:
    """"第12行：…" in the terms of the source (page for PDF, heading path for Word), at most ``limit``."""
    shown = r.evidence if limit is None else r.evidence[:limit]
    return [evidence_text(e, source_format) for e in shown]


def check_rows(a: AuditResult, evidence_limit: int | None = None) -> list[dict]:
    """One row per check: status (waived shown as such), title, id, severity, explanation, evidence."""
    rows = []
    for r in a.results:
        if r.waived:
            explanation = f"豁免理由：{r.waived}（原结论：{status_label(r.status, r.kind)}，{r.message}）"
        elif r.status == "pass" and r.evidence:
            explanation = ""
        else:
            explanation = in_source_terms(r.message, a.format)
        rows.append({"status": "waived" if r.waived else r.status,
                     "status_label": WAIVED if r.waived else status_label(r.status, r.kind),
                     "title": r.title, "id": r.rule_id, "severity": r.severity,
                     "severity_label": SEVERITY.get(r.severity, r.severity), "explanation": explanation,
                     "part": r.part if r.part in PART_LABELS else "document",
                     "evidence": [] if r.status == "skip" else evidence_lines(r, evidence_limit, a.format)})
    return rows


def gap_rows(a: AuditResult) -> list[dict]:
    """Failed and partial checks (not waived), most serious first, with suggestion and basis."""
    return [{"id": r.rule_id, "title": r.title, "severity": r.severity,
             "severity_label": SEVERITY.get(r.severity, r.severity), "status_label": status_label(r.status, r.kind),
             "message": r.message, "suggestion": r.suggestion or "", "basis": plain_basis(r.basis),
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
