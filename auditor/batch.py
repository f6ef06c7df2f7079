"""Audit many files: expand directories, keep going past unreadable files, stream results in input order.

Workers do the whole per-file job — read, audit, apply the policy and *encode* (an ``encode``
function given by the caller turns each result into what the outputs need) — and the parent only
receives those encoded items in input order. Nothing is kept per report here, so memory stays flat
in the number of files; the same ``encode`` runs in-process for ``-j 1``, so output bytes do not
depend on the number of workers.

Workers never outlive the run: they ignore Ctrl-C (the parent handles it), the parent terminates
and reaps them when it is interrupted or fails (or stops reading the stream), and a worker whose
parent died exits on its own.
"""
from __future__ import annotations

import os
import signal
import threading
import time
from dataclasses import field, replace
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

from .api import audit_source
from .errors import AuditorError, InputError
from .gatekeeping import Policy, apply_policy
from .models import AuditResult, record
from .read import SUFFIXES, read_path
from .rulebook.loader import load_rulebook
from .rulebook.model import Rulebook

if TYPE_CHECKING:   # --previous-dir only: imported where used
    from .previous import PreviousIndex

PARALLEL_MIN_FILES = 4   # fewer files finish before worker processes would have started
WINDOW_PER_WORKER = 4    # chunks in flight per worker: enough to keep them busy, few enough to bound memory


@record
class Failure:
    """A file that could not be audited, with the one-line reason."""

    path: str
    message: str


@record
class Job:
    """What every file of a batch is audited with; sent once to each worker process.

    ``options`` go to ``audit_source`` (``previous_path`` names one previous-year report for
    every file); ``previous`` pairs each file with its issuer's report of the year before;
    ``encode(result, text, position)`` turns a finished result into what the caller wants back
    (default: the result itself); ``position`` is the file's 1-based place in the input."""

    rulebook_ref: str | None
    options: dict = field(default_factory=dict)
    policy: Policy | None = None
    encode: Callable[[AuditResult, str, int], Any] | None = None
    previous: PreviousIndex | None = None


def collect_paths(paths: list[str]) -> list[str]:
    """Files as given, directories expanded (recursively, sorted) to files with report suffixes."""
    out: list[str] = []
    for path in paths:
        if path != "-" and os.path.isdir(path):
            found = []
            for root, dirs, files in os.walk(path, onerror=_unreadable):   # never follows symlinked folders
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(os.path.join(root, f) for f in sorted(files)
                             if f.lower().endswith(SUFFIXES) and not f.startswith("."))
            if not found:
                raise InputError(path, "目录中没有可审查的报告文件", "支持 " + " ".join(SUFFIXES))
            out.extend(found)
        else:
            out.append(path)
    return out


def audit_stream(paths: list[str], rulebook: Rulebook, job: Job, workers: int = 1) -> Iterator[Any]:
    """Yield, in input order, ``job.encode(result, text, position)`` for each audited file or a ``Failure``.

    Standard input (``-``) can only be read by this process, so a batch containing it runs serially.
    """
    if workers <= 1 or len(paths) < PARALLEL_MIN_FILES or "-" in paths:
        for position, path in enumerate(paths, 1):
            yield _run(path, rulebook, job, position)
        return
    yield from ordered_map(_worker_run, list(enumerate(paths, 1)), workers, _init_worker, (job,))


def audit_many(paths: list[str], rulebook: Rulebook, rulebook_ref: str | None, options: dict,
               workers: int = 1, progress=None, policy: Policy | None = None) -> list[AuditResult | Failure]:
    """Every result (or ``Failure``) as a list, in input order; ``progress`` is called once per file."""
    out = []
    for item in audit_stream(paths, rulebook, Job(rulebook_ref, options, policy), workers):
        out.append(item)
        if progress:
            progress()
    return out


def audit_one(path: str, rulebook: Rulebook, options: dict, policy: Policy | None = None) -> AuditResult | Failure:
    """Audit one file, or say in one line why it could not be audited."""
    return _run(path, rulebook, Job(None, options, policy))


