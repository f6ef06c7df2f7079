"""Year over year, against last year's report given with ``--previous`` (``continuity.*``).

* ``unfollowed_plan`` — last year's plan items that this year's work parts never take up;
* ``copied`` — passages copied from last year's report, with line numbers in both files;
* ``repeated_shortcoming`` — a problem listed again without saying what was done about it.
Every check is ``skip`` when no previous report is given.
"""
from __future__ import annotations

from ..rulebook.model import Rule
from ..text.markers import parse_marker
from .closed_loop import corpus_for, is_match, shared_words
from .context import Context
from .copies import shared_passages
from ..text.matcher import terms_matcher
from .outcome import Outcome
from .points import split_points

NO_PREVIOUS = "未提供上一年度报告（用 --previous 指定），无法做年度对比"


def _previous(ctx: Context) -> Context | None:
    return ctx.previous


def _prev_note(ctx: Context) -> str:
    prev = ctx.previous
    if prev.year and ctx.year and prev.year >= ctx.year:
        return f"（注意：所给“上一年度”报告为 {prev.year} 年度，不早于本报告的 {ctx.year} 年度）"
    return ""


def check_unfollowed_plan(rule: Rule, ctx: Context) -> Outcome:
    """Pass when every plan item of last year's report is taken up in this year's work parts."""
    prev = _previous(ctx)
    if prev is None:
        return Outcome("skip", NO_PREVIOUS)
    plans = split_points(prev, "plans")
    work = ctx.scope("work")
    searched = f"把上一年度报告“下一年度安排”的 {len(plans)} 项与本报告{ctx.where('work')}的各段逐一比较"
    if not plans or work.is_empty():
        return Outcome("skip", "上一年度报告没有可识别的安排条目，或本报告没有工作部分", (), searched)
    corpus = corpus_for(rule, [p.text for p in work.paragraphs], queries=[p.text for p in plans])
    rows, evidence = [], []
    for plan in plans:
        vec = corpus.vector_of(plan.text)
        best = corpus.query(vec, 1)
        shared, overlap = shared_words(rule, corpus, vec, best, plan.text,
                                       work.paragraphs[best[0][0]].text if best else "")
        row = {"plan": plan.label, "previous_line": plan.line, "score": round(best[0][1], 3) if best else 0.0,
               "line": None, "shared": []}
        if best and is_match(rule, best[0][1], overlap):
            para = work.paragraphs[best[0][0]]
            row.update(line=para.lines[0], shared=shared[:4])
            evidence.append(ctx.quote(para.lines[0]))
        rows.append(row)
    unfollowed = [r for r in rows if r["line"] is None]
    details = (("plans", tuple(rows)), ("min_similarity", float(rule.params.get("min_similarity", 0.1))))
    if not unfollowed:
        return Outcome("pass", f"上一年度的 {len(rows)} 项安排在本报告中都有落实情况{_prev_note(ctx)}",
                       tuple(evidence[:3]), searched, details)
    names = "；".join(f"上年第{r['previous_line']}行“{r['plan']}”" for r in unfollowed[:5])
    status = "fail" if len(unfollowed) == len(rows) else "partial"
    return Outcome(status, f"上一年度的 {len(rows)} 项安排中有 {len(unfollowed)} 项本年度没有提到：{names}{_prev_note(ctx)}",
                   tuple(evidence[:3]), searched, details)


def without_headings(ctx: Context, scope) -> str:
    """The scope's text with the title line and every heading title blanked out (same length, so
    offsets still map to lines): part headings read the same every year by design."""
    headings = {s.line: s for s in ctx.sections}
    pieces = []
    for para in scope.paragraphs:
        first = para.lines[0]
        if first == ctx.meta.title_line:
            cut = len(para.text)
        elif first in headings:
            marker = parse_marker(para.text)
            cut = min(len(para.text), (marker.end if marker else 0) + len(headings[first].title))
        else:
            cut = 0
        pieces.append("\n" * cut + para.text[cut:])
    return "\n".join(pieces)


