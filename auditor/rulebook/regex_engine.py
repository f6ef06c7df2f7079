"""The ``regex`` engine without its compiler: patterns built from their compiled form, kept per user.

``regex`` is two halves: a Python compiler (10 ms to import) and a C engine (``_regex``) that matches,
honours ``timeout`` and builds a pattern from the compiler's output. A cold ``audit check`` needs only
the engine: the compiled rulebook carries each pattern's compiled form, and ``PROGRAMS`` keeps the
form of every other pattern a run compiled (a check's params), with its ``required_words``, for the
next run. The store is tagged with the interpreter and the engine's build, so a form is only ever
handed to the engine that made it; anything unexpected compiles with ``regex`` as usual.
"""
from __future__ import annotations

import contextlib
import os
import sys
from functools import lru_cache

from ..usercache import Store


@lru_cache(maxsize=1)   # asked for by the engine, the store's tag and the rulebook cache's key
def engine_file() -> str | None:
    """The file of the installed ``regex`` package's compiled half (its ``_regex`` extension), found
    without importing the package; None when there is no such file."""
    from importlib.machinery import EXTENSION_SUFFIXES
    from importlib.util import find_spec

    spec = find_spec("regex")
    if spec is None or not spec.origin:
        return None
    folder = os.path.dirname(spec.origin)
    return next((p for p in (os.path.join(folder, "_regex" + s) for s in EXTENSION_SUFFIXES) if os.path.isfile(p)), None)


def engine():
    """The compiled half of ``regex`` (its ``_regex`` extension), which matches, times out and builds
    patterns from their compiled form. Loaded on its own when ``regex`` is not imported yet: its
    Python half (the pattern compiler) takes 10 ms to import and a stored pattern never needs it.
    Anything unexpected imports ``regex`` as usual."""
    loaded = sys.modules.get("regex._regex")
    if loaded is not None:
        return loaded
    try:
        from importlib.machinery import ExtensionFileLoader
        from importlib.util import module_from_spec, spec_from_file_location

        path = engine_file()
        spec = spec_from_file_location("regex._regex", path, loader=ExtensionFileLoader("regex._regex", path))
        module = module_from_spec(spec)
        spec.loader.exec_module(module)
        sys.modules["regex._regex"] = module   # ``import regex`` later takes this one, not a second copy
        sys.meta_path.insert(0, _BindEngine(module))
        return module
    except Exception:  # noqa: BLE001  another layout of the package: the usual import
        import regex  # noqa: F401

        return sys.modules["regex._regex"]


class _BindEngine:
    """Makes the engine ``engine`` loaded on its own the attribute ``regex._regex`` once the package is
    imported, as it is when ``regex`` loads it: the import system binds a submodule to its package
    only when it loads the submodule itself. Acts at the package's first submodule import (its
    ``__init__`` imports ``regex._main``), when the package object exists; finds nothing itself."""

    def __init__(self, module):
        self.module = module

    def find_spec(self, name, path=None, target=None):
        package = sys.modules.get("regex")
        if package is not None and name.startswith("regex."):
            with contextlib.suppress(ValueError):   # this lookup then skips the next finder: none finds "regex.*"
                sys.meta_path.remove(self)
            if getattr(package, "_regex", None) is None:
                package._regex = self.module
        return None


def _engine_build() -> str:
    """The installed ``regex`` build (its extension's name, size and time) on this interpreter: the tag of ``PROGRAMS``."""
    import hashlib

    path = engine_file()
    stat = os.stat(path) if path else None
    build = f"{sys.version}\0{path}\0{stat and stat.st_size}\0{stat and stat.st_mtime_ns}"
    return hashlib.sha256(build.encode()).hexdigest()[:16]


# source → (its ``required_words``, the arguments ``regex`` handed its engine for it), kept per user
PROGRAMS = Store("patterns", _engine_build)


def stored_form(source: str) -> tuple:
    """(required words, compiled form or None) an earlier run stored for ``source``, or (None, None)."""
    stored = PROGRAMS.get(source)
    if isinstance(stored, tuple) and len(stored) == 2 and _are_words(stored[0]):
        return stored
    return None, None


def _are_words(needs) -> bool:
    """Is ``needs`` shaped as ``required_words`` makes it (a tuple of tuples of strings)?"""
    return isinstance(needs, tuple) and all(isinstance(w, tuple) and all(isinstance(x, str) for x in w) for w in needs)
