"""The legal basis as a clerk reads it: the rulebook's notes for its maintainers left out.

A rule's ``basis`` may carry the rulebook's own caveats on a fact ("第六条（依法决策，条文未见原文）",
"…（二手来源，待核实）"): they tell a maintainer what is still to be confirmed (see ``confirmed`` and
shared/reference/regulations.md). ``audit rules show``, the JSON reports and docs/rules.md keep them;
every report a clerk or reviewer reads (terminal, HTML, Markdown, Word, Excel, CI formats, explain,
outline) shows ``plain_basis``.
"""
from __future__ import annotations

import re
from ..text.lazy import lazy_compile

# Words that mark a caveat clause (a clause of a bracket, or a "；"-separated part of the basis).
CAVEATS = ("未见原文", "待核实", "二手来源", "未附来源", "参考资料")
_BRACKETED = lazy_compile(r"（([^（）]*)）")


def _caveat(clause: str) -> bool:
    return any(word in clause for word in CAVEATS)


def plain_basis(basis: str) -> str:
    """``basis`` without the rulebook's caveats: "第六条（依法决策，条文未见原文）" → "第六条（依法决策）"."""
    def bracket(m: re.Match) -> str:
        kept = [c for c in m.group(1).split("，") if c.strip() and not _caveat(c)]
        return f"（{'，'.join(kept)}）" if kept else ""
    text = _BRACKETED.sub(bracket, " ".join(basis.split()))
    return "；".join(s for s in text.split("；") if s.strip() and not _caveat(s)).strip()
