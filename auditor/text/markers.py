"""Heading markers of Chinese official documents (GB/T 9704: 一、 → （一） → 1. → （1））.

Patterns run on the normalised line, where NFKC has already folded full-width
brackets and dots: "（一）" → "(一)", "１．" → "1.".
"""
from __future__ import annotations

from .lazy import lazy_compile
from ..models import record

CN_DIGITS = "零〇一二三四五六七八九十百"
_CN = f"[{CN_DIGITS}]{{1,4}}"

# Order matters: the bracketed forms must be tried before the bare ones.
_PATTERNS = (
    # 第一部分 (a top-level heading some reports use)   e.g. "第二部分 存在的不足和原因"
    (1, lazy_compile(rf"^第({_CN})部分([、.,:：]?)")),
    # （一） / (一)，sometimes wrongly followed by 、 or .   e.g. "（二）坚持依法行政"
    (2, lazy_compile(rf"^\(({_CN})\)([、.,]?)")),
    # （1） / (1)   e.g. "（1）完善执法证管理工作"
    (4, lazy_compile(r"^\((\d{1,2})\)([、.,]?)")),
    # 一、 (the standard) or 一. / 一，  e.g. "一、2020年度推进法治政府建设的主要举措和成效"
    (1, lazy_compile(rf"^({_CN})[ \t]*([、.,])")),
    # 1. / 1、 / 1．  but not "1.5万件" or "2020年"   e.g. "1.规范依法决策程序"
    (3, lazy_compile(r"^(\d{1,2})[ \t]*(、|[.,](?!\d))")),
)


@record
class Marker:
    """A heading marker found at the start of a normalised line."""

    level: int
    number: int
    end: int          # offset just past the marker (and any spaces after it)
    style: str        # family + punctuation, e.g. "cn、", "(cn)", "(cn)、", "num.", "num、"


def parse_marker(line: str) -> Marker | None:
    """Return the heading marker at the start of ``line`` or None. ``一是`` is not a marker."""
    for level, pattern in _PATTERNS:
        m = pattern.match(line)
        if not m:
            continue
        raw, punct = m.group(1), m.group(2)
        number = int(raw) if raw.isdigit() else cn_to_int(raw)
        if number is None or number == 0:
            continue
        family = {1: "cn", 2: "(cn)", 3: "num", 4: "(num)"}[level]
        if line.startswith("第"):
            family = "第cn部分"
        end = m.end()
        while end < len(line) and line[end] in " \t":
            end += 1
        return Marker(level, number, end, family + punct)
    return None


def cn_to_int(text: str) -> int | None:
    """Chinese numerals up to 999: 三 → 3, 十二 → 12, 二十 → 20."""
    digits = {"零": 0, "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
    total, current = 0, 0
    for ch in text:
        if ch in digits:
            current = digits[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


def int_to_cn(n: int) -> str:
    """3 → 三, 12 → 十二 (for messages that show the expected marker)."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
