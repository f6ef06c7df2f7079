"""Balance of the report (``balance.*``): 报喜不报忧 and 泛化, measured and shown as numbers.

* ``shortcomings_share`` — the 不足 part against the 举措和成效 part (characters and lines);
* ``quantified`` — counts, percentages and amounts in the 举措和成效 part;
* ``core_areas`` — how much of part 一 is 普法/党建 material against the core 法治政府 areas.
"""
from __future__ import annotations

import re

from ..rulebook.model import Rule
from .context import Context
from ..text.matcher import Scope
from .outcome import Outcome
from ..text.lazy import lazy_compile

# "13884 件" "100%" "21.9%" "1.5万元" "24000 余人次" — a number with a unit; years and dates are not data.
_QUANTITY = lazy_compile(r"\d+(?:\.\d+)?(?:%|‰|(?:万|亿)?(?:余|多)?(?:人次|件次|万元|亿元|平方米|小时|个|件|次|家|项|名|条"
                         r"|份|起|宗|场|期|卷|部|篇|批|所|户|元|人|天|余))")


def _size(ctx: Context, name: str) -> tuple[int, int]:
    """(characters, non-empty lines) of a part; (0, 0) when it is missing."""
    part = ctx.parts.get(name)
    if part is None or part.status == "missing":
        return 0, 0
    chars = lines = 0
    for lo, hi in part.spans:
        for n in range(lo, hi + 1):
            text = ctx.view.norm[n - 1]
            chars += len(text)
            lines += bool(text)
    return chars, lines


def check_shortcomings_share(rule: Rule, ctx: Context) -> Outcome:
    """Fail (info) when 不足 is shorter than ``params.min_ratio`` of 举措和成效."""
    (m_chars, m_lines), (s_chars, s_lines) = _size(ctx, "measures"), _size(ctx, "shortcomings")
    searched = f"比较{ctx.where('shortcomings')}与{ctx.where('measures')}的篇幅"
    if not m_chars or not s_chars:
        return Outcome("skip", "缺少“举措和成效”或“不足”部分，无法比较篇幅", (), searched)
    ratio = s_chars / m_chars
    minimum = float(rule.params.get("min_ratio", 0.1))
    details = (("shortcomings_chars", s_chars), ("measures_chars", m_chars), ("shortcomings_lines", s_lines),
               ("measures_lines", m_lines), ("ratio", round(ratio, 3)))
    told = (f"“不足”部分 {s_lines} 行 {s_chars} 字，“举措和成效”部分 {m_lines} 行 {m_chars} 字，"
            f"约为 1:{m_chars / s_chars:.0f}")
    evidence = (ctx.quote(ctx.parts["shortcomings"].line),) if ctx.parts["shortcomings"].line else ()
    if ratio < minimum:
        return Outcome("fail", f"{told}（低于 1:{1 / minimum:.0f}），成绩多、问题少", evidence, searched, details)
    return Outcome("pass", told, evidence, searched, details)


def count_quantities(text: str) -> list[re.Match]:
    return list(_QUANTITY.finditer(text))


def check_quantified(rule: Rule, ctx: Context) -> Outcome:
    """Fail (info) when part 一 has fewer than ``params.min_count`` figures or too few per 1000 characters."""
    scope = ctx.scope("measures")
    searched = f"在{ctx.where('measures')}中统计带单位的数字（件、次、%、万元等）"
    if scope.is_empty():
        return Outcome("skip", "没有“举措和成效”部分", (), searched)
    found = count_quantities(scope.text)
    per_1000 = 1000 * len(found) / max(len(scope.text), 1)
    details = (("figures", len(found)), ("chars", len(scope.text)), ("per_1000_chars", round(per_1000, 1)))
    told = f"{len(scope.text)} 字中有 {len(found)} 个数据（每千字 {per_1000:.1f} 个）"
    evidence = ()
    if found:
        line, start, end = scope.locate(found[0].start(), found[0].end())
        evidence = (ctx.quote(line, start, end),)
    if len(found) < int(rule.params.get("min_count", 5)) or per_1000 < float(rule.params.get("min_per_1000", 2)):
        return Outcome("fail", f"{told}，成效缺少数据支撑", evidence, searched, details)
    return Outcome("pass", told, evidence, searched, details)


def topic_shares(rule: Rule, scope: Scope) -> tuple[float, float, dict[str, int]]:
    """(share of 普法/党建 text, share of core-area text, mentions per core area) of a scope.

    Each paragraph counts for the side whose terms it mentions more often."""
    peripheral = [t for terms in rule.params.get("peripheral", {}).values() for t in terms]
    areas = rule.params.get("core", {})
    per = core = total = 0
    mentions = {name: 0 for name in areas}
    for para in scope.paragraphs:
        text = para.text
        a = sum(text.count(t) for t in peripheral)
        b = 0
        for name, terms in areas.items():
            n = sum(text.count(t) for t in terms)
            mentions[name] += n
            b += n
        total += len(text)
        if a > b:
            per += len(text)
        elif b > a:
            core += len(text)
    total = total or 1
    return per / total, core / total, mentions


def check_core_areas(rule: Rule, ctx: Context) -> Outcome:
    """Fail when 普法/党建 material exceeds ``params.max_share`` of part 一 and core areas stay under
    ``params.min_core_share``; the numbers and the areas never mentioned are shown either way."""
    scope = ctx.scope("measures")
    searched = f"按段落统计{ctx.where('measures')}中普法/党建内容与核心领域（决策、执法、监督、复议应诉等）的篇幅"
    if scope.is_empty():
        return Outcome("skip", "没有“举措和成效”部分", (), searched)
    per, core, mentions = topic_shares(rule, scope)
    absent = [name for name, n in mentions.items() if n == 0]
    details = (("peripheral_share", round(per, 2)), ("core_share", round(core, 2)),
               ("core_mentions", dict(mentions)))
    told = f"普法/党建类内容约占 {per:.0%}，核心领域约占 {core:.0%}" + (
        f"；未涉及：{'、'.join(absent)}" if absent else "")
    if per > float(rule.params.get("max_share", 0.5)) and core < float(rule.params.get("min_core_share", 0.3)):
        return Outcome("fail", f"{told}，内容泛化、核心领域单薄", (), searched, details)
    return Outcome("pass", told, (), searched, details)


def probe_shortcomings_share(rule: Rule, text: str) -> bool:
    """Example semantics: "举措段落|||不足段落"; True when 不足 is below ``min_ratio`` of 举措 (the defect)."""
    measures, _, shortcomings = text.partition("|||")
    return len(shortcomings.strip()) < float(rule.params.get("min_ratio", 0.1)) * len(measures.strip())


def probe_quantified(rule: Rule, text: str) -> bool:
    """Example semantics: True when a passage of work results carries no figure with a unit (the defect)."""
    return not count_quantities(Scope.of_text(text).text)


def probe_core_areas(rule: Rule, text: str) -> bool:
    """Example semantics: True when the passage is mostly 普法/党建 material with thin core areas (the defect)."""
    per, core, _ = topic_shares(rule, Scope.of_text(text))
    return per > float(rule.params.get("max_share", 0.5)) and core < float(rule.params.get("min_core_share", 0.3))
