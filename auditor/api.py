"""The library entry points: audit a text or a file and get an ``AuditResult``."""
from __future__ import annotations

import re
from dataclasses import replace

from .checks.context import Context
from .checks.parts import find_parts
from .engine import run_rules
from .models import AuditResult, Evidence, Meta, PartFinding, Result
from .read import Source, read_path
from .rulebook.loader import load_rulebook
from .rulebook.model import Rulebook
from .rulebook.pattern import timed_per_report
from .scoring import gate, score
from .text.meta import extract_meta
from .text.normalize import normalize_text
from .text.script import looks_traditional, simplifier
from .text.sections import parse_sections

_NOT_REPORT_TITLES = re.compile(r"信息公开工作年度报告|政府工作报告|预算执行")


def build_context(text: str, rulebook: Rulebook, year: int | None = None, level: str | None = None) -> Context:
    """Parse ``text`` once (normalise, sections, metadata, parts) for every rule to read."""
    convert = simplifier() if looks_traditional(text) else None
    view = normalize_text(text, convert)
    sections = parse_sections(view)
    meta = extract_meta(view, sections)
    part_rules = rulebook.of_type("part")
    parts = {p.id: p for p in find_parts(view, sections, part_rules)}
    return Context(view, sections, meta, parts, year if year is not None else meta.year,
                   level or meta.level)


@timed_per_report   # every rule gets its full time for matching on each report
def audit_text(text: str, rulebook: Rulebook | None = None, *, path: str = "<text>", sha256: str = "",
               year: int | None = None, level: str | None = None, previous: str | None = None,
               pages: tuple[int, ...] | None = None, fail_level: str = "error",
               fail_under: float = 0.0) -> AuditResult:
    """Audit report text against ``rulebook`` (the national one by default)."""
    rulebook = rulebook or load_rulebook()
    ctx = build_context(text, rulebook, year, level)
    if previous is not None:
        ctx.previous = build_context(previous, rulebook)
    parts = tuple(ctx.parts[r.part] for r in rulebook.of_type("part"))
    meta = replace(ctx.meta, year=ctx.year, level=ctx.level)
    if not is_report(ctx, parts):
        return AuditResult(path, sha256, False, meta, parts, (), 0.0, False, rulebook.id, rulebook.version,
                           ("这不是法治政府建设年度报告：没有找到“法治政府”主题或报告的法定组成部分，未逐项审查。",))
    results = run_rules(ctx, rulebook)
    if pages:
        results = tuple(_with_pages(r, pages) for r in results)
    weights = {r.id: r.weight for r in rulebook.rules}
    value = score(results, weights)
    return AuditResult(path, sha256, True, meta, parts, results, value,
                       gate(results, value, fail_level, fail_under), rulebook.id, rulebook.version,
                       _notes(ctx))


def audit_source(source: Source, rulebook: Rulebook | None = None, **options) -> AuditResult:
    """Audit an already-read ``Source`` (see ``auditor.read``)."""
    return audit_text(source.text, rulebook, path=source.path, sha256=source.sha256, pages=source.pages, **options)


def audit_file(path: str, rulebook: Rulebook | None = None, previous_path: str | None = None,
               **options) -> AuditResult:
    """Read and audit one file; ``previous_path`` is last year's report for continuity checks."""
    source = read_path(path)
    previous = read_path(previous_path).text if previous_path else None
    return audit_source(source, rulebook, previous=previous, **options)


def is_report(ctx: Context, parts: tuple[PartFinding, ...]) -> bool:
    """An annual rule-of-law report talks about 法治 and has at least two recognisable parts."""
    if ctx.meta.title and _NOT_REPORT_TITLES.search(ctx.meta.title):
        return False
    mentions = sum(line.count("法治") + line.count("依法行政") for line in ctx.view.norm)
    found = sum(1 for p in parts if p.status != "missing" and p.id != "other")
    return mentions >= 3 and found >= 2


def _notes(ctx: Context) -> tuple[str, ...]:
    notes = []
    if ctx.view.converted:
        notes.append("报告为繁体字，已转换为简体后匹配；证据引用原文。")
    if ctx.year is None:
        notes.append("未能从报告中识别报告年度，按最新规则审查；可用 --year 指定。")
    if ctx.level == "unknown":
        notes.append("未能识别报告主体的层级，按全部层级审查；可用 --level 指定。")
    return tuple(notes)


def _with_pages(result: Result, pages: tuple[int, ...]) -> Result:
    ev = tuple(Evidence(e.line, e.text, pages[e.line - 1] if 0 < e.line <= len(pages) else None)
               for e in result.evidence)
    return replace(result, evidence=ev)


__all__ = ["audit_text", "audit_file", "audit_source", "build_context", "Meta"]
