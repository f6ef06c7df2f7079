"""JUnit XML: valid XML, one testsuite per report, one testcase per check, escaped text."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest

from auditor.render.junit import render_junit

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
def test_failures_and_skips_follow_the_statuses(rulebook, index):
    audit = seed_results()[index]
    suite = parse(render_junit([audit], rulebook)).find("testsuite")
    for case, r in zip(suite.findall("testcase"), audit.results):
        got = [child.tag for child in case if child.tag in ("failure", "skipped", "error")]
        want = {"fail": ["failure"], "partial": ["failure"], "skip": ["skipped"], "pass": []}[r.status]
        assert (r.rule_id, got) == (r.rule_id, want)
    assert int(suite.get("failures")) == sum(r.status in ("fail", "partial") for r in audit.results)
    assert int(suite.get("skipped")) == sum(r.status == "skip" for r in audit.results)


def test_waived_gap_is_skipped_with_its_reason(rulebook):
    audit = seed_results()[0]
    gap = replace(audit.results[0], status="fail", waived="另行报告")
    case = parse(render_junit([replace(audit, results=(gap,))], rulebook)).find("testsuite/testcase")
    assert case.find("failure") is None and "另行报告" in case.find("skipped").get("message")


def test_hostile_text_is_escaped_and_control_characters_dropped(rulebook):
    audit = hostile(seed_results()[1])
    root = parse(render_junit([audit], rulebook))
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
