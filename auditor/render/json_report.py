"""``--format json``: the versioned JSON document (schema: auditor/schemas/report.schema.json)."""
from __future__ import annotations

import json

from ..models import AuditResult
from .records import document


def render_json(results: list[AuditResult], rulebook_id: str, rulebook_version: str) -> str:
    """Deterministic JSON: same input and rulebook → byte-identical output."""
    return json.dumps(document(results, rulebook_id, rulebook_version), ensure_ascii=False, indent=2) + "\n"
