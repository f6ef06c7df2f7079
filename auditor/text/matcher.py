"""Term matching on the normalised text: literal substrings and ``re:`` regexes, grouped any/all/not.

Substring matching needs no segmentation, so "行政执法" is found even where jieba's default
dictionary would split it. Exclusions (``not``) are checked within the same sentence.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from ..rulebook.pattern import Pattern, compile_pattern
from .normalize import Paragraph, TextView, fold
from ..models import record

_SENTENCE_END = "。!?！？;；\n"
MAX_HITS_PER_TERM = 50


@record
class Term:
    """One searchable term: a folded literal, or a regex written ``re:…``."""

    source: str
    literal: str | None
    regex: "Pattern | None"   # time-bounded (auditor.rulebook.pattern), compiled on its first search

    def spans(self, text: str, limit: int = MAX_HITS_PER_TERM) -> list[tuple[int, int]]:
        """(start, end) of up to ``limit`` occurrences in ``text``, left to right."""
        literal = self.literal
        if literal is None:   # a rulebook regex, bounded in time (auditor.rulebook.pattern)
            return self.regex.spans(text, limit)
        out: list[tuple[int, int]] = []
        pos = text.find(literal) if literal else -1
        while pos != -1 and len(out) < limit:
            out.append((pos, pos + len(literal)))
            pos = text.find(literal, pos + len(literal))
        return out


def compile_term(source: str) -> Term:
    """``re:`` prefix → a time-bounded regex (as written); otherwise a literal folded like the report."""
    if source.startswith("re:"):
        # Not compiled here: a run compiles only the terms of the rules that apply. A rulebook's
        # regexes were vetted when it loaded (regex_safety.regex_problem), so none fails later.
        return Term(source, None, compile_pattern(source[3:], eager=False))
    return Term(source, fold(source), None)


@lru_cache(maxsize=1024)
def terms_matcher(terms: tuple[str, ...]) -> "Matcher":
    """An ``any`` matcher for ``terms``, compiled once per process (checks ask for it per report)."""
    return Matcher.build({"any": list(terms)})


@record
class Hit:
    """A term found at ``line`` (offsets are within that line's normalised text)."""

    term: str
    line: int
    start: int
    end: int
    group: int   # -1 for ``any``, else the index of the ``all`` group
    paragraph: int = 0   # first line of the paragraph holding the hit ("places" are paragraphs)
    size: int = 0        # length of the whole match (it may run on past ``end``, into the next line)


@record
class Matcher:
    """Compiled ``match`` block: pass on any ``any`` term or on every ``all`` group."""

    any: tuple[Term, ...] = ()
    all: tuple[tuple[Term, ...], ...] = ()
    not_: tuple[Term, ...] = ()
    min: int = 1

    @classmethod
    def build(cls, spec: dict | None) -> "Matcher | None":
        if not spec:
            return None
        return cls(
            tuple(compile_term(t) for t in spec.get("any", ())),
            tuple(tuple(compile_term(t) for t in group) for group in spec.get("all", ())),
            tuple(compile_term(t) for t in spec.get("not", ())),
            int(spec.get("min", 1)),
        )

    def terms(self) -> list[str]:
        """Every search term, for "what was searched" messages."""
        out = [t.source for t in self.any]
        for group in self.all:
            out.extend(t.source for t in group)
        return out

    def find(self, scope: "Scope", limit: int = 12) -> list[Hit]:
        """All hits (at most ``limit`` per term), in document order, exclusions applied."""
        hits: list[Hit] = []
        text = scope.text
        for index, terms in ((-1, self.any), *enumerate(self.all)):
            for term in terms:
                for start, end in term.spans(text, limit):
                    if self.not_ and self._excluded(text, start, end):
                        continue
                    line, ls, le = scope.locate(start, end)
                    hits.append(Hit(term.source, line, ls, le, index, scope.paragraph_line(start), end - start))
        hits.sort(key=lambda h: (h.line, h.start))
        return hits

    def _excluded(self, text: str, start: int, end: int) -> bool:
        lo = max(text.rfind(c, 0, start) for c in _SENTENCE_END) + 1
        his = [i for i in (text.find(c, end) for c in _SENTENCE_END) if i != -1]
        sentence = text[lo: min(his) if his else len(text)]
        return any(t.spans(sentence, 1) for t in self.not_)

    def matches(self, text: str) -> bool:
        """Does a short raw text (a rule example) hold any term of this matcher?"""
        return bool(self.find(Scope.of_text(text), 1))

    def hits_in(self, norm: str) -> bool:
        """Does an already-normalised short string (a heading) hold any term, exclusions applied?"""
        for terms in (self.any, *self.all):
            for term in terms:
                for start, end in term.spans(norm, 3):
                    if not (self.not_ and self._excluded(norm, start, end)):
                        return True
        return False


@dataclass
class Scope:
    """The paragraphs a rule searches, joined into one string with a map back to lines."""

    name: str
    text: str
    starts: list[int]
    paragraphs: list[Paragraph]

    @classmethod
    def build(cls, name: str, view: TextView, spans: list[tuple[int, int]] | None) -> "Scope":
        """Paragraphs starting inside ``spans`` (inclusive line ranges); ``None`` = whole text."""
        inside = None if spans is None else _span_test(spans)
        chosen = [p for p in view.paragraphs if inside is None or inside(p.lines[0])]
        starts, pos = [], 0
        for p in chosen:
            starts.append(pos)
            pos += len(p.text) + 1
        return cls(name, "\n".join(p.text for p in chosen), starts, chosen)

    @classmethod
    def of_text(cls, text: str) -> "Scope":
        from .normalize import normalize_text
        return cls.build("example", normalize_text(text), None)

    def paragraph_line(self, start: int) -> int:
        """The first original line of the paragraph holding ``text[start]``."""
        return self.paragraphs[bisect_right(self.starts, start) - 1].lines[0]

    def locate(self, start: int, end: int) -> tuple[int, int, int]:
        """Map a span of ``text`` to (line, start, end) within that line's normalised text."""
        index = bisect_right(self.starts, start) - 1
        para = self.paragraphs[index]
        local = start - self.starts[index]
        li = bisect_right(para.starts, local) - 1
        line_start = para.starts[li]
        line_len = (para.starts[li + 1] if li + 1 < len(para.starts) else len(para.text)) - line_start
        s = local - line_start
        return para.lines[li], s, min(s + (end - start), line_len)

    def is_empty(self) -> bool:
        return not self.text.strip()


def _span_test(spans: list[tuple[int, int]]):
    """``line -> bool`` for a union of inclusive ranges, by bisection (a part can have many spans)."""
    merged: list[list[int]] = []
    for lo, hi in sorted(spans):
        if merged and lo <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], hi)
        elif lo <= hi:
            merged.append([lo, hi])
    lows = [lo for lo, _ in merged]

    def inside(line: int) -> bool:
        i = bisect_right(lows, line) - 1
        return i >= 0 and line <= merged[i][1]
    return inside
