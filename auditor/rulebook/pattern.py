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
from functools import lru_cache, wraps

from ..text.lazy import lazy_compile
from . import regex_engine

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

    __slots__ = ("source", "owner", "needs", "_key", "_compiled", "_program")

    def __init__(self, source: str, owner: str | None = None, needs: tuple | None = None,
                 program: tuple | None = None):
        self.source, self.owner = source, owner
        if needs is None:   # made afresh (a check's params): what an earlier run learnt of it, if any
            needs, stored_program = regex_engine.stored_form(source)
            program = program or stored_program
            if needs is None:
                needs = required_words(source)
                regex_engine.PROGRAMS.add(source, (needs, program))
        self.needs = needs
        self._key = owner or "re:" + source   # whose time this pattern spends
        self._compiled = None                 # compiled on first search: a cold start loads many, uses few
        self._program = program               # the compiled form (see __reduce__)

    def compiled(self):
        """The ``regex`` pattern object (raises ``regex.error`` if ``source`` does not compile).

        Built from its compiled form when one is at hand (this pattern's own, or the per-user store
        of every pattern compiled before, ``PROGRAMS``): no ``regex`` compiler needed (``engine``)."""
        if self._compiled is None:
            program = self._program or regex_engine.stored_form(self.source)[1]
            if program is not None:
                with contextlib.suppress(Exception):   # not what this engine takes: compiled below
                    self._compiled = regex_engine.engine().compile(*program)
            if self._compiled is None:
                import regex

                self._compiled = regex.compile(self.source)
                with contextlib.suppress(Exception):
                    regex_engine.PROGRAMS.add(self.source, (self.needs, self._compiled._pickled_data))
        return self._compiled

    def __reduce__(self):
        """Pickled with its compiled form (the compiled-rulebook cache, batch workers): the arguments
        ``regex`` hands its engine after compiling (what it pickles a pattern as), which load in 10 µs
        instead of compiling in 0.3 ms, without importing ``regex``'s Python half (``engine``).
        The cache key covers the ``regex`` build (``cache``)."""
        if self._program is None:
            with contextlib.suppress(Exception):   # one that does not compile is compiled (and fails) on use
                self._program = self.compiled()._pickled_data
        return Pattern, (self.source, self.owner, self.needs, self._program)

    def __eq__(self, other):
        return isinstance(other, Pattern) and (self.source, self.owner) == (other.source, other.owner)

    def __hash__(self):
        return hash((self.source, self.owner))

    def could_match(self, text: str) -> bool:
        """False when ``text`` lacks words every match holds (``required_words``): no need to compile
        the pattern, nor to start a timed search. A cold run so skips a third of the patterns it
        would otherwise compile (0.3 ms each)."""
        for words in self.needs:   # plain loops: this runs for every term on every line and scope
            for word in words:
                if word in text:
                    break
            else:
                return False
        return True

    def spans(self, text: str, limit: int) -> list[tuple[int, int]]:
        """(start, end) of up to ``limit`` non-empty matches, left to right, within the owner's time."""
        return [m.span() for m in self.finditer(text, limit)]

    def finditer(self, text: str, limit: int = 1000) -> list:
        """Up to ``limit`` non-empty matches (``regex.Match``), left to right, within the owner's time.

        Empty matches are stepped over (they locate nothing). Each search may use only the time the
        owner has left, so the sum over a report stays within ``RULE_SECONDS``; past it, [] from then on.
        """
        if not self.could_match(text):
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


_BRACES = lazy_compile(r"\{\d*,?\d*\}")   # repeat counts: {2}, {0,30}, {1,}


def required_words(source: str) -> tuple[tuple[str, ...], ...]:
    """Words a text must hold for ``source`` to match in it: one of each tuple. E.g.
    (("决策",), ("征求",), ("意见",)) for "决策[^。]{0,30}征求(?:社会|公众)?意见", and
    (("研究", "听取"), ("法治",)) for "(研究|听取)[^。]{0,20}法治". Only what every match must hold
    counts: literals, groups, repeats of at least one, alternatives that each require something,
    classes of plain characters; never lookarounds, optional parts or back-references.
    () when nothing is required, or where ``re``, whose parser this reads, may not read the pattern
    as ``regex`` does: not ``re`` syntax, a nested set ("[[:alpha:]]"), a brace that is no repeat
    (``regex``'s fuzzy "{e<=1}")."""
    if "{" in source and "{" in _BRACES.sub("", source):
        return ()
    try:
        from re import _parser as sre_parse, _constants as sre_constants  # type: ignore[attr-defined]
    except ImportError:  # Python 3.10
        import sre_constants  # type: ignore[no-redef]
        import sre_parse  # type: ignore[no-redef]
    try:
        with warnings.catch_warnings(record=True) as warned:
            warnings.simplefilter("always")
            parsed = sre_parse.parse(source)
    except Exception:  # noqa: BLE001  not re syntax: no shortcut, the engine decides
        return ()
    if warned or parsed.state.flags & (sre_constants.SRE_FLAG_IGNORECASE | sre_constants.SRE_FLAG_VERBOSE):
        return ()
    return tuple(tuple(sorted(words)) for words in _required(list(parsed), sre_constants))


def _required(items: list, c) -> list[set[str]]:
    out: list[set[str]] = []
    run = ""
    for op, arg in items:
        if op == c.LITERAL:
            run += chr(arg)
            continue
        if run:
            out.append({run})
            run = ""
        if op == c.SUBPATTERN:
            out.extend(_required(list(arg[3]), c))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and arg[0] >= 1:
            out.extend(_required(list(arg[2]), c))
        elif op == c.IN and arg and all(o == c.LITERAL for o, _ in arg):   # [省市县], or 省|市 as parsed
            out.append({chr(a) for _, a in arg})
        elif op == c.BRANCH:
            each = [_required(list(alt), c) for alt in arg[1]]
            if all(each):   # one requirement of each alternative: the fewest, longest words
                out.append(set().union(*(min(reqs, key=lambda w: (len(w), -min(map(len, w)))) for reqs in each)))
    if run:
        out.append({run})
    return out


def compile_pattern(source: str, eager: bool = True) -> Pattern:
    """Compile ``source`` (without the ``re:`` prefix) for the rule being compiled or run, if any.

    Raises ``regex.error`` (and ``OverflowError``/``RecursionError`` on absurd patterns); rulebook
    patterns are checked at load time (``regex_safety.regex_problem``) so these do not reach a run.
    ``eager=False`` leaves the compiling to the first search (for patterns already vetted).
    """
    pattern = _pattern(source, _OWNER.get())
    if eager:
        pattern.compiled()   # errors surface here, where the rule is built, not in the middle of an audit
    return pattern


@lru_cache(maxsize=4096)
def _pattern(source: str, owner: str | None) -> Pattern:
    """One ``Pattern`` per source and owner: a check that compiles its rule's ``params`` patterns on
    each report reads and compiles them once."""
    return Pattern(source, owner)


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
