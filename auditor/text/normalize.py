"""The matching view of a report: folded text per line, hard wraps joined, exact line map kept.

Matching never sees the original bytes, and evidence never quotes the matching view:
every normalised character remembers the original character it came from.
"""
from __future__ import annotations

import unicodedata
from array import array
from bisect import bisect_right
from typing import Callable

from .han import pinyin_spans, spaces_beside_cjk
from .markers import parse_marker
from .lazy import lazy_compile
from ..models import record

# Word-processor residue exported into plain text, e.g. "[bookmark: _GoBack]", "{ PAGE }".
RESIDUE = lazy_compile(r"\[bookmark:[^\]\n]{0,80}\]|\{\s*(?:PAGE|NUMPAGES|HYPERLINK|TOC|REF|MERGEFIELD)\b[^}\n]{0,120}\}")
# U+FFFD stands where the reader met bytes it could not decode (``read.encoding`` names the lines in
# a note). It is no character of the report: "放管\ufffd服" must still match 放管服.
_REPLACEMENT = lazy_compile("\ufffd+")
_EDGES = lazy_compile(r"^[ \t\u00a0]+|[ \t\u00a0]+$")
_INNER_PUNCT = lazy_compile(r"[,，、;；:：。]")
_TERMINAL = tuple("。！？!?;；:：”’」』)）》】…")
MAX_QUOTE = 200   # an evidence quote never exceeds this (a 1 MB line must not be quoted whole)

# Where a quote may start or stop: after these a clause is complete.
_CLAUSE_STOPS = frozenset("，。；：、！？!?;")
_SOFT_STOPS = frozenset("，、；：,")


def _clause_start(text: str, pos: int, pad: int) -> int:
    """Where a quote of ``text[pos:]`` starts: the earliest clause start within ``pad`` before ``pos``,
    else the nearest one within ``2 * pad``, else ``pos - pad`` moved off a word or number."""
    if pos - pad <= 0:
        return 0
    for i in range(pos - pad, pos):
        if _stop(text, i - 1):
            return i
    for i in range(pos - pad - 1, max(0, pos - 2 * pad), -1):
        if _stop(text, i - 1):
            return i
    lo = pos - pad
    while lo < pos and (_ascii_word(text[lo - 1]) and _ascii_word(text[lo]) or text[lo] in _CLOSING):
        lo += 1
    return lo


def _clause_end(text: str, pos: int, pad: int) -> int:
    """Where a quote of ``text[:pos]`` stops: the last clause end within ``pad`` after ``pos``,
    else the nearest one within ``2 * pad``, else ``pos + pad`` moved past a number and its unit."""
    if pos + pad >= len(text):
        return len(text)
    for i in range(pos + pad, pos, -1):
        if _stop(text, i - 1):
            return i
    for i in range(pos + pad + 1, min(len(text), pos + 2 * pad) + 1):
        if _stop(text, i - 1):
            return i
    hi = pos + pad
    while hi < len(text) and hi < pos + 2 * pad and (_ascii_word(text[hi - 1]) and _ascii_word(text[hi])
                                                      or text[hi - 1].isdigit() and text[hi] in ".%．％"):
        hi += 1
    if hi < len(text) and text[hi - 1].isdigit() and not text[hi].isascii():
        hi += 1   # the unit after a number: "376件"
    return hi


_CLOSING = frozenset("，。、；：？！）》」』】〕”’…,.;:?!)")


def _stop(text: str, i: int) -> bool:
    """Does a clause end at ``text[i]``? An ASCII comma does, except inside a number ("1,000")."""
    ch = text[i]
    if ch == ",":
        return not (0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit())
    return ch in _CLAUSE_STOPS


def _ascii_word(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "._%")


Mapping = "array[int] | None"   # normalised index → original index; None means identity


