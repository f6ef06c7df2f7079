"""Rulebook regexes (``re:`` terms) run with a time bound: each rule gets ``RULE_SECONDS`` of matching per report.

A rulebook comes from users, and a regex that backtracks catastrophically can run for hours on one
report. The guard (``regex_safety``) refuses at load time what it can prove dangerous; this module
bounds the rest. Patterns run on the ``regex`` package, whose ``timeout`` is checked inside the
matcher (the standard ``re`` cannot be interrupted). Its syntax and results are those of ``re`` for
the patterns rulebooks use (same spans on the seeds), and it is faster on them thanks to its literal
prefilters; ``bench/patterns.py`` measures both.

Time is CPU time (what ``regex`` counts), charged to the rule that owns the pattern — the rule being
compiled, or run, when the pattern was compiled — wherever the pattern runs, part detection
included, and summed over one report (``per_report``; outside one, over one ``owned_by`` block, or
else one call). Once a rule has used its time, its patterns find nothing more in that report and
``owned_by(...).overrun`` names the pattern; the engine then reports that rule with status
``error`` (规则出错) and the rest of the audit goes on.
"""
from __future__ import annotations

import contextlib
import time
import warnings
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import wraps

# Documented in the README (限制). Measured (bench/patterns.py): on a 10 MB report, the most any shipped
# rule spends matching is 0.11 s, so 2 s leaves a slow CI machine room; a hostile rulebook of n rules
# adds at most about n × 2 s of CPU per report.
RULE_SECONDS = 2.0


@dataclass
class Clock:
    """Matching time used per owner (a rule id, or the pattern itself when it has none) in one report."""

    used: dict[str, float] = field(default_factory=dict)
    overruns: dict[str, str] = field(default_factory=dict)   # owner → the pattern that ran out of time
    trips: int = 0                                           # overruns so far, for "did one happen here"


_CLOCK: ContextVar[Clock | None] = ContextVar("auditor_pattern_clock", default=None)
_OWNER: ContextVar[str | None] = ContextVar("auditor_pattern_owner", default=None)


class Pattern:
    """A compiled rulebook regex that knows which rule pays for its time."""

    __slots__ = ("source", "owner", "needle", "_key", "_compiled")

    def __init__(self, source: str, owner: str | None = None, needle: str | None = None):
        self.source, self.owner = source, owner
        self.needle = required_literal(source) if needle is None else needle
        self._key = owner or "re:" + source   # whose time this pattern spends
        self._compiled = None                 # compiled on first search: a cold start loads many, uses few

    def compiled(self):
        """The ``regex`` pattern object (raises ``regex.error`` if ``source`` does not compile)."""
        if self._compiled is None:
            import regex

            self._compiled = regex.compile(self.source)
        return self._compiled

    def __reduce__(self):   # pickled by source (the compiled-rulebook cache), recompiled on load
        return Pattern, (self.source, self.owner, self.needle)

    def __eq__(self, other):
        return isinstance(other, Pattern) and (self.source, self.owner) == (other.source, other.owner)

    def __hash__(self):
        return hash((self.source, self.owner))

    def spans(self, text: str, limit: int) -> list[tuple[int, int]]:
        """(start, end) of up to ``limit`` non-empty matches, left to right, within the owner's time."""
        return [m.span() for m in self.finditer(text, limit)]

    def finditer(self, text: str, limit: int = 1000) -> list:
        """Up to ``limit`` non-empty matches (``regex.Match``), left to right, within the owner's time.

        Empty matches are stepped over (they locate nothing). Each search may use only the time the
        owner has left, so the sum over a report stays within ``RULE_SECONDS``; past it, [] from then on.
        """
        if self.needle and self.needle not in text:   # a text without the pattern's fixed words cannot match
            return []
        clock = _CLOCK.get() or Clock()   # outside any report or rule (a bare library call): this call alone
        used = clock.used.get(self._key, 0.0)
        if self._key in clock.overruns:
            return []
        start = time.process_time()
        out: list = []
        try:
            left = RULE_SECONDS - used
            pos = 0
            while True:
                if left <= 0:   # never pass 0 or less: to regex that means "no timeout at all"
                    raise TimeoutError
                m = self.compiled().search(text, pos, timeout=left)
                if m is None:
                    break
                if m.end() > m.start():
                    out.append(m)
                    if len(out) >= limit:
                        break
                pos = m.end() if m.end() > m.start() else m.end() + 1
                if pos > len(text):
                    break
                left = RULE_SECONDS - used - (time.process_time() - start)
        except TimeoutError:
            clock.overruns[self._key] = self.source
            clock.trips += 1
            out = []
        finally:
            clock.used[self._key] = used + time.process_time() - start
        return out


