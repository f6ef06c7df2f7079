"""``--format html``: one self-contained page for reviewers who are not developers (Jinja2 templates).

The page reads in the order of work, like the terminal report: verdict and counts, the five parts, the
findings grouped (must-fix first), then the checklist folded per part. The templates
(``templates/*.j2``) are shared with ``audit serve``, which extends ``page.html.j2`` with its upload
form. Autoescaping is on for every template, so report text can never become markup; the page has
inline CSS only — no scripts, no external fonts or images, nothing fetched — and a Content Security
Policy that forbids all of those. Printable (``@media print``). A batch gets one page: the summary
table first, then each report. Deterministic (no timestamps).
"""
from __future__ import annotations

from functools import lru_cache

from .. import __version__
from ..models import AuditResult
from ..rulebook.model import Rulebook
from .rows import (check_rows, checklist, finding_groups, header, part_rows, rule_errors, severity_counts,
                   summary_rows, verdict, waived_rows)

EVIDENCE_LIMIT = 5
VERDICT_CLASS = {"通过": "pass", "未通过": "fail", "非年度报告": "partial", "已跳过": "fail"}


@lru_cache(maxsize=None)
def environment():
    """The Jinja2 environment of the report templates (autoescaped, strict about missing values)."""
    from jinja2 import Environment, PackageLoader, StrictUndefined

    return Environment(loader=PackageLoader("auditor.render", "templates"), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def report_view(a: AuditResult, anchor: str) -> dict:
    """What ``report.html.j2`` shows of one audited report (plain values; the template escapes)."""
    facts = dict(header(a))
    shown = ("主体", "年度", "层级", "类型", "发布", "规则集") + (() if a.meta.title else ("标题",))
    shown = tuple(k for k in shown if k in facts)
    groups, start = [], 1
    for g in finding_groups(a):
        groups.append({**g, "start": start})
        start += len(g["findings"])
    word = verdict(a)
    return {"anchor": anchor, "title": a.meta.title, "path": a.path, "is_report": a.is_report,
            "verdict": facts.get("结论", word), "verdict_css": VERDICT_CLASS[word], "score": facts.get("得分", ""),
            "counts": severity_counts(a) if a.is_report else [], "facts": [(k, facts[k]) for k in shown],
            "notes": list(a.notes), "parts": part_rows(a), "groups": groups, "total": start - 1,
            "errors": rule_errors(a), "waived": waived_rows(a), "checklist": checklist(a), "checks": check_rows(a)}


def page_context(results: list[AuditResult], rulebook: Rulebook, failures=(), records: list[dict] | None = None) -> dict:
    """Everything ``page.html.j2`` needs for one run.

    ``records``: the compact records of ``results`` (``records.summary_record`` with ``position``,
    the number in each report's anchor ``#report-N``); by default numbered 1, 2, … in order."""
    if records is None:
        records = _numbered(results)
    title = "法治政府建设年度报告审查"
    if len(records) == 1 and not failures:
        title += " · " + (records[0]["title"] or records[0]["path"])
    summary = None
    if len(records) + len(failures) > 1:
        rows = summary_rows(records, failures)
        for n, row in enumerate(rows):
            row["anchor"] = f"report-{records[n]['position']}" if n < len(records) else None
            row["css"] = VERDICT_CLASS[row["verdict"]]
        summary = {"caption": f"审查 {len(records)} 份" + (f"，{len(failures)} 份无法读取" if failures else ""),
                   "rows": rows}
    return {"title": title, "version": __version__, "rulebook": rulebook, "summary": summary,
            "failures_only": list(failures) if summary is None else [], "evidence_limit": EVIDENCE_LIMIT,
            "reports": [report_view(a, f"report-{r['position']}") for a, r in zip(results, records)]}


def render_html(results: list[AuditResult], rulebook: Rulebook, failures=()) -> str:
    """The HTML page for one run as a string: ``html_frame`` around each report's ``html_piece``, so a
    streamed batch (``render.outputs``) writes the same bytes."""
    records = _numbered(results)
    head, tail = html_frame(records, rulebook, failures)
    return head + "".join(html_piece(a, r["position"]) for a, r in zip(results, records)) + tail


def html_frame(records: list[dict], rulebook: Rulebook, failures=()) -> tuple[str, str]:
    """The page around the reports: (everything before the first report, everything after the last).

    ``page.html.j2`` rendered without reports, cut where they go: just before ``</main>``, which
    report text can never contain (it is escaped)."""
    page = environment().get_template("page.html.j2").render(page_context([], rulebook, failures, records))
    head, main_end, rest = page.rpartition("</main>")
    return head, main_end + rest


def html_piece(a: AuditResult, position: int) -> str:
    """One report as its ``<article id="report-POSITION">``, as ``page.html.j2`` includes it."""
    return environment().get_template("report.html.j2").render(
        r=report_view(a, f"report-{position}"), evidence_limit=EVIDENCE_LIMIT)


def _numbered(results: list[AuditResult]) -> list[dict]:
    from .records import summary_record

    return [dict(summary_record(a), position=n) for n, a in enumerate(results, 1)]
