"""The closed loop (``plans.unaddressed_shortcoming``): does a plan item answer each problem?

Each problem of 不足 is compared with every plan item of 下一年度安排 by TF-IDF similarity over
character bigrams and the rule's domain concepts (``params.terms``); a problem whose best plan
item scores below ``params.min_similarity`` (or shares fewer than ``params.min_shared`` words
or concepts with it and stays under twice that score) is unaddressed. ``details["pairs"]`` holds the pairing
table the terminal report prints.
"""
from __future__ import annotations

from ..rulebook.model import Rule
from .context import Context
from .outcome import Outcome
from .points import Point, split_points
from .similarity import Corpus, concepts_of, features, ignored_bigrams

DEFAULT_MIN_SIMILARITY = 0.08
_FUNCTION_CHARS = set("的了和与及对在等是为各项有被把将以于并")


def corpus_for(rule: Rule, texts: list[str], background: list[str] = (), queries: list[str] | None = None) -> Corpus:
    """A similarity corpus configured by the rule's ``terms`` and ``ignore`` params; ``queries``
    (the texts that will be looked up) limit its index to the features they use."""
    terms, ignore = concepts_of(rule.params.get("terms")), ignored_bigrams(rule.params.get("ignore", ()))
    vocabulary = None
    if queries is not None:
        vocabulary = set()
        for text in queries:
            vocabulary.update(features(text, terms, ignore))
    return Corpus(texts, terms, ignore, list(background), vocabulary)


def readable(shared: list[str], rule: Rule) -> list[str]:
    """Shared features worth showing a reader: concepts, and bigrams that hold neither a function
    character nor only characters of the generic words ("步完" from 进一步完善)."""
    generic = set("".join(rule.params.get("ignore", ())))
    return [s for s in shared if len(s) > 2 or not (set(s) & _FUNCTION_CHARS or set(s) <= generic)]


def is_match(rule: Rule, score: float, shared: int) -> bool:
    """Similar enough: ``min_similarity`` with ``min_shared`` words in common, or twice that
    similarity on one distinctive concept alone ("公共法律服务")."""
    threshold = float(rule.params.get("min_similarity", DEFAULT_MIN_SIMILARITY))
    return score >= threshold and (shared >= int(rule.params.get("min_shared", 2)) or score >= 2 * threshold)


def shared_words(rule: Rule, corpus: Corpus, vec: dict, best: list, text: str,
                 other: str = "") -> tuple[list[str], int]:
    """What the query and its best match have in common, as a reader would name it (bigrams widened
    to the longest run both texts share: "人出" → "负责人出庭应诉"), and how many features they share."""
    if not best:
        return [], 0
    found = readable(corpus.shared(vec, corpus.vectors[best[0][0]], 8, text), rule)
    shown: list[str] = []
    for word in found:
        word = _widen(word, text, other) if other and len(word) == 2 else word
        if not any(_overlap(word, s) for s in shown):
            shown.append(word)
    return shown, len(found)


def _widen(gram: str, a: str, b: str, limit: int = 12) -> str:
    start = a.find(gram)
    if start < 0:
        return gram
    lo, hi = start, start + len(gram)
    while lo > 0 and hi - lo < limit and "\u4e00" <= a[lo - 1] <= "\u9fff" and a[lo - 1:hi] in b:
        lo -= 1
    while hi < len(a) and hi - lo < limit and "\u4e00" <= a[hi] <= "\u9fff" and a[lo:hi + 1] in b:
        hi += 1
    return a[lo:hi]


def _overlap(a: str, b: str) -> bool:
    """Do two shown words share a bigram (then the second adds nothing)?"""
    return a in b or b in a or any(a[i:i + 2] in b for i in range(len(a) - 1))


def pair_points(rule: Rule, problems: list[Point], plans: list[Point]) -> list[dict]:
    """One row per problem: its best plan item (or None) with the score and shared words."""
    corpus = corpus_for(rule, [p.text for p in plans], [p.text for p in problems])
    rows = []
    for problem in problems:
        vec = corpus.vector_of(problem.text)
        best = corpus.query(vec, 1)
        row = {"problem": problem.label, "problem_line": problem.line, "plan": None, "plan_line": None,
               "score": round(best[0][1], 3) if best else 0.0, "shared": []}
        shared, overlap = shared_words(rule, corpus, vec, best, problem.text,
                                       plans[best[0][0]].text if best else "")
        if best and is_match(rule, best[0][1], overlap):
            plan = plans[best[0][0]]
            row.update(plan=plan.label, plan_line=plan.line, shared=shared[:4])
        rows.append(row)
    return rows


def check_closed_loop(rule: Rule, ctx: Context) -> Outcome:
    """Pass when every problem has a matching plan item; partial when some do; fail when none do."""
    problems, plans = split_points(ctx, "shortcomings"), split_points(ctx, "plans")
    searched = (f"把{ctx.where('shortcomings')}的 {len(problems)} 个问题与{ctx.where('plans')}的 "
                f"{len(plans)} 项安排逐一比较（字符二元组和领域词的相似度）")
    if not problems or not plans:
        missing = "存在的不足" if not problems else "下一年度安排"
        return Outcome("skip", f"报告中没有可识别的“{missing}”条目，无法比对（见相应部分检查）", (), searched)
    rows = pair_points(rule, problems, plans)
    open_rows = [(p, r) for p, r in zip(problems, rows) if r["plan"] is None]
    details = (("pairs", tuple(rows)),
               ("min_similarity", float(rule.params.get("min_similarity", DEFAULT_MIN_SIMILARITY))))
    if not open_rows:
        evidence = tuple(ctx.quote(line) for line in dict.fromkeys(r["plan_line"] for r in rows))[:3]
        return Outcome("pass", f"{len(rows)} 个问题在下一年度安排中都有对应措施", evidence, searched, details)
    evidence = tuple(ctx.quote(p.line, p.start, p.start + len(p.label)) for p, _ in open_rows[:5])
    names = "；".join(f"第{p.line}行“{p.label}”" for p, _ in open_rows[:5])
    if len(open_rows) == len(rows):
        told = "列出的问题" if len(rows) == 1 else f"列出的 {len(rows)} 个问题都"
        return Outcome("fail", f"{told}在下一年度安排中找不到对应措施：{names}", evidence, searched, details)
    covered = "、".join(f"第{r['problem_line']}行→第{r['plan_line']}行" for r in rows if r["plan"] is not None)
    return Outcome("partial", f"{len(rows)} 个问题中有 {len(open_rows)} 个在下一年度安排中找不到对应措施：{names}"
                              f"（有对应的：{covered}）", evidence, searched, details)


def probe_closed_loop(rule: Rule, text: str) -> bool:
    """Example semantics: the text is "问题…\\n---\\n安排…"; True when the problem is *not* answered
    by any of the plan lines (the defect this rule reports)."""
    problem, _, plans = text.partition("---")
    plan_points = [Point(line.strip()[:20], n, n, line.strip()) for n, line in enumerate(plans.split("\n"), 1)
                   if line.strip()]
    if not plan_points:
        return True
    row = pair_points(rule, [Point(problem.strip()[:20], 1, 1, problem.strip())], plan_points)[0]
    return row["plan"] is None
