"""JUnit XML: valid XML, one testsuite per report, one testcase per check, escaped text."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest

from auditor.render.junit import render_junit
from auditor.rulebook.basis import plain_basis

from .render_helpers import FAILURE, HOSTILE, hostile, seed_results


def parse(text: str) -> ET.Element:
    assert text.startswith("<?xml")
    return ET.fromstring(text.encode("utf-8"))


def test_one_suite_per_report_and_one_case_per_check(rulebook):
    audits = list(seed_results())
    root = parse(render_junit(audits, rulebook))
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [a.path for a in audits]
    for suite, audit in zip(suites, audits):
        cases = suite.findall("testcase")
        assert [c.get("name").split()[0] for c in cases] == [r.rule_id for r in audit.results]
        assert int(suite.get("tests")) == len(audit.results)


@pytest.mark.parametrize("index", range(5))
def test_gaps_mode_makes_every_gap_a_failure(rulebook, index):
    """``--junit-failures gaps``: the earlier reading, every failed or partial check is a failure."""
    audit = seed_results()[index]
    suite = parse(render_junit([audit], rulebook, junit_failures="gaps")).find("testsuite")
    for case, r in zip(suite.findall("testcase"), audit.results):
        got = [child.tag for child in case if child.tag in ("failure", "skipped", "error")]
        want = {"fail": ["failure"], "partial": ["failure"], "skip": ["skipped"], "pass": []}[r.status]
        assert (r.rule_id, got) == (r.rule_id, want)
    assert int(suite.get("failures")) == sum(r.status in ("fail", "partial") for r in audit.results)
    assert int(suite.get("skipped")) == sum(r.status == "skip" for r in audit.results)


@pytest.mark.parametrize("fail_level", ["error", "warning"])
@pytest.mark.parametrize("index", range(5))
def test_only_gate_failing_checks_are_failures(rulebook, index, fail_level):
    """Default: failures are exactly the checks that fail the gate; other gaps pass with <system-out>."""
    audit = replace(seed_results()[index], fail_level=fail_level)
    suite = parse(render_junit([audit], rulebook)).find("testsuite")
    rank = {"info": 0, "warning": 1, "error": 2}
    for case, r in zip(suite.findall("testcase"), audit.results):
        gating = r.status == "fail" and rank[r.severity] >= rank[fail_level] and not r.waived
        got = sorted(child.tag for child in case)
        want = (["failure"] if gating else ["system-out"] if r.status in ("fail", "partial")
                else ["skipped"] if r.status == "skip" else [])
        assert (r.rule_id, got) == (r.rule_id, want)
        if want == ["system-out"]:
            assert plain_basis(r.basis) in case.find("system-out").text
    assert int(suite.get("failures")) == sum(c.find("failure") is not None for c in suite.findall("testcase"))


def test_passing_seeds_show_no_failed_tests(rulebook):
    """What GitLab's merge-request widget counts: no failures for reports that pass the gate."""
    passing = [a for a in seed_results() if a.passed]
    assert passing, "no seed passes the default gate"
    root = parse(render_junit(passing, rulebook))
    assert root.get("failures") == "0" and root.get("errors") == "0"
    assert int(root.get("tests")) > 0


def test_score_threshold_is_its_own_testcase(rulebook):
    audit = seed_results()[0]
    low = replace(audit, fail_under=audit.score + 1, passed=False)
    case = parse(render_junit([low], rulebook)).findall("testsuite/testcase")[-1]
    assert case.get("name").startswith("gate.score") and case.find("failure") is not None
    ok = parse(render_junit([replace(audit, fail_under=1)], rulebook)).findall("testsuite/testcase")[-1]
    assert ok.get("name").startswith("gate.score") and ok.find("failure") is None


def test_unknown_mode_is_refused(rulebook):
    with pytest.raises(ValueError):
        render_junit([], rulebook, junit_failures="all")


def test_waived_gap_is_skipped_with_its_reason(rulebook):
    audit = seed_results()[0]
    gap = replace(audit.results[0], status="fail", waived="另行报告")
    case = parse(render_junit([replace(audit, results=(gap,))], rulebook)).find("testsuite/testcase")
    assert case.find("failure") is None and "另行报告" in case.find("skipped").get("message")


def test_hostile_text_is_escaped_and_control_characters_dropped(rulebook):
    audit = hostile(seed_results()[1])
    root = parse(render_junit([audit], rulebook, junit_failures="gaps"))
    failure = root.find("testsuite/testcase/failure")
    assert HOSTILE in failure.text and HOSTILE in failure.get("message")
    assert "\x0b" not in failure.text
    assert root.find("testsuite").get("name") == audit.path


def test_unreadable_file_is_an_error_and_not_a_report_is_a_failure(rulebook):
    not_report = replace(seed_results()[0], is_report=False, results=(), notes=("这不是年度报告",))
    root = parse(render_junit([not_report], rulebook, [FAILURE]))
    first, second = root.findall("testsuite")
    assert first.find("testcase/failure") is not None and first.get("tests") == "1"
    assert second.get("name") == FAILURE.path and second.find("testcase/error").get("message") == FAILURE.message
    assert root.get("errors") == "1" and root.get("failures") == "1"


def test_totals_add_up_and_output_is_deterministic(rulebook):
    text = render_junit(list(seed_results()), rulebook)
    root = parse(text)
    for key in ("tests", "failures", "skipped"):
        assert int(root.get(key)) == sum(int(s.get(key)) for s in root.findall("testsuite"))
    assert text == render_junit(list(seed_results()), rulebook)
