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


def page_context(results: list[AuditResult], rulebook: Rulebook, failures=()) -> dict:
    """Everything ``page.html.j2`` needs for one run."""
    title = "法治政府建设年度报告审查"
    if len(results) == 1 and not failures:
        title += " · " + (results[0].meta.title or results[0].path)
    summary = None
    if len(results) + len(failures) > 1:
        rows = summary_rows(results, failures)
        for n, row in enumerate(rows, 1):
            row["anchor"] = f"report-{n}" if n <= len(results) else None
            row["css"] = VERDICT_CLASS[row["verdict"]]
        summary = {"caption": f"审查 {len(results)} 份" + (f"，{len(failures)} 份无法读取" if failures else ""),
                   "rows": rows}
    return {"title": title, "version": __version__, "rulebook": rulebook, "summary": summary,
            "failures_only": list(failures) if summary is None else [], "evidence_limit": EVIDENCE_LIMIT,
            "reports": [report_view(a, f"report-{n}") for n, a in enumerate(results, 1)]}


def render_html(results: list[AuditResult], rulebook: Rulebook, failures=()) -> str:
    """The HTML page for one run as a string."""
    return environment().get_template("page.html.j2").render(page_context(results, rulebook, failures))
