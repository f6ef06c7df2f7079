"""Years a report names about itself: ``plans.year_mismatch`` and ``meta.year_mismatch``.

A 2023 report looks back on 2023 (title, part headings, opening, body) and plans 2024. A year
left over from last year's draft ("一、2022年…" under a 2023 title) is a typical copy-edit slip.
"""
from __future__ import annotations

from collections import Counter

from ..rulebook.model import Rule
from ..text.markers import cn_to_int
from ..text.normalize import fold
from .context import PART_NAMES, Context
from .outcome import Outcome
from ..text.lazy import lazy_compile

# plain patterns used below (compiled once per user, text.lazy)
_SENTENCE_END = lazy_compile(r"[。；;]")

# "2024年" / "2024 年" (spaces are folded away) / "二〇二四年"
_YEAR = lazy_compile(r"(20\d\d)年|二[〇○零]([〇○零一二三四五六七八九]{2})年")
_CN_DIGIT = {"〇": 0, "○": 0, "零": 0}
RETROSPECTIVE = ("measures", "shortcomings", "leadership")
_LEAD_CHARS = 150


def years_in(text: str) -> list[int]:
    """Every year named in ``text``, in order ("2023年" and "二〇二三年" both give 2023)."""
    out = []
    for m in _YEAR.finditer(text):
        if m.group(1):
            out.append(int(m.group(1)))
        else:
            digits = [_CN_DIGIT.get(c, cn_to_int(c)) for c in m.group(2)]
            out.append(2000 + digits[0] * 10 + digits[1])
    return out


def plan_year_problem(report_year: int, heading: str, lead: str, forward: tuple[str, ...]) -> str | None:
    """Why the plans part names the wrong year, or None when it is about ``report_year + 1``."""
    target = report_year + 1
    named = years_in(heading)
    if named:
        return None if target in named else f"标题写的是 {'、'.join(map(str, sorted(set(named))))} 年"
    if any(word in lead for word in forward):
        return None
    lead_years = years_in(lead)
    if lead_years and lead_years[0] != target:
        return f"开头写的是 {lead_years[0]} 年"
    return None


def check_plan_year(rule: Rule, ctx: Context) -> Outcome:
    """Pass when the plans part names report year + 1 (or 下一年度/明年/下一步 without a year)."""
    part = ctx.parts.get("plans")
    forward = tuple(rule.params.get("forward", ("下一年度", "下年度", "明年", "下一步", "来年", "新的一年")))
    searched = f"在{ctx.where('plans')}的标题和开头查找年份"
    if ctx.year is None:
        return Outcome("skip", "未能识别报告年度（可用 --year 指定）", (), searched)
    if part is None or part.status == "missing" or not part.line:
        return Outcome("skip", "报告中没有“下一年度主要安排”部分（见 part.plans）", (), searched)
    heading = ctx.view.norm[part.line - 1] if part.heading else ""
    lead = _lead(ctx, part.line + (1 if part.heading else 0), part.end_line)
    problem = plan_year_problem(ctx.year, _title_of(heading), lead, forward)
    evidence = (ctx.quote(part.line),)
    if problem:
        return Outcome("fail", f"本报告为 {ctx.year} 年度，安排部分应针对 {ctx.year + 1} 年，但{problem}",
                       evidence, searched, (("expected", ctx.year + 1),))
    return Outcome("pass", f"安排部分针对 {ctx.year + 1} 年（下一年度）", evidence, searched)


def check_year_consistency(rule: Rule, ctx: Context) -> Outcome:
    """Pass when the title, the retrospective part headings, the opening and the body name one year."""
    witnesses = _witnesses(rule, ctx)
    searched = "比较标题、各部分标题（举措成效、不足、第一责任人）、开头段和正文中最常见的年份"
    if not witnesses:
        return Outcome("skip", "标题、部分标题和开头都没有写明年份，无从比较", (), searched)
    years = {y for _, _, y in witnesses}
    details = (("years", tuple({"where": w, "line": ln, "year": y} for w, ln, y in witnesses)),)
    evidence = tuple(ctx.quote(ln) for _, ln, _ in witnesses if ln)[:5]
    if len(years) == 1:
        return Outcome("pass", f"各处年份一致：{years.pop()} 年", evidence[:1], searched, details)
    told = "；".join(f"{w}（第{ln}行）为 {y} 年" for w, ln, y in witnesses)
    return Outcome("fail", f"报告各处的年份不一致：{told}", evidence, searched, details)


