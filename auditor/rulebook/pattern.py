"""Rulebook regexes (``re:`` terms) run with a time bound: each rule gets ``RULE_SECONDS`` of matching per report.

A rulebook comes from users, and a regex that backtracks catastrophically can run for hours on one
report. The guard (``regex_safety``) refuses at load time what it can prove dangerous; this module
bounds the rest. Patterns run on the ``regex`` package, whose ``timeout`` is checked inside the
matcher (the standard ``re`` cannot be interrupted). Its syntax and results are those of ``re`` for
the patterns rulebooks use (same spans on the seeds and the corpus), and it is faster on them thanks
to its literal prefilters: ``bench/patterns.py`` measures both.

Time is charged to the rule that owns the pattern (the rule being compiled, or being run, when the
pattern was compiled), wherever the pattern runs — part detection included — and summed over one
report (``per_report``). Once a rule has used its time, its patterns find nothing more in that
report and ``overrun(rule_id)`` says which pattern ran out; the engine then reports that rule with
status ``error`` (规则出错) and the rest of the audit goes on.
"""
from __future__ import annotations

import contextlib
import time
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import wraps

# Documented in the README (限制). Measured: a whole 7.3 MB report (400 seeds joined) costs the slowest
# shipped rule 0.17 s of matching, so a legitimate rule stays far below; a hostile rulebook of n rules
# adds at most n × 2 s per report.
RULE_SECONDS = 2.0


@dataclass
class Clock:
    """Matching time used per owner (a rule id, or the pattern itself when it has none) in one report."""

    used: dict[str, float] = field(default_factory=dict)
    overruns: dict[str, str] = field(default_factory=dict)   # owner → the pattern that ran out of time
    trips: int = 0                                           # overruns so far, for "did one happen here"


_CLOCK: ContextVar[Clock | None] = ContextVar("auditor_pattern_clock", default=None)
_OWNER: ContextVar[str | None] = ContextVar("auditor_pattern_owner", default=None)
_PROCESS_CLOCK = Clock()   # outside ``per_report`` (library calls, ``audit explain``): one clock per process


class Pattern:
    """A compiled rulebook regex that knows which rule pays for its time."""

    __slots__ = ("source", "owner", "_compiled")

    def __init__(self, source: str, owner: str | None = None):
        import regex

        self.source, self.owner = source, owner
        self._compiled = regex.compile(source)

    def __reduce__(self):   # pickled by source (the compiled-rulebook cache), recompiled on load
        return Pattern, (self.source, self.owner)

    def __eq__(self, other):
        return isinstance(other, Pattern) and (self.source, self.owner) == (other.source, other.owner)

    def __hash__(self):
        return hash((self.source, self.owner))

    def spans(self, text: str, limit: int) -> list[tuple[int, int]]:
        """(start, end) of up to ``limit`` non-empty matches, left to right, within the owner's time."""
        return [m.span() for m in self.finditer(text, limit)]

    def finditer(self, text: str, limit: int = 1000) -> list:
        """Up to ``limit`` non-empty matches (``regex.Match``), left to right, within the owner's time.

        Empty matches are stepped over (they locate nothing). Each search gets the time the owner
        has left, so the sum over a report never exceeds ``RULE_SECONDS``; past it, [] from then on.
        """
        clock = _CLOCK.get() or _PROCESS_CLOCK
        owner = self.owner or "re:" + self.source
        if owner in clock.overruns:
            return []
        out: list = []
        pos, start = 0, time.perf_counter()
        try:
            while len(out) < limit and pos <= len(text):
                left = RULE_SECONDS - clock.used.get(owner, 0.0) - (time.perf_counter() - start)
                if left <= 0:
                    raise TimeoutError
                m = self._compiled.search(text, pos, timeout=left)
                if m is None:
                    break
                if m.end() > m.start():
                    out.append(m)
                pos = m.end() if m.end() > m.start() else m.end() + 1
        except TimeoutError:
            clock.overruns[owner] = self.source
            clock.trips += 1
            return []
        finally:
            clock.used[owner] = clock.used.get(owner, 0.0) + time.perf_counter() - start
        return out


def compile_pattern(source: str) -> Pattern:
    """Compile ``source`` (without the ``re:`` prefix) for the rule being compiled or run, if any.

    Raises ``regex.error`` (and ``OverflowError``/``RecursionError`` on absurd patterns); rulebook
    patterns are checked at load time (``regex_safety.regex_problem``) so these do not reach a run.
    """
    return Pattern(source, _OWNER.get())


@contextlib.contextmanager
def owned_by(rule_id: str):
    """Patterns compiled inside the block are charged to ``rule_id``; yields a ``Watch`` of the block."""
    token = _OWNER.set(rule_id)
    try:
        yield Watch(rule_id, _CLOCK.get() or _PROCESS_CLOCK)
    finally:
        _OWNER.reset(token)


class Watch:
    """Whether a pattern ran out of time for one rule: ``overrun`` is that pattern, or None."""

    def __init__(self, rule_id: str, clock: Clock):
        self.rule_id, self.clock, self._trips = rule_id, clock, clock.trips

    @property
    def overrun(self) -> str | None:
        if self.rule_id in self.clock.overruns:
            return self.clock.overruns[self.rule_id]
        if self.clock.trips > self._trips:   # a pattern owned by another rule ran out while this one used it
            return next(reversed(self.clock.overruns.values()))
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
