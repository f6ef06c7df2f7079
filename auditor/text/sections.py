"""Headings found by their numbering marker, with the span of lines each one governs."""
from __future__ import annotations


from ..models import Section
from .markers import parse_marker
from .normalize import TextView
from .lazy import lazy_compile

_RUN_IN_END = lazy_compile(r"[。!?！？;；]")
MAX_TITLE = 80
_SPACED_MAX = 30
_CLAUSE = lazy_compile(r"[。!?！？;；,，:：]")


def parse_sections(view: TextView) -> tuple[Section, ...]:
    """Every line that starts with a heading marker, in document order.

    ``一是…二是…`` enumerations are not markers; a line such as
    "1.规范依法决策程序。加强重大行政决策机制建设…" is a run-in heading whose title ends at
    the first full stop, or where the original line leaves a space after a short heading
    ("二、存在问题 一是执法人员…", as flattened pages print it).
    """
    found = []
    for index, norm in enumerate(view.norm):
        marker = parse_marker(norm) if norm else None
        if marker is None:
            continue
        rest = norm[marker.end:]
        stop = _RUN_IN_END.search(rest)
        title = (rest[: stop.start()] if stop else rest)[:MAX_TITLE]
        spaced = _spaced_title(view, index, marker.end)
        if spaced and spaced < len(title):
            title = title[:spaced]
        run_in = len(rest) - len(title)
        original = view.excerpt(index + 1, 0, marker.end, width=0)
        found.append((index + 1, marker, title.strip(), run_in, _style(marker.style, original)))
    sections = []
    total = len(view.lines)
    for i, (line, marker, title, run_in, style) in enumerate(found):
        end = total
        for j in range(i + 1, len(found)):   # by index: slicing ``found`` here made long texts quadratic
            if found[j][1].level <= marker.level:
                end = found[j][0] - 1
                break
        next_heading = found[i + 1][0] if i + 1 < len(found) else total + 1
        body = run_in + sum(len(view.norm[k]) for k in range(line, min(next_heading - 1, end)))
        original = view.excerpt(line, 0, marker.end, width=0)
        sections.append(Section(original.strip(), marker.number, marker.level, title, line,
                                _trim_end(view, line, end), style, body))
    return tuple(sections)


def _spaced_title(view: TextView, index: int, start: int) -> int | None:
    """Length of a heading that the original line ends with a space after 2–30 characters, when
    body text follows the space: a clause mark or more than 30 characters. A short rest without one
    is still the heading ("一、加强组织领导  构建工作新格局", a letter-spaced "主要安 排")."""
    mapping, original, norm = view.maps[index], view.lines[index], view.norm[index]
    for k in range(start + 2, min(len(norm), start + _SPACED_MAX + 1)):
        if len(norm) - k <= _SPACED_MAX and not _CLAUSE.search(norm, k):
            return None
        lo = k - 1 if mapping is None else mapping[k - 1]
        hi = k if mapping is None else mapping[k]
        if hi - lo > 1 and not original[lo + 1:hi].strip() and not norm[k - 1].isdigit() \
                and not norm[k].isdigit():
            return k - start
    return None


def _style(style: str, original: str) -> str:
    """Keep the bracket width actually used: "（cn）" (full) vs "(cn)" (half)."""
    if style.startswith("(") and original.lstrip().startswith("（"):
        return "（" + style[1:].replace(")", "）", 1)
    return style


def _trim_end(view: TextView, start: int, end: int) -> int:
    while end > start and not view.norm[end - 1]:
        end -= 1
    return end
