"""``audit explain``: what one rule looked for, where it looked, and what it found, term by term."""
from __future__ import annotations

from .api import build_context
from .batch import Failure, audit_one
from .text.matcher import Matcher, terms_matcher
from .checks.parts import classify_heading
from .engine import run_rule
from .errors import AuditorError
from .gatekeeping import Policy
from .read import read_path
from .rulebook.model import Rulebook


def explain_rule(rulebook: Rulebook, rule_id: str, path: str, year: int | None = None,
                 level: str | None = None, policy: Policy | None = None, previous_path: str | None = None) -> dict:
    """A plain dict describing the rule, its scope, every term's hits and the verdict.

    The verdict (``status``, ``message``, ``evidence``, ``waived``) is the one ``audit check`` gives
    with the same settings: the report is audited the same way and ``policy`` (select/ignore, waiver
    file, suppressions in the document) applied, so an explanation never contradicts the check it
    explains (``previous_path``: last year's report, as ``check --previous``). Raises ``AuditorError``
    when a file cannot be read.
    """
    rule = rulebook.get(rule_id)
    source = read_path(path)
    ctx = build_context(source.text, rulebook, year, level)
    outcome = run_rule(rule, ctx)
    report = {
        "rule": {"id": rule.id, "title": rule.title, "type": rule.type, "kind": rule.kind, "severity": rule.severity,
                 "basis": rule.basis, "applies": rule.applies_text()},
        "file": source.path,
        "meta": {"year": ctx.year, "level": ctx.level, "issuer": ctx.meta.issuer},
        "skipped": rule.applies_to(ctx.year, ctx.level),
        "status": outcome.status, "message": outcome.message, "searched": outcome.searched,
        "evidence": [{"line": e.line, "text": e.text} for e in outcome.evidence],
        "terms": [], "headings": [],
    }
    matchers = [("match", rule.match), ("if", rule.cond_if), ("then", rule.cond_then)]
    scope_name = rule.scope or ("work" if rule.type == "item" and rule.part == "measures" else rule.part) or "document"
    report["scope"] = ctx.where(scope_name)
    scope = ctx.scope(scope_name)
    for label, matcher in matchers:
        if matcher is None:
            continue
        groups = [("任一即可", matcher.any)] + [(f"第{i + 1}组（都需要）", g) for i, g in enumerate(matcher.all)]
        for group_label, terms in groups:
            for term in terms:
                hits = Matcher(any=(term,), not_=matcher.not_).find(scope, 20)
                report["terms"].append({
                    "block": label, "group": group_label, "term": term.source,
                    "lines": sorted({h.line for h in hits}),
                    "first": ctx.quote(hits[0].line, hits[0].start, hits[0].end).text if hits else None,
                })
    for old, new in rule.replace:
        hits = terms_matcher((old,)).find(scope, 20)
        report["terms"].append({"block": "replace", "group": f"应改为 {new}", "term": old,
                                "lines": sorted({h.line for h in hits}), "first": None})
    _agree_with_check(report, rule_id, path, rulebook, year, level, policy, previous_path)
    if rule.type == "part":
        for section in ctx.sections:
            if section.level <= 2:
                part = classify_heading(section.title, rulebook.of_type("part"))
                report["headings"].append({"line": section.line, "heading": section.marker + section.title,
                                           "level": section.level, "part": part,
                                           "this_rule": rule.heading.hits_in(section.title)})
    return report


def _agree_with_check(report: dict, rule_id: str, path: str, rulebook: Rulebook, year, level, policy,
                      previous_path) -> None:
    """Replace the verdict with the one ``audit check`` reaches for this rule under ``policy``."""
    options = {"year": year, "level": level}
    if previous_path:
        options["previous_path"] = previous_path
    if policy is not None:
        options.update(fail_level=policy.fail_level, fail_under=policy.fail_under)
    checked = audit_one(path, rulebook, options, policy)
    if isinstance(checked, Failure):
        raise AuditorError(checked.message)
    result = next((r for r in checked.results if r.rule_id == rule_id), None)
    if result is None:   # not an annual report: check lists no checks at all
        report.update(status="skip", message="；".join(checked.notes) or "不是年度报告，不逐项审查", evidence=[])
        report["skipped"] = report["message"]
        return
    report.update(status=result.status, message=result.message, waived=result.waived,
                  evidence=[{"line": e.line, "text": e.text} for e in result.evidence])
    if result.status == "skip" and not report["skipped"]:
        report["skipped"] = result.message
