"""Frozen data objects passed between the pipeline stages; no I/O here."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

PART_IDS = ("measures", "shortcomings", "leadership", "plans", "other")
STATUSES = ("pass", "partial", "fail", "skip", "error")   # error: the rule could not run (规则出错)
SEVERITIES = ("error", "warning", "info")
LEVELS = ("government", "department", "township")


@dataclass(frozen=True)
class Evidence:
    """A line of the original file that supports (or contradicts) a verdict."""

    line: int
    text: str
    page: int | None = None


@dataclass(frozen=True)
class Section:
    """A numbered heading and the lines it governs (1-based, inclusive)."""

    marker: str          # the marker as written, e.g. "（二）" or "3、"
    number: int          # its value, e.g. 2 or 3
    level: int           # 1 一、 / 2 （一） / 3 1. / 4 （1）
    title: str           # heading text after the marker (normalised)
    line: int
    end_line: int
    style: str           # canonical marker family, e.g. "cn、", "(cn)", "num.", "num、"
    body_chars: int = 0  # characters of body text under the heading (run-in text included)


@dataclass(frozen=True)
class Meta:
    """What the report says about itself."""

    title: str | None
    issuer: str | None
    year: int | None
    level: str            # one of LEVELS or "unknown"
    title_line: int | None = None
    year_source: str | None = None
    level_source: str | None = None


@dataclass(frozen=True)
class PartFinding:
    """Where one of the five statutory parts was found."""

    id: str
    status: str                     # present | weak | missing
    heading: str | None = None
    line: int | None = None
    end_line: int | None = None
    spans: tuple[tuple[int, int], ...] = ()
    note: str | None = None
    placement: str = "heading"     # heading (top level) | embedded (a sub-section) | content (no heading)


@dataclass(frozen=True)
class Result:
    """The verdict of one rule on one report: exactly one per applicable rule."""

    rule_id: str
    kind: str               # part | item | quality | format
    part: str | None
    status: str             # pass | partial | fail | skip | error
    severity: str
    title: str
    message: str
    basis: str
    evidence: tuple[Evidence, ...] = ()
    searched: str | None = None
    suggestion: str | None = None
    details: tuple[tuple[str, Any], ...] = ()
    waived: str | None = None


@dataclass(frozen=True)
class AuditResult:
    """Everything known about one audited report."""

    path: str
    sha256: str
    is_report: bool
    meta: Meta
    parts: tuple[PartFinding, ...]
    results: tuple[Result, ...]
    score: float
    passed: bool
    rulebook_id: str = ""
    rulebook_version: str = ""
    notes: tuple[str, ...] = field(default=())
