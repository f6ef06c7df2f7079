"""The per-user cache folder: compiled rulebooks, compiled module regexes, validated rulebook digests.

Everything in it can be rebuilt; entries are pickles or markers written by this package for this user
(the same trust as the user's own files). ``AUDITOR_NO_CACHE`` (any value) turns every cache off.
"""
from __future__ import annotations

import os
from pathlib import Path


def cache_root() -> Path | None:
    """``$XDG_CACHE_HOME/auditor`` (default ``~/.cache/auditor``), or None when caching is off."""
    if os.environ.get("AUDITOR_NO_CACHE"):
        return None
    root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(root) / "auditor"


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename (raises ``OSError``)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
