"""Run every rule of a rulebook against one parsed report: one ``Result`` per rule, passes included.

A rule that cannot finish — its patterns ran out of time (``rulebook.pattern``) or its check raised,
e.g. on a custom rulebook's ``params`` of the wrong type — gets status ``error`` (规则出错) with the
reason, and the other rules run as usual. ``AUDITOR_DEBUG=1`` lets such an exception through instead.
"""
from __future__ import annotations

import os

from .checks.context import Context
from .checks.outcome import Outcome
from .checks.quality import QUALITY_CHECKS, LazyTable
from .models import Result
from .rulebook.model import Rule, Rulebook
from .rulebook.pattern import RULE_SECONDS, owned_by

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
        with owned_by(rule.id) as watch:
            try:
                outcome = run_rule(rule, ctx)
            except Exception as exc:  # noqa: BLE001  e.g. a rulebook's params of the wrong type: this rule only
                if os.environ.get("AUDITOR_DEBUG"):
                    raise
                outcome = Outcome("error", f"规则无法运行（{type(exc).__name__}: {exc}），本项未能审查（规则出错）；"
                                           "请检查该规则的参数（audit rules lint）")
        if watch.overrun:   # the verdict would rest on a search cut short: say so, never pass or fail
            outcome = Outcome("error", f"检索式 {watch.overrun!r} 在本报告上累计运行超过 {RULE_SECONDS:g} 秒，已停止，"
                                       "本项未能审查（规则出错）；请简化该正则（audit rules lint 可检查规则集）")
        results.append(Result(
            rule_id=rule.id, kind=rule.kind, part=rule.part, status=outcome.status,
            severity=rule.severity_of(outcome.status), title=rule.title, message=outcome.message, basis=rule.basis,
            evidence=outcome.evidence, searched=outcome.searched,
            suggestion=rule.suggestion if outcome.status in ("fail", "partial") else None,
            details=outcome.details,
        ))
    return tuple(results)
