"""Benchmark ``audit``: cold CLI, warm library calls, a 500-report batch, long documents, memory.

Run with the project's interpreter (the one that has ``auditor`` installed)::

    .venv/bin/python bench/run.py           # full run: prints a table, writes JSON and bench/RESULTS.md
    .venv/bin/python bench/run.py --quick   # fewer repetitions, smaller batch, no RESULTS.md
    .venv/bin/python bench/run.py --peers DIR   # also time textlint and zhlint installed in DIR by npm

Every child process is timed with ``time.perf_counter`` around spawn-to-exit and its peak resident
memory is read from ``os.wait4`` (the child's own ``ru_maxrss``), so figures are per process.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
BASE_SEED = ROOT / "seeds" / "001.txt"
RESULTS = ROOT / "bench" / "results"
# Figures quoted from /work/shared/reference/peers.md §5 (hyperfine means on a 2-core machine, one 19 KB seed).
PEERS = {"python -c pass": 0.012, "textlint, 1 rule": 0.522, "textlint, 4 zh rules": 0.558, "zhlint": 0.304}
TARGETS = {  # name: (limit, unit) — from issue 6
    "cold_ratio": (2.5, "× baseline"), "warm_ms_per_20kb": (10.0, "ms"), "batch_500_j2_s": (10.0, "s"),
    "scale_400_s": (15.0, "s"), "scale_400_rss_mb": (500.0, "MB"), "single_rss_mb": (120.0, "MB"),
    "scale_400_previous_s": (15.0, "s"), "scale_400_previous_rss_mb": (500.0, "MB"),
    "cold_vs_textlint": (1.0, "× textlint"),
}
# Runs the real CLI in-process after imports, so long documents are timed without interpreter start-up.
_TIMED_CLI = ("import sys, time\nfrom auditor.cli import main\nt = time.perf_counter()\n"
              "try:\n    main(sys.argv[1:])\nfinally:\n"
              "    sys.stderr.write(f'BENCH_SECONDS {time.perf_counter() - t}\\n')\n")


# Children run with bytecode caching on, as an installed package has it (pip compiles .pyc files);
# a development shell with PYTHONDONTWRITEBYTECODE=1 would otherwise time source compilation.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def spawn(argv: list[str], env: dict | None = None, cwd: Path = ROOT) -> dict:
    """Run ``argv`` to completion; wall seconds, the child's peak RSS in MB, exit code, stderr."""
    env = CHILD_ENV if env is None else env
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=err, stdin=subprocess.DEVNULL,
                                env=env, cwd=cwd)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    return {"seconds": seconds, "cpu_s": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024,
            "rc": proc.returncode, "stderr": stderr}


def checked(run: dict, what: str) -> dict:
    """Refuse to time a run that failed (exit code 2 or a crash): its time would mean nothing."""
    if run["rc"] not in (0, 1):
        sys.exit(f"bench: {what} exited with {run['rc']}:\n{run['stderr'][-2000:]}")
    return run


def audit_cmd() -> list[str]:
    """The installed ``audit`` script next to this interpreter, else ``python -m auditor``."""
    script = Path(sys.executable).with_name("audit")
    return [str(script)] if script.exists() else [sys.executable, "-m", "auditor"]


def machine() -> dict:
    """What the figures were measured on."""
    cpu = "unknown"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo", encoding="utf-8")
                   if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = "unknown"
    try:
        kb = int(next(line.split()[1] for line in open("/proc/meminfo") if line.startswith("MemTotal")))
        mem = f"{kb / 1024 / 1024:.1f} GB"
    except (OSError, StopIteration, ValueError):
        pass
    git = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True)
    import auditor
    return {"cpu": cpu, "cores": len(os.sched_getaffinity(0)), "memory": mem, "os": platform.platform(),
            "python": platform.python_version(), "auditor": auditor.__version__,
            "commit": (git.stdout.strip() or "unknown") + (" (modified)" if dirty.stdout.strip() else ""),
            "date": time.strftime("%Y-%m-%d")}


