"""Renderers: pure functions from results to strings. Only the CLI imports this package."""
from __future__ import annotations

from typing import Callable

from ..models import AuditResult
from ..rulebook.model import Rulebook
from .json_report import render_json

# (results, rulebook, failures=(), **options) -> str; ``failures`` are the files that could not be read
# (objects with ``path`` and ``message``), which formats that can carry them list as skipped;
# ``options`` are format switches a renderer may take (``junit_failures``) and the others ignore.
Renderer = Callable[..., str]


def _json(results: list[AuditResult], rulebook: Rulebook, failures=(), **options) -> str:
    return render_json(results, rulebook.id, rulebook.version)


def _lazy(module: str, function: str) -> Renderer:
    """A renderer whose module is imported on first use, so a plain terminal run imports none of them."""
    def render(results: list[AuditResult], rulebook: Rulebook, failures=(), **options) -> str:
        from importlib import import_module

        return getattr(import_module(f"{__name__}.{module}"), function)(results, rulebook, failures, **options)

    render.__doc__ = f"Render with ``{module}.{function}``."
    return render


# name → renderer for every machine format; "rich" (the terminal report) is handled by the CLI.
RENDERERS: dict[str, Renderer] = {
    "json": _json,
    "sarif": _lazy("sarif", "render_sarif"),
    "junit": _lazy("junit", "render_junit"),
    "markdown": _lazy("markdown", "render_markdown"),
    "html": _lazy("html", "render_html"),
    "csv": _lazy("csv_summary", "render_csv"),
    "github": _lazy("github", "render_github"),
    "gitlab": _lazy("gitlab", "render_gitlab"),
    "rdjson": _lazy("rdjson", "render_rdjson"),
    "jsonl": _lazy("jsonl", "render_jsonl"),
}
# Formats whose consumers resolve paths against the repository root (see auditor.locations).
REPO_PATH_FORMATS = ("sarif", "github", "gitlab", "rdjson")
