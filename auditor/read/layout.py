"""Text runs placed on a PDF page → lines in reading order (pure geometry, no PDF library).

A PDF gives each run of text a position, not an order. Lines are rebuilt the way a reader sees them:
runs are turned into the frame of the page's text direction (so a page drawn rotated under a
``/Rotate`` reads upright), grouped by baseline, and a baseline that two columns share is split at
the gutter, so each column is read top to bottom before the next. A run overprinted to fake a bold
face is read once; letter-spacing never becomes spaces ("四 、 2 0 2 1 年" stays "四、2021年").
Where the library's advance widths cannot be right, ``respace`` puts the characters back first.
"""
from __future__ import annotations

from bisect import bisect_left
from operator import itemgetter
from ..text.lazy import lazy_compile
from ..models import record

# (−y, x of its origin, character, font size, advance width, text direction in degrees counter-clockwise):
# an upright page sorts into reading order as it is.
Char = tuple[float, float, str, float, float, float]
Glyph = tuple[float, float, str, float, float, float, str]   # a Char and the name of its font
_TURNS = {0: (1, 0), 1: (0, 1), 2: (-1, 0), 3: (0, -1)}   # quarter turns → (cos, sin)
_SKEW = 10.0        # degrees off a quarter turn: a diagonal watermark, not text
_SAME_LINE = 0.4    # baselines closer than this many font sizes share a line
_OVERPRINT = 0.3    # the same character this close again (in font sizes) is drawn twice for bold
_BREAK = 0.9        # a gap wider than this many font sizes separates two blocks (columns, cells)
_MIN_COLUMN_LINES = 3
# Letter-spacing that came out as spaces: three or more single characters separated by single spaces.
_SPACED = lazy_compile(r"(?<!\S)\S(?: \S){2,}(?!\S)")
_HAN = lazy_compile(r"[\u3400-\u9fff]")
_HALF = 0.5          # the advance of a half-width character of a CJK font, in font sizes
_DIGIT_MAX = 0.7     # no CJK font has half-width digits wider than this (full-width ones are U+FF10…)
_CHAINED = 0.05      # points: a glyph drawn where the one before it ended continues its run


@record
class Line:
    """One line of text on a page and where it sits, in the frame where its text runs left to right."""

    text: str
    top: float          # distance from the top of the page, 0–1
    x0: float           # where the line starts and ends
    x1: float
    size: float         # font size of the page's text
    column: int = 0     # 0: the full width; 1, 2: left and right column
    blocks: int = 1     # pieces separated by wide gaps (table cells)


def page_lines(chars: list[Char], box: tuple[float, float, float, float]) -> tuple[list[Line], int]:
    """Lines of one page in reading order, and how many skewed characters (watermarks) were left out.

    ``box`` is the page's (x0, y0, x1, y1) in the same user space as the characters.
    """
    turn_of: dict[float, int | None] = {}
    for angle in {char[5] for char in chars}:   # a page has few distinct directions
        turns, rest = divmod(angle % 360, 90)
        turn_of[angle] = None if _SKEW < rest < 90 - _SKEW else int(turns + (rest >= 45)) % 4
    directions = set(turn_of.values())
    if len(directions) == 1 and None not in directions:
        groups = {directions.pop(): chars}
    else:
        groups = {}
        for char in chars:
            groups.setdefault(turn_of[char[5]], []).append(char)
    skewed = len(groups.pop(None, ()))
    lines: list[Line] = []
    for turn in sorted(groups, key=lambda t: -len(groups[t])):   # the main direction first
        lines.extend(_read(groups[turn], turn, box))
    return lines, skewed


