"""The gate on the seeds: a report none of whose shortcomings states a cause is not ready to submit."""
from __future__ import annotations

import pytest

from auditor import audit_file
from auditor.verdict import verdict

from .conftest import SEEDS


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_no_cause_for_any_shortcoming_fails_the_gate(seed, rulebook):
    result = audit_file(str(seed), rulebook)
    causes = next(r for r in result.results if r.rule_id == "shortcomings.no_causes")
    said = verdict(result)
    assert said.passed == result.passed
    if causes.status == "fail":
        assert causes.severity == "error"
        assert not result.passed and said.must_fix >= 1 and said.text.startswith("未通过")
    elif causes.status == "partial":
        assert causes.severity == "warning"     # some problems without causes: named, not a gate failure


def test_which_seeds_give_causes(rulebook):
    """000, 002 and 004 list problems only; 001 (四) and 003 (二) state a cause for one problem."""
    found = {s.stem: next(r.status for r in audit_file(str(s), rulebook).results if r.rule_id == "shortcomings.no_causes")
             for s in SEEDS}
    assert found == {"000": "fail", "001": "partial", "002": "fail", "003": "partial", "004": "fail"}
