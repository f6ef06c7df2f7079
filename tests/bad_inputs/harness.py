"""Run one row of the matrix and check the promise (see the package docstring)."""
from __future__ import annotations

import hashlib
import json
import os
import socket
import stat
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from click.testing import CliRunner

from ..conftest import ROOT

SEED = ROOT / "seeds" / "001.txt"
SEED_BYTES = SEED.read_bytes()
PROCESS_TIMEOUT = 60   # generous: proves "does not hang", not a speed


@dataclass(frozen=True)
class Case:
    """One row: ``build(folder)`` makes the inputs and returns the arguments after ``audit``."""

    id: str
    build: Callable[[Path], list[str]]
    code: tuple[int, ...] = (2,)          # acceptable exit codes
    name: str | None = None               # a file name the stderr line must mention
    lines: int = 1                        # lines expected on stderr (0: accepted silently)
    process: bool = False                 # a real process: hang-prone inputs, closed stdin, console encodings
    writes: tuple[str, ...] = ()          # files the run may create (outputs of an accepted run)
    env: dict = field(default_factory=dict)
    shell: bool = False                   # build returns one shell command line (for "<&-" and the like)


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str


def run_case(case: Case, folder: Path) -> Outcome:
    """Build, snapshot, run, and check everything the row promises; returns what the run printed."""
    argv = case.build(folder)
    before = snapshot(folder)
    outcome = run_process(argv, folder, case) if case.process else run_inside(argv, folder, case.env)
    after = snapshot(folder)
    assert outcome.code in case.code, (outcome.code, outcome.stderr)
    assert "Traceback" not in outcome.stderr + outcome.stdout, outcome.stderr
    lines = [line for line in outcome.stderr.splitlines() if line.strip()]
    assert len(lines) == case.lines, lines
    if lines:
        assert lines[0].startswith("audit: "), lines
        if case.name is not None:
            assert case.name in lines[0], (case.name, lines[0])
    changed = [name for name, digest in before.items() if after.get(name) != digest]
    assert changed == [], f"inputs changed or removed: {changed}"
    new = sorted(set(after) - set(before))
    assert set(new) <= set(case.writes), f"left behind: {new}"
    return outcome


def run_inside(argv: list[str], folder: Path, env: dict) -> Outcome:
    """``audit ARGV`` through click's runner, in ``folder``."""
    from auditor.cli import main

    cwd = os.getcwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(main, argv, env=env, catch_exceptions=False)
    finally:
        os.chdir(cwd)
    return Outcome(result.exit_code, result.stdout, result.stderr)


def run_process(argv: list[str], folder: Path, case: Case) -> Outcome:
    """``python -m auditor ARGV`` as a real process in ``folder`` (stdin empty unless the row says)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), **case.env)
    command = [sys.executable, "-m", "auditor", *argv]
    if case.shell:
        command = ["bash", "-c", f"exec {sys.executable} -m auditor " + argv[0]]
    proc = subprocess.run(command, cwd=folder, env=env, stdin=subprocess.DEVNULL, capture_output=True,
                          timeout=PROCESS_TIMEOUT)
    return Outcome(proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"))


def snapshot(folder: Path) -> dict[str, str]:
    """Every entry under ``folder`` → the sha256 of a regular file, or its kind (FIFOs are never opened)."""
    out = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root, name)
            st = path.lstat()
            rel = os.fsencode(path.relative_to(folder)).decode("utf-8", "backslashreplace")
            if stat.S_ISREG(st.st_mode) and st.st_size < 64 * 1024 * 1024:
                out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                out[rel] = f"kind {stat.S_IFMT(st.st_mode)} size {st.st_size}"
    return out


# ── builders ─────────────────────────────────────────────────────────────────────────────────────


def report(folder: Path, name: str = "r.txt") -> str:
    (folder / name).write_bytes(SEED_BYTES)
    return name


def fifo(folder: Path, name: str) -> str:
    os.mkfifo(folder / name)
    return name


def unix_socket(folder: Path, name: str) -> str:
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / name))   # the file stays after close; nothing listens
    sock.close()
    return name


def sparse(folder: Path, name: str, megabytes: int) -> str:
    """A file that claims ``megabytes`` without taking the disk (refused by size, never read)."""
    with open(folder / name, "wb") as fh:
        fh.truncate(megabytes * 1024 * 1024)
    return name


def write(folder: Path, name: str, text: str | bytes) -> str:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return name


RULE = """\
  - id: custom.x
    type: item
    part: {part}
    title: 示例事项
    basis: 示例依据（测试用）
    severity: warning
    match:
      any: [{term}]
"""


def rulebook(folder: Path, term: str = "政务公开", name: str = "mine.yaml", part: str = "measures",
             extends: bool = True) -> str:
    """A small rulebook with one item rule matching ``term`` in ``part``, extending the national one
    (so a report is audited in full) or alone (enough for rows refused while loading, and faster)."""
    head = "id: mine\nversion: '1'\n" + ("extends: national\n" if extends else "")
    return write(folder, name, head + "rules:\n" + RULE.format(term=term, part=part))


def checks(stdout: str) -> dict[str, str]:
    """rule id → status, from ``-f json`` output."""
    return {c["id"]: c["status"] for c in json.loads(stdout)["reports"][0]["checks"]}
