"""Heading numbering (GB/T 9704-2012: 一、 → （一） → 1. → （1））: ``numbering.*``.

The headings form a tree by level; a part heading written at another level but continuing the
top-level sequence ("3、 2020年政府主要负责人…" after "二、") counts as top level, as the part
finder treats it. Each heading's siblings are checked in order: a repeated number
(（一）（二）（二）) is a duplicate, a skipped one (一、二、四) a gap. Siblings that continue one
sequence in different marker forms (（1）（2）（三）) are a style finding, as are "3、" at top level,
"1、" for "1.", "（一）、" and half-width "(一)" mixed with full-width "（一）" in one document.
``params.problem`` picks duplicate | gap | style; ``params.levels`` the heading levels reported.
"""
from __future__ import annotations

from collections import defaultdict

from ..models import Section, record
from ..rulebook.model import Rule
from ..text.markers import int_to_cn
from ..text.phrase import clip
from .context import Context
from .outcome import Outcome

TITLE_CHARS = 16   # of a heading's title quoted in a message (cut at a phrase, see ``text.phrase``)
_FORMS = {1: "{cn}、", 2: "（{cn}）", 3: "{n}.", 4: "（{n}）"}


@record
class Finding:
    """One numbering problem at one heading."""

    problem: str      # duplicate | gap | style
    line: int
    level: int        # effective level of the heading (1 = top)
    text: str
    kind: str = ""    # the recurring slip, for summaries, e.g. "“1、”应写作“1.”"


def expected_marker(level: int, number: int) -> str:
    return _FORMS[level].format(cn=int_to_cn(number), n=number)


def effective_levels(ctx_sections: tuple[Section, ...], part_lines: set[int]) -> list[int]:
    """Each heading's level, with mis-styled part headings that continue 一、二、 promoted to 1."""
    levels, last_top = [], 0
    for s in ctx_sections:
        level = s.level
        if level == 1:
            last_top = s.number
        elif s.line in part_lines and last_top and s.number == last_top + 1 and s.style.endswith("、"):
            level, last_top = 1, s.number
        levels.append(level)
    return levels


def find_problems(sections: tuple[Section, ...], levels: list[int]) -> list[Finding]:
    """Every duplicate, gap and style finding, in document order."""
    children: dict[int, list[int]] = defaultdict(list)
    stack: list[tuple[int, int]] = []
    for i, level in enumerate(levels):
        while stack and stack[-1][0] >= level:
            stack.pop()
        children[stack[-1][1] if stack else -1].append(i)
        stack.append((level, i))
    found = []
    for kids in children.values():
        found.extend(_sequence(sections, levels, kids))
    found.extend(_styles(sections, levels))
    return sorted(found, key=lambda f: (f.line, f.problem))


def _sequence(sections, levels, kids: list[int]) -> list[Finding]:
    out = []
    prev = None
    for i in kids:
        s = sections[i]
        here = f"{s.marker}{clip(s.title, TITLE_CHARS)}"
        if prev is None:
            if s.number != 1:
                out.append(Finding("gap", s.line, levels[i], f"{here}：同级第一个标题编号为 {s.number}，前面缺少编号"))
        elif s.level != sections[prev].level and s.number == 1:
            pass                               # a new list of another marker form starts
        elif s.number <= sections[prev].number:
            word = "重复" if s.number == sections[prev].number else "回退"
            out.append(Finding("duplicate", s.line, levels[i],
                               f"{here}：编号{word}（上一个同级标题为第{sections[prev].line}行 {sections[prev].marker}）"))
        elif s.number > sections[prev].number + 1:
            out.append(Finding("gap", s.line, levels[i],
                               f"{here}：编号跳过（上一个同级标题为 {sections[prev].marker}，"
                               f"应为 {expected_marker(levels[i], sections[prev].number + 1)}）"))
        if prev is not None and s.level != sections[prev].level and s.number == sections[prev].number + 1 \
                and levels[i] > 1 and levels[prev] > 1:
            out.append(Finding("style", s.line, levels[i],
                               f"{s.marker}接在{sections[prev].marker}之后：同一组标题的编号形式不一致"))
        prev = i
    return out


