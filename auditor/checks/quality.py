"""The ``quality`` rule type: named analyses a keyword list cannot express.

``QUALITY_CHECKS`` maps a rule's ``check:`` name to the function that runs it; the set is
closed and lives in code (rules choose among them, they cannot add one).
"""
from __future__ import annotations

from typing import Callable

from ..rulebook.model import Rule
from .context import Context
from .outcome import Outcome

QualityCheck = Callable[[Rule, Context], Outcome]

QUALITY_CHECKS: dict[str, QualityCheck] = {}
