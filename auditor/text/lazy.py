"""Regexes compiled on first use, and compiled once per user: a cold ``audit check`` compiles nothing.

``re.compile`` costs 0.2–3 ms a pattern on the project's machine (parsing, then optimising character
sets in Python); a cold JSON audit reaches about 70 of the package's module-level patterns, 22 ms of
compiling. Two things cut that: a pattern compiles only when a method is first asked of it
(``LazyPattern``), and the compiler's output is kept in the per-user cache (``usercache``), so later
processes hand it straight to ``_sre.compile``, which is what ``re.compile`` ends with. A stored
entry is used only by the interpreter build that made it (key: ``sys.version`` and the engine's
``MAGIC``), and an entry is stored only after the pattern it rebuilds compared equal to
``re.compile``'s (``re`` patterns are equal when their compiled code is). Anything unexpected —
no cache, a damaged or foreign file, another ``re`` layout — falls back to ``re.compile``.
"""
from __future__ import annotations

import re
import sys

from ..usercache import Store



class LazyPattern:
    """Stands for ``re.compile(pattern, flags)``: compiles when a method (``search``, ``sub``…) is
    first asked for, then keeps that bound method as its own attribute, so later calls go straight
    to the compiled pattern."""

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str):   # only reached for names not kept yet
        if name.startswith("__"):
            raise AttributeError(name)
        value = getattr(compile_stored(self.pattern, self._flags), name)
        setattr(self, name, value)
        return value


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile`` deferred to first use (see ``LazyPattern``); typed as the pattern it stands for."""
    return LazyPattern(pattern, flags)  # type: ignore[return-value]


def compile_stored(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, from the per-user store of compiled code when it holds it."""
    import _sre

    key = (pattern, int(flags))
    stored = STORE.get(key)
    if stored is not None:
        try:
            return _sre.compile(pattern, *stored)
        except Exception:  # noqa: BLE001  not what this interpreter's engine takes: compile it
            pass
    compiled = re.compile(pattern, flags)
    if STORE.read() is not None:   # caching is on: keep the compiler's output if it rebuilds this pattern
        args = _compiler_output(pattern, int(flags))
        if args is not None and _sre.compile(pattern, *args) == compiled:
            STORE.add(key, args)
    return compiled


def _compiler_output(pattern: str, flags: int) -> tuple | None:
    """The arguments ``re.compile`` passes to ``_sre.compile`` after ``pattern`` (as in CPython 3.7–3.13's
    ``re._compiler.compile``), or None where this interpreter's ``re`` is laid out otherwise."""
    try:
        try:
            from re import _compiler, _parser  # type: ignore[attr-defined]
        except ImportError:   # Python 3.10
            import sre_compile as _compiler  # type: ignore[no-redef]
            import sre_parse as _parser  # type: ignore[no-redef]
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        state = parsed.state
        indexgroup = [None] * state.groups
        for name, index in state.groupdict.items():
            indexgroup[index] = name
        return flags | state.flags, list(map(int, code)), state.groups - 1, dict(state.groupdict), tuple(indexgroup)
    except Exception:  # noqa: BLE001
        return None


def _engine_build() -> str:
    """This interpreter's ``re`` engine build: the store's tag."""
    import _sre
    import hashlib

    return hashlib.sha256(f"{sys.version}\0{_sre.MAGIC}\0{_sre.CODESIZE}".encode()).hexdigest()[:16]


STORE = Store("regexes", _engine_build)   # (pattern, flags) → the rest of _sre.compile's arguments
