"""Audit many files: expand directories, keep going past unreadable files, optionally in parallel."""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from .api import audit_file
from .errors import AuditorError, InputError
from .models import AuditResult
from .read import SUFFIXES
from .rulebook.loader import load_rulebook
from .rulebook.model import Rulebook


@dataclass(frozen=True)
class Failure:
    """A file that could not be audited, with the one-line reason."""

    path: str
    message: str


def collect_paths(paths: list[str]) -> list[str]:
    """Files as given, directories expanded (recursively, sorted) to files with report suffixes."""
    out: list[str] = []
    for path in paths:
        if path != "-" and os.path.isdir(path):
            found = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(os.path.join(root, f) for f in sorted(files)
                             if f.lower().endswith(SUFFIXES) and not f.startswith("."))
            if not found:
                raise InputError(path, "目录中没有可审查的报告文件", "支持 " + " ".join(SUFFIXES))
            out.extend(found)
        else:
            out.append(path)
    return out


def audit_many(paths: list[str], rulebook: Rulebook, rulebook_ref: str | None, options: dict,
               workers: int = 1, progress=None) -> list[AuditResult | Failure]:
    """Audit every path; results keep the input order whatever the number of workers."""
    if workers <= 1 or len(paths) < 4:
        out = []
        for path in paths:
            out.append(_one(path, rulebook, options))
            if progress:
                progress()
        return out
    chunk = max(1, len(paths) // (workers * 8))
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(rulebook_ref,)) as pool:
        out = []
        for item in pool.map(_worker_one, paths, [options] * len(paths), chunksize=chunk):
            out.append(item)
            if progress:
                progress()
        return out


def _one(path: str, rulebook: Rulebook, options: dict) -> AuditResult | Failure:
    try:
        return audit_file(path, rulebook, **options)
    except AuditorError as exc:
        return Failure(path, str(exc))


_WORKER_RULEBOOK: Rulebook | None = None


def _init_worker(ref: str | None) -> None:
    global _WORKER_RULEBOOK
    _WORKER_RULEBOOK = load_rulebook(ref)


def _worker_one(path: str, options: dict) -> AuditResult | Failure:
    return _one(path, _WORKER_RULEBOOK, options)