def required_literal(source: str) -> str:
    """The longest run of plain characters every match must contain ("" when there is none), e.g.
    "立法" for "(?<![成确])立法(?![律人])": a ``str.find`` far cheaper than starting a timed search."""
    try:
        from re import _parser as sre_parse, _constants as sre_constants  # type: ignore[attr-defined]
    except ImportError:  # Python 3.10
        import sre_constants  # type: ignore[no-redef]
        import sre_parse  # type: ignore[no-redef]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = sre_parse.parse(source)
    except Exception:  # noqa: BLE001  not re syntax: no shortcut, the engine decides
        return ""
    if parsed.state.flags & (sre_constants.SRE_FLAG_IGNORECASE | sre_constants.SRE_FLAG_VERBOSE):
        return ""
    best = run = ""
    for op, arg in parsed:
        run = run + chr(arg) if op == sre_constants.LITERAL else ""
        best = max(best, run, key=len)
    return best


def compile_pattern(source: str, eager: bool = True) -> Pattern:
    """Compile ``source`` (without the ``re:`` prefix) for the rule being compiled or run, if any.

    Raises ``regex.error`` (and ``OverflowError``/``RecursionError`` on absurd patterns); rulebook
    patterns are checked at load time (``regex_safety.regex_problem``) so these do not reach a run.
    ``eager=False`` leaves the compiling to the first search (for patterns already vetted).
    """
    pattern = Pattern(source, _OWNER.get())
    if eager:
        pattern.compiled()   # errors surface here, where the rule is built, not in the middle of an audit
    return pattern


class owned_by:  # noqa: N801  used as a context manager, named for how it reads: ``with owned_by(rule.id)``
    """Patterns compiled inside the block are charged to ``rule_id``; after it, ``overrun`` is the
    pattern that ran out of time while the block ran (this rule's own, or one it borrowed), or None.

    A plain class, not a generator: the engine enters one per rule per report.
    """

    __slots__ = ("rule_id", "_token", "_clock", "_clock_token", "_trips")

    def __init__(self, rule_id: str):
        self.rule_id = rule_id

    def __enter__(self) -> "owned_by":
        self._token = _OWNER.set(self.rule_id)
        self._clock, self._clock_token = _CLOCK.get(), None
        if self._clock is None:   # run outside a report's audit: the rule gets its time for this block
            self._clock = Clock()
            self._clock_token = _CLOCK.set(self._clock)
        self._trips = self._clock.trips
        return self

    def __exit__(self, *exc) -> None:
        _OWNER.reset(self._token)
        if self._clock_token is not None:
            _CLOCK.reset(self._clock_token)

    @property
    def overrun(self) -> str | None:
        if self.rule_id in self._clock.overruns:
            return self._clock.overruns[self.rule_id]
        if self._clock.trips > self._trips:   # a pattern owned by another rule ran out while this one used it
            return next(reversed(self._clock.overruns.values()))
        return None


@contextlib.contextmanager
def per_report():
    """A fresh clock for the block: every rule gets ``RULE_SECONDS`` again (one report's audit)."""
    token = _CLOCK.set(Clock())
    try:
        yield
    finally:
        _CLOCK.reset(token)


def timed_per_report(func):
    """Decorator form of ``per_report`` for a function that audits one report."""
    @wraps(func)
    def run(*args, **kwargs):
        with per_report():
            return func(*args, **kwargs)
    return run
