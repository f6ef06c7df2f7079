"""Where a line sits for a reader of the document: its heading path and paragraph, and how the paragraph begins.

Word shows no line or paragraph numbers, so evidence "第37段" is hard to find in a draft; "第一部分（三）
第2段，段首“开展行政执法……”" can be found by eye or with Ctrl+F. The heading path uses the markers as
written, the top level read as a part ("一、" → "第一部分"); paragraphs are counted from the nearest
heading, hard-wrapped lines joined (``TextView.paragraphs``), so the count is the one a reader sees.
"""
from __future__ import annotations

from bisect import bisect_right

from ..models import Section
from .markers import int_to_cn
from .normalize import TextView

LEAD_CHARS = 14   # enough of a paragraph's opening to search for it


class Places:
    """Answers ``place(line)`` and ``lead(line)`` for one report (sections and view parsed once)."""

    def __init__(self, view: TextView, sections: tuple[Section, ...]):
        self.view, self.sections = view, sections
        self._starts = [p.lines[0] for p in view.paragraphs]          # first line of each paragraph
        self._ends = [p.lines[-1] for p in view.paragraphs]

    def place(self, line: int) -> str | None:
        """"第一部分（三）第2段" for a body line, "第一部分（三）" for a heading, "开头第2段" before any heading."""
        chain = self._chain(line)
        path = "".join(_label(s) for s in chain)
        if chain and chain[-1].line == line:
            return path or None
        since = chain[-1].line if chain else 0
        index = self._paragraph(line)
        if index is None:
            return path or None
        count = index - bisect_right(self._starts, since) + 1
        return f"{path or '开头'}第{count}段" if count > 0 else path or None

    def lead(self, line: int) -> str | None:
        """The first ``LEAD_CHARS`` characters of the paragraph that holds ``line`` (original text)."""
        index = self._paragraph(line)
        first = self._starts[index] if index is not None else line
        text = self.view.lines[first - 1].strip()
        return (text[:LEAD_CHARS] + ("…" if len(text) > LEAD_CHARS else "")) if text else None

    def _paragraph(self, line: int) -> int | None:
        index = bisect_right(self._starts, line) - 1
        return index if index >= 0 and self._ends[index] >= line else None

    def _chain(self, line: int) -> list[Section]:
        """The headings governing ``line``, outermost first (each deeper than the one before)."""
        chain: list[Section] = []
        for s in self.sections:
            if s.line > line:
                break
            if s.end_line >= line or s.line == line:
                while chain and chain[-1].level >= s.level:
                    chain.pop()
                chain.append(s)
        return chain


def _label(section: Section) -> str:
    if section.level == 1 and section.style.startswith("cn"):
        return f"第{int_to_cn(section.number)}部分"
    return section.marker.strip().rstrip("、,，")
