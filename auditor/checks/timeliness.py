"""Was the report published on time (``meta.published_on_time``)?

The 督察规定 (第二十四条, see ../shared/reference/regulations.md §2.1 ``publish.deadline``) has the
annual report published before 4月1日 of the year after the year reported on; the reference takes
the last day as a parameter (default 03-31). The date is the page's 发布日期/发布时间 when the text
shows one, else the date under the signature (a report cannot be published before it is signed,
so a late signature is a late report; an early one proves nothing about publication).
"""
from __future__ import annotations

from ..rulebook.model import Rule
from ..text.meta import extract_meta
from ..text.normalize import fold, normalize_text
from .context import Context
from .outcome import Outcome

DEFAULT_LAST_DAY = "03-31"


def deadline(report_year: int, rule: Rule) -> str:
    """The last day of publication (YYYY-MM-DD) for a report on ``report_year``."""
    return f"{report_year + 1}-{rule.params.get('last_day', DEFAULT_LAST_DAY)}"


def check_timeliness(rule: Rule, ctx: Context) -> Outcome:
    """Late → fail (the rule's severity is a warning); no date or no year → skip, saying so."""
    meta = ctx.meta
    searched = "在网页的发布日期（发布时间、发布日期、日期）和文末落款日期中查找"
    if ctx.year is None:
        return Outcome("skip", "未能识别报告年度，无法判断是否按时公开（可用 --year 指定）", (), searched)
    last = deadline(ctx.year, rule)
    if not meta.published:
        return Outcome("skip", f"报告中没有发布日期或落款日期，无法判断是否按时公开（{ctx.year} 年度报告应于 "
                               f"{_cn(last)}前公开）", (), searched)
    by_page = meta.published_source == "page"
    what = "发布" if by_page else "落款"
    evidence = (ctx.quote(meta.published_line),) if meta.published_line else ()
    details = (("published", meta.published), ("deadline", last), ("source", "page" if by_page else "signature"))
    if meta.published > last:
        return Outcome("fail", f"{what}日期为 {_cn(meta.published)}，晚于 {_cn(last)}（{ctx.year} 年度报告应在次年"
                               f"4月1日前公开）", evidence, searched, details)
    if by_page:
        return Outcome("pass", f"发布日期为 {_cn(meta.published)}，在 {_cn(last)} 之前", evidence, searched, details)
    return Outcome("pass", f"落款日期为 {_cn(meta.published)}，在 {_cn(last)} 之前（文中未见网页发布日期，"
                           f"公开日期请另行核对）", evidence, searched, details)


def probe_timeliness(rule: Rule, text: str) -> bool:
    """Example semantics: "报告年度|发布信息", e.g. "2023|发布时间：2024-05-06"; True when the date
    read from the second part is after the deadline (the defect)."""
    year, _, page = text.partition("|")
    meta = extract_meta(normalize_text(fold(page)), ())
    return bool(meta.published) and meta.published > deadline(int(year), rule)


def _cn(iso: str) -> str:
    """"2024-03-31" → "2024年3月31日"."""
    year, month, day = iso.split("-")
    return f"{year}年{int(month)}月{int(day)}日"