def bench_cold(runs: int) -> dict:
    """Interleaved cold runs of ``audit check seeds/001.txt -f json`` and the import baseline."""
    audit = audit_cmd() + ["check", str(BASE_SEED.relative_to(ROOT)), "--format", "json"]
    baseline = [sys.executable, "-c", "import click, rich, yaml"]
    checked(spawn(audit), "warm-up")   # fills the page cache, the rulebook caches and __pycache__
    spawn(baseline)
    audits, bases = [], []
    for _ in range(runs):
        bases.append(spawn(baseline))
        audits.append(checked(spawn(audit), "cold run"))
    with tempfile.TemporaryDirectory() as cache:  # a first-ever run: rulebook neither validated nor compiled
        first = checked(spawn(audit, env={**CHILD_ENV, "XDG_CACHE_HOME": cache}), "first run")
    audit_s = statistics.median(r["seconds"] for r in audits)
    base_s = statistics.median(r["seconds"] for r in bases)
    audit_cpu = statistics.median(r["cpu_s"] for r in audits)
    base_cpu = statistics.median(r["cpu_s"] for r in bases)
    return {"runs": runs, "audit_median_s": audit_s, "audit_min_s": min(r["seconds"] for r in audits),
            "baseline_median_s": base_s, "ratio": audit_s / base_s, "first_run_s": first["seconds"],
            "audit_cpu_s": audit_cpu, "baseline_cpu_s": base_cpu, "cpu_ratio": audit_cpu / base_cpu,
            "load_average": os.getloadavg()[0],
            "rss_mb": max(r["rss_mb"] for r in audits), "baseline_rss_mb": max(r["rss_mb"] for r in bases)}


def bench_warm(repeats: int) -> dict:
    """In-process ``audit_text`` on each seed with one preloaded rulebook; median per report."""
    from auditor import audit_text, load_rulebook
    from auditor.read import read_path

    rulebook = load_rulebook()
    per_seed = {}
    for seed in SEEDS:
        text = read_path(str(seed)).text
        audit_text(text, rulebook)   # first call fills lazy caches (e.g. a segmenter)
        times, cpu = [], []
        for _ in range(repeats):
            start, start_cpu = time.perf_counter(), time.process_time()
            audit_text(text, rulebook)
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        size = len(text.encode("utf-8"))
        ms = statistics.median(times) * 1000
        # a report up to 20 KB must take ≤ 10 ms; a longer one is scaled down to 20 KB
        per_seed[seed.name] = {"kb": size / 1024, "median_ms": ms, "ms_per_20kb": ms * min(1, 20 * 1024 / size),
                               "cpu_ms": statistics.median(cpu) * 1000}
    return {"repeats": repeats, "seeds": per_seed,
            "max_ms_per_20kb": max(s["ms_per_20kb"] for s in per_seed.values()),
            "reports_per_s": 1000 / statistics.median(s["median_ms"] for s in per_seed.values())}


def bench_batch(count: int, workers: tuple[int, ...], repeats: int) -> dict:
    """``audit check DIR --format json -j N`` over ``count`` reports (the seeds repeated)."""
    out = {"reports": count, "repeats": repeats}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "reports"
        folder.mkdir()
        for i in range(count):
            shutil.copyfile(SEEDS[i % len(SEEDS)], folder / f"{i:04d}.txt")
        for n in workers:
            runs = [checked(spawn(audit_cmd() + ["check", str(folder), "--format", "json", "-j", str(n)]),
                            f"batch -j {n}") for _ in range(repeats)]
            seconds = statistics.median(r["seconds"] for r in runs)
            out[f"j{n}"] = {"seconds": seconds, "reports_per_s": count / seconds,
                            "rss_mb": max(r["rss_mb"] for r in runs)}
    return out


def scaled_text(factor: int, first: int = 0) -> str:
    """``factor`` × the base seed's length, made of the seeds concatenated in turn (whole lines)."""
    target = factor * len(BASE_SEED.read_text(encoding="utf-8"))
    texts = [s.read_text(encoding="utf-8").rstrip("\n") + "\n" for s in SEEDS]
    pieces, size, i = [], 0, first
    while size < target:
        pieces.append(texts[i % len(texts)])
        size += len(pieces[-1])
        i += 1
    text = "".join(pieces)
    return text[: text.rfind("\n", 0, target) + 1] if size > target else text