def index_previous(paths: list[str], workers: int = 1) -> PreviousIndex:
    """Describe the report files of ``--previous-dir`` (``collect_paths`` of the folder) for pairing
    (unreadable ones are left out)."""
    from .previous import PreviousIndex, describe_path

    if workers <= 1 or len(paths) < PARALLEL_MIN_FILES:
        described = map(describe_path, paths)
    else:
        described = ordered_map(describe_path, paths, workers)
    return PreviousIndex(tuple(d for d in described if d is not None))


def ordered_map(function: Callable[[Any], Any], items: list, workers: int,
                initializer: Callable | None = None, initargs: tuple = ()) -> Iterator[Any]:
    """``map(function, items)`` over ``workers`` processes, yielded in input order.

    Work goes out in chunks with at most ``WINDOW_PER_WORKER`` chunks per worker in flight, so
    finished results never pile up faster than the caller consumes them.
    """
    from concurrent.futures import ProcessPoolExecutor   # only here: importing it costs a one-file run ~15 ms

    size = max(1, min(32, len(items) // (workers * 8)))
    chunks = [items[i:i + size] for i in range(0, len(items), size)]
    pool = ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(initializer, initargs))
    try:
        # submit, not map: map cancels its futures when interrupted, which races the pool's own cleanup
        pending = []
        upcoming = iter(chunks)
        for chunk in _take(upcoming, workers * WINDOW_PER_WORKER):
            pending.append(pool.submit(_map_chunk, function, chunk))
        while pending:
            done = pending.pop(0).result()
            for chunk in _take(upcoming, 1):
                pending.append(pool.submit(_map_chunk, function, chunk))
            yield from done
    except BaseException:   # Ctrl-C, SIGTERM (raised by the CLI), a worker's crash, the reader gone: no worker survives
        _stop(pool)
        raise
    pool.shutdown()


def _stop(pool) -> None:
    """Terminate the pool's workers now (not after their current files) and reap them."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        process.terminate()
    pool.shutdown(wait=False)   # not cancel_futures: the pool fails them itself (cancelling races it)
    for process in processes:
        process.join(5)


def _unreadable(error: OSError) -> None:
    raise InputError(error.filename or "?", f"无法读取目录（{error.strerror or error}）")


def _take(iterator: Iterator, n: int) -> Iterable:
    for _ in range(n):
        item = next(iterator, None)
        if item is None:
            return
        yield item


def _map_chunk(function, chunk: list) -> list:
    return [function(item) for item in chunk]


def _run(path: str, rulebook: Rulebook, job: Job, position: int = 1):
    options = dict(job.options)
    previous_path = options.pop("previous_path", None)
    try:
        source = read_path(path)
        note = None
        if job.previous is not None:
            previous_path, note = job.previous.match(source.text, options.get("year"))
        previous = read_path(previous_path).text if previous_path else None
        result = audit_source(source, rulebook, previous=previous, **options)
        # No project policy: the gate stays as ``options`` set it; in-document directives still apply.
        policy = job.policy or Policy(fail_level=options.get("fail_level", "error"),
                                      fail_under=options.get("fail_under", 0.0))
        result = apply_policy(result, policy, rulebook, source.text, source.directives)
    except AuditorError as exc:
        return Failure(path, str(exc))
    if note:
        result = replace(result, notes=result.notes + (note,))
    return job.encode(result, source.text, position) if job.encode else result


_WORKER: tuple[Rulebook, Job] | None = None


def _start_worker(initializer: Callable | None, initargs: tuple) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)    # Ctrl-C reaches the whole process group: the parent acts
    signal.signal(signal.SIGTERM, signal.SIG_DFL)   # a forked worker inherits the CLI's handler otherwise
    parent = os.getppid()
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    if initializer is not None:
        initializer(*initargs)


def _exit_with_parent(parent: int) -> None:
    """A worker whose parent died (even by SIGKILL) is adopted by another process: then it exits."""
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


def _init_worker(job: Job) -> None:
    global _WORKER
    _WORKER = (load_rulebook(job.rulebook_ref), job)


def _worker_run(task: tuple[int, str]):
    position, path = task
    return _run(path, *_WORKER, position)
