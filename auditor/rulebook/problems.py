"""Rulebook problems: raised at once while loading, or collected for ``audit rules lint``."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import RulebookError
from ..models import record


@record
class Problem:
    """One thing wrong with a rulebook; ``code`` is stable (tests compare it), the message is for people."""

    origin: str
    where: str
    code: str
    message: str
    severity: str = "error"


@dataclass
class Problems:
    """Where loading problems go: raised at once (``collect=False``) or gathered for the linter."""

    collect: bool = False
    found: list[Problem] = field(default_factory=list)

    def add(self, origin: str, where: str, code: str, message: str, severity: str = "error") -> None:
        if not self.collect and severity == "error":
            raise RulebookError(origin, where, message)
        self.found.append(Problem(origin, where, code, message, severity))
