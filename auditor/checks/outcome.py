"""What a check returns: a status, a message and its evidence. The engine stamps the rule."""
from __future__ import annotations

from dataclasses import field
from typing import Any

from ..models import Evidence, record


@record
class Outcome:
    """A check's verdict before the engine turns it into a ``Result``; its evidence holds each line once
    (the first quote of a line is kept)."""

    status: str                       # pass | partial | fail | skip
    message: str
    evidence: tuple[Evidence, ...] = ()
    searched: str | None = None
    details: tuple[tuple[str, Any], ...] = field(default=())

    def __post_init__(self):
        seen: set[int] = set()
        unique = tuple(e for e in self.evidence if not (e.line in seen or seen.add(e.line)))
        if len(unique) < len(self.evidence):
            object.__setattr__(self, "evidence", unique)
