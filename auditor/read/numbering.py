"""Word automatic numbering: rebuild the marker Word displays ("一、", "（二）", "3.") from numbering.xml.

A numbered paragraph stores only ``w:numPr`` (list instance ``numId`` and level ``ilvl``); the text
"一、" exists nowhere in the document. Word draws it from the list definition: ``w:num`` → its
``w:abstractNum`` → the level's ``w:numFmt`` (chineseCounting, decimal, …) and ``w:lvlText``
(e.g. ``%1、`` or ``（%2）``). Counters belong to the abstract list, so list instances that share one
continue each other unless an instance says ``w:startOverride``; using a level restarts the levels
below it (``w:lvlRestart`` can say otherwise).

A paragraph's ``numId`` and ``ilvl`` are inherited separately: its own ``w:numPr``, then its style and
the style's ``w:basedOn`` chain — a "Heading 2" may state only ``ilvl`` 1 and take the list from the
"Heading 1" it is based on. ``numId`` 0 switches numbering off.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text.markers import int_to_cn
from ..text.lazy import lazy_compile
from ..models import record

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PLACEHOLDER = lazy_compile(r"%([1-9])")
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_CN_DIGITS = "〇一二三四五六七八九"
_LEGAL_SIMPLIFIED = "零壹贰叁肆伍陆柒捌玖"
_LEGAL_TRADITIONAL = "零壹貳參肆伍陸柒捌玖"


@record
class Level:
    """One level of a list definition (``w:lvl``)."""

    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None     # w:lvlRestart: restart after this (1-based) level; 0 = never
    legal: bool = False            # w:isLgl: show every level in Arabic digits
    suffix: str = "tab"            # w:suff: what follows the marker (tab | space | nothing)
    style: str | None = None       # w:pStyle: the paragraph style linked to this level


@dataclass
class _List:
    levels: dict[int, Level]
    counters: dict[int, int] = field(default_factory=dict)


def _val(element, tag: str) -> str | None:
    child = element.find(W + tag) if element is not None else None
    return child.get(W + "val") if child is not None else None


def _int(value: str | None, default: int | None = None) -> int | None:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _level(lvl) -> Level:
    legal = lvl.find(W + "isLgl")
    fmt = _val(lvl, "numFmt") or "decimal"
    if fmt == "custom":   # Word 2010+: w:format holds a sample, e.g. "一, 二, 三, ..." or "001, 002, 003, ..."
        fmt = _custom(lvl.find(W + "numFmt").get(W + "format") or "")
    return Level(start=_int(_val(lvl, "start"), 1), fmt=fmt,
                 text=_val(lvl, "lvlText") or "", restart=_int(_val(lvl, "lvlRestart")),
                 legal=legal is not None and legal.get(W + "val") not in ("0", "false"),
                 suffix=_val(lvl, "suff") or "tab", style=_val(lvl, "pStyle"))


_CUSTOM_FIRST = {"一": "chineseCounting", "壹": "chineseLegalSimplified", "甲": "ideographTraditional",
                 "子": "ideographZodiac", "①": "decimalEnclosedCircle", "⑴": "decimalEnclosedParen",
                 "⒈": "decimalEnclosedFullstop", "１": "decimalFullWidth", "a": "lowerLetter", "A": "upperLetter",
                 "i": "lowerRoman", "I": "upperRoman"}


def _custom(sample: str) -> str:
    """The standard format a custom sample stands for: "001, 002, ..." → "zero3"."""
    first = sample.split(",")[0].strip()
    if first.isdigit() and first.isascii():
        return f"zero{len(first)}" if first.startswith("0") else "decimal"
    return _CUSTOM_FIRST.get(first, "decimal")


class Styles:
    """Paragraph styles: the numbering they give and their heading level, following ``w:basedOn``."""

    def __init__(self, element):
        self._styles = {s.get(W + "styleId"): s for s in element.iter(W + "style")} if element is not None else {}

    def chain(self, style_id: str | None):
        """The style and the styles it is based on, nearest first."""
        seen = set()
        while style_id and style_id in self._styles and style_id not in seen:
            seen.add(style_id)
            style = self._styles[style_id]
            yield style
            style_id = _val(style, "basedOn")

    def num_pr(self, style_id: str | None) -> tuple[str | None, str | None]:
        """(numId, ilvl) the style gives its paragraphs, each from the nearest style that states it."""
        num_id = ilvl = None
        for style in self.chain(style_id):
            num_pr = style.find(f"{W}pPr/{W}numPr")
            if num_pr is not None:
                num_id = num_id if num_id is not None else _val(num_pr, "numId")
                ilvl = ilvl if ilvl is not None else _val(num_pr, "ilvl")
        return num_id, ilvl

    def num_id(self, style_id: str) -> str | None:
        return self.num_pr(style_id)[0]


class Numbering:
    """The list definitions of one document and the running counters, in document order."""

    def __init__(self, numbering, style_num_id=lambda style_id: None):
        """``numbering``: the ``w:numbering`` element (or None); ``style_num_id``: numId of a style."""
        self._abstract: dict[str, _List] = {}
        self._nums: dict[str, tuple[str, dict[int, int], dict[int, Level]]] = {}
        self._seen: set[str] = set()
        if numbering is None:
            return
        links: dict[str, str] = {}
        for abstract in numbering.iter(W + "abstractNum"):
            aid = abstract.get(W + "abstractNumId")
            self._abstract[aid] = _List({_int(lvl.get(W + "ilvl"), 0): _level(lvl) for lvl in abstract.iter(W + "lvl")})
            link = _val(abstract, "numStyleLink")
            if link:
                links[aid] = link
        for num in numbering.iter(W + "num"):
            starts, levels = {}, {}
            for override in num.iter(W + "lvlOverride"):
                ilvl = _int(override.get(W + "ilvl"), 0)
                start = _int(_val(override, "startOverride"))
                if start is not None:
                    starts[ilvl] = start
                lvl = override.find(W + "lvl")
                if lvl is not None:
                    levels[ilvl] = _level(lvl)
            self._nums[num.get(W + "numId")] = (_val(num, "abstractNumId"), starts, levels)
        # A list defined through a numbering style borrows the levels of the style's own list.
        for aid, style_id in links.items():
            target = self._nums.get(style_num_id(style_id) or "")
            if target and target[0] in self._abstract and target[0] != aid:
                self._abstract[aid] = self._abstract[target[0]]

    def paragraph(self, ppr, styles: Styles) -> tuple[str | None, int]:
        """(numId, ilvl) of a paragraph with properties ``ppr``; numId None when it is not numbered."""
        style_id = _val(ppr, "pStyle")
        num_pr = ppr.find(W + "numPr") if ppr is not None else None
        own_id, own_lvl = (_val(num_pr, "numId"), _val(num_pr, "ilvl")) if num_pr is not None else (None, None)
        style_num, style_lvl = styles.num_pr(style_id)
        num_id = own_id if own_id is not None else style_num
        if num_id is None or num_id == "0":
            return None, 0
        level = own_lvl if own_lvl is not None else style_lvl
        if level is None and style_id:   # a list linked to the style: the level that names it
            return num_id, self.level_of_style(num_id, style_id)
        return num_id, _int(level, 0) or 0

    def level_of_style(self, num_id: str, style_id: str) -> int:
        """The level a style-linked list assigns to paragraphs of ``style_id`` (0 if none)."""
        found = self._resolve(num_id)
        if found is None:
            return 0
        return next((i for i, lvl in found[0].levels.items() if lvl.style == style_id), 0)

    def marker(self, num_id: str, ilvl: int) -> tuple[str, str] | None:
        """Advance the counter of (``num_id``, ``ilvl``); return (marker text, suffix) or None
        (no list, a bullet, or a level without a number)."""
        found = self._resolve(num_id)
        if found is None:
            return None
        lst, starts, overrides = found
        if num_id not in self._seen:
            self._seen.add(num_id)
            for level_index, start in starts.items():
                lst.counters[level_index] = start - 1
        level = overrides.get(ilvl) or lst.levels.get(ilvl)
        if level is None or level.fmt == "bullet":
            return None
        current = lst.counters.get(ilvl)
        lst.counters[ilvl] = level.start if current is None else current + 1
        for deeper in [k for k in lst.counters if k > ilvl]:
            restart = (overrides.get(deeper) or lst.levels.get(deeper) or Level()).restart
            if restart is None or (restart != 0 and ilvl < restart):
                del lst.counters[deeper]
        if level.fmt == "none" or not level.text:
            return None

        def value(m: re.Match) -> str:
            index = int(m.group(1)) - 1
            source = overrides.get(index) or lst.levels.get(index) or Level()
            number = lst.counters.get(index, source.start)
            return format_number(number, "decimal" if level.legal and index != ilvl else source.fmt)

        text = _PLACEHOLDER.sub(value, level.text)
        return (text, level.suffix) if text.strip() else None

    def _resolve(self, num_id: str):
        entry = self._nums.get(num_id)
        if entry is None or entry[0] not in self._abstract:
            return None
        return self._abstract[entry[0]], entry[1], entry[2]


def format_number(n: int, fmt: str) -> str:
    """``n`` in Word's number format ``fmt``: 3 → "三" (chineseCounting), "丙" (ideographTraditional)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "taiwaneseCountingThousand", "koreanCounting") and 0 < n < 100:
        return int_to_cn(n)
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(_CN_DIGITS[int(d)] for d in str(n))
    if fmt == "chineseLegalSimplified" and 0 < n < 10:
        return _LEGAL_SIMPLIFIED[n]
    if fmt == "ideographLegalTraditional" and 0 < n < 10:
        return _LEGAL_TRADITIONAL[n]
    if fmt == "ideographTraditional" and n > 0:
        return _STEMS[(n - 1) % 10]
    if fmt == "ideographZodiac" and n > 0:
        return _BRANCHES[(n - 1) % 12]
    if fmt in ("upperLetter", "lowerLetter") and 0 < n <= 26 * 20:
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman") and 0 < n < 4000:
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt.startswith("decimalEnclosedCircle") and 0 < n <= 20:
        return chr(0x2460 + n - 1)           # ①
    if fmt == "decimalEnclosedParen" and 0 < n <= 20:
        return chr(0x2474 + n - 1)           # ⑴
    if fmt == "decimalEnclosedFullstop" and 0 < n <= 20:
        return chr(0x2488 + n - 1)           # ⒈
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt.startswith("zero") and fmt[4:].isdigit():
        return f"{n:0{int(fmt[4:])}d}"
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += letters
            n -= value
    return out
