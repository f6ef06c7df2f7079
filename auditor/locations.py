"""File paths as CI systems place them: relative to the repository root, forward slashes, no ``./``.

GitHub code scanning, workflow annotations and GitLab Code Quality all resolve a finding's path
against the root of the checkout, not against the folder the tool ran in; a run from ``drafts/``
that writes ``2024.txt`` would point nowhere. The root is the nearest folder above the working
directory holding ``.git`` (a folder, or a file in a worktree or submodule) — what
``git rev-parse --show-toplevel`` prints, found without running git — or the one given.
"""
from __future__ import annotations

import os
from dataclasses import replace

STDIN = "<stdin>"


def find_repo_root(start: str | os.PathLike) -> str | None:
    """The nearest folder at or above ``start`` that holds ``.git``, or ``None`` (a string: every run
    asks, and ``os.path`` spares it importing ``pathlib``)."""
    folder = os.path.abspath(start)
    while True:
        if os.path.exists(os.path.join(folder, ".git")):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def ci_root(given: str | None = None, cwd: str | None = None) -> str | None:
    """The folder CI paths are relative to: ``given`` (``--root``), else the repository of ``cwd``."""
    return os.path.abspath(given) if given else find_repo_root(cwd or os.getcwd())


def repo_path(path: str, root: str | os.PathLike | None, cwd: str | None = None) -> str:
    """``path`` relative to ``root`` in POSIX form; absolute when it lies outside ``root``.

    Without a root the path stays relative to the working directory, only normalised
    (``./a/../b.txt`` → ``b.txt``). Standard input keeps its name.
    """
    from pathlib import Path, PurePosixPath   # here: only CI formats ask

    if path in (STDIN, "-"):
        return STDIN
    cwd = cwd or os.getcwd()
    absolute = os.path.realpath(os.path.join(cwd, path))
    base = os.path.realpath(root if root is not None else cwd)
    relative = os.path.relpath(absolute, base) if _same_drive(absolute, base) else None
    if relative is None or relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return Path(absolute).as_posix()
    return PurePosixPath(*Path(relative).parts).as_posix()


def with_repo_paths(audited: list, failures: list, root: str | os.PathLike | None, cwd: str | None = None):
    """Copies of ``audited`` results and ``failures`` whose ``path`` is :func:`repo_path`."""
    def move(item):
        return replace(item, path=repo_path(item.path, root, cwd))
    return [move(a) for a in audited], [move(f) for f in failures]


def _same_drive(a: str, b: str) -> bool:
    return os.path.splitdrive(a)[0].lower() == os.path.splitdrive(b)[0].lower()
