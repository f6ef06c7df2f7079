"""The JSON report validates against the schema shipped in the package."""
from __future__ import annotations

import json
from importlib import resources

import jsonschema

from .conftest import ROOT, SEEDS


def _schema():
    return json.loads((resources.files("auditor.schemas") / "report.schema.json").read_text(encoding="utf-8"))


def test_seeds_json_validates(invoke):
    fixtures = sorted((ROOT / "tests" / "fixtures" / "reports").glob("*.txt"))
    result = invoke("check", *SEEDS, *fixtures, "--format", "json")
    doc = json.loads(result.output)
    jsonschema.Draft202012Validator(_schema()).validate(doc)
    assert len(doc["reports"]) == len(SEEDS) + len(fixtures)


def test_every_applicable_rule_is_listed_with_passes(invoke, rulebook):
    doc = json.loads(invoke("check", SEEDS[1], "--format", "json").output)
    checks = doc["reports"][0]["checks"]
    assert [c["id"] for c in checks] == [r.id for r in rulebook.rules]
    assert any(c["status"] == "pass" for c in checks)
    for c in checks:
        if c["status"] == "pass" and c["kind"] == "item":
            assert c["evidence"], c["id"]
        if c["status"] == "fail" and c["kind"] == "item":
            assert c.get("searched"), c["id"]


def test_evidence_quotes_the_original_line(invoke):
    for seed in SEEDS:
        lines = seed.read_text(encoding="utf-8").split("\n")
        doc = json.loads(invoke("check", seed, "--format", "json").output)
        for check in doc["reports"][0]["checks"]:
            for e in check["evidence"]:
                assert e["text"] in lines[e["line"] - 1], (seed.name, check["id"], e)


def test_not_a_report_is_said_plainly(invoke):
    path = ROOT / "tests" / "fixtures" / "reports" / "not-a-report-english.txt"
    doc = json.loads(invoke("check", path, "--format", "json").output)
    report = doc["reports"][0]
    assert report["is_report"] is False and report["checks"] == []
