"""The project's policy on a finished audit: select/ignore checks, apply waivers, re-score, re-gate.

Nothing disappears: a check left out by ``select``/``ignore`` becomes ``skip`` with the reason, and a
waived check keeps its status with ``waived`` set to the waiver's reason. Both leave the score and
the gate, which are recomputed here with the policy's ``fail_level`` and ``fail_under``.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from .models import AuditResult, Result
from .rulebook.model import Rulebook
from .scoring import gate, score
from .config import ConfigError
from .waivers import Waiver, load_waivers, selector_matches, waiver_for


@dataclass(frozen=True)
class Policy:
    """What the project decided: which checks count, which gaps are accepted, when the gate fails."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    waivers: tuple[Waiver, ...] = ()
    fail_level: str = "error"
    fail_under: float = 0.0
    select_source: str = "配置"   # where select came from, quoted in the skip reason
    ignore_source: str = "配置"


def build_policy(settings, rulebook: Rulebook, today: dt.date | None = None) -> Policy:
    """A ``Policy`` from effective ``Settings`` (see ``auditor.config``), checked against ``rulebook``.

    A select/ignore entry that names no check of the rulebook is an error (a typo would otherwise
    silently audit everything, or nothing); so is a bad or expired waiver.
    """
    ids = [r.id for r in rulebook.rules]
    for key in ("select", "ignore"):
        for selector in getattr(settings, key):
            if not any(selector_matches(selector, rid) for rid in ids):
                raise ConfigError(f"{settings.origin(key)}: {key}: 规则集 {rulebook.id} 中没有检查项 {selector}"
                                  "（用 audit rules list 查看全部编号）")
    waivers = load_waivers(settings.waivers, ids, today) if settings.waivers else ()
    return Policy(settings.select, settings.ignore, waivers, settings.fail_level, settings.fail_under,
                  settings.origin("select"), settings.origin("ignore"))


def apply_policy(audit: AuditResult, policy: Policy, rulebook: Rulebook, report_text: str | None = None) -> AuditResult:
    """``audit`` with the policy applied; ``report_text`` lets ``text:`` waivers look at the whole report."""
    if not audit.is_report:
        return audit
    results = tuple(_apply(r, policy, report_text) for r in audit.results)
    value = score(results, {r.id: r.weight for r in rulebook.rules})
    return replace(audit, results=results, score=value,
                   passed=gate(results, value, policy.fail_level, policy.fail_under))


def _apply(r: Result, policy: Policy, report_text: str | None) -> Result:
    if policy.select and not any(selector_matches(s, r.rule_id) for s in policy.select):
        return _left_out(r, f"未在 select 中选中（{policy.select_source}），本次不审查")
    hit = next((s for s in policy.ignore if selector_matches(s, r.rule_id)), None)
    if hit:
        return _left_out(r, f"按 ignore: {hit} 不审查（{policy.ignore_source}）")
    waiver = waiver_for(r, policy.waivers, report_text)
    return replace(r, waived=waiver.label()) if waiver else r


def _left_out(r: Result, reason: str) -> Result:
    return replace(r, status="skip", message=reason, evidence=(), suggestion=None, waived=None)


def unused_waivers(policy: Policy, used: set[str]) -> list[Waiver]:
    """Waivers that covered no failed or partial check in any audited report: stale entries to remove.

    ``used`` holds the ``waived`` labels found on the results of the run."""
    return [w for w in policy.waivers if w.label() not in used]
