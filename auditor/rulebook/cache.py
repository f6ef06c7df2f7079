"""A per-user cache of compiled built-in rulebooks, so a cold ``audit check`` skips YAML, schema and compiling.

The compiled form depends on the rule files, on the code that builds it (term folding, matchers,
the ``Rule`` fields) and on the ``regex`` engine (patterns are stored compiled), so the key covers the
bytes of every shipped rule file and the size and mtime of every module of the package and of the
engine's binary: changing any of them makes a new entry. Rulebooks given by path are not
cached (they are validated once per content by the schema cache). ``AUDITOR_NO_CACHE`` turns it off.
Entries are pickles in the user's own cache directory, the same trust as the validation cache; one
that is damaged or not written for its key is ignored and rebuilt (``usercache.read_entry``).
"""
from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path
from typing import Callable

from ..usercache import cache_root, read_entry, write_entry
from .regex_engine import engine_file

_FORMAT = "1"
_KEEP = 8
_PACKAGE = Path(__file__).resolve().parents[1]


def cached_rulebook(name: str, rules, build: Callable[[], object]):
    """``build()``, or the entry a previous identical ``build()`` for built-in ``name`` stored.

    ``rules`` is the shipped rules folder (a path or an ``importlib.resources`` traversable).
    """
    root = cache_root()
    if root is None:
        return build()
    try:
        key = _key(name, rules)
    except OSError:
        return build()
    path = root / "compiled" / f"{key}.pickle"
    rulebook = read_entry(path, key)   # None: missing, damaged or not this key's entry; rebuilt
    if rulebook is None:
        rulebook = build()
        _store(path, key, rulebook)
    return rulebook


def _key(name: str, rules) -> str:
    digest = hashlib.sha256(f"{_FORMAT}\0{sys.version}\0{name}\0".encode())
    for rel, data in sorted(_rule_files(rules, "")):
        digest.update(f"{rel}\0{len(data)}\0".encode() + data)
    for module in _modules():
        stat = os.stat(os.path.join(_PACKAGE, module))
        digest.update(f"{module}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    for binary in _regex_build():   # patterns are stored compiled, in the form this build of regex reads
        stat = binary.stat()
        digest.update(f"{binary.name}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def _modules() -> list[str]:
    """The package's modules, relative paths in a fixed order (os.walk: this runs on every cold start,
    and pathlib's rglob took 8 ms of it)."""
    found = []
    for folder, dirs, files in os.walk(_PACKAGE):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        rel = os.path.relpath(folder, _PACKAGE)
        found.extend(name if rel == "." else f"{rel}/{name}" for name in files if name.endswith(".py"))
    return sorted(found)


def _regex_build() -> list[Path]:
    """The files of the installed ``regex`` package's compiled engine (found without importing it)."""
    path = engine_file()
    return [Path(path)] if path else []


def _rule_files(folder, prefix: str):
    for entry in folder.iterdir():
        if entry.is_dir():
            yield from _rule_files(entry, f"{prefix}{entry.name}/")
        elif entry.name.endswith((".yaml", ".yml")):
            yield prefix + entry.name, entry.read_bytes()


def _store(path: Path, key: str, rulebook) -> None:
    """Write atomically (a temporary file, then rename); a cache that cannot be written is skipped."""
    try:
        write_entry(path, key, rulebook)
        entries = sorted(path.parent.glob("*.pickle"), key=lambda p: p.stat().st_mtime)
        for old in entries[:-_KEEP]:   # each code or rule change makes a new entry; keep the newest few
            old.unlink()
    except Exception:  # noqa: BLE001  unpicklable fields, read-only home, full disk: run uncached
        pass
