"""The example overlay ``rules/example-city.yaml`` adds, tightens and disables national rules by id."""
from __future__ import annotations

import json

import pytest

from auditor import audit_file, load_rulebook

from .conftest import ROOT

SEED_001 = str(ROOT / "seeds" / "001.txt")     # 2023, government: no 出庭应诉 in the work parts
SEED_004 = str(ROOT / "seeds" / "004.txt")     # 2020, department: 公共法律服务 throughout


@pytest.fixture(scope="module")
def city():
    return load_rulebook("example-city")


def statuses(result) -> dict[str, tuple[str, str]]:
    return {r.rule_id: (r.status, r.severity) for r in result.results}


def test_overlay_keeps_everything_else(city, rulebook):
    added = {"city.society_driving", "city.enforcement_oversight_regulation"}
    disabled = {"party.annual_report", "enforcement.criminal_link"}
    assert {r.id for r in city.rules} == ({r.id for r in rulebook.rules} - disabled) | added
    assert set(city.disabled) == disabled


def test_added_items_are_checked(city):
    assert statuses(audit_file(SEED_004, city))["city.society_driving"] == ("pass", "warning")
    regulation = "city.enforcement_oversight_regulation"          # applies from 2026
    assert statuses(audit_file(SEED_001, city))[regulation][0] == "skip"
    assert statuses(audit_file(SEED_001, city, year=2026))[regulation] == ("fail", "warning")


def test_tightened_item_fails_the_gate(city, rulebook):
    national = audit_file(SEED_001, rulebook)
    local = audit_file(SEED_001, city)
    assert statuses(national)["disputes.court_appearance"] == ("fail", "warning")
    assert statuses(local)["disputes.court_appearance"] == ("fail", "error")
    assert not local.passed
    assert city.get("disputes.court_appearance").weight == 5 > rulebook.get("disputes.court_appearance").weight
    # the other checks are judged alike: the overlay changes severity and weight, not matching
    same = {k: v[0] for k, v in statuses(national).items() if k in statuses(local)}
    assert same == {k: v[0] for k, v in statuses(local).items() if k in same}


def test_disabled_items_are_gone_everywhere(city, invoke):
    result = statuses(audit_file(SEED_001, city))
    assert "party.annual_report" not in result and "enforcement.criminal_link" not in result
    listed = json.loads(invoke("rules", "list", "--rulebook", "example-city", "--format", "json").output)
    assert "party.annual_report" not in {row["id"] for row in listed}
    assert invoke("rules", "show", "party.annual_report", "--rulebook", "example-city").exit_code == 2


def test_cli_check_with_the_overlay(invoke):
    result = invoke("check", SEED_001, "--rulebook", "example-city", "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.output)["reports"][0]
    court = next(c for c in report["checks"] if c["id"] == "disputes.court_appearance")
    assert (court["status"], court["severity"]) == ("fail", "error")


def test_overlay_can_live_outside_the_package(tmp_path, rulebook):
    """A local file extends the shipped book by name and relaxes a rule's applicability."""
    path = tmp_path / "county.yaml"
    path.write_text("id: county\nversion: '1'\nextends: national\n"
                    "override:\n  disputes.court_appearance: {applies: {years: [2024, null]}, severity: info}\n",
                    encoding="utf-8")
    county = load_rulebook(str(path))
    result = statuses(audit_file(SEED_001, county))
    assert result["disputes.court_appearance"] == ("skip", "info")
