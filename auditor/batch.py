"""Audit many files: expand directories, keep going past unreadable files, optionally in parallel."""
from __future__ import annotations

import os
from dataclasses import dataclass

from .api import audit_source
from .errors import AuditorError, InputError
from .gatekeeping import Policy, apply_policy
from .models import AuditResult
from .read import SUFFIXES, read_path
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
               workers: int = 1, progress=None, policy: Policy | None = None) -> list[AuditResult | Failure]:
    """Audit every path; results keep the input order whatever the number of workers.

    ``options`` go to ``audit_source`` (plus ``previous_path``); ``policy`` (select/ignore, waivers,
    gate) is applied to each result where the report text is at hand; ``progress`` is called once
    per finished file. Standard input (``-``) can only be read by this process, so it runs serially.
    """
    if workers <= 1 or len(paths) < 4 or "-" in paths:
        out = []
        for path in paths:
            out.append(audit_one(path, rulebook, options, policy))
            if progress:
                progress()
        return out
    chunk = max(1, len(paths) // (workers * 8))
    n = len(paths)
    from concurrent.futures import ProcessPoolExecutor   # only here: importing it costs a one-file run ~15 ms

    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(rulebook_ref,)) as pool:
        out = []
        for item in pool.map(_worker_one, paths, [options] * n, [policy] * n, chunksize=chunk):
            out.append(item)
            if progress:
                progress()
        return out


def audit_one(path: str, rulebook: Rulebook, options: dict, policy: Policy | None = None) -> AuditResult | Failure:
    """Audit one file, or say in one line why it could not be audited."""
    options = dict(options)
    previous_path = options.pop("previous_path", None)
    try:
        source = read_path(path)
        previous = read_path(previous_path).text if previous_path else None
        result = audit_source(source, rulebook, previous=previous, **options)
        if policy is None:   # no project policy: the gate stays as ``options`` set it
            policy = Policy(fail_level=options.get("fail_level", "error"), fail_under=options.get("fail_under", 0.0))
        return apply_policy(result, policy, rulebook, source.text, source.directives)
    except AuditorError as exc:
        return Failure(path, str(exc))


_WORKER_RULEBOOK: Rulebook | None = None


def _init_worker(ref: str | None) -> None:
    global _WORKER_RULEBOOK
    _WORKER_RULEBOOK = load_rulebook(ref)


def _worker_one(path: str, options: dict, policy: Policy | None) -> AuditResult | Failure:
    return audit_one(path, _WORKER_RULEBOOK, options, policy)
