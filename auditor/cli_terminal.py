"""The console around ``audit check``: colour, width and the progress bar of a batch on stderr."""
from __future__ import annotations

import codecs
import contextlib
import os
import sys

PROGRESS_MIN_FILES = 8   # fewer files finish before a progress bar would be worth drawing


def use_color(flag: bool | None, is_tty: bool, environ=os.environ) -> bool:
    """``--color``/``--no-color`` first; then ``NO_COLOR`` (no-color.org) and ``FORCE_COLOR``
    (force-color.org), each counting when set and not empty, ``NO_COLOR`` winning; then a terminal
    that is not ``TERM=dumb``."""
    if flag is not None:
        return flag
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    return is_tty and environ.get("TERM") != "dumb"


def terminal_width(width: int | None) -> int:
    """``--width``, else ``COLUMNS`` (honoured when piped too), else the terminal's columns; 100 when
    nothing says otherwise. The columns half of ``shutil.get_terminal_size``, whose module imports
    the compression libraries (2 ms of a cold start)."""
    if width:
        return width
    with contextlib.suppress(ValueError):
        if int(os.environ.get("COLUMNS", "")) > 0:
            return int(os.environ["COLUMNS"])
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 100
    except (AttributeError, ValueError, OSError):
        return 100


def stdout_encoding() -> str | None:
    """The encoding the report reaches standard output in (GBK when a Chinese Windows redirects it),
    or None without one; renderers that pad columns substitute for it first (``display``)."""
    encoding = getattr(sys.stdout, "encoding", None)
    with contextlib.suppress(LookupError, TypeError):
        if codecs.lookup(encoding).name == "ascii":   # click takes a stream that claims ASCII as misconfigured
            return "utf-8"                            # and writes UTF-8 to it
    return encoding


@contextlib.contextmanager
def progress(total: int):
    """A progress bar on stderr for a batch of many files when stderr is a terminal; else nothing."""
    if total < PROGRESS_MIN_FILES or sys.stderr is None or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn("审查中"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("audit", total=total)
        yield lambda: bar.advance(task)
