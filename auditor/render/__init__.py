"""Renderers: pure functions from results to strings. Only the CLI imports this package."""
from __future__ import annotations

from typing import Callable

from ..models import AuditResult
from ..rulebook.model import Rulebook
from .json_report import render_json

Renderer = Callable[[list[AuditResult], Rulebook], str]


def _json(results: list[AuditResult], rulebook: Rulebook) -> str:
    return render_json(results, rulebook.id, rulebook.version)


# name → renderer for every machine format; "rich" (the terminal report) is handled by the CLI.
RENDERERS: dict[str, Renderer] = {"json": _json}