def _witnesses(rule: Rule, ctx: Context) -> list[tuple[str, int, int]]:
    out = []
    meta = ctx.meta
    if meta.title and meta.title_line:
        named = years_in(meta.title)
        if named:
            out.append(("标题", meta.title_line, named[0]))
    for name in RETROSPECTIVE:
        part = ctx.parts.get(name)
        if part is None or part.status == "missing" or not part.heading or not part.line:
            continue
        named = years_in(_title_of(ctx.view.norm[part.line - 1]))
        if named:
            out.append((f"“{PART_NAMES[name]}”标题", part.line, named[0]))
    opening = _opening(ctx)
    if opening:
        out.append(("开头段", *opening))
    body = _body_year(rule, ctx)
    if body:
        out.append(("举措成效部分正文", *body))
    return out


def _opening(ctx: Context) -> tuple[int, int] | None:
    """A year that opens the first body paragraph: "2023年，某区…" / "2024年以来，…"."""
    first_heading = ctx.sections[0].line if ctx.sections else len(ctx.view.lines) + 1
    for para in ctx.view.paragraphs:
        if para.lines[0] >= first_heading:
            return None
        if para.lines[0] == ctx.meta.title_line or len(para.text) < 40:
            continue
        m = _YEAR.match(para.text)
        return (para.lines[0], years_in(m.group(0))[0]) if m else None
    return None


def _body_year(rule: Rule, ctx: Context) -> tuple[int, int] | None:
    """The year the measures part names most, when it clearly outnumbers every other year."""
    spans = ctx.spans("measures")
    if spans is None:
        return None
    counts: Counter = Counter()
    first_line: dict[int, int] = {}
    for lo, hi in spans:
        for n in range(lo, hi + 1):
            for y in years_in(ctx.view.norm[n - 1]):
                counts[y] += 1
                first_line.setdefault(y, n)
    if not counts:
        return None
    (year, count), *rest = counts.most_common()
    runner_up = rest[0][1] if rest else 0
    if count >= int(rule.params.get("body_min_mentions", 3)) and count >= 2 * runner_up:
        return first_line[year], year
    return None


def _title_of(heading: str) -> str:
    """A heading line without run-in body: "四、2024年工作安排。（一）…" → "四、2024年工作安排"."""
    stop = _SENTENCE_END.search(heading)
    return heading[: stop.start()] if stop else heading


def _lead(ctx: Context, lo: int, hi: int) -> str:
    text = ""
    for n in range(lo, hi + 1):
        text += ctx.view.norm[n - 1]
        if len(text) >= _LEAD_CHARS:
            break
    return text[:_LEAD_CHARS]


def probe_plan_year(rule: Rule, text: str) -> bool:
    """Example semantics: "报告年度|安排部分标题", e.g. "2023|四、2023年工作安排"; True when the
    plans heading names a year other than the report year + 1 (the defect)."""
    year, _, heading = text.partition("|")
    forward = tuple(rule.params.get("forward", ("下一年度", "明年", "下一步")))
    return plan_year_problem(int(year), fold(heading), fold(heading), forward) is not None


def probe_year_consistency(rule: Rule, text: str) -> bool:
    """Example semantics: the lines of a report's title and part headings; True when they name
    different years for the year reported on (the defect)."""
    years = {years_in(fold(line))[0] for line in text.split("\n")
             if years_in(fold(line)) and not any(w in line for w in ("安排", "计划", "打算", "思路", "要点"))}
    return len(years) > 1
