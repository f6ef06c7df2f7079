"""The project's policy on a finished audit: select/ignore checks, apply waivers, re-score, re-gate.

Nothing disappears: a check left out by ``select``/``ignore`` becomes ``skip`` with the reason, and a
waived check keeps its status with ``waived`` set to the waiver's reason. Both leave the score and
the gate, which are recomputed here with the policy's ``fail_level`` and ``fail_under``.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

from .models import AuditResult, Result, record
from .rulebook.model import Rulebook
from .scoring import gate, score
from .closest import did_you_mean
from .config import ConfigError
from .suppressions import suppressions
from .waivers import Waiver, load_waivers, placeholder_warnings, selector_matches, waiver_for


@record
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
                hint = did_you_mean(selector, ids)
                raise ConfigError(f"{settings.origin(key)}: {key}: 规则集 {rulebook.id} 中没有检查项 {selector}"
                                  + (f"，{hint}" if hint else "") + "（用 audit rules list 查看全部编号）")
    waivers = load_waivers(settings.waivers, ids, today) if settings.waivers else ()
    return Policy(settings.select, settings.ignore, waivers, settings.fail_level, settings.fail_under,
                  settings.origin("select"), settings.origin("ignore"))


def apply_policy(audit: AuditResult, policy: Policy, rulebook: Rulebook, report_text: str | None = None,
                 directives=()) -> AuditResult:
    """``audit`` with the policy applied; ``report_text`` lets ``text:`` waivers look at the whole report.

    ``directives`` are the report's own suppressions (``Source.directives``, see ``auditor.suppressions``):
    they waive their checks in this report only, after the waiver file; one that cannot be used (no
    such check, no reason) waives nothing and is a note on the report.
    """
    if not audit.is_report:
        return audit
    in_document, unusable = suppressions(directives, [r.id for r in rulebook.rules], audit.path)
    if in_document:
        policy = replace(policy, waivers=policy.waivers + in_document)
    results = tuple(_apply(r, policy, report_text, audit.path) for r in audit.results)
    value = score(results, {r.id: r.weight for r in rulebook.rules})
    used = {r.waived for r in results if r.waived}
    notes = unusable + tuple(f"{w.where}的文内豁免（{w.check}）没有用上：该检查项没有不符合，可以删除" for w in in_document
                  if w.label() not in used)
    notes += tuple(placeholder_warnings(in_document, "的文内豁免"))
    return replace(audit, results=results, score=value, fail_level=policy.fail_level, fail_under=policy.fail_under,
                   passed=gate(results, value, policy.fail_level, policy.fail_under), notes=audit.notes + notes)


def _apply(r: Result, policy: Policy, report_text: str | None, report_path: str) -> Result:
    if policy.select and not any(selector_matches(s, r.rule_id) for s in policy.select):
        return _left_out(r, f"未在 select 中选中（{policy.select_source}），本次不审查")
    hit = next((s for s in policy.ignore if selector_matches(s, r.rule_id)), None)
    if hit:
        return _left_out(r, f"按 ignore: {hit} 不审查（{policy.ignore_source}）")
    waiver = waiver_for(r, policy.waivers, report_text, report_path)
    return replace(r, waived=waiver.label()) if waiver else r


def _left_out(r: Result, reason: str) -> Result:
    return replace(r, status="skip", message=reason, evidence=(), suggestion=None, waived=None)


def unused_waivers(policy: Policy, used: set[str]) -> list[Waiver]:
    """Waivers that covered no failed or partial check in any audited report: stale entries to remove.

    ``used`` holds the ``waived`` labels found on the results of the run."""
    return [w for w in policy.waivers if w.label() not in used]
