"""Same input, same rulebook → the same bytes: across runs, hash seeds, and -j 1 versus -j 2.

A CI gate diffs reports between commits and caches them by content, so any nondeterminism (set or
dict order, timestamps, worker scheduling) would show up as a spurious change.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from auditor.render import RENDERERS

from .conftest import ROOT, SEEDS

_TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d")


def audit(args: list[str], out_dir, hash_seed: str = "0") -> dict[str, bytes]:
    """Run ``audit check ARGS`` in a fresh interpreter; stdout JSON plus every format written with -o."""
    out_dir.mkdir(exist_ok=True)
    outputs = [f"{fmt}:{out_dir / ('report.' + fmt)}" for fmt in RENDERERS]
    argv = [sys.executable, "-m", "auditor", "check", *args, "--format", "json"]
    for spec in outputs:
        argv += ["-o", spec]
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    proc = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, timeout=120)
    assert proc.returncode in (0, 1), proc.stderr.decode("utf-8", "replace")
    found = {"stdout": proc.stdout}
    found.update({p.name: p.read_bytes() for p in sorted(out_dir.iterdir())})
    return found


def seeds() -> list[str]:
    return [str(p.relative_to(ROOT)) for p in SEEDS]


@pytest.fixture(scope="module")
def by_hash_seed(tmp_path_factory):
    """The seeds audited in two fresh interpreters with different string-hash seeds."""
    base = tmp_path_factory.mktemp("hash")
    return {seed: audit(seeds(), base / seed, seed) for seed in ("0", "1", "2")}


def test_two_runs_give_identical_bytes(tmp_path):
    from click.testing import CliRunner

    from auditor.cli import main

    runs = []
    for name in ("a", "b"):
        out = tmp_path / name
        out.mkdir()
        argv = ["check", *map(str, SEEDS), "--format", "json"]
        for fmt in RENDERERS:
            argv += ["-o", f"{fmt}:{out / ('report.' + fmt)}"]
        result = CliRunner().invoke(main, argv, catch_exceptions=False)
        assert result.exit_code in (0, 1), result.stderr
        runs.append([result.stdout_bytes] + [p.read_bytes() for p in sorted(out.iterdir())])
    assert len(runs[0]) == 1 + len(RENDERERS)
    assert runs[0] == runs[1]


def test_hash_seed_does_not_change_the_output(by_hash_seed):
    assert set(by_hash_seed["0"]) == {"stdout"} | {f"report.{fmt}" for fmt in RENDERERS}
    assert by_hash_seed["0"] == by_hash_seed["1"] == by_hash_seed["2"]


def test_parallel_batch_equals_sequential(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for i in range(10):   # more than the batch runner's threshold for starting workers
        shutil.copyfile(SEEDS[i % len(SEEDS)], folder / f"{i:02d}-{SEEDS[i % len(SEEDS)].name}")
    sequential = audit([str(folder), "-j", "1"], tmp_path / "j1")
    parallel = audit([str(folder), "-j", "2"], tmp_path / "j2")
    assert sequential == parallel
    assert sequential["stdout"].count(b'"path"') >= 10


def test_no_timestamps_in_machine_output(by_hash_seed):
    for name, data in by_hash_seed["0"].items():
        assert not _TIMESTAMP.search(data.decode("utf-8")), name
