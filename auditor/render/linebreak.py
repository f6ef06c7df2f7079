"""Line breaking for Chinese terminal text: by display width, with a hanging indent, honouring 避头尾.

A line may break between any two Han characters, but never
- inside a run of ASCII letters, digits and ``._:/%-`` (a rule id such as ``duty.four_personally``,
  a number such as ``8.88%``), nor between a number and the one character after it (its unit:
  ``376件``, ``2020年``), nor between "第" and the number after it;
- before closing punctuation (no line starts with "，" "。" "）" "”" …: 避头), nor after opening
  punctuation (no line ends with "（" "《" "“": 避尾).
Widths are terminal cells as rich measures them (``rich.cells.cell_len``: 2 for Han characters and
full-width punctuation). A unit wider than the line (a very long path) is folded by cells.
"""
from __future__ import annotations

from rich.cells import cell_len

CLOSING = frozenset("，。、；：？！）》」』】〕〉”’…—,.;:?!)]}%％")
OPENING = frozenset("（《「『【〔〈“‘([{")
_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.:/%-+#@")


def _units(text: str, whole: tuple[tuple[int, int], ...] = ()) -> list[tuple[int, int]]:
    """(start, end) of the pieces of ``text`` that must stay on one line, in order; spaces are pieces too.
    Each ``whole`` span (a status tag such as "（缺失·警告）") is kept in one piece."""
    units: list[list[int]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in _WORD:
            j = i + 1
            while j < n and text[j] in _WORD:
                j += 1
            while j > i + 1 and text[j - 1] in ".:/-":   # a sentence's full stop is not part of the word
                j -= 1
            if text[j - 1].isdigit() and j < n and not text[j].isascii() and text[j] not in CLOSING | OPENING \
                    and not text[j].isspace():
                j += 1                                      # 376件
            if units and text[units[-1][0]:units[-1][1]] == "第" and ch.isdigit():
                units[-1][1] = j                            # 第27
            else:
                units.append([i, j])
            i = j
        else:
            units.append([i, i + 1])
            i += 1
    merged: list[list[int]] = []
    glue_next = False
    for start, end in units:
        piece = text[start:end]
        if merged and piece[0] in CLOSING and text[merged[-1][0]:merged[-1][1]].isspace() and len(merged) > 1:
            while len(merged) > 1 and text[merged[-1][0]:merged[-1][1]].isspace():
                merged.pop()                                # "标题  ）": the spaces go with the word
            merged[-1][1] = end
        elif merged and (glue_next or piece[0] in CLOSING):
            merged[-1][1] = end
        else:
            merged.append([start, end])
        glue_next = piece[-1] in OPENING or (glue_next and piece.isspace())
    for lo, hi in whole:
        inside = [n for n, (s, e) in enumerate(merged) if s < hi and e > lo]
        if len(inside) > 1:
            merged[inside[0]][1] = merged[inside[-1]][1]
            del merged[inside[0] + 1:inside[-1] + 1]
    return [(s, e) for s, e in merged]


def break_points(text: str, width: int, first_width: int | None = None,
                 whole: tuple[tuple[int, int], ...] = ()) -> list[tuple[int, int]]:
    """(start, end) offsets of each line of ``text`` wrapped to ``width`` cells (``first_width`` for the
    first line); spaces at a break are dropped; the ``whole`` spans are never broken (unless one is
    wider than a line)."""
    limit = width if first_width is None else first_width
    if text[:1] and not text[0].isspace() and "\u200d" not in text and "\ufe0f" not in text \
            and cell_len(text) <= limit:   # fits whole (cell_len adds up per character without these two)
        return [(0, _rstrip(text, 0, len(text)))]
    return _break(text, width, limit, whole)


def _break(text: str, width: int, limit: int, whole: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    lines: list[tuple[int, int]] = []
    start = end = None
    used = 0
    for s, e in _units(text, whole):
        piece = text[s:e]
        size = cell_len(piece)
        if piece.isspace():
            if start is not None:
                end, used = e, used + size
            continue
        if start is not None and used + size > limit:
            lines.append((start, _rstrip(text, start, end)))
            start, used, limit = None, 0, width
        if start is None:
            start = s
        while size > limit:   # a unit wider than a whole line: fold it by cells
            cut = _fit(text, s, e, limit - used, whole)
            lines.append((start, cut))
            s, start, used, limit = cut, cut, 0, width
            size = cell_len(text[s:e])
        end, used = e, used + size
    if start is not None:
        lines.append((start, _rstrip(text, start, end)))
    return lines or [(0, 0)]


def wrap(text: str, width: int, indent: str = "", hanging: str | None = None,
         whole: tuple[tuple[int, int], ...] = ()) -> list[str]:
    """``text`` as lines of at most ``width`` cells: the first starts with ``indent``, the rest with
    ``hanging`` (default: as many spaces as ``indent`` is wide); the ``whole`` spans are not broken."""
    hanging = " " * cell_len(indent) if hanging is None else hanging
    spans = break_points(text, max(1, width - cell_len(hanging)), max(1, width - cell_len(indent)), whole)
    return [(indent if n == 0 else hanging) + text[s:e] for n, (s, e) in enumerate(spans)]


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _fit(text: str, start: int, end: int, room: int, whole: tuple[tuple[int, int], ...] = ()) -> int:
    """The furthest offset after ``start`` whose text fits in ``room`` cells (at least one character);
    never inside a ``whole`` span that fits (a tag outranks the rule on closing punctuation)."""
    used, i = 0, start
    while i < end and used + cell_len(text[i]) <= room:
        used += cell_len(text[i])
        i += 1
    fits = i
    while start + 1 < i < end and (text[i] in CLOSING or text[i - 1] in OPENING or text[i].isspace()):
        i -= 1   # even a folded unit does not put closing punctuation first on a line
    for ws, we in whole:
        if ws < i < we:
            i = we if we <= fits else (ws if ws > start else i)
    return max(i, start + 1)
