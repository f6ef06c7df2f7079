"""The ``audit`` command through click's runner: every exit code, one-line errors, JSON output."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from rich.cells import cell_len

from .conftest import ROOT, SEEDS

PASSING = ROOT / "tests" / "fixtures" / "reports" / "thematic-city.txt"


def test_exit_0_when_the_gate_passes(invoke):
    result = invoke("check", PASSING, "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.output)["reports"][0]["passed"] is True


def test_exit_1_when_a_part_is_missing(invoke, tmp_path):
    text = (ROOT / "seeds" / "003.txt").read_text(encoding="utf-8")
    cut = text[: text.index("四、2021")]
    path = tmp_path / "draft.txt"
    path.write_text(cut, encoding="utf-8")
    result = invoke("check", path, "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.output)["reports"][0]
    assert {c["id"]: c["status"] for c in report["checks"]}["part.plans"] == "fail"


def test_exit_1_when_score_is_under_fail_under(invoke):
    assert invoke("check", SEEDS[4], "--fail-under", "99.9", "--format", "json").exit_code == 1


def test_terminal_report_fits_120_columns(invoke):
    result = invoke("check", SEEDS[0], "--width", "120")
    assert max(cell_len(line) for line in result.output.splitlines()) <= 120


@pytest.mark.parametrize("content, reason", [
    (b"", "empty"), (b"  \n\t \n", "whitespace"), (b"\x00\x01\x02\x03binary\xff\xfe\x00", "binary"),
])
def test_exit_2_on_unreadable_input(invoke, tmp_path, content, reason):
    path = tmp_path / f"{reason}.txt"
    path.write_bytes(content)
    result = invoke("check", path)
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and str(path) in lines[0]
    assert "Traceback" not in result.output + result.stderr
    assert path.read_bytes() == content


def test_exit_2_on_missing_file(invoke, tmp_path):
    result = invoke("check", tmp_path / "nope.txt")
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_exit_2_on_broken_rulebook(invoke, tmp_path):
    book = tmp_path / "book.yaml"
    book.write_text("id: x\nversion: 1\nrules:\n  - id: a.b\n    type: item\n    title: [unclosed\n", encoding="utf-8")
    result = invoke("check", SEEDS[0], "--rulebook", book)
    assert result.exit_code == 2
    assert str(book) in result.stderr and "行" in result.stderr


def test_exit_2_on_unknown_format(invoke):
    assert invoke("check", SEEDS[0], "--format", "yaml").exit_code == 2


def test_json_for_several_files_is_one_document(invoke):
    result = invoke("check", *SEEDS, "--format", "json")
    doc = json.loads(result.output)
    assert [r["path"] for r in doc["reports"]] == [str(s) for s in SEEDS]
    assert doc["schema_version"] == "1"


def test_year_and_level_override_metadata(invoke):
    doc = json.loads(invoke("check", SEEDS[3], "--format", "json", "--year", "2023", "--level", "township").output)
    meta = doc["reports"][0]["meta"]
    assert (meta["year"], meta["level"]) == (2023, "township")


def test_terminal_report_is_plain_text_when_piped(invoke):
    result = invoke("check", SEEDS[3], "--width", "80", "-v")
    assert "\x1b[" not in result.output
    assert "part.plans" in result.output
    assert max(cell_len(line) for line in result.output.splitlines()) <= 80


def test_explain_shows_the_lines_that_satisfied_a_rule(invoke):
    result = invoke("explain", "leadership.learning", SEEDS[3], "--json")
    report = json.loads(result.output)
    assert report["status"] == "pass"
    assert report["evidence"] and all(e["line"] >= 1 for e in report["evidence"])


def test_rules_show_unknown_id_is_a_usage_error(invoke):
    assert invoke("rules", "show", "no.such_rule").exit_code == 2


def test_python_dash_m_works():
    proc = subprocess.run([sys.executable, "-m", "auditor", "--version"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0 and "audit" in proc.stdout


def test_help_is_in_chinese(invoke):
    out = invoke("--help").output
    assert "退出码" in out and "check" in out
