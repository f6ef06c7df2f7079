"""Benchmark the reviewer's desk: memory of large batches, -j scaling, cold start, import time.

Run with the project's interpreter::

    .venv/bin/python bench/batch.py            # full run (about 10 minutes on 2 cores): prints, writes bench/BATCH.md
    .venv/bin/python bench/batch.py --quick    # smaller batches, fewer repetitions, no BATCH.md

Batches are the seeds repeated (``NNNN.txt``). Peak memory is each child's own ``ru_maxrss`` as
``os.wait4`` reports it (with ``-j 2`` the largest single process, workers included). Timings are
medians of interleaved repetitions; the load average at the start of each section is recorded,
because the machine may be shared.
"""
from __future__ import annotations

import argparse
import filecmp
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cold import bench_cold, lines as cold_lines  # noqa: E402
from run import CHILD_ENV, ROOT, SEEDS, audit_cmd, checked, machine, spawn  # noqa: E402

TARGETS = {"rss_mb": 120.0, "j2_speedup": 1.7, "cold_json_ratio": 1.8, "cold_terminal_ratio": 2.3}


def make_batch(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        shutil.copyfile(SEEDS[i % len(SEEDS)], folder / f"{i:05d}.txt")
    return folder


def bench_memory(tmp: Path, counts: tuple[int, ...], formats: tuple[str, ...]) -> dict:
    """``audit check DIR -f FMT -j 1`` per count and format: seconds, reports/s, peak RSS."""
    out = {"load_average": os.getloadavg()[0]}
    for count in counts:
        folder = make_batch(tmp / f"b{count}", count)
        for fmt in formats:
            run = checked(spawn(audit_cmd() + ["check", str(folder), "-f", fmt, "-j", "1"]), f"{count} {fmt}")
            out[f"{fmt}_{count}"] = {"seconds": run["seconds"], "reports_per_s": count / run["seconds"],
                                     "rss_mb": run["rss_mb"]}
        shutil.rmtree(folder)
    return out


def bench_workers(tmp: Path, count: int, repeats: int, fmt: str) -> dict:
    """``-j 1`` and ``-j 2`` interleaved ``repeats`` times; medians, speed-up, identical bytes."""
    folder = make_batch(tmp / f"w{count}", count)
    times: dict[int, list[float]] = {1: [], 2: []}
    rss: dict[int, float] = {1: 0.0, 2: 0.0}
    load = os.getloadavg()[0]
    for _ in range(repeats):
        for n in (1, 2):
            run = checked(spawn(audit_cmd() + ["check", str(folder), "-f", fmt, "-j", str(n)]), f"-j {n}")
            times[n].append(run["seconds"])
            rss[n] = max(rss[n], run["rss_mb"])
    outputs = {}
    for n in (1, 2):
        target = tmp / f"out-j{n}.{fmt}"
        with open(target, "wb") as fh:
            subprocess.run(audit_cmd() + ["check", str(folder), "-f", fmt, "-j", str(n)], stdout=fh,
                           stderr=subprocess.DEVNULL, env=CHILD_ENV, check=False)
        outputs[n] = target
    j1, j2 = statistics.median(times[1]), statistics.median(times[2])
    shutil.rmtree(folder)
    return {"reports": count, "format": fmt, "repeats": repeats, "load_average": load,
            "j1_s": j1, "j2_s": j2, "j1_all": times[1], "j2_all": times[2], "speedup": j1 / j2,
            "j1_per_s": count / j1, "j2_per_s": count / j2, "rss_mb": rss,
            "identical": filecmp.cmp(outputs[1], outputs[2], shallow=False)}


def bench_review_files(tmp: Path, count: int) -> dict:
    """``-o xlsx:`` and ``-o dashboard:`` over ``count`` reports: seconds, peak RSS, file size."""
    folder = make_batch(tmp / f"r{count}", count)
    out = {}
    for fmt, name in (("xlsx", "out.xlsx"), ("dashboard", "out.html")):
        path = tmp / name
        run = checked(spawn(audit_cmd() + ["check", str(folder), "--summary", "-o", f"{fmt}:{path}"]), fmt)
        out[fmt] = {"reports": count, "seconds": run["seconds"], "rss_mb": run["rss_mb"],
                    "kb": path.stat().st_size / 1024}
    shutil.rmtree(folder)
    return out


def table(res: dict) -> str:
    m = res["machine"]
    lines = [f"machine: {m['cpu']}, {m['cores']} cores, {m['memory']}, Python {m['python']}, "
             f"auditor {m['auditor']} @ {m['commit']}"]
    mem = res["memory"]
    lines.append(f"\nlarge batches, -j 1 (seeds repeated; load average {mem['load_average']:.1f})")
    for key, r in mem.items():
        if key != "load_average":
            fmt, count = key.split("_")
            lines.append(f"  {count:>5} reports  -f {fmt:5}  {r['seconds']:7.1f} s  {r['reports_per_s']:5.0f} reports/s"
                         f"  peak RSS {r['rss_mb']:5.1f} MB")
    for w in res["workers"]:
        lines.append(f"\n-j scaling: {w['reports']} reports -f {w['format']} (median of {w['repeats']}, interleaved;"
                     f" load average {w['load_average']:.1f})")
        lines.append(f"  -j 1  {w['j1_s']:6.2f} s  {w['j1_per_s']:5.0f} reports/s   (runs: "
                     + ", ".join(f"{t:.2f}" for t in w["j1_all"]) + ")")
        lines.append(f"  -j 2  {w['j2_s']:6.2f} s  {w['j2_per_s']:5.0f} reports/s   (runs: "
                     + ", ".join(f"{t:.2f}" for t in w["j2_all"]) + ")")
        lines.append(f"  speed-up {w['speedup']:.2f}×; outputs of -j 1 and -j 2 "
                     f"{'byte-identical' if w['identical'] else 'DIFFER'}")
    if "review" in res:
        lines.append("\nreviewer's files")
        for fmt, r in res["review"].items():
            lines.append(f"  -o {fmt:9} {r['reports']} reports  {r['seconds']:6.1f} s  peak RSS {r['rss_mb']:5.0f} MB"
                         f"  {r['kb']:7.0f} KB")
    lines.extend(cold_lines(res["cold"]))
    lines.append("\ntargets")
    for name, (value, limit, smaller) in res["targets"].items():
        ok = value <= limit if smaller else value >= limit
        lines.append(f"  {'ok  ' if ok else 'MISS'} {name:24} {value:8.2f}  ({'≤' if smaller else '≥'} {limit:g})")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller batches, fewer repetitions")
    parser.add_argument("--only", choices=("memory", "workers", "cold", "review"), action="append",
                        help="run only these sections (repeatable)")
    args = parser.parse_args(argv)
    want = set(args.only or ("memory", "workers", "cold", "review"))
    res: dict = {"machine": machine(), "quick": args.quick}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        if "memory" in want:
            res["memory"] = bench_memory(tmp, (200, 500) if args.quick else (2000, 5000), ("jsonl", "csv"))
        if "workers" in want:
            res["workers"] = [bench_workers(tmp, 200 if args.quick else 1000, 1 if args.quick else 5, fmt)
                              for fmt in ("jsonl", "csv")]
        if "review" in want:
            res["review"] = bench_review_files(tmp, 100 if args.quick else 2000)
    if "cold" in want:
        res["cold"] = bench_cold(5 if args.quick else 20)
    targets = {}
    if "memory" in res:
        targets["peak_rss_mb"] = (max(r["rss_mb"] for k, r in res["memory"].items() if k != "load_average"),
                                  TARGETS["rss_mb"], True)
    if "workers" in res:
        targets["j2_speedup"] = (min(w["speedup"] for w in res["workers"]), TARGETS["j2_speedup"], False)
    if "cold" in res:
        cold = res["cold"]["commands"]
        targets["cold_json_ratio"] = (cold["json"]["ratio"], TARGETS["cold_json_ratio"], True)
        targets["cold_terminal_ratio"] = (cold["terminal"]["ratio"], TARGETS["cold_terminal_ratio"], True)
    res["targets"] = targets
    res.setdefault("memory", {"load_average": 0.0})
    res.setdefault("workers", [])
    text = table(res) if "cold" in res else json.dumps(res, ensure_ascii=False, indent=2) + "\n"
    print(text, end="")
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "batch.json").write_text(json.dumps(res, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if not args.quick and not args.only:
        (ROOT / "bench" / "BATCH.md").write_text(
            "# Batch benchmark results\n\nLatest full run of `python bench/batch.py` "
            f"({res['machine']['date']}). Regenerated by the script; do not edit by hand.\n\n```\n{text}```\n",
            encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
