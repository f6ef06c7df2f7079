"""What a rule's own ``examples`` mean, per rule type, so one test (and the linter) can run them all.

``examples.match`` lists texts the rule must recognise, ``examples.no_match`` texts it must not:

- ``part``: the text is a heading (marker optional, e.g. "二、存在的不足和原因") that the part rules
  classify as this rule's part;
- ``item``: the rule finds one of its terms (an item that finds anything is not ``fail``);
- ``forbid``: the forbidden text is found; ``substitute``: an outdated term is present;
- ``conditional``: the rule fires — the ``if`` terms are present and the ``then`` terms are not;
- ``order``: the text is a skeleton of headings, one per line, and the order check fails on it;
- ``quality``: the probe for the rule's ``check`` (``auditor.checks.quality.QUALITY_PROBES``) says so.
"""
from __future__ import annotations

from typing import Iterable

from .model import Rule


class NoProbe(LookupError):
    """A ``quality`` rule whose check has no example probe (yet)."""


def recognises(rule: Rule, text: str, part_rules: Iterable[Rule] | None = None) -> bool:
    """Does ``rule`` recognise ``text`` in the sense its ``examples`` use (see the module docstring)?

    ``part_rules`` are the rulebook's ``part`` rules, used to classify headings; by default the
    rule alone (a ``part`` rule) or the national rulebook's parts (an ``order`` rule).
    """
    if rule.type == "part":
        return rule.part in _heading_parts(text, list(part_rules or [rule]))
    if rule.type == "order":
        return _order_fails(rule, text, list(part_rules or _national_parts()))
    if rule.type in ("item", "forbid"):
        return rule.match.matches(text)
    if rule.type == "substitute":
        from ..text.matcher import terms_matcher

        return any(terms_matcher((old,)).matches(text) for old, _ in rule.replace)
    if rule.type == "conditional":
        return rule.cond_if.matches(text) and not rule.cond_then.matches(text)
    if rule.type == "quality":
        probe = quality_probes().get(rule.check)
        if probe is None:
            raise NoProbe(rule.check)
        return bool(probe(rule, text))
    raise ValueError(f"unknown rule type {rule.type}")


def quality_probes() -> dict:
    """The example probes of the quality checks, or {} while none are defined."""
    from ..checks import quality

    return dict(getattr(quality, "QUALITY_PROBES", None) or {})


def probes_defined() -> bool:
    """True once ``auditor.checks.quality`` defines ``QUALITY_PROBES`` at all."""
    from ..checks import quality

    return hasattr(quality, "QUALITY_PROBES")


def _heading_parts(text: str, part_rules: list[Rule]) -> list[str]:
    """Every part a heading names (one heading may name two: "存在的不足及下一步打算")."""
    from ..checks.parts import heading_parts
    from ..text.markers import parse_marker
    from ..text.normalize import fold

    title = fold(text.strip())
    marker = parse_marker(title)
    return heading_parts(title[marker.end:] if marker else title, part_rules)


def _order_fails(rule: Rule, text: str, part_rules: list[Rule]) -> bool:
    from ..checks.context import Context
    from ..checks.parts import find_parts
    from ..checks.structure import check_order
    from ..text.meta import extract_meta
    from ..text.normalize import normalize_text
    from ..text.sections import parse_sections

    view = normalize_text(text)
    sections = parse_sections(view)
    parts = {p.id: p for p in find_parts(view, sections, part_rules)}
    ctx = Context(view, sections, extract_meta(view, sections), parts, None, "unknown")
    return check_order(rule, ctx).status == "fail"


def _national_parts() -> list[Rule]:
    from .loader import load_rulebook

    return load_rulebook().of_type("part")
