"""Markdown drafts: text a Markdown viewer would not show is not report text.

HTML comments (``<!-- … -->``, the drafting notes of an ``audit init`` skeleton) are blanked with
their line breaks kept, so line numbers still match the file; ATX heading marks are dropped so
that "## 一、主要举措和成效" is read as the heading "一、主要举措和成效".

Code — a fenced block or a `code span` — shows text rather than saying it: a suppression directive
written there is an example (a note documenting the syntax), so ``without_code`` hides it from the
directive search.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from ..text.lazy import lazy_compile

_COMMENT = lazy_compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
# ``` or ~~~ (three or more) up to a closing fence of the same kind, or to the end of the file.
_FENCE = lazy_compile(r"^[ ]{0,3}((`|~)\2{2,})[^\n]*\n.*?(?:^[ ]{0,3}\1\2*[ \t]*$|\Z)", re.MULTILINE | re.DOTALL)
_TICKS = lazy_compile(r"`+")
_PARAGRAPH_BREAK = lazy_compile(r"\n[ \t]*\n")
_ATX = lazy_compile(r"^[ ]{0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)


def read_markdown(text: str) -> str:
    """The report text of a Markdown file, line for line."""
    return _ATX.sub(r"\1", _COMMENT.sub(_blank, text))


def without_code(text: str) -> str:
    """``text`` with fenced code blocks and code spans blanked, line breaks kept (line numbers unchanged)."""
    text = _FENCE.sub(_blank, text)
    out, done = [], 0
    for start, end in _code_spans(text):
        out += [text[done:start], _blank_text(text[start:end])]
        done = end
    return "".join(out) + text[done:]


def _code_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each code span: a run of backticks closed by the next run of the same length in
    the same paragraph (CommonMark); an unclosed run is literal. Linear, whatever the backticks."""
    runs = [m.span() for m in _TICKS.finditer(text)]
    breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]
    following, last = [None] * len(runs), {}
    for i in range(len(runs) - 1, -1, -1):   # the next run of the same length, for each run
        length = runs[i][1] - runs[i][0]
        following[i], last[length] = last.get(length), i
    spans, i = [], 0
    while i < len(runs):
        j = following[i]
        if j is not None and bisect_left(breaks, runs[i][1]) == bisect_left(breaks, runs[j][0]):
            spans.append((runs[i][0], runs[j][1]))
            i = j + 1
        else:
            i += 1
    return spans


def _blank(match) -> str:
    return _blank_text(match.group())


def _blank_text(text: str) -> str:
    return "\n" * text.count("\n")
