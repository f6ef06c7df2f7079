"""Find the five statutory parts by the meaning of their headings, not by a fixed list of titles.

Top-level headings ("一、…", "第一部分…", or "1、…" in a report without 一、) are read with each part
rule's heading vocabulary. A heading may name two parts at once ("存在的不足及下一步打算"): it
counts for both. A thematic heading ("一、坚持党的领导…") opens part 一, unless it is about
责任 and its first sentence is the leader's duty as 第一责任人, which is how reports that put the
第一责任人 part first begin. A part with no heading of its own is looked for as a sub-heading
inside another part, then by content and position (a run of future-tense measures after the
shortcomings is the plans part), and is then ``weak``.
"""
from __future__ import annotations


from ..models import PartFinding, Section
from ..rulebook.model import Rule
from ..text.markers import parse_marker
from ..text.normalize import TextView
from ..text.matcher import Scope
from ..text.lazy import lazy_compile

# A part other than 举措和成效 may sit inside another part as a sub-section
# (e.g. "（五）党政主要负责人履行推进法治建设第一责任人职责情况" inside part 一).
_EMBEDDABLE = ("leadership", "shortcomings", "plans", "other")
MAX_HEADING = 60          # a numbered line with a longer title is an item, not a part heading
# The opening of a leadership part placed first: "压实主体责任…" / "局主要负责人履行…第一责任人职责，…"
_DUTY_TITLE = lazy_compile(r"责任|履职|担当")
_DUTY_BODY = lazy_compile(r"第一责任人|主要负责(?:人|同志)[^。]{0,20}(?:职责|履职|亲自)")
# A plan item: what will be done ("（一）将开展…", "下一步，我镇将…"), or an action verb with a future
# word soon after ("（一）持续深化…，力争…", "二是加快…，确保…")
_PLAN_OPEN = lazy_compile(r"^(?:[一二三四五六七八九十]+是|[(（]?[一二三四五六七八九十\d]{1,2}[)）、.]\s*)?"
                          r"(?:(?:下一步|明年|下一年度?|今后|我们|我[局镇乡县区市委厅])?[，,]?(?:将|要|拟|力争|计划)|"
                          r"持续|继续|进一步|全面|深入|加快|加大|加强|强化|推进|推动|深化|健全|完善|提升|坚持|着力|落实|"
                          r"做好|抓好|扎实|不断|聚焦|围绕|严格|积极|大力|切实)")
_FUTURE = lazy_compile(r"将|要(?!求)|拟|力争|确保|计划|下一步|明年|下一年|努力")
_SHORTFALL = lazy_compile(r"不足|薄弱|有待|仍需|不够|欠缺|差距|短板|滞后|不到位|不强|不高|不完善|问题")


def classify_heading(title: str, rules: list[Rule]) -> str | None:
    """The part a heading title names, or None; the lowest ``precedence`` wins ties."""
    parts = heading_parts(title, rules)
    return parts[0] if parts else None


def heading_parts(title: str, rules: list[Rule]) -> list[str]:
    """Every part a heading names, strongest claim (lowest ``precedence``) first:
    "存在的不足及下一步打算" → [shortcomings, plans]."""
    matched = [r for r in rules if r.heading is not None and r.heading.hits_in(title)]
    return [r.part for r in sorted(matched, key=lambda r: r.precedence)]


def find_parts(view: TextView, sections: tuple[Section, ...], rules: list[Rule]) -> tuple[PartFinding, ...]:
    """Locate every part defined by the ``part`` rules; one ``PartFinding`` per part id."""
    anchors = _anchors(view, sections, rules)
    total = len(view.lines)
    spans: dict[str, list[tuple[Section, int, int]]] = {}
    named = [a.line for a, parts in anchors if parts and parts != ["measures"]]
    has_measures = any("measures" in parts for _, parts in anchors)
    for index, (section, parts) in enumerate(anchors):
        end = anchors[index + 1][0].line - 1 if index + 1 < len(anchors) else total
        if not parts:   # a thematic top-level heading ("一、坚持党的领导…") counts towards part 一
            if has_measures and named and section.line > min(named):
                continue
            parts = ["measures"]
        for part in parts:
            spans.setdefault(part, []).append((section, section.line, _trim(view, section.line, end)))
    if "shortcomings" in spans and any(r.part == "plans" for r in rules):
        _split_future(view, spans)
    _heading_first(spans.get("measures"), rules)
    findings = []
    for rule in rules:
        found = spans.get(rule.part)
        if found:
            findings.append(_from_spans(rule, view, found))
            continue
        embedded = _embedded(rule, view, sections) if rule.part in _EMBEDDABLE else None
        # the opening's "现将工作情况、存在不足及下一步安排报告如下" describes parts, it is none of them
        start = anchors[0][0].line if anchors else 0
        findings.append(embedded or _from_content(rule, view, start))
    return tuple(findings)


def _heading_first(found, rules) -> None:
    """Part 一 starts at its own heading ("二、主要做法") when thematic headings come before it
    ("一、基本情况…" as a preface); thematic headings after it stay in the part."""
    rule = next((r for r in rules if r.part == "measures"), None)
    if not found or rule is None or classify_heading(found[0][0].title, [rule]):
        return
    named = next((i for i, (s, _, _) in enumerate(found) if classify_heading(s.title, [rule])), None)
    if named is not None:
        found.insert(0, found.pop(named))