def bench_scaling(factors: tuple[int, ...]) -> dict:
    """One long document per factor through the CLI: in-process seconds, wall seconds, peak RSS.

    Each factor runs twice: alone, and with ``--previous`` set to a same-sized document that starts
    at another seed (the copy and continuity checks then compare two long texts).
    """
    rows: dict[str, dict] = {"alone": {}, "previous": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for factor in factors:
            path, prev = Path(tmp) / f"x{factor}.txt", Path(tmp) / f"x{factor}-previous.txt"
            path.write_text(scaled_text(factor), encoding="utf-8")
            prev.write_text(scaled_text(factor, first=2), encoding="utf-8")
            mb = path.stat().st_size / 1024 / 1024
            for mode, extra in (("alone", []), ("previous", ["--previous", str(prev)])):
                run = checked(spawn([sys.executable, "-c", _TIMED_CLI, "check", str(path), "--format", "json",
                                     *extra]), f"{factor}× document ({mode})")
                inner = float(run["stderr"].rsplit("BENCH_SECONDS", 1)[1].split()[0])
                rows[mode][str(factor)] = {"mb": mb, "seconds": inner, "wall_s": run["seconds"],
                                           "cpu_s": run["cpu_s"], "rss_mb": run["rss_mb"], "s_per_mb": inner / mb}
    out = {"factors": rows["alone"], "with_previous": rows["previous"]}
    for mode, key in (("alone", "slope"), ("previous", "slope_previous")):
        first, last = rows[mode][str(factors[0])], rows[mode][str(factors[-1])]
        out[key] = math.log(last["seconds"] / first["seconds"]) / math.log(last["mb"] / first["mb"])
    out["linear"] = max(out["slope"], out["slope_previous"]) <= 1.15
    return out


def bench_peers(folder: Path | None, runs: int) -> dict:
    """Cold textlint (one rule) and zhlint on the same seed, if installed with npm under ``folder``."""
    out = {"quoted_from": "shared/reference/peers.md §5", "quoted_s": PEERS, "measured_s": {}, "runs": runs}
    if folder is None:
        return out
    tools = folder / "node_modules" / ".bin"
    seed = str(BASE_SEED)
    for name, argv in (("textlint, 1 rule (no-todo)", [str(tools / "textlint"), "--rule", "no-todo", seed]),
                       ("zhlint", [str(tools / "zhlint"), seed])):
        if Path(argv[0]).exists():
            spawn(argv)   # warm-up; their exit codes report findings, not failures
            out["measured_s"][name] = statistics.median(spawn(argv)["seconds"] for _ in range(runs))
    return out


def verdicts(res: dict) -> dict:
    """Each target with its measured value and whether it is met."""
    values = {"cold_ratio": res["cold"]["ratio"], "warm_ms_per_20kb": res["warm"]["max_ms_per_20kb"],
              "single_rss_mb": res["cold"]["rss_mb"]}
    if "j2" in res.get("batch", {}):
        values["batch_500_j2_s"] = res["batch"]["j2"]["seconds"] * 500 / res["batch"]["reports"]
    measured = res["peers"]["measured_s"]
    textlint = measured.get("textlint, 1 rule (no-todo)", PEERS["textlint, 1 rule"])
    values["cold_vs_textlint"] = res["cold"]["audit_median_s"] / textlint
    for suffix, key in (("", "factors"), ("_previous", "with_previous")):
        big = res.get("scaling", {}).get(key, {}).get("400")
        if big:
            values[f"scale_400{suffix}_s"], values[f"scale_400{suffix}_rss_mb"] = big["wall_s"], big["rss_mb"]
    return {k: {"value": v, "limit": TARGETS[k][0], "unit": TARGETS[k][1], "met": v <= TARGETS[k][0]}
            for k, v in values.items()}


def table(res: dict) -> str:
    """The human-readable report."""
    c, w, lines = res["cold"], res["warm"], []
    m = res["machine"]
    lines.append(f"machine: {m['cpu']}, {m['cores']} cores, {m['memory']}, {m['os']}, Python {m['python']}, "
                 f"auditor {m['auditor']} @ {m['commit']}")
    lines.append(f"\ncold (median of {c['runs']} runs)")
    lines.append(f"  audit check seeds/001.txt -f json   {c['audit_median_s'] * 1000:7.0f} ms"
                 f"   (min {c['audit_min_s'] * 1000:.0f} ms, peak RSS {c['rss_mb']:.0f} MB)")
    lines.append(f"  python -c 'import click, rich, yaml' {c['baseline_median_s'] * 1000:6.0f} ms"
                 f"   ratio {c['ratio']:.2f}×")
    lines.append(f"  CPU time (user+sys) {c['audit_cpu_s'] * 1000:.0f} ms vs {c['baseline_cpu_s'] * 1000:.0f} ms:"
                 f" ratio {c['cpu_ratio']:.2f}× (load average {c['load_average']:.1f})")
    lines.append(f"  first run, empty rulebook cache     {c['first_run_s'] * 1000:7.0f} ms")
    lines.append(f"\nwarm audit_text (median of {w['repeats']}, rulebook preloaded)")
    for name, s in w["seeds"].items():
        lines.append(f"  {name}  {s['kb']:5.1f} KB  {s['median_ms']:7.2f} ms  (CPU {s['cpu_ms']:.2f} ms)")
    lines.append(f"  ≈ {w['reports_per_s']:.0f} reports/s on one core")
    if "batch" in res:
        b = res["batch"]
        lines.append(f"\nbatch: {b['reports']} reports, audit check DIR -f json (median of {b['repeats']})")
        for key in ("j1", "j2"):
            if key in b:
                lines.append(f"  -j {key[1:]}  {b[key]['seconds']:6.2f} s  {b[key]['reports_per_s']:6.0f} reports/s"
                             f"  peak RSS {b[key]['rss_mb']:.0f} MB (main process)")
    if "scaling" in res:
        s = res["scaling"]
        lines.append("\nscaling: one document, seeds concatenated (in-process CLI time / whole process / CPU)")
        for title, key in (("alone", "factors"), ("with --previous of the same size", "with_previous")):
            lines.append(f"  {title}")
            for factor, r in s[key].items():
                lines.append(f"  {factor:>4}×  {r['mb']:6.2f} MB  {r['seconds']:6.2f} s / {r['wall_s']:6.2f} s"
                             f" / {r['cpu_s']:6.2f} s  {r['s_per_mb']:5.2f} s/MB  peak RSS {r['rss_mb']:5.0f} MB")
        lines.append(f"  growth exponent {s['slope']:.2f} alone, {s['slope_previous']:.2f} with --previous"
                     f" (1.00 = linear): {'linear' if s['linear'] else 'NOT linear'}")
    peers = res["peers"]
    if peers["measured_s"]:
        lines.append(f"\npeers, cold on the same seed (median of {peers['runs']}, this machine)")
        for name, seconds in peers["measured_s"].items():
            lines.append(f"  {name:28} {seconds * 1000:5.0f} ms")
    lines.append("\npeers quoted from shared/reference/peers.md §5 (another 2-core machine, not re-measured)")
    for name, seconds in PEERS.items():
        lines.append(f"  {name:28} {seconds * 1000:5.0f} ms")
    lines.append("\ntargets")
    for name, t in res["targets"].items():
        lines.append(f"  {'ok  ' if t['met'] else 'MISS'} {name:26} {t['value']:8.2f} {t['unit']:11} (≤ {t['limit']:g})")
    return "\n".join(lines) + "\n"


def markdown(res: dict, text: str) -> str:
    """``bench/RESULTS.md``: the latest full run, as printed."""
    return ("# Benchmark results\n\nLatest full run of `python bench/run.py` "
            f"({res['machine']['date']}). Regenerated by the script; do not edit by hand.\n\n"
            "```\n" + text + "```\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs and a smaller batch (about 15 s)")
    parser.add_argument("--json", type=Path, default=RESULTS / "latest.json", help="where to write the JSON")
    parser.add_argument("--peers", type=Path, metavar="DIR",
                        help="also time textlint and zhlint installed there (npm install --prefix DIR "
                             "textlint textlint-rule-no-todo zhlint)")
    args = parser.parse_args(argv)
    res = {"machine": machine(), "quick": args.quick}
    res["cold"] = bench_cold(10 if args.quick else 20)
    res["warm"] = bench_warm(5 if args.quick else 20)
    res["batch"] = bench_batch(100 if args.quick else 500, (1, 2), 1 if args.quick else 3)
    res["scaling"] = bench_scaling((10, 50) if args.quick else (10, 50, 400))
    res["peers"] = bench_peers(args.peers, 5 if args.quick else 10)
    res["targets"] = verdicts(res)
    text = table(res)
    print(text, end="")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(res, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if not args.quick:
        (ROOT / "bench" / "RESULTS.md").write_text(markdown(res, text), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
