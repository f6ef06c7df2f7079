"""Drafting skeletons (``audit outline``): the statutory parts in order, each annotated from the rulebook.

Pure functions: ``outline`` reads the rulebook; ``render_skeleton_markdown`` returns a string (the
Word file is ``render.skeleton_docx``). The notes under each heading are the
part's own suggestion and every check that applies to the report's year and level, so the
skeleton follows the loaded rulebook rather than a fixed list. In Markdown the notes are HTML
comments (``audit check`` ignores them); in Word they are review comments on the heading.
"""
from __future__ import annotations

import re

from .rulebook.basis import plain_basis
from .rulebook.model import LEVEL_NAMES, Rule, Rulebook
from .text.markers import int_to_cn
from .text.meta import extract_meta
from .text.normalize import normalize_text
from .text.lazy import lazy_compile
from .models import record

SEVERITY_NAMES = {"error": "必须", "warning": "应当", "info": "可选"}
# Placeholders in the bracket form templates use, so an unfilled skeleton is caught as unfinished.
PLACEHOLDER = "【此处填写本部分内容】"
_PART_PREFIX = lazy_compile(r"^第[一二三四五六七八九十]+部分[：:]\s*")


@record
class PartOutline:
    """One statutory part of the skeleton: its heading and what the rulebook expects under it."""

    part: str
    heading: str
    notes: tuple[str, ...]


@record
class Outline:
    """The whole skeleton before it is written out as Markdown or Word."""

    title: str
    opening: str
    preface: tuple[str, ...]
    parts: tuple[PartOutline, ...]


def outline(rulebook: Rulebook, year: int, level: str | None = None, issuer: str | None = None) -> Outline:
    """Plan a skeleton for a ``year`` report of ``issuer`` at ``level`` (inferred from ``issuer``)."""
    who = issuer or "【填写单位名称】"
    title = f"{who}{year}年法治政府建设年度报告"
    if level is None and issuer:
        level = extract_meta(normalize_text(title), ()).level
    level = level or "unknown"
    applicable = [r for r in rulebook.rules if r.type != "part" and r.applies_to(year, level) is None]
    skipped = sum(1 for r in rulebook.rules if r.type != "part" and r.applies_to(year, level) is not None)
    part_rules = [r for r in rulebook.of_type("part") if r.applies_to(year, level) is None]
    order = _statutory_order(rulebook, part_rules)
    parts = []
    for number, rule in enumerate(order, 1):
        notes = [f"本部分：{rule.title}", f"依据：{plain_basis(rule.basis)}"]
        if rule.suggestion:
            notes.append(f"要求：{rule.suggestion}")
        if rule.optional:
            notes.append("本部分可选：没有需要报告的情况时可删除。")
        items = [r for r in applicable if r.part == rule.part]
        if items:
            notes.append(f"本部分适用的检查项（{len(items)} 项）：")
            notes.extend(_item_notes(items))
        parts.append(PartOutline(rule.part, f"{int_to_cn(number)}、{_heading(rule, year)}", tuple(notes)))
    level_text = LEVEL_NAMES.get(level, "层级未指定") if level != "unknown" else "层级未指定（列出各层级的检查项）"
    preface = [f"audit outline 生成的起草提纲：规则集 {rulebook.id} {rulebook.version}，{year} 年度，{level_text}。",
               "注释中的内容是起草提示，audit check 不把它当作报告正文；定稿时可删除。"]
    general = [r for r in applicable if r.part not in {p.part for p in order}]
    if general:
        preface.append("全文要求：")
        preface.extend(_item_notes(general))
    if skipped:
        preface.append(f"另有 {skipped} 项检查不适用于本年度或本层级（audit rules list 可查看全部）。")
    opening = f"{year}年，{who}【此处用一两句话概述本年度总体情况】。现将有关情况报告如下："
    return Outline(title, opening, tuple(preface), tuple(parts))


def _statutory_order(rulebook: Rulebook, part_rules: list[Rule]) -> list[Rule]:
    """Parts in the order the ``order`` rule prescribes (rulebook order otherwise)."""
    by_part = {r.part: r for r in part_rules}
    prescribed = next((r.parts for r in rulebook.of_type("order") if r.parts), ())
    ordered = [by_part[p] for p in prescribed if p in by_part]
    return ordered + [r for r in part_rules if r not in ordered]


def _heading(rule: Rule, year: int) -> str:
    """"第一部分：推进法治政府建设的主要举措和成效" → "2023年推进法治政府建设的主要举措和成效"."""
    text = _PART_PREFIX.sub("", rule.title).replace("（可选）", "").strip()
    text = text.replace("上一年度", f"{year}年").replace("下一年度", f"{year + 1}年")
    if not rule.optional and not re.search(r"20\d\d年", text):
        text = f"{year}年{text}"
    return text


def _item_notes(rules: list[Rule]) -> list[str]:
    """One line per check, grouped under its area in the order the areas first appear."""
    first = {}
    for index, rule in enumerate(rules):
        first.setdefault(rule.area, index)
    notes, area = [], None
    for rule in sorted(rules, key=lambda r: first[r.area]):
        if rule.area and rule.area != area:
            area = rule.area
            notes.append(f"【{area}】")
        advice = f"：{rule.suggestion}" if rule.suggestion else ""
        notes.append(f"- {rule.title}（{SEVERITY_NAMES.get(rule.severity, rule.severity)}）{advice}")
    return notes


def render_skeleton_markdown(plan: Outline) -> str:
    """The skeleton as Markdown: ``#`` headings, notes in ``<!-- -->`` comments, placeholders."""
    out = [f"# {plan.title}", "", _comment(plan.preface), "", plan.opening, ""]
    for part in plan.parts:
        out += [f"## {part.heading}", "", _comment(part.notes), "", PLACEHOLDER, ""]
    return "\n".join(out)


def _comment(lines: tuple[str, ...]) -> str:
    # "--" may not appear inside an HTML comment; rule text never needs it.
    body = "\n".join(line.replace("--", "—") for line in lines)
    return f"<!--\n{body}\n-->"
