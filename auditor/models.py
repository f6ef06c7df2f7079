"""Frozen data objects passed between the pipeline stages; no I/O here."""
from __future__ import annotations

from dataclasses import MISSING, FrozenInstanceError, dataclass, field, fields
from operator import attrgetter
from typing import Any, TypeVar

PART_IDS = ("measures", "shortcomings", "leadership", "plans", "other")
STATUSES = ("pass", "partial", "fail", "skip", "error")   # error: the rule could not run (规则出错)
SEVERITIES = ("error", "warning", "info")
LEVELS = ("government", "department", "township")
# Document kinds (see auditor/text/kind.py): only "report" is audited item by item.
KINDS = ("report", "info_disclosure_report", "work_plan", "personal_report", "pufa_summary", "gov_work_report",
         "news", "other")

_C = TypeVar("_C")


def record(cls: type[_C] | None = None, *, eq: bool = True):
    """``@dataclass(frozen=True)`` made for a third of the cost: Python 3.11 writes and compiles five
    methods anew for every frozen class (about 0.3 ms each; the package's 41 record classes took 31 ms
    of a 220 ms cold start, ``bench/``). Here equality, hash, repr and the frozen ``__setattr__`` are
    shared functions over the fields, with the generated methods' results; only ``__init__`` (plain
    defaults, ``field(default=…)``, ``field(default_factory=…)``, ``__post_init__``) is compiled.
    ``@record(eq=False)`` is ``@dataclass(frozen=True, eq=False)``: instances equal only themselves."""
    if cls is None:
        return lambda cls: record(cls, eq=eq)
    cls = dataclass(init=False, eq=False, repr=False)(cls)   # registers the fields, writes no method
    cls.__init__ = _init_method(cls)
    cls.__setattr__, cls.__delattr__ = _frozen_setattr, _frozen_delattr
    names = tuple(f.name for f in fields(cls))
    values = attrgetter(*names) if len(names) > 1 else lambda obj: tuple(getattr(obj, n) for n in names)

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return values(self) == values(other)
        return NotImplemented

    def __hash__(self):
        return hash(values(self))

    def __repr__(self):
        return f"{self.__class__.__qualname__}({', '.join(f'{n}={v!r}' for n, v in zip(names, values(self)))})"

    cls.__repr__ = __repr__
    if eq:
        cls.__eq__, cls.__hash__ = __eq__, __hash__
    return cls


def _init_method(cls):
    """The ``__init__`` that ``dataclass(frozen=True)`` would write for ``cls``'s fields."""
    env: dict[str, Any] = {"_set": object.__setattr__, "_FACTORY": _FACTORY}
    params, body = [], []
    for f in fields(cls):
        if f.default is not MISSING:
            env[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        elif f.default_factory is not MISSING:
            env[f"_factory_{f.name}"] = f.default_factory
            params.append(f"{f.name}=_FACTORY")
            body.append(f"if {f.name} is _FACTORY: {f.name} = _factory_{f.name}()")
        else:
            params.append(f.name)
        body.append(f"_set(self, {f.name!r}, {f.name})")
    if hasattr(cls, "__post_init__"):
        body.append("self.__post_init__()")
    exec(f"def __init__(self, {', '.join(params)}):\n    " + "\n    ".join(body or ["pass"]), env)   # noqa: S102
    init = env["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


class _Factory:
    def __repr__(self):   # as dataclass shows it in a signature
        return "<factory>"


_FACTORY = _Factory()


def _frozen_setattr(self, name, value):
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self, name):
    raise FrozenInstanceError(f"cannot delete field {name!r}")


@record
class Evidence:
    """A line of the original file that supports (or contradicts) a verdict.

    ``text`` is a quote: always a substring of the original line; ``more_before``/``more_after`` say
    that the line goes on before/after it (shown as "…"). ``place`` says where the line sits for a
    reader of the document ("第一部分（三）第2段", see ``auditor.text.places``) and ``lead`` how its
    paragraph begins, so a Word user can find it without line numbers.
    """

    line: int
    text: str
    page: int | None = None
    more_before: bool = False
    more_after: bool = False
    place: str | None = None
    lead: str | None = None


@record
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


@record
class Meta:
    """What the report says about itself."""

    title: str | None
    issuer: str | None
    year: int | None
    level: str            # one of LEVELS or "unknown"
    title_line: int | None = None
    year_source: str | None = None        # title | opening | heading | signature | body | published
    level_source: str | None = None       # why, in words: "主体名称以“局”结尾", "报告自称“我镇”"
    issuer_line: int | None = None
    issuer_source: str | None = None      # title | author | opening | page | signature
    year_line: int | None = None
    level_line: int | None = None
    published: str | None = None          # YYYY-MM-DD: the page's 发布日期/发布时间, else the signature date
    published_line: int | None = None
    published_source: str | None = None   # page | signature
    signed: str | None = None             # YYYY-MM-DD: the date under the signature (or the page's 成文日期)
    signed_line: int | None = None
    signed_source: str | None = None      # signature | page


@record
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


@record
class DocumentKind:
    """What a document is (one of ``KINDS``), why, and the line that shows it."""

    id: str
    reason: str                     # e.g. "标题为“某某镇2024年依法治镇工作要点”（“要点”）"
    evidence: Evidence | None = None


@record
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


@record
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
    fail_level: str = "error"     # the gate: a failed check at or above this severity fails the report
    fail_under: float = 0.0       # the gate: a score below this fails the report
    kind: DocumentKind | None = None   # None only for results built before kinds existed
    format: str = "txt"           # what was read (auditor.read.Source.format): txt | md | docx | pdf | html
