"""Rule types over the part map: ``part`` (presence with a body) and ``order``."""
from __future__ import annotations

from ..rulebook.model import Rule
from .context import PART_NAMES, Context
from .outcome import Outcome


def check_part(rule: Rule, ctx: Context) -> Outcome:
    """present → pass, weak → partial, missing → fail (skip for an optional part)."""
    part = ctx.parts[rule.part]
    searched = f"在各级标题中查找：{'、'.join(rule.heading.terms()[:10])}"
    if part.status == "missing":
        if rule.optional:
            return Outcome("skip", "报告未单列此部分（可选部分）", (), searched)
        return Outcome("fail", f"没有找到“{PART_NAMES[rule.part]}”部分", (), searched)
    evidence = (ctx.quote(part.line),) if part.line else ()
    if part.status == "weak":
        return Outcome("partial", part.note or "内容单薄", evidence, searched)
    note = f"（{part.note}）" if part.note else ""
    return Outcome("pass", f"第{part.line}–{part.end_line}行{note}", evidence, searched)


def check_order(rule: Rule, ctx: Context) -> Outcome:
    """Parts with their own top-level heading must appear in the statutory order; parts that are
    missing, embedded in another part or found only in running text have no position to judge."""
    found = [(ctx.parts[p].line, p) for p in rule.parts
             if p in ctx.parts and ctx.parts[p].status != "missing" and ctx.parts[p].placement == "heading"]
    expected = [p for p in rule.parts if any(p == q for _, q in found)]
    # one heading may name two parts ("存在的不足及下一步打算"): at the same line, statutory order
    actual = [p for _, p in sorted(found, key=lambda f: (f[0], rule.parts.index(f[1])))]
    searched = "比较各部分出现的先后：" + " → ".join(PART_NAMES[p] for p in rule.parts)
    if actual == expected:
        return Outcome("pass", "顺序正确：" + " → ".join(PART_NAMES[p] for p in actual), (), searched)
    wrong = []
    for earlier, later in zip(expected, expected[1:]):
        if ctx.parts[earlier].line > ctx.parts[later].line:
            wrong.append(f"“{PART_NAMES[later]}”（第{ctx.parts[later].line}行）排在"
                         f"“{PART_NAMES[earlier]}”（第{ctx.parts[earlier].line}行）之前")
    if not wrong:  # out of order further apart than neighbours
        wrong.append("实际顺序：" + " → ".join(PART_NAMES[p] for p in actual))
    evidence = tuple(ctx.quote(line) for line, _ in sorted(found))
    return Outcome("fail", "；".join(wrong), evidence, searched,
                   (("actual_order", tuple(actual)),))
