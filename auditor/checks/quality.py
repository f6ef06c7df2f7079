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

Both tables name each function as ``module.function`` and import the module on first use, so a
run imports only the analyses its rules actually run (a report without ``--previous`` never loads
the year-over-year modules).
"""
from __future__ import annotations

from importlib import import_module
from typing import Callable, Iterator, Mapping

from ..rulebook.model import Rule
from .context import Context
from .outcome import Outcome

QualityCheck = Callable[[Rule, Context], Outcome]
QualityProbe = Callable[[Rule, str], bool]


class LazyTable(Mapping):
    """name → function, given as ``"module.function"`` within this package and imported on first use."""

    def __init__(self, table: dict[str, str]):
        self._table = table

    def __getitem__(self, name: str) -> Callable:
        module, _, function = self._table[name].rpartition(".")
        return getattr(import_module(f"{__package__}.{module}"), function)

    def __contains__(self, name) -> bool:   # without importing anything
        return name in self._table

    def __iter__(self) -> Iterator[str]:
        return iter(self._table)

    def __len__(self) -> int:
        return len(self._table)


QUALITY_CHECKS: Mapping[str, QualityCheck] = LazyTable({
    "causes": "causes.check_causes",
    "plan_year": "years.check_plan_year",
    "year_consistency": "years.check_year_consistency",
    "closed_loop": "closed_loop.check_closed_loop",
    "artifacts": "hygiene.check_artifacts",
    "stale": "references.check_stale",
    "numbering": "numbering.check_numbering",
    "shortcomings_share": "balance.check_shortcomings_share",
    "quantified": "balance.check_quantified",
    "core_areas": "balance.check_core_areas",
    "personal": "leadership.check_personal",
    "unfollowed_plan": "continuity.check_unfollowed_plan",
    "copied": "continuity.check_copied",
    "repeated_shortcoming": "continuity.check_repeated_shortcoming",
    "timeliness": "timeliness.check_timeliness",
})

QUALITY_PROBES: Mapping[str, QualityProbe] = LazyTable({
    "causes": "causes.probe_causes",
    "plan_year": "years.probe_plan_year",
    "year_consistency": "years.probe_year_consistency",
    "closed_loop": "closed_loop.probe_closed_loop",
    "artifacts": "hygiene.probe_artifacts",
    "stale": "references.probe_stale",
    "numbering": "numbering.probe_numbering",
    "shortcomings_share": "balance.probe_shortcomings_share",
    "quantified": "balance.probe_quantified",
    "core_areas": "balance.probe_core_areas",
    "personal": "leadership.probe_personal",
    "unfollowed_plan": "continuity.probe_continuity",
    "copied": "continuity.probe_continuity",
    "repeated_shortcoming": "continuity.probe_continuity",
    "timeliness": "timeliness.probe_timeliness",
})
