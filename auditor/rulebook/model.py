"""Rule and Rulebook: the compiled, validated form of the YAML rulebook."""
from __future__ import annotations

from dataclasses import field

from ..text.matcher import Matcher
from ..models import record

# The report category each rule type reports under, unless the rule names one.
DEFAULT_KIND = {"part": "part", "order": "format", "item": "item", "conditional": "item",
                "forbid": "quality", "substitute": "quality", "quality": "quality"}


@record(eq=False)
class Rule:
    """One requirement with its legal basis; ``type`` picks the code that checks it."""

    id: str
    type: str
    kind: str
    title: str
    basis: str
    severity: str
    weight: float = 1.0
    severity_reason: str | None = None   # why this severity (from the regulation), for readers of the rulebook
    partial_severity: str | None = None  # the severity of a ``partial`` result, when lower than ``severity``
    part: str | None = None
    scope: str | None = None
    area: str | None = None
    source: str | None = None
    confirmed: bool = True
    years: tuple[int | None, int | None] = (None, None)
    levels: tuple[str, ...] = ()
    applies_note: str | None = None
    match: Matcher | None = None
    heading: Matcher | None = None
    content: Matcher | None = None
    min_chars: int = 0
    precedence: int = 50
    optional: bool = False
    parts: tuple[str, ...] = ()
    replace: tuple[tuple[str, str], ...] = ()
    cond_if: Matcher | None = None
    cond_then: Matcher | None = None
    check: str | None = None
    params: dict = field(default_factory=dict)
    description: str | None = None
    suggestion: str | None = None
    examples_match: tuple[str, ...] = ()
    examples_no_match: tuple[str, ...] = ()
    origin: str = ""            # which rulebook file defined (or last changed) the rule

    def applies_to(self, year: int | None, level: str) -> str | None:
        """None when the rule applies; otherwise the reason (Chinese) it is skipped."""
        lo, hi = self.years
        if year is None and hi is not None:
            return f"报告年度未识别，按最新规则审查；本条只适用于 {hi} 年及以前的报告（可用 --year 指定年度）"
        if year is not None:
            if lo is not None and year < lo:
                return f"适用于 {lo} 年及以后的报告（本报告为 {year} 年度）"
            if hi is not None and year > hi:
                return f"适用于 {hi} 年及以前的报告（本报告为 {year} 年度）"
        if self.levels and level in ("government", "department", "township") and level not in self.levels:
            names = "、".join(LEVEL_NAMES[lv] for lv in self.levels)
            note = f"；{self.applies_note}" if self.applies_note else ""
            return f"仅适用于{names}（本报告为{LEVEL_NAMES[level]}）{note}"
        return None

    def severity_of(self, status: str) -> str:
        """The severity a result with ``status`` carries: ``partial_severity`` for a partial result, if set."""
        return self.partial_severity if status == "partial" and self.partial_severity else self.severity

    def applies_text(self) -> str:
        """Human-readable applicability, e.g. "2021– · 区县政府、部门"."""
        lo, hi = self.years
        years = "所有年度" if lo is None and hi is None else f"{lo or ''}–{hi or ''}"
        levels = "、".join(LEVEL_NAMES[lv] for lv in self.levels) if self.levels else "各层级"
        return f"{years} · {levels}"


LEVEL_NAMES = {"government": "区县及以上政府", "department": "政府部门", "township": "乡镇（街道）",
               "unknown": "层级未知"}


@record
class Rulebook:
    """A validated rulebook: the rules in the order they are reported."""

    id: str
    version: str
    title: str
    rules: tuple[Rule, ...]
    sources: tuple[str, ...] = ()
    disabled: tuple[str, ...] = ()

    def get(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)

    def of_type(self, *types: str) -> list[Rule]:
        return [r for r in self.rules if r.type in types]