def respace(glyphs: list[Glyph]) -> list[Char]:
    """Characters with trustworthy advances: the half-width (ASCII) characters of a CJK font whose
    stated digit widths are impossible get half an em, and the characters drawn after them in the
    same run move back by what was added.

    A CJK font that is not embedded (STSong-Light, as ReportLab and iText write it) can come back
    with its half-width digits 0.55–0.8 em wide and no two alike: the library reads the widths at the
    wrong glyph ids. Real digits are all one width, about half an em, so a font with a digit wider
    than ``_DIGIT_MAX`` em or digits of unequal widths is not believed for any ASCII character, and
    its lines would otherwise run into the gutter and merge with the next column.
    """
    fonts: dict[str, list] = {}
    for g in glyphs:
        fonts.setdefault(g[6], []).append(g)
    wrong = {font for font, gs in fonts.items() if _implausible(gs)}
    if not wrong:
        return [g[:6] for g in glyphs]
    # In the frame of each glyph's direction: a glyph that starts where another on its baseline
    # ends continues that one's run.
    runs: dict[tuple, list[tuple[float, int]]] = {}
    for i, (down, x, _, _, _, angle, _) in enumerate(glyphs):
        cos, sin = _TURNS[round(angle % 360 / 90) % 4]
        runs.setdefault((angle, round(-x * sin - down * cos, 1)), []).append((x * cos - down * sin, i))
    after: dict[int, int] = {}
    for row in runs.values():
        row.sort()
        places = [along for along, _ in row]
        for along, i in row:
            k = bisect_left(places, along + glyphs[i][4] - _CHAINED)
            if k < len(row) and row[k][0] <= along + glyphs[i][4] + _CHAINED and row[k][1] != i:
                after[i] = row[k][1]
    out: list[Char] = [g[:6] for g in glyphs]
    followers = set(after.values())
    for first in range(len(glyphs)):
        if first in followers:
            continue
        shift, i, seen = 0.0, first, set()
        while i is not None and i not in seen:
            seen.add(i)
            down, x, ch, size, adv, angle, font = glyphs[i]
            cos, sin = _TURNS[round(angle % 360 / 90) % 4]
            width = _HALF * size if font in wrong and " " <= ch <= "~" else adv
            out[i] = (down + sin * shift, x - cos * shift, ch, size, width, angle)
            shift += adv - width
            i = after.get(i)
    return out


def _implausible(glyphs: list) -> bool:
    """Does a font that draws Han characters state half-width digits no font has?"""
    if not any(_HAN.match(g[2]) for g in glyphs):
        return False
    digits = {g[4] / g[3] for g in glyphs if g[2].isdigit() and g[2].isascii() and g[3] > 0}
    return bool(digits) and (max(digits) > _DIGIT_MAX or max(digits) > 1.1 * min(digits))


def _read(chars: list[Char], turn: int, box) -> list[Line]:
    cos, sin = _TURNS[turn]
    # (distance down the page, distance along the line) in the frame where this text runs left to right
    placed = sorted(chars) if turn == 0 else \
        sorted((x * sin + down * cos, x * cos - down * sin, ch, size, adv) for down, x, ch, size, adv, _ in chars)
    corners = [x * sin - y * cos for x in (box[0], box[2]) for y in (box[1], box[3])]
    top, height = min(corners), (max(corners) - min(corners)) or 1.0
    rows: list[list] = []
    row: list = []
    limit = None
    for char in placed:
        if limit is None or char[0] > limit:
            row = [char]
            rows.append(row)
            limit = char[0] + _SAME_LINE * char[3]
        else:
            row.append(char)
    along = itemgetter(1)
    blocks = [((row[0][0] - top) / height, row[0][3], _blocks(sorted(row, key=along))) for row in rows]
    gutter = _gutter([b for _, _, bs in blocks for b in bs])
    out: list[Line] = []
    left: list[Line] = []
    right: list[Line] = []
    for where, size, row in blocks:
        if not row:
            continue
        # A block belongs to the left column if it ends before the right column starts (some PDFs
        # state glyph widths wrongly, so it may overrun the gutter a little).
        sides = ([b for b in row if b[0] < gutter[0] and b[1] < gutter[1] - 0.5],
                 [b for b in row if b[0] >= gutter[1] - 0.5]) if gutter else ((), ())
        if gutter is None or len(sides[0]) + len(sides[1]) < len(row):   # no columns, or a full-width line
            out.extend(left + right)
            left, right = [], []
            out.append(_line(row, where, size, 0))
            continue
        if sides[0]:
            left.append(_line(sides[0], where, size, 1))
        if sides[1]:
            right.append(_line(sides[1], where, size, 2))
    return out + left + right


