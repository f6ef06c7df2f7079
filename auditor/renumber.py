"""One numbering of a report's lines swapped for another in a finished ``AuditResult``.

The checks count rows of the text they read. Two things number the same report differently: a
flattened line cut into rows (``text.reflow``: rows → the file's lines) and a Word document made
from a text (``render.docx_review``: lines → the produced document's paragraphs). ``renumbered``
moves every line a reader sees — evidence, parts, metadata, the document kind and the "第N行" of
messages, what was searched and notes — to the new numbering, so every citation stays true.
"""
from __future__ import annotations

from dataclasses import fields, replace

from .models import AuditResult, Meta
from .text.lazy import lazy_compile

# "第12行" / "第12–14行" in a message, but not "上年第12行" (a line of last year's report)
_LINE_REF = lazy_compile(r"(?<!上年)第(\d+)(?:–(\d+))?行")
_META_LINES = tuple(f.name for f in fields(Meta) if f.name.endswith("_line"))


def renumbered(audit: AuditResult, origin: tuple[int, ...] | None) -> AuditResult:
    """``audit`` with line ``n`` (1-based) read as ``origin[n - 1]``; lines beyond ``origin`` and
    ``None`` are kept. Several lines may map to one number: a range that collapses reads "第N行"."""
    if origin is None:
        return audit

    def line(row):
        return origin[row - 1] if row and 0 < row <= len(origin) else row

    def text(message):
        def sub(m):
            lo, hi = line(int(m.group(1))), line(int(m.group(2))) if m.group(2) else None
            return f"第{lo}–{hi}行" if hi and hi != lo else f"第{lo}行"
        return _LINE_REF.sub(sub, message) if message else message

    def evidence(items):
        return tuple(replace(e, line=line(e.line)) for e in items)

    results = tuple(replace(r, message=text(r.message), searched=text(r.searched), evidence=evidence(r.evidence))
                    for r in audit.results)
    parts = tuple(replace(p, line=line(p.line), end_line=line(p.end_line),
                          spans=tuple((line(lo), line(hi)) for lo, hi in p.spans)) for p in audit.parts)
    meta = replace(audit.meta, **{name: line(getattr(audit.meta, name)) for name in _META_LINES})
    kind = audit.kind
    if kind and kind.evidence:
        kind = replace(kind, evidence=replace(kind.evidence, line=line(kind.evidence.line)))
    return replace(audit, results=results, parts=parts, meta=meta, kind=kind,
                   notes=tuple(text(n) for n in audit.notes))
