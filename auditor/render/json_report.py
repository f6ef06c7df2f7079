"""``--format json``: the versioned JSON document (schema: auditor/schemas/report.schema.json).

Written in pieces so a batch streams: ``json_head`` (everything before the first report),
one ``json_piece`` per report (already indented as an item of ``reports``), ``JSON_SEPARATOR``
between pieces and ``JSON_TAIL``. Joined, they are exactly ``json.dumps(document, indent=2)``:
JSON strings never hold a raw line break, so indenting a piece line by line is safe.
"""
from __future__ import annotations

import json

from ..models import AuditResult
from .records import document, report_record

JSON_SEPARATOR = ",\n"
JSON_TAIL = "\n  ]\n}\n"
_EMPTY = "[]\n}"


def render_json(results: list[AuditResult], rulebook_id: str, rulebook_version: str) -> str:
    """Deterministic JSON: same input and rulebook → byte-identical output."""
    if not results:
        return json.dumps(document([], rulebook_id, rulebook_version), ensure_ascii=False, indent=2) + "\n"
    return json_head(rulebook_id, rulebook_version) + JSON_SEPARATOR.join(map(json_piece, results)) + JSON_TAIL


def json_head(rulebook_id: str, rulebook_version: str) -> str:
    """The document up to and including the ``[`` that opens ``reports``."""
    empty = json.dumps(document([], rulebook_id, rulebook_version), ensure_ascii=False, indent=2)
    return empty[: -len(_EMPTY)] + "[\n"


def json_piece(a: AuditResult) -> str:
    """One report as an item of ``reports`` (indented two levels, no trailing comma or newline)."""
    return "\n".join("    " + line for line in json.dumps(report_record(a), ensure_ascii=False, indent=2).split("\n"))
