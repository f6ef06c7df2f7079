"""Split a part into its points: the problems of 不足, the items of 下一年度安排.

A point is a numbered sub-heading with its body ("（二）执法领域监管方式需进一步创新…"), or, where a
part has no sub-headings, one enumerated clause of a paragraph ("一是行政执法能力和水平有待提高…"),
or else one paragraph. Introductions ("虽然…，但以下方面仍存在可提升空间：") are not points, nor is text
that is only template placeholders ("【此处填写本部分内容】": the placeholder rule reports it).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from ..text.markers import parse_marker
from ..text.phrase import ELLIPSIS, clip
from .context import Context
from ..text.lazy import lazy_compile
from ..models import record

# 一是… / 二是… · 第一，… · 其一，… · ①…   e.g. "一是行政执法能力和水平有待提高,贯彻落实…"
_ENUMERATOR = lazy_compile(r"(?:(?<=^)|(?<=[。；;：:，,\s]))(?:[一二三四五六七八九十]{1,3}是|第[一二三四五六七八九十]{1,3}[,，、]"
                           r"|其[一二三四五六七八九十][,，、]|[①②③④⑤⑥⑦⑧⑨⑩])")
_CLAUSE_END = lazy_compile(r"[,，。;；:：]")
_SEMICOLON = lazy_compile(r"[;；]")
MIN_CLAUSE = 8
MAX_POINTS = 200          # a part with more points than this is cut (and says so in ``details``)
LABEL_CHARS = 30


@record
class Point:
    """One problem or plan item: where it starts, a short label and its normalised text."""

    label: str
    line: int
    end_line: int
    text: str
    start: int = 0           # offset of the point in its first line's normalised text
    heading: bool = False    # True for a numbered sub-heading point
    body_at: int | None = None   # where ``text`` goes on past the point's own statement (None: after its first clause)

    def body(self) -> str:
        """The text after the point's own statement: the sub-heading's body, or the clauses after the first."""
        if self.body_at is not None:
            return self.text[self.body_at:]
        stop = _CLAUSE_END.search(self.text)
        return self.text[stop.end():] if stop else ""


def split_points(ctx: Context, name: str) -> list[Point]:
    """The points of part ``name`` in document order (empty when the part is missing).

    Computed once per report and part: the cause, closed-loop and continuity checks all need them.
    """
    key = ("points", name)
    if key not in ctx.memo:
        ctx.memo[key] = _split_points(ctx, name)
    return list(ctx.memo[key])


def _split_points(ctx: Context, name: str) -> list[Point]:
    part = ctx.parts.get(name)
    if part is None or part.status == "missing" or not part.spans:
        return []
    return [p for p in _all_points(ctx, part) if not ctx.is_placeholder(_unmarked(p))]


def _unmarked(point: Point) -> str:
    """The point's text without its sub-heading marker ("（一）")."""
    marker = parse_marker(point.text) if point.heading else None
    return point.text[marker.end:] if marker else point.text


def _all_points(ctx: Context, part) -> list[Point]:
    lines = [s.line for s in ctx.sections]
    headed = part.heading is not None
    points: list[Point] = []
    for lo, hi in part.spans:
        first = bisect_left(lines, lo)
        own = ctx.sections[first] if headed and first < len(lines) and lines[first] == lo else None
        subs = list(ctx.sections[bisect_right(lines, lo):bisect_right(lines, hi)]) if headed else []
        if subs:
            top = min(s.level for s in subs)
            starts = [s for s in subs if s.level == top]
            for i, s in enumerate(starts):
                end = starts[i + 1].line - 1 if i + 1 < len(starts) else hi
                text = "".join(ctx.view.norm[n - 1] for n in range(s.line, end + 1))
                norm = ctx.view.norm[s.line - 1]
                marker = parse_marker(norm)
                label = _as_written(ctx, s.line, 0, _heading_label(norm[:marker.end] if marker else "", s.title))
                points.append(Point(label, s.line, _trim(ctx, s.line, end),
                                    text, 0, True, _heading_end(norm, marker, s.title)))
        else:
            points.extend(_paragraph_points(ctx, lo, hi, own))
        if len(points) >= MAX_POINTS:
            return points[:MAX_POINTS]
    return points


def _paragraph_points(ctx: Context, lo: int, hi: int, own) -> list[Point]:
    """Points of a span without sub-headings: enumerated clauses, else paragraphs."""
    out = []
    for para in ctx.view.paragraphs:
        first = para.lines[0]
        if first < lo or first > hi:
            continue
        text = para.text
        offset = 0
        if first == lo and own is not None:
            offset = min(_body_offset(ctx, own), len(text))   # skip the part heading, keep run-in body
        body = text[offset:]
        if not body.strip("。 "):
            continue
        starts = [m.start() for m in _ENUMERATOR.finditer(body)]
        if len(starts) < 2:   # "…配置；健全…制度；推动…" is an enumeration too
            starts = [0] + [m.end() for m in _SEMICOLON.finditer(body) if len(body) - m.end() >= MIN_CLAUSE]
            if any(b - a < MIN_CLAUSE for a, b in zip(starts, starts[1:])):
                starts = [0]
        if len(starts) >= 2:
            for i, start in enumerate(starts):
                end = starts[i + 1] if i + 1 < len(starts) else len(body)
                out.append(_clause_point(ctx, para, offset + start, body[start:end]))
        elif not body.rstrip().endswith((":", "：")):
            out.append(_clause_point(ctx, para, offset, body))
    return out


def _clause_point(ctx: Context, para, offset: int, text: str) -> Point:
    line, start = ctx.view.paragraph_offset_to_line(para, offset)
    end_line = para.line_at(min(offset + max(len(text) - 1, 0), len(para.text) - 1))
    stop = _CLAUSE_END.search(text)
    clause = text[: stop.start()] if stop else text
    if len(clause) <= 2 * LABEL_CHARS:   # a phrase is quoted whole; only a run-on one is cut, and says so
        return Point(_as_written(ctx, line, start, clause), line, end_line, text, start, False)
    label = _as_written(ctx, line, start, clause[:LABEL_CHARS]) + ELLIPSIS
    return Point(label, line, end_line, text, start, False)


def _heading_end(norm: str, marker, title: str) -> int:
    """Offset in the point's text where the sub-heading's own title ends (its body follows)."""
    end = (marker.end if marker else 0) + len(title)
    return min(end, len(norm))


def _heading_label(marker: str, title: str) -> str:
    """"（一）充分发挥…职能作用,筹划推进…" → "（一）充分发挥…职能作用" when the title is long."""
    return marker + clip(title, LABEL_CHARS)


def _as_written(ctx: Context, line: int, start: int, label: str) -> str:
    """The label quoted from the original line ("，" not the folded ","), when it fits on that line."""
    norm = ctx.view.norm[line - 1]
    if norm[start:start + len(label)] != label:      # a heading label starts at the marker, as written
        return label
    original = ctx.view.excerpt(line, start, start + len(label), width=0)
    return original if original else label


def _body_offset(ctx: Context, section) -> int:
    """Where body text starts on a heading line: after the title of a run-in heading
    ("二、存在的问题。一是…"), else at the end of the line."""
    norm = ctx.view.norm[section.line - 1]
    marker = parse_marker(norm)
    end = (marker.end if marker else 0) + len(section.title)
    return end + 1 if len(norm) > end + 1 else len(norm)


def _trim(ctx: Context, start: int, end: int) -> int:
    while end > start and not ctx.view.norm[end - 1]:
        end -= 1
    return end
