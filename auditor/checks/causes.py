"""Cause analysis in 不足和原因 (``shortcomings.no_causes``): the law asks for the causes, not only a list.

A problem has a cause when its own text uses a causal connective (``params.cause``: 由于、导致、
根源在于…). A sentence that analyses the causes of the problems as a whole (``params.summary``:
究其原因、主要原因是…) or a sub-heading on causes ("（二）原因分析") covers every problem.
"""
from __future__ import annotations


from ..rulebook.model import Rule
from ..text.normalize import fold
from .context import Context
from ..text.matcher import Matcher, terms_matcher
from .outcome import Outcome
from .points import Point, split_points
from ..text.lazy import lazy_compile

# "存在的不足和原因" names the part; it is not an analysis.
_PART_NAME = lazy_compile(r"(不足|问题|短板|差距|弱项)(和|及|与|以及)(其)?(原因|成因)")
_SENTENCE = lazy_compile(r"[^。！？!?；;]+")


def _matchers(rule: Rule) -> tuple[Matcher, Matcher, Matcher]:
    return (terms_matcher(tuple(rule.params.get("cause", ["原因"]))),
            terms_matcher(tuple(rule.params.get("summary", ["究其原因"]))),
            terms_matcher(tuple(rule.params.get("root", ["重视程度不够"]))))


def _has(matcher: Matcher, text: str) -> bool:
    return matcher.hits_in(_PART_NAME.sub("", text))


def cause_state(rule: Rule, points: list[Point]) -> tuple[bool, list[Point]]:
    """(whole-part analysis found, points whose own text gives no cause)."""
    cause, summary, root = _matchers(rule)
    general = False
    lacking = []
    for point in points:
        if point.heading and _has(cause, point.label) and not _PART_NAME.search(point.label):
            general = True          # a sub-heading about causes: "（二）原因分析"
        if any(_has(summary, s) for s in _SENTENCE.findall(point.text)):
            general = True
        # A root cause named after the problem itself ("……出庭应诉率有待提高，部分单位重视程度不够")
        # explains it; the same words as the problem's own statement ("（二）执法力量不足") do not.
        if not _has(cause, point.text) and not _has(root, point.body()):
            lacking.append(point)
    return general, lacking


def check_causes(rule: Rule, ctx: Context) -> Outcome:
    """Pass when causes are analysed; partial when only some problems have one; fail when none do."""
    points = split_points(ctx, "shortcomings")
    cause, summary, root = _matchers(rule)
    terms = "、".join((summary.terms() + cause.terms() + root.terms())[:10])
    searched = f"在{ctx.where('shortcomings')}中逐条查找原因分析：{terms} 等"
    if not points:
        return Outcome("skip", "报告中没有可识别的“存在的不足”条目（见 part.shortcomings）", (), searched)
    general, lacking = cause_state(rule, points)
    details = (("problems", len(points)),
               ("without_cause", tuple({"line": p.line, "problem": p.label} for p in lacking)))
    if general or not lacking:
        hits = [p for p in points if p not in lacking] or points
        return Outcome("pass", f"{len(points)} 个问题已分析原因", (ctx.quote(hits[0].line),), searched, details)
    evidence = tuple(ctx.quote(p.line, p.start, p.start + len(p.label)) for p in lacking[:5])
    names = "；".join(f"第{p.line}行“{p.label}”" for p in lacking[:5]) + ("等" if len(lacking) > 5 else "")
    if len(lacking) < len(points):
        given = "、".join([f"第{p.line}行“{p.label}”" for p in points if p not in lacking][:3])
        return Outcome("partial", f"{len(points)} 个问题中有 {len(lacking)} 个只写了问题、没有分析原因：{names}"
                                  f"（{given}写了原因）", evidence, searched, details)
    told = "列出的问题没有分析原因" if len(points) == 1 else f"列出的 {len(points)} 个问题都没有分析原因"
    return Outcome("fail", f"{told}：{names}", evidence, searched, details)


def probe_causes(rule: Rule, text: str) -> bool:
    """Example semantics: True when the text states a problem without any cause analysis."""
    text = fold(text)
    general, lacking = cause_state(rule, [Point(text[:20], 1, 1, text)])
    return not general and bool(lacking)
