"""The library entry points: audit a text or a file and get an ``AuditResult``."""
from __future__ import annotations

from dataclasses import replace

from .checks.context import Context
from .checks.parts import find_parts
from .engine import run_rules
from .models import AuditResult, DocumentKind, Evidence, Meta, Result
from .read import Source, read_path
from .rulebook.loader import load_rulebook
from .rulebook.model import Rulebook
from .rulebook.pattern import timed_per_report
from .renumber import renumbered
from .scoring import gate, score
from .text.kind import REPORT, describe, recognise_kind
from .text.meta import extract_meta
from .text.normalize import normalize_text
from .text.page import read_page
from .text.places import Places
from .text.reflow import reflow
from .text.script import traditional_converter
from .text.sections import parse_sections


def build_context(text: str, rulebook: Rulebook, year: int | None = None, level: str | None = None) -> Context:
    """Parse ``text`` once for every rule to read: cut flattened lines into rows, normalise, set page
    furniture aside (read for metadata, blanked for matching), sections, metadata, parts.

    Rows are the file's lines except where a flattened line was cut (``Context.origin`` maps rows back).
    """
    rows = reflow(text)
    convert = traditional_converter(rows.text)
    full = normalize_text(rows.text, convert)
    page = read_page(full)
    view = full.blanked(page.rows)
    sections = parse_sections(view)
    meta = extract_meta(view, sections, page)
    part_rules = rulebook.of_type("part")
    parts = {p.id: p for p in find_parts(view, sections, part_rules)}
    return Context(view, sections, meta, parts, year if year is not None else meta.year,
                   level or meta.level, origin=rows.origin,
                   placeholders=tuple(r.match for r in rulebook.rules if r.params.get("placeholder") and r.match))


@timed_per_report   # every rule gets its full time for matching on each report
def audit_text(text: str, rulebook: Rulebook | None = None, *, path: str = "<text>", sha256: str = "",
               year: int | None = None, level: str | None = None, previous: str | None = None,
               pages: tuple[int, ...] | None = None, fail_level: str = "error",
               fail_under: float = 0.0, read_notes: tuple[str, ...] = ()) -> AuditResult:
    """Audit report text against ``rulebook`` (the national one by default).

    ``read_notes``: what the reader skipped or repaired (``Source.notes``), carried into the notes.
    """
    rulebook = rulebook or load_rulebook()
    ctx = build_context(text, rulebook, year, level)
    if previous is not None:
        ctx.previous = build_context(previous, rulebook)
    parts = tuple(ctx.parts[r.part] for r in rulebook.of_type("part"))
    meta = replace(ctx.meta, year=ctx.year, level=ctx.level)
    kind = recognise_kind(ctx.view, ctx.meta, ctx.sections, parts)
    if kind.id != REPORT:
        audit = AuditResult(path, sha256, False, meta, parts, (), 0.0, False, rulebook.id, rulebook.version,
                            (describe(kind), *read_notes), fail_level, fail_under, kind)
        return renumbered(audit, ctx.origin)
    results = _located(run_rules(ctx, rulebook), Places(ctx.view, ctx.sections))
    weights = {r.id: r.weight for r in rulebook.rules}
    value = score(results, weights)
    audit = AuditResult(path, sha256, True, meta, parts, results, value,
                        gate(results, value, fail_level, fail_under), rulebook.id, rulebook.version,
                        (*read_notes, *_notes(ctx)), fail_level, fail_under, kind)
    audit = renumbered(audit, ctx.origin)
    if pages:
        audit = replace(audit, results=tuple(_with_pages(r, pages) for r in audit.results))
    return audit


def audit_source(source: Source, rulebook: Rulebook | None = None, **options) -> AuditResult:
    """Audit an already-read ``Source`` (see ``auditor.read``)."""
    result = audit_text(source.text, rulebook, path=source.path, sha256=source.sha256, pages=source.pages,
                        read_notes=source.notes, **options)
    return replace(result, format=source.format)


def audit_file(path: str, rulebook: Rulebook | None = None, previous_path: str | None = None,
               **options) -> AuditResult:
    """Read and audit one file; ``previous_path`` is last year's report for continuity checks."""
    source = read_path(path)
    previous = read_path(previous_path).text if previous_path else None
    return audit_source(source, rulebook, previous=previous, **options)


def is_report(audit: AuditResult) -> bool:
    """True when the document was recognised as an annual rule-of-law report (see ``text.kind``)."""
    return audit.kind is None or audit.kind.id == REPORT


def _notes(ctx: Context) -> tuple[str, ...]:
    notes = []
    if ctx.view.converted:
        notes.append("报告中的繁体字已转换为简体后匹配；证据引用原文。")
    if ctx.year is None:
        notes.append("未能从报告中识别报告年度，按最新规则审查；可用 --year 指定。")
    if ctx.level == "unknown":
        notes.append("未能识别报告主体的层级，按全部层级审查；可用 --level 指定。")
    return tuple(notes)


def _located(results: tuple[Result, ...], places: Places) -> tuple[Result, ...]:
    """Every piece of evidence with its place in the document and its paragraph's opening (rows, before
    they become file lines)."""
    located: dict[int, tuple[str | None, str | None]] = {}   # line → (place, lead): lines recur

    def locate(e: Evidence) -> Evidence:
        if e.line not in located:
            located[e.line] = places.place(e.line), places.lead(e.line)
        place, lead = located[e.line]
        return replace(e, place=place, lead=lead)
    return tuple(replace(r, evidence=tuple(map(locate, r.evidence))) if r.evidence else r for r in results)


def _with_pages(result: Result, pages: tuple[int, ...]) -> Result:
    ev = tuple(replace(e, page=pages[e.line - 1] if 0 < e.line <= len(pages) else None) for e in result.evidence)
    return replace(result, evidence=ev)


__all__ = ["audit_text", "audit_file", "audit_source", "build_context", "is_report", "DocumentKind", "Meta"]
