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

_STORE: dict | None = None   # (pattern, flags) → the rest of _sre.compile's arguments; loaded on first compile
_ADDED: dict = {}            # entries compiled by this process, written at exit


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
    store = _store()
    if store is None:   # caching is off
        return re.compile(pattern, flags)
    if key in store:
        try:
            return _sre.compile(pattern, *store[key])
        except Exception:  # noqa: BLE001  not what this interpreter's engine takes: compile it
            pass
    compiled = re.compile(pattern, flags)
    args = _compiler_output(pattern, int(flags))
    if args is not None and _sre.compile(pattern, *args) == compiled:
        if not _ADDED:
            import atexit

            atexit.register(_save)
        _ADDED[key] = args
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


def _path():
    """The store of this interpreter's engine, named by its build (also the tag its entries are read for)."""
    from ..usercache import cache_root

    root = cache_root()
    if root is None:
        return None
    import _sre
    import hashlib

    build = hashlib.sha256(f"{sys.version}\0{_sre.MAGIC}\0{_sre.CODESIZE}".encode()).hexdigest()[:16]
    return root / "regexes" / f"{build}.pickle"


def _store() -> dict | None:
    """The stored entries (read once per process), or None when caching is off. A file that is
    missing, damaged, foreign or made for another engine (``usercache.read_entry``) holds none."""
    global _STORE
    if _STORE is None:
        path = _path()
        if path is None:
            return None
        from ..usercache import read_entry

        stored = read_entry(path, path.stem)
        _STORE = stored if isinstance(stored, dict) else {}
    return _STORE


def _save() -> None:
    """Merge what this process compiled into the stored file (atomically; skipped if it cannot be written).
    Past 2,000 entries (patterns edited over many versions) it starts again from this run's."""
    from ..usercache import write_entry

    path, stored = _path(), _store()
    if path is None or stored is None or not _ADDED:
        return
    merged = {**stored, **_ADDED} if len(stored) < 2000 else dict(_ADDED)
    try:
        write_entry(path, path.stem, merged)
    except Exception:  # noqa: BLE001  read-only home, full disk: the next run compiles again
        pass
