"""Score and gate: pure functions of the results."""
from __future__ import annotations

from .models import Result

_CREDIT = {"pass": 1.0, "partial": 0.5, "fail": 0.0}
_RANK = {"info": 0, "warning": 1, "error": 2}


def score(results: tuple[Result, ...], weights: dict[str, float]) -> float:
    """Weighted share of credit over the rules that applied (skips and waivers excluded), 0–100."""
    total = earned = 0.0
    for r in results:
        if r.status == "skip" or r.waived:
            continue
        w = weights.get(r.rule_id, 1.0)
        total += w
        earned += w * _CREDIT[r.status]
    return round(100.0 * earned / total, 1) if total else 0.0


def gate(results: tuple[Result, ...], value: float, fail_level: str = "error", fail_under: float = 0.0) -> bool:
    """True when no unwaived check at or above ``fail_level`` failed and the score is high enough."""
    if any(blocks(r, fail_level) for r in results):
        return False
    return value >= fail_under


def blocks(r: Result, fail_level: str = "error") -> bool:
    """True when this one result fails the gate: an unwaived failed check at or above ``fail_level``."""
    return r.status == "fail" and not r.waived and _RANK[r.severity] >= _RANK[fail_level]


def severity_rank(severity: str) -> int:
    """error 2, warning 1, info 0 (for sorting gaps, most serious first)."""
    return _RANK[severity]