def _blocks(row: list) -> list[tuple[float, float, str]]:
    """Split a baseline into blocks at wide gaps: (x0, x1, text) each, overprinted copies dropped.

    A gap is wide when it exceeds ``_BREAK`` font sizes and three times the line's usual gap, so a
    heading set with wide letter-spacing stays one block.
    """
    kept: list[tuple[float, float, str]] = []   # (x, right edge, character)
    gaps: list[float] = []
    end = prev_x = -1e9
    prev_ch = ""
    size = row[0][3]
    for _, x, ch, size, adv, *_ in row:
        if ch == prev_ch and x - prev_x < _OVERPRINT * size:
            continue   # the same glyph again, a hair to the side: fake bold
        right = x + (adv or (size if ch > "\u2e80" else size / 2))
        if kept:
            gaps.append(x - end)
        kept.append((x, right, ch))
        if right > end:
            end = right
        prev_ch, prev_x = ch, x
    if not kept:
        return []
    limit = _BREAK * size
    if len(gaps) >= 2 and max(gaps) > limit:   # the lower median: most gaps of a spaced line are spacing
        limit = max(limit, 3 * sorted(gaps)[(len(gaps) - 1) // 2])
    blocks: list[tuple[float, float, str]] = []
    start, text, end = kept[0][0], [kept[0][2]], kept[0][1]
    for gap, (x, right, ch) in zip(gaps, kept[1:]):
        if gap > limit:
            blocks.append((start, end, "".join(text).strip()))
            start, text, end = x, [], right
        text.append(ch)   # no space is made up for a gap: letter-spacing is not a word break
        if right > end:
            end = right
    blocks.append((start, end, "".join(text).strip()))
    return [b for b in blocks if b[2]]


def _gutter(blocks: list[tuple[float, float, str]]) -> tuple[float, float] | None:
    """The empty vertical band between two columns, if the page has two: (x0, x1) or None."""
    if len(blocks) < 2 * _MIN_COLUMN_LINES:
        return None
    lo, hi = min(b[0] for b in blocks), max(b[1] for b in blocks)
    width = hi - lo
    best = None
    for edge in sorted({b[1] for b in blocks if lo + 0.25 * width < b[1] < lo + 0.75 * width}):
        starts = [b[0] for b in blocks if b[0] > edge]   # a gutter runs from where a block ends …
        if not starts:
            continue
        nxt = min(starts)                                # … to where the next block to the right starts
        crossing = sum(1 for b in blocks if b[0] < nxt - 0.5 and b[1] > edge + 0.5)
        left = [b[1] - b[0] for b in blocks if b[1] <= edge + 0.5]
        right = [b[1] - b[0] for b in blocks if b[0] >= nxt - 0.5]
        # Two columns of running text, not the cells of a table: both sides hold many wide blocks.
        if (crossing <= max(2, len(blocks) // 8) and min(len(left), len(right)) >= _MIN_COLUMN_LINES
                and nxt - edge > 4 and min(_median(left), _median(right)) > 0.25 * width):
            if best is None or nxt - edge > best[1] - best[0]:
                best = (edge, nxt)
    return best


def _median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


def _line(blocks: list[tuple[float, float, str]], where: float, size: float, column: int) -> Line:
    return Line(unspace(" ".join(b[2] for b in blocks)), where, blocks[0][0], blocks[-1][1], size, column,
                len(blocks))


def unspace(text: str) -> str:
    """Undo letter-spacing that came out as spaces in Chinese text: "四 、 2 0 2 1 年" → "四、2021年"."""
    if " " not in text:
        return text
    return _SPACED.sub(lambda m: m.group().replace(" ", "") if _HAN.search(m.group()) else m.group(), text)
