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
from typing import Callable

from ..usercache import cache_root, read_entry, write_entry
from .regex_engine import engine_file

_FORMAT = "1"
_KEEP = 8
_PACKAGE = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))


def cached_rulebook(name: str, rules, build: Callable[[], object]):
    """``build()``, or the entry a previous identical ``build()`` for built-in ``name`` stored.

    ``rules`` is the shipped rules folder (``loader.rules_dir``).
    """
    root = cache_root()
    if root is None:
        return build()
    try:
        key = _key(name, rules)
    except OSError:
        return build()
    path = os.path.join(root, "compiled", f"{key}.pickle")
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
    binary = engine_file()   # patterns are stored compiled, in the form this build of regex reads
    if binary:
        stat = os.stat(binary)
        digest.update(f"{os.path.basename(binary)}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
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


def _rule_files(folder, prefix: str):
    """(relative name, bytes) of every rule file under the folder ``folder``."""
    for entry in os.scandir(folder):
        if entry.is_dir():
            yield from _rule_files(entry.path, f"{prefix}{entry.name}/")
        elif entry.name.endswith((".yaml", ".yml")):
            with open(entry.path, "rb") as fh:
                yield prefix + entry.name, fh.read()


def _store(path: str, key: str, rulebook) -> None:
    """Write atomically (a temporary file, then rename); a cache that cannot be written is skipped."""
    try:
        write_entry(path, key, rulebook)
        folder = os.path.dirname(path)
        entries = sorted((os.path.join(folder, n) for n in os.listdir(folder) if n.endswith(".pickle")),
                         key=os.path.getmtime)
        for old in entries[:-_KEEP]:   # each code or rule change makes a new entry; keep the newest few
            os.unlink(old)
    except Exception:  # noqa: BLE001  unpicklable fields, read-only home, full disk: run uncached
        pass
