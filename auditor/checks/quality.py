"""The ``quality`` rule type: named analyses a keyword list cannot express.

``QUALITY_CHECKS`` maps a rule's ``check:`` name to the function that runs it; the set is
closed and lives in code (rules choose among them, they cannot add one). Each analysis lives in
a module named by its topic (causes, years, closed_loop, hygiene, references, numbering,
balance, leadership, continuity).

``QUALITY_PROBES`` maps the same names to ``probe(rule, text) -> bool``, used to run a rule's
``examples``: for every check here the probe answers "does this short text show the defect the
rule reports?", so ``examples.match`` holds defective texts and ``examples.no_match`` sound
ones. Where a check needs more than one text (a year and a heading, last year's and this
year's text), the probe's docstring gives the example format.
"""
from __future__ import annotations

from typing import Callable

from ..rulebook.model import Rule
from .balance import (check_core_areas, check_quantified, check_shortcomings_share, probe_core_areas,
                      probe_quantified, probe_shortcomings_share)
from .causes import check_causes, probe_causes
from .closed_loop import check_closed_loop, probe_closed_loop
from .context import Context
from .continuity import check_copied, check_repeated_shortcoming, check_unfollowed_plan, probe_continuity
from .hygiene import check_artifacts, probe_artifacts
from .leadership import check_personal, probe_personal
from .numbering import check_numbering, probe_numbering
from .outcome import Outcome
from .references import check_stale, probe_stale
from .timeliness import check_timeliness, probe_timeliness
from .years import check_plan_year, check_year_consistency, probe_plan_year, probe_year_consistency

QualityCheck = Callable[[Rule, Context], Outcome]
QualityProbe = Callable[[Rule, str], bool]

QUALITY_CHECKS: dict[str, QualityCheck] = {
    "causes": check_causes,
    "plan_year": check_plan_year,
    "year_consistency": check_year_consistency,
    "closed_loop": check_closed_loop,
    "artifacts": check_artifacts,
    "stale": check_stale,
    "numbering": check_numbering,
    "shortcomings_share": check_shortcomings_share,
    "quantified": check_quantified,
    "core_areas": check_core_areas,
    "personal": check_personal,
    "unfollowed_plan": check_unfollowed_plan,
    "copied": check_copied,
    "repeated_shortcoming": check_repeated_shortcoming,
    "timeliness": check_timeliness,
}

QUALITY_PROBES: dict[str, QualityProbe] = {
    "causes": probe_causes,
    "plan_year": probe_plan_year,
    "year_consistency": probe_year_consistency,
    "closed_loop": probe_closed_loop,
    "artifacts": probe_artifacts,
    "stale": probe_stale,
    "numbering": probe_numbering,
    "shortcomings_share": probe_shortcomings_share,
    "quantified": probe_quantified,
    "core_areas": probe_core_areas,
    "personal": probe_personal,
    "unfollowed_plan": probe_continuity,
    "copied": probe_continuity,
    "repeated_shortcoming": probe_continuity,
    "timeliness": probe_timeliness,
}
