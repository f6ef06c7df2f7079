"""Outdated references for the report's year (``stale.reference``).

Each entry of ``params.references`` names an outdated reference, the first report year it is
outdated for (``since``), a ``match`` block (with ``not`` for retrospective mentions such as
"纲要（2015—2020年）圆满收官") and what replaced it. Whether a source confirms an entry (``confirmed``)
is kept in the details with its basis, not in the message a clerk reads.
"""
from __future__ import annotations

from functools import lru_cache

from ..rulebook.model import Rule
from .context import Context
from ..text.matcher import Matcher, Scope
from .outcome import Outcome


@lru_cache(maxsize=64)
def _entries(rule: Rule) -> tuple[tuple[dict, Matcher], ...]:
    """The rule's references with their matchers, built once per rule (not on every report)."""
    return tuple((e, Matcher.build(e["match"])) for e in rule.params.get("references", ()))


def check_stale(rule: Rule, ctx: Context) -> Outcome:
    """Fail where the report cites a reference outdated for its year; skip when none applies."""
    if ctx.year is None:
        return Outcome("skip", "未能识别报告年度，无法判断引用是否过时（可用 --year 指定）")
    entries = [(e, m) for e, m in _entries(rule) if ctx.year >= int(e.get("since", 0))]
    if not entries:
        first = min((int(e.get("since", 0)) for e, _ in _entries(rule)), default=0)
        return Outcome("skip", f"适用于 {first} 年及以后的报告（本报告为 {ctx.year} 年度）")
    scope = ctx.scope("document")
    searched = "在全文中查找过时的引用：" + "；".join(e["label"] for e, _ in entries)
    found, evidence, rows = [], [], []
    for entry, matcher in entries:
        hits = matcher.find(scope, 5)
        if not hits:
            continue
        instead = f"，应为{entry['instead']}" if entry.get("instead") else ""
        found.append(f"{entry['label']}{instead}")
        evidence.extend(ctx.evidence(hits, 2))
        rows.append({"label": entry["label"], "lines": sorted({h.line for h in hits}),
                     "basis": entry.get("basis", ""), "confirmed": entry.get("confirmed", True)})
    if not found:
        return Outcome("pass", "未发现过时引用", (), searched)
    return Outcome("fail", f"{ctx.year} 年度报告中：" + "；".join(found), tuple(evidence[:5]), searched,
                   (("stale", tuple(rows)),))


def probe_stale(rule: Rule, text: str) -> bool:
    """Example semantics: True when the text cites a reference that is outdated for a report year
    late enough for every entry (the defect)."""
    scope = Scope.of_text(text)
    return any(m.find(scope, 1) for _, m in _entries(rule))
