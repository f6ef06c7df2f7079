"""Rule types over terms: ``item`` (presence), ``forbid``, ``substitute`` and ``conditional``."""
from __future__ import annotations

from ..rulebook.model import Rule
from .context import Context
from .matcher import terms_matcher
from .outcome import Outcome


def _terms_text(terms: list[str], limit: int = 8) -> str:
    shown = "、".join(terms[:limit])
    return shown + (f" 等 {len(terms)} 个词" if len(terms) > limit else "")


def check_item(rule: Rule, ctx: Context) -> Outcome:
    """Pass on any ``any`` term or every ``all`` group; partial when only some groups are found."""
    scope_name = rule.scope or ("work" if rule.part == "measures" else rule.part)
    scope = ctx.scope(scope_name)
    matcher = rule.match
    hits = matcher.find(scope)
    searched = f"在{ctx.where(scope_name)}中查找：{_terms_text(matcher.terms())}"
    whole = [h for h in hits if h.group == -1]
    groups = {h.group for h in hits if h.group >= 0}
    # Count paragraphs, not lines: a PDF or a hard-wrapped text splits one paragraph over many lines.
    places = len({h.paragraph for h in hits})
    evidence = ctx.evidence(whole or hits)
    details = ()
    if matcher.all:
        missing = [matcher.all[i][0].source for i in range(len(matcher.all)) if i not in groups]
        details = (("missing_groups", tuple(missing)),)
    if not hits:
        return Outcome("fail", f"未找到“{rule.title}”的相关内容", (), searched)
    if places < matcher.min:
        return Outcome("partial", f"只在 {places} 处提到（至少应有 {matcher.min} 处）", evidence, searched, details)
    if whole or (matcher.all and len(groups) == len(matcher.all)):
        return Outcome("pass", f"在 {places} 处找到相关内容", evidence, searched, details)
    if matcher.all:
        return Outcome("partial", f"只写到了其中一部分，缺少：{'、'.join(details[0][1])}", evidence, searched, details)
    return Outcome("pass", f"在 {places} 处找到相关内容", evidence, searched, details)


def check_forbid(rule: Rule, ctx: Context) -> Outcome:
    """Fail wherever a forbidden term (template residue, outdated wording) appears."""
    scope_name = rule.scope or rule.part or "document"
    hits = rule.match.find(ctx.scope(scope_name))
    searched = f"在{ctx.where(scope_name)}中查找：{_terms_text(rule.match.terms())}"
    if not hits:
        return Outcome("pass", "未发现", (), searched)
    found = "、".join(sorted({ctx.view.norm[h.line - 1][h.start:h.end] for h in hits})[:5])
    return Outcome("fail", f"发现 {len({h.line for h in hits})} 处：{found}", ctx.evidence(hits, 5), searched)


def check_substitute(rule: Rule, ctx: Context) -> Outcome:
    """Fail where an outdated term is used, naming the term that replaces it."""
    scope_name = rule.scope or rule.part or "document"
    scope = ctx.scope(scope_name)
    found, evidence = [], []
    for old, new in rule.replace:
        hits = terms_matcher((old,)).find(scope)
        if hits:
            found.append(f"“{old}”应为“{new}”")
            evidence.extend(ctx.evidence(hits, 2))
    searched = f"在{ctx.where(scope_name)}中查找：{_terms_text([o for o, _ in rule.replace])}"
    if not found:
        return Outcome("pass", "未发现过时用语", (), searched)
    return Outcome("fail", "；".join(found), tuple(evidence[:5]), searched)


def check_conditional(rule: Rule, ctx: Context) -> Outcome:
    """If the ``if`` terms are present, the ``then`` terms must be too."""
    scope_name = rule.scope or rule.part or "document"
    scope = ctx.scope(scope_name)
    cause = rule.cond_if.find(scope)
    searched = (f"在{ctx.where(scope_name)}中：若出现 {_terms_text(rule.cond_if.terms())}，"
                f"则应出现 {_terms_text(rule.cond_then.terms())}")
    if not cause:
        return Outcome("pass", "报告未涉及前提事项，无需检查", (), searched)
    effect = rule.cond_then.find(scope)
    if effect:
        return Outcome("pass", "前提事项和相应内容都已写到", ctx.evidence(cause, 1) + ctx.evidence(effect, 2), searched)
    return Outcome("fail", "写到了前提事项，但缺少相应内容", ctx.evidence(cause, 3), searched)
