"""The 第一责任人 part is about the person (``leadership.personal``).

It should say what the principal leader(s) did — presided, deployed, led by example, personally
handled, appeared in court, attended, reported on the rule of law (主持、部署、带头、亲自、出庭、参加、
述法) — not restate the institution's work. A sentence counts when it names a principal leader
(``params.person``) and, after it, a personal action (``params.action``), both outside cited titles.
"""
from __future__ import annotations


from ..rulebook.model import Rule
from .context import Context
from ..text.matcher import Scope, terms_matcher
from .outcome import Outcome
from ..text.lazy import lazy_compile

_SENTENCE = lazy_compile(r"[^。！？!?；;\n]+[。！？!?；;]?")


def personal_sentences(rule: Rule, scope: Scope) -> list[tuple[int, int]]:
    """(start, end) in ``scope.text`` of each sentence naming a leader doing something personally:
    a leader, then an action of theirs, neither inside a cited title ("严格执行《党政主要负责人……规定》"
    names a text, not a person)."""
    person = terms_matcher(tuple(rule.params.get("person", ["主要负责人"])))
    action = terms_matcher(tuple(rule.params.get("action", ["亲自"])))
    found = []
    for m in _SENTENCE.finditer(scope.text):
        sentence = m.group(0)
        leaders = _spans(person, sentence)
        if leaders and any(start >= leaders[0][1] for start, _ in _spans(action, sentence)):
            found.append(m.span())
    return found


def _spans(matcher, sentence: str) -> list[tuple[int, int]]:
    """Where ``matcher``'s terms stand in ``sentence`` outside 《…》, in order."""
    spans = [span for term in matcher.any for span in term.spans(sentence)]
    return sorted((s, e) for s, e in spans if not _in_title(sentence, s))


def _in_title(sentence: str, at: int) -> bool:
    return sentence.rfind("《", 0, at) > sentence.rfind("》", 0, at) and sentence.find("》", at) != -1


def check_personal(rule: Rule, ctx: Context) -> Outcome:
    """Pass with ``params.min_sentences`` personal sentences; partial when the part only restates
    institutional work; skip when there is no 第一责任人 part."""
    part = ctx.parts.get("leadership")
    person_terms = list(rule.params.get("person", []))
    searched = (f"在{ctx.where('leadership')}中查找同一句里既有主要负责人（{'、'.join(person_terms[:6])} 等）"
                f"又有本人行动（{'、'.join(rule.params.get('action', [])[:8])} 等）的句子")
    if part is None or part.status == "missing":
        return Outcome("skip", "报告中没有第一责任人部分（见 part.leadership）", (), searched)
    scope = ctx.scope("leadership")
    found = personal_sentences(rule, scope)
    minimum = int(rule.params.get("min_sentences", 1))
    evidence = []
    for start, end in found[:3]:
        line, s, e = scope.locate(start, end)
        evidence.append(ctx.quote(line, s, min(e, s + 40)))
    details = (("personal_sentences", len(found)),)
    if len(found) >= minimum:
        return Outcome("pass", f"有 {len(found)} 句写到主要负责人本人的履职行动", tuple(evidence), searched, details)
    if found:
        return Outcome("partial", f"只有 {len(found)} 句写到主要负责人本人的行动（至少应有 {minimum} 句）",
                       tuple(evidence), searched, details)
    return Outcome("partial", "只复述了单位的工作，没有写主要负责人本人做了什么（主持、部署、带头、出庭、述法等）",
                   (ctx.quote(part.line),) if part.line else (), searched, details)


def probe_personal(rule: Rule, text: str) -> bool:
    """Example semantics: True when the text only restates institutional work, with no sentence
    naming a principal leader's own action (the defect)."""
    return not personal_sentences(rule, Scope.of_text(text))
