"""Golden expectations: each ``tests/fixtures/reports/*.expected.yaml`` names a report and the
part and check statuses that must hold. Compared on ids and statuses, never on wording."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from auditor import audit_file

from .conftest import ROOT

EXPECTATIONS = sorted((ROOT / "tests" / "fixtures" / "reports").glob("*.expected.yaml"))


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", EXPECTATIONS, ids=lambda p: p.name)
def test_expectation(path, rulebook):
    spec = load(path)
    options = dict(spec.get("options") or {})
    previous = options.pop("previous", None)
    result = audit_file(str(ROOT / spec["source"]), rulebook,
                        previous_path=str(ROOT / previous) if previous else None, **options)
    assert result.is_report == spec.get("is_report", True)
    if "kind" in spec:
        assert result.kind.id == spec["kind"]
    for key, value in (spec.get("meta") or {}).items():
        assert getattr(result.meta, key) == value, key
    parts = {p.id: p.status for p in result.parts}
    for part, status in (spec.get("parts") or {}).items():
        assert (part, parts[part]) == (part, status)
    checks = {r.rule_id: r.status for r in result.results}
    for rule_id, status in (spec.get("checks") or {}).items():
        assert (rule_id, checks.get(rule_id)) == (rule_id, status)


def test_every_rule_has_an_expectation(rulebook):
    covered = set()
    for path in EXPECTATIONS:
        covered.update((load(path).get("checks") or {}).keys())
    missing = sorted(r.id for r in rulebook.rules if r.id not in covered)
    assert missing == []
