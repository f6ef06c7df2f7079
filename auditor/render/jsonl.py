"""``--format jsonl``: JSON Lines for large batches — a header line, then one report per line.

The first line is ``{"schema_version", "tool", "rulebook"}`` (the JSON document without
``reports``); every further line is one report object with exactly the schema of the ``reports``
items of ``--format json``, so a consumer can read a province's reports one line at a time.
"""
from __future__ import annotations

import json

from ..models import AuditResult
from ..rulebook.model import Rulebook
from .records import document, report_record


def render_jsonl(results: list[AuditResult], rulebook: Rulebook, failures=()) -> str:
    """Header line plus one line per audited report (unreadable files are reported on stderr only)."""
    return jsonl_head(rulebook.id, rulebook.version) + "".join(map(jsonl_piece, results))


def jsonl_head(rulebook_id: str, rulebook_version: str) -> str:
    """The header line: schema version, tool and rulebook."""
    head = document([], rulebook_id, rulebook_version)
    del head["reports"]
    return _line(head)


def jsonl_piece(a: AuditResult) -> str:
    """One report as one line."""
    return _line(report_record(a))


def _line(value: dict) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"
