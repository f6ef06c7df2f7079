"""Find the five statutory parts by the meaning of their headings, not by a fixed list of titles."""
from __future__ import annotations

from ..models import PartFinding, Section
from ..rulebook.model import Rule
from ..text.normalize import TextView
from .matcher import Scope

# A part other than 举措和成效 may sit inside another part as a sub-section
# (e.g. "（五）党政主要负责人履行推进法治建设第一责任人职责情况" inside part 一).
_EMBEDDABLE = ("leadership", "shortcomings", "plans", "other")


def classify_heading(title: str, rules: list[Rule]) -> str | None:
    """The part a heading title names, or None; the lowest ``precedence`` wins ties."""
    matched = [r for r in rules if r.heading is not None and r.heading.hits_in(title)]
    return min(matched, key=lambda r: r.precedence).part if matched else None


def find_parts(view: TextView, sections: tuple[Section, ...], rules: list[Rule]) -> tuple[PartFinding, ...]:
    """Locate every part defined by the ``part`` rules; one ``PartFinding`` per part id."""
    anchors = _anchors(sections, rules)
    total = len(view.lines)
    spans: dict[str, list[tuple[Section, int, int]]] = {}
    first_named = min((a.line for a, part in anchors if part not in (None, "measures")), default=total + 1)
    has_measures = any(part == "measures" for _, part in anchors)
    for index, (section, part) in enumerate(anchors):
        end = anchors[index + 1][0].line - 1 if index + 1 < len(anchors) else total
        if part is None:   # a thematic top-level heading ("一、坚持党的领导…") counts towards part 一
            if has_measures and section.line > first_named:
                continue
            part = "measures"
        spans.setdefault(part, []).append((section, section.line, _trim(view, section.line, end)))
    findings = []
    for rule in rules:
        found = spans.get(rule.part)
        if found:
            findings.append(_from_spans(rule, view, found))
            continue
        embedded = _embedded(rule, view, sections) if rule.part in _EMBEDDABLE else None
        findings.append(embedded or _from_content(rule, view, spans))
    return tuple(findings)


def _anchors(sections, rules) -> list[tuple[Section, str | None]]:
    """Top-level headings, plus a part heading whose number continues the top-level sequence
    although its marker is of another level (e.g. "3、 2020年政府主要负责人履行…" after "二、")."""
    anchors: list[tuple[Section, str | None]] = []
    last_top = 0
    for section in sections:
        part = classify_heading(section.title, rules)
        if section.level == 1:
            anchors.append((section, part))
            last_top = section.number
        elif part is not None and last_top and section.number == last_top + 1 and section.style.endswith("、"):
            anchors.append((section, part))
            last_top = section.number
    return anchors


def _from_spans(rule: Rule, view: TextView, found) -> PartFinding:
    first = found[0][0]
    body = sum(_body_chars(view, s, lo, hi) for s, lo, hi in found)
    span_list = tuple((lo, hi) for _, lo, hi in found)
    heading = _heading_text(view, first.line)
    if rule.part == "measures" and classify_heading(first.title, [rule]) is None:
        heading = f"{heading}（等 {len(found)} 个专题标题）" if len(found) > 1 else heading
    if body < rule.min_chars:
        return PartFinding(rule.part, "weak", heading, first.line, span_list[-1][1], span_list,
                           f"标题存在但正文只有 {body} 字（至少应有 {rule.min_chars} 字）")
    return PartFinding(rule.part, "present", heading, first.line, span_list[-1][1], span_list)


def _embedded(rule: Rule, view: TextView, sections) -> PartFinding | None:
    for section in sections:
        if section.level == 1 or classify_heading(section.title, [rule]) is None:
            continue
        span = (section.line, section.end_line)
        if rule.content is not None and rule.part != "leadership" and not rule.content.find(
                Scope.build(rule.part, view, [span]), 1):
            continue
        body = _body_chars(view, section, *span)
        status = "present" if body >= rule.min_chars else "weak"
        return PartFinding(rule.part, status, _heading_text(view, section.line), section.line, section.end_line,
                           (span,), "作为其他部分的下级标题出现", "embedded")
    return None


def _from_content(rule: Rule, view: TextView, spans) -> PartFinding:
    if rule.content is None:
        return PartFinding(rule.part, "missing")
    hits = rule.content.find(Scope.build(rule.part, view, None), 5)
    if not hits:
        return PartFinding(rule.part, "missing")
    lines = sorted({h.line for h in hits})
    return PartFinding(rule.part, "weak", None, lines[0], lines[-1], tuple((ln, ln) for ln in lines),
                       "没有对应的标题，只在正文中找到相关内容", "content")


def _heading_text(view: TextView, line: int) -> str:
    """The heading as written (run-in body text cut at the first full stop)."""
    text = view.lines[line - 1].strip()
    stop = text.find("。")
    return (text[:stop] if stop > 0 else text)[:80]


def _body_chars(view: TextView, section: Section, lo: int, hi: int) -> int:
    heading_len = len(section.title) + len(section.marker)
    return max(0, sum(len(view.norm[i - 1]) for i in range(lo, hi + 1)) - heading_len)


def _trim(view: TextView, start: int, end: int) -> int:
    while end > start and not view.norm[end - 1]:
        end -= 1
    return end
