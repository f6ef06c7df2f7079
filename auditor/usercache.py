"""The per-user cache folder: compiled rulebooks, compiled module regexes, validated rulebook digests.

Everything in it can be rebuilt; entries are pickles or markers written by this package for this user
(the same trust as the user's own files). ``AUDITOR_NO_CACHE`` (any value) turns every cache off.
A pickled entry (``write_entry``) carries a mark, a SHA-256 digest of its bytes and the tag it was
written for, so a file that is damaged, truncated, written by another program or for another key
reads as no entry (``read_entry``): it is rebuilt, never used.

Paths here are strings (``os.path``): every run reads this cache, and ``pathlib`` (with the
``urllib.parse`` and ``ipaddress`` it imports) costs a cold start about 4 ms (``bench/cold.py``).
"""
from __future__ import annotations

import contextlib
import os

_MARK = b"auditor-cache-1\n"
_DIGEST = 32   # bytes of a SHA-256 digest


def cache_root() -> str | None:
    """``$XDG_CACHE_HOME/auditor`` (default ``~/.cache/auditor``), or None when caching is off."""
    if os.environ.get("AUDITOR_NO_CACHE"):
        return None
    root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(root, "auditor")


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename (raises ``OSError``; the
    temporary file is removed when the write fails)."""
    path = os.fspath(path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = f"{os.path.splitext(path)[0]}.{os.getpid()}.tmp"
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_entry(path: str | os.PathLike, tag: str, value) -> None:
    """Store ``value`` at ``path`` for ``tag`` (see ``read_entry``); raises ``OSError`` or a pickling error."""
    import hashlib
    import pickle

    data = pickle.dumps((tag, value), protocol=pickle.HIGHEST_PROTOCOL)
    write_atomic(path, _MARK + hashlib.sha256(data).digest() + data)


def read_entry(path: str | os.PathLike, tag: str):
    """The value ``write_entry(path, tag, value)`` stored, or None: no file, an unreadable one, one
    without the mark, with bytes that do not match its digest, or written for another tag."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:
        return None
    import hashlib

    try:   # the C unpickler alone: pickle.py, its wrapper, adds about 1 ms to every cold start (bench/cold.py)
        from _pickle import loads
    except ImportError:   # an interpreter without it
        from pickle import loads

    start = len(_MARK) + _DIGEST
    if not data.startswith(_MARK) or hashlib.sha256(data[start:]).digest() != data[len(_MARK):start]:
        return None
    try:
        stored_tag, value = loads(data[start:])   # noqa: S301  our own entry, checked above
    except Exception:  # noqa: BLE001  classes renamed since it was written, or any other surprise
        return None
    return value if stored_tag == tag else None


class Store:
    """Compiled forms kept across runs for one engine build: a dict in ``<cache>/<folder>/<tag>.pickle``.

    ``tag()`` names the build the entries are for (called on first use, so a run that needs no entry
    pays nothing); a file written for another tag, damaged or foreign holds no entry (``read_entry``).
    Entries this process ``add``s are merged into the file at exit, atomically; past ``limit``
    entries (patterns edited over many versions) the file starts again from this run's.
    """

    def __init__(self, folder: str, tag, limit: int = 2000):
        self.folder, self._tag, self.limit = folder, tag, limit
        self.entries: dict | None = None   # read on first use
        self.added: dict = {}

    def path(self) -> str | None:
        """Where the entries live, or None when caching is off."""
        root = cache_root()
        return None if root is None else os.path.join(root, self.folder, f"{self._tag()}.pickle")

    def read(self) -> dict | None:
        """The stored entries (read once), or None when caching is off."""
        if self.entries is None:
            path = self.path()
            if path is None:
                return None
            stored = read_entry(path, _stem(path))
            self.entries = stored if isinstance(stored, dict) else {}
        return self.entries

    def get(self, key):
        """The entry for ``key``, or None (none stored, or caching is off)."""
        entries = self.read()
        return None if entries is None else entries.get(key)

    def add(self, key, value) -> None:
        """Keep ``value`` for ``key``, written at exit (nothing when caching is off)."""
        if self.read() is None:
            return
        if not self.added:
            import atexit

            atexit.register(self.save)
        self.added[key] = value

    def save(self) -> None:
        """Merge what this process added into the file (skipped if it cannot be written)."""
        path, stored = self.path(), self.read()
        if path is None or stored is None or not self.added:
            return
        merged = {**stored, **self.added} if len(stored) < self.limit else dict(self.added)
        try:
            write_entry(path, _stem(path), merged)
        except Exception:  # noqa: BLE001  read-only home, full disk: the next run compiles again
            pass


def _stem(path: str) -> str:
    """The file name without its suffix: a store's tag."""
    return os.path.splitext(os.path.basename(path))[0]
