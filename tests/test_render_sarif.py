"""SARIF 2.1.0: valid against the official schema, rules from the rulebook, one result per gap."""
from __future__ import annotations

import json
import re
from dataclasses import replace

import jsonschema
import pytest

from auditor.render.sarif import render_sarif
from auditor.rulebook.basis import plain_basis

from .conftest import ROOT
from .render_helpers import FAILURE, hostile, seed_results

SCHEMA = json.loads((ROOT / "tests" / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def validate(log: dict) -> None:
    cls = jsonschema.validators.validator_for(SCHEMA)
    cls.check_schema(SCHEMA)
    errors = sorted(cls(SCHEMA).iter_errors(log), key=lambda e: list(e.path))
    assert [f"{list(e.path)}: {e.message}" for e in errors] == []


def test_seeds_validate_against_the_sarif_schema(rulebook):
    validate(json.loads(render_sarif(list(seed_results()), rulebook)))


def test_unreadable_files_and_hostile_text_still_validate(rulebook):
    not_report = replace(seed_results()[0], is_report=False, results=(), notes=("这不是年度报告",))
    log = json.loads(render_sarif([hostile(seed_results()[1]), not_report], rulebook, [FAILURE]))
    validate(log)
    notes = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert [n["level"] for n in notes] == ["warning", "error"]
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is False


def test_rules_come_from_the_rulebook(rulebook):
    driver = json.loads(render_sarif([], rulebook))["runs"][0]["tool"]["driver"]
    assert [r["id"] for r in driver["rules"]] == [r.id for r in rulebook.rules]
    for descriptor, rule in zip(driver["rules"], rulebook.rules):
        assert plain_basis(rule.basis) in descriptor["help"]["text"]
        assert descriptor["shortDescription"]["text"] == rule.title
        assert descriptor["properties"]["source"] == rule.source
        assert rule.id in descriptor["help"]["markdown"] and "docs/rules.md" in descriptor["help"]["markdown"]
        assert descriptor["defaultConfiguration"]["level"] == {"error": "error", "warning": "warning",
                                                               "info": "note"}[rule.severity]


@pytest.mark.parametrize("index", range(5))
def test_one_result_per_failed_or_partial_check(rulebook, index):
    audit = seed_results()[index]
    results = json.loads(render_sarif([audit], rulebook))["runs"][0]["results"]
    expected = [r.rule_id for r in audit.results if r.status in ("fail", "partial")]
    assert [r["ruleId"] for r in results] == expected
    ids = [rule.id for rule in rulebook.rules]
    for r in results:
        assert ids[r["ruleIndex"]] == r["ruleId"]
        region = r["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1
        assert r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(f"00{index}.txt")


def test_levels_partial_is_one_step_below_and_evidence_gives_the_line(rulebook):
    audit = seed_results()[0]
    base = audit.results[0]
    cases = [replace(base, rule_id=base.rule_id, status=s, severity=sev) for s in ("fail", "partial")
             for sev in ("error", "warning", "info")]
    log = json.loads(render_sarif([replace(audit, results=tuple(cases))], rulebook))
    assert [r["level"] for r in log["runs"][0]["results"]] == ["error", "warning", "note", "warning", "note", "note"]
    line = base.evidence[0].line
    assert log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] == line


def test_missing_check_without_evidence_points_at_its_part_heading(rulebook):
    audit = seed_results()[0]
    item = next(r for r in audit.results if r.part == "measures" and r.kind == "item")
    gap = replace(item, status="fail", evidence=())
    result = json.loads(render_sarif([replace(audit, results=(gap,))], rulebook))["runs"][0]["results"][0]
    heading = next(p.line for p in audit.parts if p.id == "measures")
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": heading}


def test_waived_gap_is_reported_as_suppressed(rulebook):
    audit = seed_results()[0]
    gap = replace(audit.results[0], status="fail", waived="另行报告")
    result = json.loads(render_sarif([replace(audit, results=(gap,))], rulebook))["runs"][0]["results"][0]
    assert result["suppressions"] == [{"kind": "external", "status": "accepted", "justification": "另行报告"}]


def test_output_is_deterministic(rulebook):
    assert render_sarif(list(seed_results()), rulebook) == render_sarif(list(seed_results()), rulebook)


URI_REFERENCE = re.compile(r"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-F]{2})*$")


def test_artifact_uris_are_uri_references_even_for_chinese_names(rulebook):
    """GitHub's upload rejects a URI that is not an RFC 3986 reference (non-ASCII, spaces, ``<``)."""
    audit = replace(seed_results()[0], path="草稿 目录/报告<一>.txt")
    log = json.loads(render_sarif([audit, replace(audit, path="/abs/报告.txt")], rulebook, [FAILURE]))
    uris = re.findall(r'"uri": "([^"]*)"', json.dumps(log, ensure_ascii=False))
    assert uris and all(URI_REFERENCE.match(u) for u in uris), uris
    assert any(u.startswith("%E8%8D%89%E7%A8%BF%20%E7%9B%AE%E5%BD%95/") for u in uris)   # 草稿 目录/
    assert any(u.startswith("file:///abs/") for u in uris)
