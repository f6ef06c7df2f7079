"""``audit rules lint``: the shipped books are clean; every error planted in a fixture is reported.

Each ``tests/fixtures/rulebooks/invalid/*.yaml`` states the problems it must produce, one per
comment line ``# expect: CODE RULE_ID`` (``-`` when the problem belongs to no rule).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from auditor.errors import RulebookError
from auditor.rulebook.lint import has_errors, lint_rulebook
from auditor.rulebook.loader import builtin_names, load_rulebook

from ..conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "rulebooks"
INVALID = sorted((FIXTURES / "invalid").glob("*.yaml"))
VALID = sorted((FIXTURES / "valid").glob("*.yaml"))
_EXPECT = re.compile(r"^# expect: ([a-z-]+) (\S+)\s*$", re.M)


def planted(path: Path) -> list[tuple[str, str]]:
    return _EXPECT.findall(path.read_text(encoding="utf-8"))


def reported(problem, rule_id: str) -> bool:
    """Is ``problem`` about ``rule_id`` (a rule, an override or a disable entry; "-" = any)?"""
    if rule_id == "-":
        return True
    rid = re.escape(rule_id)
    return re.search(rf"\(id={rid}\)|^override\.{rid}$|^disable\({rid}\)$", problem.where) is not None


@pytest.mark.parametrize("name", builtin_names())
def test_shipped_rulebooks_lint_without_errors(name):
    errors = [p for p in lint_rulebook(name) if p.severity == "error"]
    assert errors == []


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_fixtures_have_no_errors_of_their_own(path):
    own = [p for p in lint_rulebook(str(path)) if p.severity == "error" and p.origin.startswith(str(path))]
    assert own == []
    assert load_rulebook(str(path)).rules     # and the loader accepts them


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_every_planted_error_is_reported(path):
    expected = planted(path)
    assert expected, f"{path.name} states no expected problem"
    problems = lint_rulebook(str(path))
    assert has_errors(problems)
    with pytest.raises(RulebookError):       # each broken book also holds an error the loader refuses
        load_rulebook(str(path))
    missing = [(code, rid) for code, rid in expected
               if not any(p.code == code and reported(p, rid) for p in problems)]
    assert missing == []


def test_lint_reports_all_problems_not_just_the_first():
    problems = lint_rulebook(str(FIXTURES / "invalid" / "many-errors.yaml"))
    assert len({p.code for p in problems if p.severity == "error"}) >= 10


def test_cli_lint_exit_codes_and_json(invoke):
    broken = FIXTURES / "invalid" / "many-errors.yaml"
    result = invoke("rules", "lint", broken)
    assert result.exit_code == 2
    assert len([line for line in result.output.splitlines() if "[" in line]) >= len(planted(broken))
    as_json = invoke("rules", "lint", broken, "--format", "json")
    records = json.loads(as_json.output)
    assert {"origin", "where", "code", "message", "severity"} <= set(records[0])
    assert invoke("rules", "lint", FIXTURES / "valid" / "minimal.yaml").exit_code == 0


def test_cli_lint_of_a_missing_file_is_an_error(invoke, tmp_path):
    result = invoke("rules", "lint", tmp_path / "none.yaml")
    assert result.exit_code == 2 and "[file]" in result.output
