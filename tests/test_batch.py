"""Batches: directories, the summary, unreadable files, parallel workers, CSV, several outputs at once."""
from __future__ import annotations

import csv
import io
import json
import re
import shutil
import xml.etree.ElementTree as ET

import pytest

from auditor.batch import Failure, audit_many, collect_paths

from .conftest import ROOT, SEEDS


@pytest.fixture
def batch(tmp_path):
    """The five seeds plus an empty file in the middle, in a folder."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, folder / seed.name)
    (folder / "002b-empty.txt").write_bytes(b"")
    return folder


def test_seeds_folder_prints_the_summary(invoke):
    result = invoke("check", ROOT / "seeds", "--no-color")
    assert result.exit_code in (0, 1)
    summary = result.output[result.output.index("汇总：审查 5 份"):]
    for seed in SEEDS:
        assert seed.name in result.output
    assert summary.count("通过") >= 5
    only = invoke("check", ROOT / "seeds", "--summary", "--no-color").output
    assert only.lstrip().startswith("汇总") and "检查清单" not in only


def test_one_broken_file_is_reported_and_the_rest_audited(invoke, batch):
    result = invoke("check", batch, "--summary", "--no-color")
    assert result.exit_code == 2   # the batch was not fully checked: the gate never passes on the rest
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(errors) == 1 and "002b-empty.txt" in errors[0]
    headline = next(line for line in result.output.splitlines() if line.startswith("汇总"))
    counts = [int(n) for n in re.findall(r"\d+", headline)]   # all six files, each in one group
    assert counts[0] == 6 and sum(counts[1:]) == 6 and "已跳过" in result.output


def test_nothing_auditable_is_exit_2(invoke, tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    result = invoke("check", tmp_path / "a.txt", tmp_path / "missing.txt")
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 2


def test_an_unreadable_file_fails_the_run_after_the_rest_is_written(invoke, batch, tmp_path):
    passing = [s for s in SEEDS if invoke("check", s, "-q").exit_code == 0][0]
    empty = batch / "002b-empty.txt"
    alone = invoke("check", passing, "-q")
    for fmt in ("rich", "github", "json"):
        result = invoke("check", passing, empty, "-q", "-f", fmt, "-o", f"junit:{tmp_path / fmt}.xml")
        assert (alone.exit_code, result.exit_code) == (0, 2)
        suite = ET.parse(tmp_path / f"{fmt}.xml").getroot()
        assert (suite.get("tests") != "0", suite.get("errors")) == (True, "1")
    report = json.loads(invoke("check", passing, empty, "-f", "json").stdout)
    assert [r["path"] for r in report["reports"]] == [str(passing)] and report["reports"][0]["passed"]


def test_parallel_results_are_identical_and_in_input_order(invoke, batch):
    serial = invoke("check", batch, "-f", "json", "-j", "1")
    parallel = invoke("check", batch, "-f", "json", "-j", "3")
    assert serial.stdout == parallel.stdout and serial.exit_code == parallel.exit_code
    paths = [r["path"] for r in json.loads(parallel.stdout)["reports"]]
    assert paths == [str(p) for p in collect_paths([str(batch)]) if not p.endswith("empty.txt")]


def test_audit_many_keeps_failures_in_place(rulebook, batch):
    paths = collect_paths([str(batch)])
    items = audit_many(paths, rulebook, None, {}, workers=2)
    assert [i.path for i in items] == paths
    assert [isinstance(i, Failure) for i in items] == [p.endswith("empty.txt") for p in paths]


def test_csv_summary_has_a_row_per_file(invoke, batch):
    result = invoke("check", batch, "--format", "csv")
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0][0] == "文件" and len(rows) == 1 + 6
    assert [r[0] for r in rows[1:]][-1].endswith("002b-empty.txt") and rows[-1][9] == "已跳过"
    assert all(r[9] in ("通过", "未通过", "非年度报告") for r in rows[1:-1])


def test_several_outputs_in_one_run_while_the_terminal_report_prints(invoke, batch, tmp_path):
    outs = {fmt: tmp_path / f"out.{fmt}" for fmt in ("sarif", "junit", "markdown", "html", "csv", "json")}
    args = [a for fmt, path in outs.items() for a in ("-o", f"{fmt}:{path}")]
    result = invoke("check", batch, *args, "--no-color")
    assert "检查清单" in result.output and "汇总" in result.output
    assert json.loads(outs["sarif"].read_text(encoding="utf-8"))["version"] == "2.1.0"
    suites = ET.fromstring(outs["junit"].read_bytes()).findall("testsuite")
    assert len(suites) == 6 and suites[-1].find("testcase/error") is not None
    assert outs["html"].read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "已跳过" in outs["markdown"].read_text(encoding="utf-8")
    assert len(json.loads(outs["json"].read_text(encoding="utf-8"))["reports"]) == 5


def test_bad_output_spec_is_a_usage_error(invoke, batch):
    assert invoke("check", batch, "-o", "pdf:out.pdf").exit_code == 2
    assert invoke("check", batch, "-o", "sarif").exit_code == 2


def test_no_progress_bar_when_stderr_is_not_a_terminal(invoke, batch):
    for n in range(10):
        shutil.copy(SEEDS[0], batch / f"copy{n}.txt")
    result = invoke("check", batch, "--summary")
    assert "审查中" not in result.stderr


def test_standard_input_in_a_batch_with_workers(invoke):
    text = (SEEDS[1]).read_text(encoding="utf-8")
    result = invoke("check", "-", *SEEDS[2:], "-j", "2", "-f", "json", input=text)
    reports = json.loads(result.stdout)["reports"]
    assert len(reports) == 4 and reports[1]["path"] == str(SEEDS[2])


def test_progress_bar_on_a_terminal_counts_every_file(monkeypatch):
    import sys

    from auditor.cli_terminal import PROGRESS_MIN_FILES, progress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    with progress(PROGRESS_MIN_FILES) as advance:
        for _ in range(PROGRESS_MIN_FILES):
            advance()
    assert f"{PROGRESS_MIN_FILES}/{PROGRESS_MIN_FILES}" in screen.getvalue()
    with progress(PROGRESS_MIN_FILES - 1) as advance:
        assert advance is None


@pytest.mark.parametrize("encoding", ["gbk", "cp437", "utf-8"])
def test_summary_columns_line_up_on_any_console_encoding(encoding, batch):
    """A console without ✓ (GBK) shows "OK"; without Chinese (cp437) "?": the table is padded after
    the substitution, so every row of it is as wide as its borders."""
    import os
    import subprocess
    import sys

    from rich.cells import cell_len

    env = {**os.environ, "PYTHONIOENCODING": encoding}
    out = subprocess.run([sys.executable, "-m", "auditor", "check", batch.name, "--summary", "--no-color",
                          "--width", "100"], capture_output=True, env=env, cwd=batch.parent, check=False)
    assert out.returncode == 2, out.stderr.decode(encoding, "replace")
    text = out.stdout.decode(encoding)
    rows = [line for line in text.splitlines() if line.startswith(("|", "+"))]
    assert len(rows) >= 9   # borders, header, six files (one unreadable)
    assert {cell_len(line) for line in rows} == {cell_len(rows[0])}
    audited = [line for line in rows if ".txt" in line and "002b" not in line]
    assert len(audited) == 5 and all(("OK" in line) == (encoding != "utf-8") for line in audited)
