"""A rule that cannot finish — its regex ran out of its time, or its check raised on bad ``params`` —
is that one rule ``error`` (规则出错) in every format, the rest of the audit goes on, and the run
exits 2 with one line naming the rule. ``audit rules lint`` reports the same patterns."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from importlib import resources

import jsonschema
import pytest

from auditor.rulebook import pattern

from .harness import SEED_BYTES, Case, checks, rulebook, run_case, write

SLOW = r"'re:(.*?,){11}P'"   # passes the load-time guard, yet backtracks without end on the line below
TRAP = "\n" + "数据," * 300 + "\n附件P\n"   # many commas, and a "P" the pattern can never reach


def report(folder, name="r.txt"):
    """A real report with one line a catastrophic pattern chokes on (a table pasted as text)."""
    return write(folder, name, SEED_BYTES + TRAP.encode("utf-8"))


@pytest.fixture
def short_limit(monkeypatch):
    # Short enough to keep the test quick, long enough that no shipped rule reaches it on a busy machine
    # (the time is CPU time of the whole process, and contention inflates it): only the trap pattern does.
    monkeypatch.setattr(pattern, "RULE_SECONDS", 0.5)


def _slow(folder, *extra):
    return ["check", report(folder), "--rulebook", rulebook(folder, SLOW, part="document"), *extra]


def test_a_slow_pattern_makes_its_rule_error_and_the_audit_goes_on(tmp_path, short_limit):
    case = Case("slow", lambda f: _slow(f, "-f", "json", "-o", "junit:out.xml", "-o", "sarif:out.sarif"),
                name="custom.x", writes=("out.xml", "out.sarif"))
    out = run_case(case, tmp_path)
    statuses = checks(out.stdout)
    assert statuses["custom.x"] == "error"
    assert statuses["part.measures"] == "pass" and list(statuses.values()).count("error") == 1
    schema = json.loads((resources.files("auditor.schemas") / "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(json.loads(out.stdout))
    assert json.loads(out.stdout)["reports"][0]["passed"] is False   # an unchecked rule cannot pass the gate
    errors = [c for c in ET.parse(tmp_path / "out.xml").iter("testcase") if c.find("error") is not None]
    assert [c.get("name").split()[0] for c in errors] == ["custom.x"]
    run = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))["runs"][0]
    assert run["invocations"][0]["executionSuccessful"] is False
    assert "custom.x" not in {r["ruleId"] for r in run["results"]}


def test_the_real_limit_bounds_a_plain_check_under_a_config_naming_the_rulebook(tmp_path):
    """A ``.audit.yaml`` above the report names the slow rulebook: the run ends (within the process
    timeout) with the rule in error, instead of running for minutes."""
    def build(folder):
        (folder / "d").mkdir()
        rulebook(folder, SLOW, part="document")
        write(folder, ".audit.yaml", "rulebook: mine.yaml\n")
        return ["check", "d/" + report(folder / "d"), "-f", "json"]
    out = run_case(Case("slow-config", build, name="custom.x", process=True), tmp_path)
    assert checks(out.stdout)["custom.x"] == "error"


def test_params_of_the_wrong_type_make_that_rule_error(tmp_path, monkeypatch):
    monkeypatch.delenv("AUDITOR_DEBUG", raising=False)
    text = "id: mine\nversion: '1'\nextends: national\noverride:\n  hygiene.artifact:\n    params: {patterns: 5}\n"
    out = run_case(Case("params", lambda f: ["check", report(f), "--rulebook", write(f, "mine.yaml", text),
                                              "-f", "json"], name="hygiene.artifact"), tmp_path)
    statuses = checks(out.stdout)
    assert statuses["hygiene.artifact"] == "error" and list(statuses.values()).count("error") == 1


def test_lint_reports_a_pattern_that_runs_out_of_time_on_its_examples(tmp_path, short_limit):
    from auditor.rulebook.lint import lint_rulebook

    example = "数据," * 60 + "附件P"
    text = ("id: mine\nversion: '1'\nrules:\n  - id: custom.slow\n    type: item\n    part: document\n"
            "    title: 示例\n    basis: 示例依据（测试用）\n    severity: warning\n"
            f"    match: {{any: [{SLOW}]}}\n    examples: {{match: ['{example}'], no_match: [无关P]}}\n")
    codes = {(p.code, p.where.split("(id=")[-1].rstrip(")")) for p in lint_rulebook(str(write(tmp_path, "b.yaml", text)
                                                                                        and tmp_path / "b.yaml"))}
    assert ("regex-timeout", "custom.slow") in codes


@pytest.mark.parametrize("term, code", [(r"(\S{1,99}){1,99}X", "regex-nested"), (".*.*.*.*X", "regex-nested"),
                                        ("法{5000}", "regex-compile"), ("(" * 3000 + "法" + ")" * 3000, "regex-compile")])
def test_lint_reports_what_loading_refuses(tmp_path, term, code):
    from auditor.rulebook.lint import lint_rulebook

    path = tmp_path / rulebook(tmp_path, f"'re:{term}'")
    assert code in {p.code for p in lint_rulebook(str(path))}


def test_time_is_charged_per_report(short_limit):
    """A rule that ran out on one report starts the next report with its full time again."""
    slow = pattern.Pattern(r"(\w|\w\w)*\d{9}", "custom.x")
    text = "法治政府建设" * 40
    for _ in range(2):
        with pattern.per_report(), pattern.owned_by("custom.x") as watch:
            assert slow.spans(text, 5) == []
            assert watch.overrun == slow.source
    assert pattern.Pattern("法治", "custom.y").spans(text, 3) == [(0, 2), (6, 8), (12, 14)]
