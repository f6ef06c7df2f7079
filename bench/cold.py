"""Cold start of ``audit check``: interleaved runs against the import baseline, the floor under them,
and where a cold run's import time goes (``python -X importtime``).

    .venv/bin/python bench/cold.py            # 20 rounds, prints the table
    .venv/bin/python bench/cold.py --runs 10

``bench/batch.py`` runs the same measurement as its "cold" section (issue 14: the reviewer's desk). Each round runs every
command once, in turn, so a busy machine slows them alike; figures are medians (wall and CPU time
of the child, from ``os.wait4``). The floor rows are what any run of the command pays before it
reads a report: the interpreter, click (the command line), and ``audit --version`` (both, plus the
command line's own modules, loaded as every run loads them).
"""
from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import CHILD_ENV, ROOT, audit_cmd, checked, spawn  # noqa: E402

SEED = "seeds/003.txt"
ISSUE6_SEED = "seeds/001.txt"
_PROBE = ("import sys\nsys.argv = ['audit', 'check', %r, '-f', 'json']\nfrom auditor.__main__ import run\n"
          "try:\n    run()\nexcept SystemExit:\n    pass\n")


def commands() -> dict[str, list[str]]:
    py, audit = sys.executable, audit_cmd()
    return {
        "baseline": [py, "-c", "import click, rich, yaml"],
        "json": audit + ["check", SEED, "-f", "json"],
        "terminal": audit + ["check", SEED],              # piped: plain text, as CI and pre-commit see it
        "terminal_color": audit + ["check", SEED, "--color"],
        "json_001": audit + ["check", ISSUE6_SEED, "-f", "json"],
        "python": [py, "-c", "pass"],
        "click": [py, "-c", "import click"],
        "startup": audit + ["--version"],   # the interpreter, click and the command line's modules: no report

    }


def bench_cold(runs: int) -> dict:
    """Median wall and CPU seconds per command over ``runs`` interleaved rounds, ratios to the baseline."""
    cmds = commands()
    for name, argv in cmds.items():   # warm-up: page cache, rulebook and regex caches, __pycache__
        checked(spawn(argv), f"warm-up {name}")
    samples: dict[str, list[dict]] = {name: [] for name in cmds}
    for _ in range(runs):
        for name, argv in cmds.items():
            samples[name].append(checked(spawn(argv), name))
    out: dict = {"runs": runs, "commands": {}}
    for name, runs_of in samples.items():
        out["commands"][name] = {"wall_s": statistics.median(r["seconds"] for r in runs_of),
                                 "cpu_s": statistics.median(r["cpu_s"] for r in runs_of),
                                 "min_s": min(r["seconds"] for r in runs_of),
                                 "rss_mb": max(r["rss_mb"] for r in runs_of)}
    base = out["commands"]["baseline"]
    for c in out["commands"].values():
        c["ratio"], c["cpu_ratio"] = c["wall_s"] / base["wall_s"], c["cpu_s"] / base["cpu_s"]
    import tempfile
    with tempfile.TemporaryDirectory() as cache:   # a first-ever run: nothing validated, compiled or stored
        out["first_run_s"] = checked(spawn(cmds["json"], env={**CHILD_ENV, "XDG_CACHE_HOME": cache}),
                                     "first run")["seconds"]
    import os
    out["load_average"] = os.getloadavg()[0]
    out["imports"] = import_breakdown()
    return out


def import_breakdown(repeats: int = 5) -> dict[str, float]:
    """Median self time (ms, as ``-X importtime`` counts it, which inflates it) of the modules a cold
    JSON run imports, grouped: the package, click, regex, rich, yaml, the rest of the standard library."""
    totals: list[dict[str, float]] = []
    for _ in range(repeats):
        proc = subprocess.run([sys.executable, "-X", "importtime", "-c", _PROBE % SEED], cwd=ROOT, env=CHILD_ENV,
                              capture_output=True, text=True)
        groups: dict[str, float] = {}
        for m in re.finditer(r"import time:\s+(\d+) \|\s+\d+ \| +(\S+)", proc.stderr):
            top = m.group(2).split(".")[0]
            group = top if top in ("auditor", "click", "regex", "rich", "yaml") else "standard library and site"
            groups[group] = groups.get(group, 0.0) + int(m.group(1)) / 1000
        totals.append(groups)
    names = sorted({g for t in totals for g in t}, key=lambda g: -statistics.median(t.get(g, 0) for t in totals))
    return {g: statistics.median(t.get(g, 0.0) for t in totals) for g in names}


_LABELS = {
    "baseline": "python -c 'import click, rich, yaml'", "json": f"audit check {SEED} -f json",
    "terminal": f"audit check {SEED} (piped)", "terminal_color": f"audit check {SEED} --color",
    "json_001": f"audit check {ISSUE6_SEED} -f json", "python": "floor: python -c pass",
    "click": "floor: import click", "startup": "floor: audit --version",
}


def lines(cold: dict) -> list[str]:
    """The table for ``bench/RESULTS.md``."""
    out = [f"\ncold (median of {cold['runs']} interleaved rounds; wall, then CPU user+sys; load average "
           f"{cold['load_average']:.1f})"]
    for name, c in cold["commands"].items():
        out.append(f"  {_LABELS[name]:40} {c['wall_s'] * 1000:5.0f} ms {c['ratio']:5.2f}×   "
                   f"CPU {c['cpu_s'] * 1000:4.0f} ms {c['cpu_ratio']:5.2f}×")
    out.append(f"  first run, empty caches                  {cold['first_run_s'] * 1000:5.0f} ms")
    out.append("  import self time of a cold JSON run, by package (-X importtime, inflated): "
               + ", ".join(f"{g} {ms:.0f} ms" for g, ms in cold["imports"].items()))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args(argv)
    print("\n".join(lines(bench_cold(args.runs))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