def _styles(sections, levels) -> list[Finding]:
    out = []
    widths = defaultdict(list)
    for s, level in zip(sections, levels):
        if level == 1 and s.style != "cn、":
            out.append(Finding("style", s.line, 1, f"{s.marker}：一级标题应写作“{expected_marker(1, s.number)}”"))
        elif s.style in ("num、", "num,"):
            out.append(Finding("style", s.line, level, f"{s.marker}：应写作“{s.number}.”（阿拉伯数字后用圆点）",
                               "“1、”式编号应写作“1.”"))
        elif s.style[0] in "(（" and s.style[-1] in "、,.":
            out.append(Finding("style", s.line, level, f"{s.marker}：括号后不应再加标点", "括号后多了标点"))
        if s.style[0] in "(（":
            widths[s.style[0]].append(s)
    if len(widths) == 2:
        half, full = widths["("], widths["（"]
        minority = half if len(half) <= len(full) else full
        for s in minority[:10]:
            out.append(Finding("style", s.line, s.level,
                               f"{s.marker}：半角括号“(一)”与全角括号“（一）”混用（半角 {len(half)} 处，全角 {len(full)} 处）",
                               f"半角括号与全角括号混用（半角 {len(half)} 处，全角 {len(full)} 处）"))
    return out


def summarize(found: list[Finding]) -> str:
    """One phrase per finding, or per kind of finding when the same slip recurs ("1、" × 18)."""
    groups: dict[str, list[Finding]] = defaultdict(list)
    for f in found:
        groups[f.kind or f.text].append(f)
    out = []
    for kind, items in groups.items():
        if len(items) <= 2:
            out.extend(f"第{f.line}行 {f.text}" for f in items)
        else:
            lines = "、".join(str(f.line) for f in items[:5])
            out.append(f"{kind}：第{lines}行等 {len(items)} 处")
    return "；".join(out[:6]) + (f" 等 {len(found)} 处" if len(out) > 6 else "")


def check_numbering(rule: Rule, ctx: Context) -> Outcome:
    """Fail on the findings of ``params.problem`` at ``params.levels``; pass when there are none."""
    problems = _problems(rule)
    wanted = set(rule.params.get("levels", (1, 2, 3, 4)))
    searched = f"检查全部 {len(ctx.sections)} 个编号标题（一、→（一）→1.→（1））"
    if not ctx.sections:
        return Outcome("skip", "报告中没有编号标题", (), searched)
    part_lines = {p.line for p in ctx.parts.values() if p.line and p.heading}
    levels = effective_levels(ctx.sections, part_lines)
    found = [f for f in find_problems(ctx.sections, levels) if f.problem in problems and f.level in wanted]
    if not found:
        return Outcome("pass", "未发现", (), searched)
    evidence = tuple(ctx.quote(f.line) for f in found[:5])
    return Outcome("fail", summarize(found), evidence, searched,
                   (("findings", tuple({"line": f.line, "level": f.level, "text": f.text} for f in found[:50])),))


def probe_numbering(rule: Rule, text: str) -> bool:
    """Example semantics: the text is a sequence of heading lines; True when it shows the rule's
    problem (a duplicate, a gap or a style defect) at the rule's levels."""
    from ..text.normalize import normalize_text
    from ..text.sections import parse_sections

    sections = parse_sections(normalize_text(text))
    levels = effective_levels(sections, set())
    wanted = set(rule.params.get("levels", (1, 2, 3, 4)))
    problems = _problems(rule)
    return any(f.problem in problems and f.level in wanted for f in find_problems(sections, levels))


def _problems(rule: Rule) -> set[str]:
    """``params.problem``: one of duplicate | gap | style, or a list of them."""
    problem = rule.params.get("problem", "style")
    return {problem} if isinstance(problem, str) else set(problem)
