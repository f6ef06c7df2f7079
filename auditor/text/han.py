"""Han characters and CJK punctuation, tested character by character.

Where a pattern would need a class such as ``[\\u4e00-\\u9fff]``, these test the character instead:
they read more plainly and need no compiling (``re`` visits such a class's 20,992 code points one
by one, 1–3.7 ms a pattern).
"""
from __future__ import annotations

from .lazy import lazy_compile

# Pinyin that some mirror sites print after characters: "区(qū)", "报(bào)" (a tone mark is required,
# so "(app)" stays; the character before it is tested by ``_after_han``). Removed for matching;
# evidence still quotes the original.
_PINYIN = lazy_compile(r"\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)")
_HAN_RANGES = (("\u3400", "\u4dbf"), ("\u4e00", "\u9fff"), ("\uf900", "\ufaff"))
# Whitespace next to a Han character or CJK punctuation carries no meaning: "2020 年" → "2020年".
_BLANKS = lazy_compile(r"[ \t\u00a0]+")
_CJK_RANGES = (*_HAN_RANGES, ("\u3000", "\u303f"))   # and CJK punctuation
_CJK_SINGLES = frozenset("\u2014\u2018\u2019\u201c\u201d\u2026\u00b7\u300a\u300b")


def is_han(ch: str) -> bool:
    """Is ``ch`` in the CJK Unified Ideographs block (U+4E00–U+9FFF)? Tested per character where
    a pattern would need ``[\\u4e00-\\u9fff]``: ``re`` takes 1–2.5 ms to compile such a class."""
    return "\u4e00" <= ch <= "\u9fff"


def pinyin_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the pinyin in brackets right after a Han character ("区(qū)"; see ``_PINYIN``)."""
    return [m.span() for m in _PINYIN.finditer(text)
            if m.start() and any(lo <= text[m.start() - 1] <= hi for lo, hi in _HAN_RANGES)]


def strip_pinyin(text: str) -> str:
    """``text`` without the pinyin in brackets after its Han characters: "区(qū)司法局" → "区司法局"."""
    spans = pinyin_spans(text)
    return "".join(text[a:b] for a, b in zip((0, *(e for _, e in spans)), (*(s for s, _ in spans), len(text))))


def _is_cjk(ch: str) -> bool:
    return ch in _CJK_SINGLES or any(lo <= ch <= hi for lo, hi in _CJK_RANGES)


def spaces_beside_cjk(text: str) -> list[tuple[int, int]]:
    """Spans of the runs of spaces with a Han character or CJK punctuation on either side.

    The same as ``(?<=[Han, CJK punct])[ \\t\\u00a0]+|[ \\t\\u00a0]+(?=[Han, CJK punct])``, tested
    character by character: ``re`` spends several milliseconds compiling a class of 30,000 Han
    characters, on every start of the program."""
    return [m.span() for m in _BLANKS.finditer(text)
            if (m.start() > 0 and _is_cjk(text[m.start() - 1])) or (m.end() < len(text) and _is_cjk(text[m.end()]))]