def _anchors(view: TextView, sections, rules) -> list[tuple[Section, list[str]]]:
    """Top-level headings with the parts they name. Top level is 一、 (or 第一部分); in a report
    without one, the shallowest numbered headings that name a part ("1、主要举措和成效"). A part
    heading whose number continues the top-level sequence although its marker is of another level
    counts too (e.g. "3、 2020年政府主要负责人履行…" after "二、") when it stands alone on its line
    ("2、…等重点工作，不断夯实…。二、主要做法…" runs on: it is text)."""
    named = [heading_parts(s.title, rules) for s in sections]
    naming = [s.level for s, parts in zip(sections, named) if parts and len(s.title) <= MAX_HEADING]
    top = 1 if any(s.level == 1 for s in sections) or not naming else min(naming)
    anchors: list[tuple[Section, list[str]]] = []
    last_top = 0
    for section, parts in zip(sections, named):
        if section.level == top:
            if top != 1 and len(section.title) > MAX_HEADING:
                continue
            if not parts and not anchors and _opens_with_duty(view, section):
                parts = ["leadership"]
            anchors.append((section, parts))
            last_top = section.number
        elif parts and last_top and section.number == last_top + 1 and section.style.endswith("、") \
                and len(section.title) <= MAX_HEADING and _alone(view, section):
            anchors.append((section, parts))
            last_top = section.number
    return anchors


def _alone(view: TextView, section: Section) -> bool:
    """The heading is the whole of its line: no run-in text after its title."""
    line = view.norm[section.line - 1].strip()
    return len(line) <= len(section.marker) + len(section.title) + 3


def _opens_with_duty(view: TextView, section: Section) -> bool:
    """A first part about 责任 whose opening lines are the leader's duty as 第一责任人."""
    if not _DUTY_TITLE.search(section.title):
        return False
    text = "".join(view.norm[line - 1] for line in range(section.line, min(section.end_line, section.line + 3) + 1))
    stop = text.find(section.title) + len(section.title)
    return bool(_DUTY_BODY.search(text[stop:stop + 200]))


def _split_future(view: TextView, spans) -> None:
    """Where the shortcomings run on into plans without a heading of their own (or share one
    heading with them), the plans part starts at the first of the trailing future-tense measures."""
    section, lo, hi = spans["shortcomings"][-1]
    plans = spans.get("plans")
    shared = bool(plans) and plans[0][0] is section
    if plans and not shared:
        return
    start = _future_run(view, lo + 1, hi)
    if start is None:
        return
    spans["shortcomings"][-1] = (section, lo, _trim(view, lo, start - 1))
    spans["plans"] = [(section if shared else None, start, hi)]


def _future_run(view: TextView, lo: int, hi: int) -> int | None:
    """The first line of a run of at least two plan-like paragraphs that lasts to ``hi``."""
    run_start, count = None, 0
    for para in view.paragraphs:
        first = para.lines[0]
        if first < lo or first > hi:
            continue
        head = para.text.split("。")[0]
        if _PLAN_OPEN.match(para.text) and _FUTURE.search(para.text[:120]) and not _SHORTFALL.search(head):
            run_start = run_start or first
            count += 1
        elif not para.text.rstrip().endswith(("：", ":")):
            run_start, count = None, 0
    return run_start if count >= 2 else None


def _from_spans(rule: Rule, view: TextView, found) -> PartFinding:
    first = found[0][0]
    if first is None:         # found by position (see ``_split_future``): no heading of its own
        lo, hi = found[0][1], found[-1][2]
        return PartFinding(rule.part, "weak", None, lo, hi, ((lo, hi),),
                           "没有对应的标题，从位置和内容判断：不足之后的一组将要采取的措施", "content")
    body = sum(_body_chars(view, s, lo, hi) for s, lo, hi in found)
    span_list = tuple(sorted((lo, hi) for _, lo, hi in found))
    heading = _heading_text(view, first)
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
        return PartFinding(rule.part, status, _heading_text(view, section), section.line, section.end_line,
                           (span,), "作为其他部分的下级标题出现", "embedded")
    return None


def _from_content(rule: Rule, view: TextView, start: int) -> PartFinding:
    if rule.content is None:
        return PartFinding(rule.part, "missing")
    hits = [h for h in rule.content.find(Scope.build(rule.part, view, None), 5) if h.line > start]
    if not hits:
        return PartFinding(rule.part, "missing")
    lines = sorted({h.line for h in hits})
    return PartFinding(rule.part, "weak", None, lines[0], lines[-1], tuple((ln, ln) for ln in lines),
                       "没有对应的标题，只在正文中找到相关内容", "content")


def _heading_text(view: TextView, section: Section) -> str:
    """The heading as written: marker and title, without run-in body text."""
    norm = view.norm[section.line - 1]
    marker = parse_marker(norm)
    end = (marker.end if marker else 0) + len(section.title)
    return view.excerpt(section.line, 0, end, width=0)[:80] or view.lines[section.line - 1].strip()[:80]


def _body_chars(view: TextView, section: Section, lo: int, hi: int) -> int:
    heading_len = len(section.title) + len(section.marker)
    return max(0, sum(len(view.norm[i - 1]) for i in range(lo, hi + 1)) - heading_len)


def _trim(view: TextView, start: int, end: int) -> int:
    while end > start and not view.norm[end - 1]:
        end -= 1
    return end