@record
class Paragraph:
    """Consecutive original lines joined because the text was hard-wrapped mid-sentence."""

    text: str
    lines: tuple[int, ...]     # 1-based original line numbers
    starts: tuple[int, ...]    # offset in ``text`` where each of those lines begins

    def line_at(self, offset: int) -> int:
        """The original line that holds ``text[offset]``."""
        return self.lines[bisect_right(self.starts, offset) - 1]


@record
class TextView:
    """Original lines, their normalised forms, the joined paragraphs and the residue found."""

    lines: tuple[str, ...]
    norm: tuple[str, ...]
    maps: tuple[object, ...]
    paragraphs: tuple[Paragraph, ...]
    residue: tuple[tuple[int, str], ...]
    converted: bool = False

    def excerpt(self, line: int, start: int = 0, end: int | None = None, width: int = 48) -> str:
        """Quote the original ``line`` around the normalised span [start, end) (see ``quote``)."""
        return self.quote(line, start, end, width)[0]

    def quote(self, line: int, start: int = 0, end: int | None = None, width: int = 48) -> tuple[str, bool, bool]:
        """(quote, text left out before it, text left out after it) for the span [start, end) of ``line``.

        The quote is about ``width`` characters of the original line around the span, widened or
        narrowed to clause boundaries (after "，。；：、！？") so it never starts or stops mid-phrase
        ("共收到行政复议申请376件", not "…申请376"); ``width=0`` quotes exactly the span. Never
        longer than ``MAX_QUOTE`` characters; always a substring of the original line.
        """
        original = self.lines[line - 1]
        norm = self.norm[line - 1]
        if not norm:
            text = original.strip()
            return text[:width], False, len(text) > width
        end = len(norm) if end is None else max(start + 1, end)
        o_start, o_end = _to_original(self.maps[line - 1], start, end, len(original))
        if width == 0:
            lo, hi = o_start, min(o_end, o_start + MAX_QUOTE)
        else:
            pad = max(0, (width - (o_end - o_start)) // 2)
            lo = _clause_start(original, o_start, pad)
            hi = min(_clause_end(original, o_end, pad), lo + MAX_QUOTE)
            if hi < len(original) and original[hi - 1] in _SOFT_STOPS:
                hi -= 1   # "…申请376件，" reads as "…申请376件…"
        return original[lo:hi].strip(), bool(original[:lo].strip()), bool(original[hi:].strip())

    def blanked(self, rows) -> "TextView":
        """The same view with the 1-based ``rows`` emptied for matching (page furniture, see
        ``text.page``); the original lines stay, so line numbers do not move."""
        if not rows:
            return self
        norm = tuple("" if i in rows else text for i, text in enumerate(self.norm, 1))
        return TextView(self.lines, norm, self.maps, _paragraphs(list(norm)), self.residue, self.converted)

    def paragraph_offset_to_line(self, para: Paragraph, offset: int) -> tuple[int, int]:
        """(line, offset within that line's normalised text) for an offset in ``para``."""
        idx = bisect_right(para.starts, offset) - 1
        return para.lines[idx], offset - para.starts[idx]


def _to_original(mapping, start: int, end: int, length: int) -> tuple[int, int]:
    if mapping is None:
        return start, min(end, length)
    if not len(mapping):
        return 0, 0
    start = min(start, len(mapping) - 1)
    end = min(end, len(mapping))
    return mapping[start], mapping[end - 1] + 1


def fold(text: str, convert: Callable[[str], str] | None = None) -> str:
    """The matching form of a short string (a rulebook term): same folding as the report."""
    return normalize_line(text, convert)[0]


def normalize_line(line: str, convert: Callable[[str], str] | None = None) -> tuple[str, object, list[str]]:
    """Fold one line for matching; return (text, mapping, residue removed)."""
    text, mapping, residue = line, None, []
    text, mapping = _recode(text, mapping, lambda s: unicodedata.normalize("NFKC", s))
    # After NFKC, so full-width "［bookmark: x］" counts; repeated, so removing residue nested in
    # residue leaves none: folding a folded line changes nothing (tests/test_properties.py).
    found = [m.span() for m in RESIDUE.finditer(text)]
    while found:
        residue.extend(text[s:e] for s, e in found)
        text, mapping = _delete(text, mapping, found)
        found = [m.span() for m in RESIDUE.finditer(text)]
    found = pinyin_spans(text)
    while found:
        text, mapping = _delete(text, mapping, found)
        found = pinyin_spans(text)
    found = [m.span() for m in _REPLACEMENT.finditer(text)]
    if found:
        text, mapping = _delete(text, mapping, found)
    if convert is not None:
        text, mapping = _recode(text, mapping, convert)
    spans = spaces_beside_cjk(text) + [m.span() for m in _EDGES.finditer(text)]
    if spans:
        text, mapping = _delete(text, mapping, sorted(set(spans)))
    return text, mapping, residue


def _recode(text: str, mapping, fn: Callable[[str], str]):
    out = fn(text)
    if out == text:
        return text, mapping
    if len(out) == len(text):   # one-for-one (the common case: full-width → half-width)
        return out, mapping
    new = array("I")
    pieces = []
    for i, ch in enumerate(text):
        piece = fn(ch)
        pieces.append(piece)
        origin = i if mapping is None else mapping[i]
        new.extend([origin] * len(piece))
    return "".join(pieces), new


def _delete(text: str, mapping, spans: list[tuple[int, int]]):
    keep_text, new = [], array("I")
    pos = 0
    for s, e in spans:
        if s < pos:
            s = pos
        if s >= e:
            continue
        keep_text.append(text[pos:s])
        new.extend(range(pos, s) if mapping is None else mapping[pos:s])
        pos = e
    keep_text.append(text[pos:])
    new.extend(range(pos, len(text)) if mapping is None else mapping[pos:])
    return "".join(keep_text), new


def normalize_text(text: str, convert: Callable[[str], str] | None = None) -> TextView:
    """Build the matching view of a whole report (``text`` uses ``\\n`` line ends)."""
    lines = tuple(text.split("\n"))
    norm, maps, residue = [], [], []
    for number, line in enumerate(lines, 1):
        folded, mapping, removed = normalize_line(line, convert)
        norm.append(folded)
        maps.append(mapping)
        residue.extend((number, r) for r in removed)
    return TextView(lines, tuple(norm), tuple(maps), _paragraphs(norm), tuple(residue), convert is not None)


def _paragraphs(norm: list[str]) -> tuple[Paragraph, ...]:
    paras: list[Paragraph] = []
    i, n = 0, len(norm)
    while i < n:
        if not norm[i]:
            i += 1
            continue
        texts, numbers, starts, length = [norm[i]], [i + 1], [0], len(norm[i])
        j = i + 1
        while _wrapped(texts[-1]):
            k = j
            while k < n and not norm[k] and k - j < 2:
                k += 1
            if k >= n or not norm[k] or parse_marker(norm[k]):
                break
            starts.append(length)
            texts.append(norm[k])
            numbers.append(k + 1)
            length += len(norm[k])
            j = k + 1
        paras.append(Paragraph("".join(texts), tuple(numbers), tuple(starts)))
        i = j
    return tuple(paras)


def _wrapped(line: str) -> bool:
    """True when ``line`` stops mid-sentence (e.g. "认真贯彻《重大行政决策程序暂").

    A title or a bare heading also ends without punctuation, so a line only counts as
    wrapped when its text (after any heading marker) already holds sentence punctuation
    or an unclosed book-title mark.
    """
    if not line or line.endswith(_TERMINAL):
        return False
    marker = parse_marker(line)
    body = line[marker.end:] if marker else line
    if body.count("《") > body.count("》"):
        return True
    if marker:
        return "。" in body
    return bool(_INNER_PUNCT.search(body))
