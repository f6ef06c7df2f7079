"""Rule types over terms: ``item`` (presence, grounded in work done), ``forbid``, ``substitute`` and ``conditional``."""
from __future__ import annotations

from ..rulebook.model import Rule
from .context import PART_NAMES, PART_SHORT, SCOPE_LABELS, WORK_PARTS, Context
from .grounding import best_first, grade, grounded, line_part, places_text
from ..text.matcher import terms_matcher
from .outcome import Outcome

# Scopes where an item must be reported as work done (see ``grounding``).
DEED_SCOPES = ("work", "measures", "leadership", "other")
POINTER_HITS = 6    # per term, when looking for the words outside the scope (a pointer, not a count)


def _terms_text(terms: list[str], limit: int = 8) -> str:
    shown = "、".join(terms[:limit])
    return shown + (f" 等 {len(terms)} 个词" if len(terms) > limit else "")


def check_item(rule: Rule, ctx: Context) -> Outcome:
    """Pass when an ``any`` term, or every ``all`` group, is found where the scope reports work done.

    In a work part (举措和成效, 第一责任人, 其他) a term counts only in a body sentence that reports
    work (``grounding``): found only in headings, cited titles, indicator lists or plans, the item is
    ``partial`` and says so. A part-limited rule whose part is missing is ``skip``; one that finds
    nothing in its part points to the lines elsewhere in the report that have the words.
    """
    name = rule.scope or ("work" if rule.part == "measures" else rule.part)
    matcher = rule.match
    searched = f"在{ctx.where(name)}中查找：{_terms_text(matcher.terms())}"
    if name in PART_NAMES and name not in ("document", "work") and not ctx.has_part(name):
        return Outcome("skip", f"报告中没有“{PART_NAMES[name]}”部分，无法在其中查找（见 part.{name}）", (), searched)
    hits = matcher.find(ctx.scope(name))
    if not hits:
        return _absent(rule, ctx, name, searched)
    good = grounded(ctx, hits) if name in DEED_SCOPES else hits
    whole = [h for h in good if h.group == -1]
    groups = {h.group for h in good if h.group >= 0}
    # Count paragraphs, not lines: a PDF or a hard-wrapped text splits one paragraph over many lines.
    places = len({h.paragraph for h in good})
    kept = set(map(id, good))
    bare = [h for h in hits if id(h) not in kept]
    # Best first where work must be shown; elsewhere (a plans part) the heading is the best witness.
    evidence = ctx.evidence((best_first(ctx, good) if name in DEED_SCOPES else good) or best_first(ctx, bare))
    label = _label(ctx, name)
    missing = [matcher.all[i][0].source for i in range(len(matcher.all)) if i not in groups]
    details = (("missing_groups", tuple(missing)),) if matcher.all else ()
    if not good:
        return Outcome("partial", f"{label}只在{places_text(ctx, bare)}中提到，没有写明做了什么",
                       evidence, searched, details + (("ungrounded", True),))
    if places < matcher.min:
        return Outcome("partial", f"只在 {places} 处写到（至少应有 {matcher.min} 处）", evidence, searched, details)
    if whole or not matcher.all or not missing:
        return Outcome("pass", f"{label}有 {places} 处写到", evidence, searched, details)
    told = f"只写到了其中一部分，缺少：{'、'.join(missing)}"
    mentioned = [h for h in bare if h.group >= 0 and h.group not in groups]
    if mentioned:
        told += f"（{'、'.join(sorted({matcher.all[h.group][0].source for h in mentioned}))} " \
                f"只在{places_text(ctx, mentioned)}中提到）"
    return Outcome("partial", told, evidence, searched, details)


def _label(ctx: Context, name: str) -> str:
    """"第一责任人部分", or "全文" where the scope fell back to the whole text."""
    return "全文" if ctx.spans(name) is None else SCOPE_LABELS.get(name, name)


def _absent(rule: Rule, ctx: Context, name: str, searched: str) -> Outcome:
    """Nothing in the scope: say where it was looked for, and point to the words elsewhere, if any."""
    label = _label(ctx, name)
    told = f"{label}未写到“{rule.title}”"
    if name not in DEED_SCOPES or ctx.spans(name) is None:   # a plan elsewhere in the report is no plan
        return Outcome("fail", told, (), searched)
    inside = set()
    for lo, hi in ctx.spans(name):
        inside.update(range(lo, hi + 1))
    elsewhere = [h for h in rule.match.find(ctx.scope("document"), POINTER_HITS)
                 if h.line not in inside and _pointable(ctx, h)]
    if not elsewhere:
        return Outcome("fail", told + "，全文其他部分也没有", (), searched)
    # Work reported in another work part is worth pointing to first; a mention in 不足 or 安排 is not work done.
    in_work = [h for h in grounded(ctx, elsewhere) if line_part(ctx, h.line) in WORK_PARTS + (None,)]
    shown = ctx.evidence(best_first(ctx, in_work or elsewhere))
    pointers = "、".join(f"第{e.line}行（{PART_SHORT.get(line_part(ctx, e.line))}）" for e in shown)
    tail = "有相关内容" if in_work else "提到，但那里写的不是已做的工作"
    return Outcome("fail", f"{told}；{pointers}{tail}", shown, searched, (("elsewhere", tuple(e.line for e in shown)),))


def _pointable(ctx: Context, hit) -> bool:
    """Is the line of ``hit`` worth pointing to as related content? Not the report's title (or the
    title repeated), nor the opening before the first part — its stock phrases ("为……提供坚强法治
    保障。现将有关情况报告如下") report nothing — unless that sentence gives figures."""
    meta = ctx.meta
    if hit.line == meta.title_line or (meta.title and ctx.view.norm[hit.line - 1].strip() == meta.title):
        return False
    starts = [p.line for p in ctx.parts.values() if p.status != "missing" and p.line]
    return not starts or hit.line >= min(starts) or grade(ctx, hit) == 0


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
