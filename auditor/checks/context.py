"""Everything a check may look at for one report, computed once and shared by all rules."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..models import Evidence, Meta, PartFinding, Section
from ..text.normalize import TextView
from ..text.matcher import Hit, Matcher, Scope

PART_NAMES = {"measures": "主要举措和成效", "shortcomings": "存在的不足和原因",
              "leadership": "第一责任人履职情况", "plans": "下一年度主要安排",
              "other": "其他需要报告的情况", "document": "全文", "work": "工作情况（举措成效、第一责任人履职、其他）"}
# Short names for messages: "第20行（举措和成效部分）", "第一责任人部分未写到……".
PART_SHORT = {"measures": "举措和成效部分", "shortcomings": "不足和原因部分", "leadership": "第一责任人部分",
              "plans": "下一年度安排部分", "other": "其他情况部分", None: "开头或结尾"}
SCOPE_LABELS = {**{k: v for k, v in PART_SHORT.items() if k}, "work": "工作情况各部分（举措成效、第一责任人、其他）",
                "document": "全文"}
_CONTENT = re.compile(r"\w")   # a letter, digit or Han character: what is left is more than punctuation
# Where completed work is reported: a mention in 不足 or 下一年度安排 does not show it was done.
WORK_PARTS = ("measures", "leadership", "other")


@dataclass
class Context:
    """The parsed report plus caches; checks read it, never change the report."""

    view: TextView
    sections: tuple[Section, ...]
    meta: Meta
    parts: dict[str, PartFinding]
    year: int | None
    level: str
    previous: "Context | None" = None
    origin: tuple[int, ...] | None = None    # row → line of the file, where a flattened line was cut
    placeholders: tuple[Matcher, ...] = ()   # template placeholders (rules with ``params.placeholder``)
    _scopes: dict[str, Scope] = field(default_factory=dict)
    memo: dict = field(default_factory=dict)   # per-report results that several checks share

    def scope(self, name: str | None) -> Scope:
        """The text of a part (or ``document``); a missing part falls back to the whole text."""
        name = name or "document"
        if name not in self._scopes:
            self._scopes[name] = Scope.build(name, self.view, self.spans(name))
        return self._scopes[name]

    def is_placeholder(self, norm: str) -> bool:
        """Is the normalised text ``norm`` nothing but template placeholders ("【此处填写本部分内容】")?
        Such text is reported by the placeholder rule alone; other checks neither list nor quote it."""
        rest = norm
        for matcher in self.placeholders:
            for term in (*matcher.any, *(t for group in matcher.all for t in group)):
                for start, end in term.spans(rest, 50):
                    rest = rest[:start] + " " * (end - start) + rest[end:]
        return rest != norm and not _CONTENT.search(rest)

    def has_part(self, name: str) -> bool:
        """Was part ``name`` found (present or weak)?"""
        part = self.parts.get(name)
        return part is not None and part.status != "missing"

    def spans(self, name: str) -> list[tuple[int, int]] | None:
        """Line spans of a part, of all work parts (``work``), or None for the whole text."""
        names = WORK_PARTS if name == "work" else (name,)
        found = [p for p in (self.parts.get(n) for n in names) if p is not None and p.status != "missing"]
        if name == "document" or not found:
            return None
        return [span for p in found for span in p.spans]

    def where(self, name: str | None) -> str:
        """Describe a scope for "what was searched" messages, e.g. "“存在的不足和原因”（第40–41行）"."""
        name = name or "document"
        part = self.parts.get(name)
        if name == "document":
            return "全文"
        if name == "work":
            spans = self.spans(name)
            if spans is None:
                return "全文（报告中没有找到工作情况部分）"
            return "工作情况部分（" + "、".join(f"第{lo}–{hi}行" for lo, hi in spans) + "）"
        if part is None or part.status == "missing":
            return f"全文（报告中没有找到“{PART_NAMES[name]}”部分）"
        return f"“{PART_NAMES[name]}”部分（第{part.line}–{part.end_line}行）"

    def evidence(self, hits: list[Hit], limit: int = 3) -> tuple[Evidence, ...]:
        """One piece of evidence per distinct line, original text quoted around the hit."""
        out, seen = [], set()
        for hit in hits:
            if hit.line in seen:
                continue
            seen.add(hit.line)
            out.append(self.quote(hit.line, hit.start, hit.end))
            if len(out) >= limit:
                break
        return tuple(out)

    def quote(self, line: int, start: int = 0, end: int | None = None) -> Evidence:
        text, before, after = self.view.quote(line, start, end)
        return Evidence(line, text, more_before=before, more_after=after)