def check_copied(rule: Rule, ctx: Context) -> Outcome:
    """Fail when passages of at least ``params.min_chars`` characters repeat last year's text."""
    prev = _previous(ctx)
    if prev is None:
        return Outcome("skip", NO_PREVIOUS)
    min_chars = int(rule.params.get("min_chars", 60))
    mine, theirs = ctx.scope("document"), prev.scope("document")
    searched = f"逐句比较本报告与上一年度报告（标题除外），查找 {min_chars} 字以上相同的段落（数字不同也算相同）"
    passages = shared_passages(without_headings(ctx, mine), without_headings(prev, theirs), min_chars)
    if not passages:
        return Outcome("pass", f"未发现与上一年度报告相同的段落{_prev_note(ctx)}", (), searched)
    rows, evidence = [], []
    for p in passages:
        line, s, _ = mine.locate(p.a_start, p.a_start + 1)
        end_line = mine.locate(max(p.a_end - 1, p.a_start), p.a_end)[0]
        prev_line = theirs.locate(p.b_start, p.b_start + 1)[0]
        prev_end = theirs.locate(max(p.b_end - 1, p.b_start), p.b_end)[0]
        excerpt = mine.text[p.a_start:p.a_end].strip()
        rows.append({"line": line, "end_line": end_line, "previous_line": prev_line,
                     "previous_end_line": prev_end, "chars": p.chars, "text": excerpt[:60]})
        evidence.append(ctx.quote(line, s, s + 40))
    copied = sum(p.chars for p in passages)
    share = copied / max(len(mine.text), 1)
    places = "；".join(f"第{r['line']}行 ↔ 上年第{r['previous_line']}行（{r['chars']} 字）" for r in rows[:5])
    details = (("passages", tuple(rows)), ("copied_chars", copied), ("share", round(share, 3)))
    return Outcome("fail", f"{len(rows)} 段与上一年度报告相同（共 {copied} 字，约占全文 {share:.0%}）：{places}"
                   f"{_prev_note(ctx)}", tuple(evidence[:5]), searched, details)


def check_repeated_shortcoming(rule: Rule, ctx: Context) -> Outcome:
    """Fail when a problem of last year is listed again and the report says nothing of what was done."""
    prev = _previous(ctx)
    if prev is None:
        return Outcome("skip", NO_PREVIOUS)
    mine, theirs = split_points(ctx, "shortcomings"), split_points(prev, "shortcomings")
    searched = f"把本报告的 {len(mine)} 个问题与上一年度报告的 {len(theirs)} 个问题逐一比较"
    if not mine or not theirs:
        return Outcome("skip", "两份报告中至少一份没有可识别的“存在的不足”条目", (), searched)
    corpus = corpus_for(rule, [p.text for p in theirs], [p.text for p in mine])
    threshold = float(rule.params.get("min_similarity", 0.2))
    progress = terms_matcher(tuple(rule.params.get("progress", ["虽然"])))
    rows = []
    for point in mine:
        best = corpus.query(corpus.vector_of(point.text), 1)
        if best and best[0][1] >= threshold:
            before = theirs[best[0][0]]
            rows.append({"problem": point.label, "line": point.line, "previous": before.label,
                         "previous_line": before.line, "score": round(best[0][1], 3),
                         "explained": progress.hits_in(point.text), "start": point.start})
    unexplained = [r for r in rows if not r["explained"]]
    details = (("repeated", tuple({k: v for k, v in r.items() if k != "start"} for r in rows)),)
    if not unexplained:
        told = f"{len(rows)} 个问题与上年相同，但都说明了整改进展" if rows else "没有与上一年度相同的问题"
        return Outcome("pass", told + _prev_note(ctx), (), searched, details)
    names = "；".join(f"第{r['line']}行“{r['problem']}”（上年第{r['previous_line']}行）" for r in unexplained[:5])
    evidence = tuple(ctx.quote(r["line"], r["start"], r["start"] + len(r["problem"])) for r in unexplained[:5])
    return Outcome("fail", f"{len(unexplained)} 个问题上一年度已经列过，本年度又原样列出、没有说明做了什么：{names}"
                   f"{_prev_note(ctx)}", evidence, searched, details)


def probe_continuity(rule: Rule, text: str) -> bool:
    """Example semantics for every ``continuity.*`` rule: "上年文字|||本年文字"; True when this
    year's text shows the defect against last year's (a plan not taken up, a copied passage, a
    problem repeated without progress)."""
    before, _, after = (t.strip() for t in text.partition("|||"))
    check = rule.check
    if check == "copied":
        return bool(shared_passages(after, before, int(rule.params.get("min_chars", 60))))
    corpus = corpus_for(rule, [after], [before])
    score = corpus.query(corpus.vector_of(before), 1)
    similar = bool(score) and score[0][1] >= float(rule.params.get("min_similarity", 0.1))
    if check == "unfollowed_plan":
        return not similar
    progress = terms_matcher(tuple(rule.params.get("progress", ["虽然"])))
    return similar and not progress.hits_in(after)
