"""Run every rule of a rulebook against one parsed report: one ``Result`` per rule, passes included."""
from __future__ import annotations

from .checks.context import Context
from .checks.outcome import Outcome
from .checks.quality import QUALITY_CHECKS, LazyTable
from .models import Result
from .rulebook.model import Rule, Rulebook

# rule type → check (the closed set of rule types); modules are imported when a rule of the type runs.
_BY_TYPE = LazyTable({
    "part": "structure.check_part",
    "order": "structure.check_order",
    "item": "items.check_item",
    "forbid": "items.check_forbid",
    "substitute": "items.check_substitute",
    "conditional": "items.check_conditional",
})


def run_rule(rule: Rule, ctx: Context) -> Outcome:
    """The outcome of one rule; a rule that does not apply is a ``skip`` with its reason."""
    reason = rule.applies_to(ctx.year, ctx.level)
    if reason:
        return Outcome("skip", reason)
    if rule.type == "quality":
        return QUALITY_CHECKS[rule.check](rule, ctx)
    return _BY_TYPE[rule.type](rule, ctx)


def run_rules(ctx: Context, rulebook: Rulebook) -> tuple[Result, ...]:
    """Results in rulebook order, each stamped with its rule's id, kind, severity and basis
    (a partial result takes the rule's ``partial_severity`` where one is set)."""
    results = []
    for rule in rulebook.rules:
        outcome = run_rule(rule, ctx)
        results.append(Result(
            rule_id=rule.id, kind=rule.kind, part=rule.part, status=outcome.status,
            severity=rule.severity_of(outcome.status), title=rule.title, message=outcome.message, basis=rule.basis,
            evidence=outcome.evidence, searched=outcome.searched,
            suggestion=rule.suggestion if outcome.status in ("fail", "partial") else None,
            details=outcome.details,
        ))
    return tuple(results)
