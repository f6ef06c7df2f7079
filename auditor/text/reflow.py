"""Cut a flattened line into rows at the headings that stand inside it, keeping its line number.

A crawled page or a PDF copy sometimes puts a whole report on one line: "…现将有关情况总结如下：
一、工作开展情况（一）强化组织领导…二、存在问题…三、下一步工作计划…". Checks need the parts apart,
so such a line becomes several rows, each cut just before an inline heading marker; ``origin``
maps every row back to the line of the file it came from, and evidence quotes the row's own text.
"""
from __future__ import annotations


from .markers import CN_DIGITS, cn_to_int
from .han import is_han
from .normalize import normalize_line
from .lazy import lazy_compile
from ..models import record

MIN_FLAT = 160        # characters: a shorter line is an ordinary paragraph
# A heading marker inside a line: 一、  (一)  第一部分. 1、/（1） are left inside their part.
# It must be followed by its title: a Han character, a digit, “, " or 《 (``_titled``).
_INLINE = lazy_compile(rf"第([{CN_DIGITS}]{{1,3}})部分|([{CN_DIGITS}]{{1,3}})、|\(([{CN_DIGITS}]{{1,3}})\)")
# What may stand right before an inline heading: the end of a sentence or of an introduction.
_BEFORE = tuple("。：:！？!?；;”") + (" ",)
MAX_RUN_HEADING = 40  # a heading followed directly by its first sub-heading is at most this long


@record
class Reflow:
    """The text as rows and, for each row, the 1-based line of the original it came from."""

    text: str
    origin: tuple[int, ...] | None    # None when no line was cut (rows are the lines)

    def line(self, row: int) -> int:
        """The original line of a 1-based ``row``."""
        if self.origin is None or not 0 < row <= len(self.origin):
            return row
        return self.origin[row - 1]


def reflow(text: str) -> Reflow:
    """Cut every flattened line of ``text`` (``\\n`` line ends) at its inline headings."""
    lines = text.split("\n")
    rows: list[str] = []
    origin: list[int] = []
    cut_any = False
    for number, line in enumerate(lines, 1):
        pieces = split_line(line) if len(line) >= MIN_FLAT else [line]
        cut_any = cut_any or len(pieces) > 1
        rows.extend(pieces)
        origin.extend([number] * len(pieces))
    if not cut_any:
        return Reflow(text, None)
    return Reflow("\n".join(rows), tuple(origin))


def split_line(line: str) -> list[str]:
    """The pieces of one original line; ``[line]`` when it holds no inline top-level heading and
    fewer than two inline sub-headings."""
    norm, mapping, _ = normalize_line(line)
    cuts = _cuts(norm)
    if not cuts or (len(cuts) < 2 and norm[cuts[0]] == "("):
        return [line]
    offsets = [_original(mapping, c) for c in cuts]
    pieces, previous = [], 0
    for offset in offsets:
        if offset > previous:
            pieces.append(line[previous:offset])
        previous = offset
    pieces.append(line[previous:])
    return [p for p in pieces if p.strip()]


def _cuts(norm: str) -> list[int]:
    """Offsets in ``norm`` where an inline heading starts (top-level numbers must run 一, 二, 三…)."""
    cuts: list[int] = []
    expected: dict[int, int] = {}   # next number per level; the line may continue an earlier one
    last_cut = None
    for m in _INLINE.finditer(norm):
        start = m.start()
        if start == 0 or not _titled(norm, m.end()):
            continue
        raw = m.group(1) or m.group(2) or m.group(3)
        number = cn_to_int(raw)
        level = 2 if m.group(3) else 1
        before = norm[start - 1]
        # a sub-heading may follow its part heading directly: "二、主要做法(一)加强政务公开"
        run_on = level == 2 and last_cut is not None and start - last_cut <= MAX_RUN_HEADING \
            and "。" not in norm[last_cut:start]
        if not (before in _BEFORE or run_on):
            continue
        if level == 1:
            if 1 in expected and number != expected[1]:
                continue
            expected = {1: number + 1, 2: 1}
        else:
            if number != expected.get(2, 1) and number != 1:
                continue
            expected[2] = number + 1
        cuts.append(start)
        last_cut = start
    return cuts


def _titled(norm: str, end: int) -> bool:
    """Does a title start at ``norm[end]``? (Tested here, not in ``_INLINE``: a class over the Han
    block costs ``re`` 2 ms to compile.)"""
    return end < len(norm) and (is_han(norm[end]) or norm[end].isdecimal() or norm[end] in "“\"《")


def _original(mapping, index: int) -> int:
    if mapping is None:
        return index
    return mapping[index] if index < len(mapping) else (mapping[-1] + 1 if len(mapping) else 0)
