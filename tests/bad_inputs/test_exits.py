"""How a run ends: exit codes (0 pass · 1 gate · 2 error · 130 Ctrl-C · 143 SIGTERM), one line on
stderr, no output file from an interrupted run, workers that never outlive their parent, and output
that any console encoding can carry."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from auditor.cli import use_color
from auditor.render import RENDERERS

from .harness import SEED_BYTES, Case, report, rulebook, run_case, run_inside, write
from .test_rule_errors import SLOW, TRAP

from ..conftest import ROOT


@pytest.mark.parametrize("fmt, encoding", [(fmt, "gbk") for fmt in ["rich", *RENDERERS]]
                         + [("rich", "ascii"), ("markdown", "ascii"), ("rich", "latin-1")])
def test_every_format_prints_on_a_narrow_console(tmp_path, fmt, encoding):
    """Chinese Windows pipes and redirections are GBK: symbols it lacks (✓ ↔ ✅) become ASCII, no crash."""
    out = run_case(Case("console", lambda f: ["check", report(f), "--summary", "-f", fmt] if fmt == "rich"
                        else ["check", report(f), "-f", fmt], code=(0, 1), lines=0, process=True,
                        env={"PYTHONIOENCODING": encoding}), tmp_path)
    assert out.stdout.strip()


@pytest.mark.parametrize("fmt", ["rich", "json"])
@pytest.mark.parametrize("redirect, code, lines", [(">&-", (0, 1), 0), ("> /dev/full", (2,), 1), ("2>&-", (0, 1), 0)],
                         ids=["stdout-closed", "disk-full", "stderr-closed"])
def test_standard_streams_that_cannot_be_written(tmp_path, fmt, redirect, code, lines):
    run_case(Case("streams", lambda f: [f"check {report(f)} -f {fmt} {redirect}"], code=code, lines=lines,
                  process=True, shell=True), tmp_path)


def test_an_undecodable_file_name_prints_in_every_format(tmp_path):
    name = os.fsdecode(b"\xb1\xa8\xb8\xe6\xff.txt")   # GBK bytes: not UTF-8
    (tmp_path / name).write_bytes(SEED_BYTES)
    for fmt in ["rich", *RENDERERS]:
        out = run_inside(["check", name, "-f", fmt], tmp_path, {})
        assert out.code in (0, 1) and out.stderr == "", (fmt, out.stderr)


def test_ctrl_c_exits_130_with_one_line_and_no_output(tmp_path, monkeypatch):
    import auditor.cli

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt
    monkeypatch.setattr(auditor.cli, "audit_stream", interrupted)
    run_case(Case("ctrl-c", lambda f: ["check", report(f), "-o", "json:out.json"], code=(130,)), tmp_path)


def _break_json(monkeypatch):
    """The JSON piece of each report (a batch streams it) and the whole-result renderer both raise."""
    import auditor.cli
    import auditor.render.json_report

    def broken(*args, **kwargs):
        raise ZeroDivisionError("division by zero")
    monkeypatch.setattr(auditor.render.json_report, "json_piece", broken)
    monkeypatch.setitem(auditor.cli.RENDERERS, "json", broken)


def test_an_unexpected_error_is_one_line_and_exit_2_never_1(tmp_path, monkeypatch):
    monkeypatch.delenv("AUDITOR_DEBUG", raising=False)
    _break_json(monkeypatch)
    run_case(Case("internal", lambda f: ["check", report(f), "-f", "json", "-o", "sarif:out.sarif"]), tmp_path)


def test_an_unexpected_error_with_auditor_debug_shows_the_traceback(tmp_path, monkeypatch):
    monkeypatch.setenv("AUDITOR_DEBUG", "1")
    _break_json(monkeypatch)
    with pytest.raises(ZeroDivisionError):
        run_inside(["check", report(tmp_path), "-f", "json"], tmp_path, {})


@pytest.mark.parametrize("flag, env, tty, expected", [
    (None, {}, True, True), (None, {}, False, False), (None, {"TERM": "dumb"}, True, False),
    (None, {"NO_COLOR": "1"}, True, False), (None, {"NO_COLOR": ""}, True, True),
    (None, {"FORCE_COLOR": "1"}, False, True), (None, {"FORCE_COLOR": ""}, False, False),
    (None, {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False, False),
    (True, {"NO_COLOR": "1"}, False, True), (False, {"FORCE_COLOR": "1"}, True, False),
])
def test_colour_follows_flag_then_no_color_then_force_color_then_terminal(flag, env, tty, expected):
    assert use_color(flag, tty, env) is expected


@pytest.mark.parametrize("env, argv, ansi", [({"FORCE_COLOR": "1"}, [], True), ({"NO_COLOR": "1"}, ["--color"], True),
                                             ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, [], False), ({}, [], False)])
def test_colour_in_the_terminal_report(tmp_path, env, argv, ansi):
    out = run_inside(["check", report(tmp_path), *argv], tmp_path, {"NO_COLOR": None, "FORCE_COLOR": None, **env})
    assert ("\x1b[" in out.stdout) is ansi


# ── signals: a parallel batch interrupted mid-way ────────────────────────────────────────────────


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table from /proc")
@pytest.mark.parametrize("signum, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)], ids=["SIGINT", "SIGTERM"])
def test_a_signal_ends_a_parallel_batch_cleanly(tmp_path, signum, code):
    """Every report holds a line that costs its slow rule the full time limit, so the batch is still
    running when the signal comes: the run ends with one line and the code, workers gone, no files."""
    (tmp_path / "batch").mkdir()
    for i in range(8):
        write(tmp_path / "batch", f"r{i}.txt", SEED_BYTES + TRAP.encode("utf-8"))
    rulebook(tmp_path, SLOW, part="document")
    before = sorted(p.name for p in tmp_path.rglob("*"))
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "auditor", "check", "batch", "-j", "2", "--rulebook", "mine.yaml",
                             "-f", "json", "-o", "json:out.json"], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while len(_children(proc.pid)) < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.1)
    workers = _children(proc.pid)
    assert len(workers) >= 2 and proc.poll() is None
    time.sleep(0.5)   # let the workers start on their reports
    proc.send_signal(signum)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == code, stderr
    lines = [line for line in stderr.decode("utf-8").splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("audit: ") and "Traceback" not in stderr.decode("utf-8"), lines
    assert stdout == b""
    for _ in range(50):
        if not any(_alive(w) for w in workers):
            break
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers), "a worker outlived the run"
    assert sorted(p.name for p in tmp_path.rglob("*")) == before   # no output, no temporary file


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_worker_signalled_before_it_sets_its_handlers_ends_quietly(signum, capfd):
    """A batch worker is forked with the command's handlers: a signal in that moment ends it with
    128 + the signal and nothing on stderr (the parent prints the one line)."""
    from auditor.cli_group import _sigterm_raises

    with _sigterm_raises():
        pid = os.fork()
        if pid == 0:   # the child: as a worker before _start_worker runs
            try:
                os.kill(os.getpid(), signum)
                time.sleep(5)
            finally:
                os._exit(99)
        _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 128 + signum
    assert capfd.readouterr().err == ""
