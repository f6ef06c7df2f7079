"""Benchmark PDF input: one long PDF audited cold, and a batch of PDFs, against the import baseline.

The long PDF is the five seeds typeset three times over (A4, reportlab's CID font STSong-Light,
"- N -" page-number footers: 75 pages); the batch is 100 copies of a seven-page PDF (seed 001).
Run with the project's interpreter::

    .venv/bin/python bench/pdf_run.py           # writes bench/PDF_RESULTS.md and bench/results/pdf.json
    .venv/bin/python bench/pdf_run.py --quick   # fewer runs, no PDF_RESULTS.md
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from run import CHILD_ENV, ROOT, SEEDS, audit_cmd, checked, machine, spawn  # noqa: E402

TARGETS = {"pdf_cold_ratio": (12.0, "× baseline", "max"), "pdf_rss_mb": (120.0, "MB", "max"),
           "pdf_batch_j2_rps": (20.0, "reports/s", "min")}   # from issue 11
_PHASES = ("import time\nt0 = time.perf_counter()\nimport auditor.cli, pdf_oxide\nt1 = time.perf_counter()\n"
           "from auditor.read import read_path\nfrom auditor.api import audit_source\n"
           "source = read_path({path!r})\nt2 = time.perf_counter()\naudit_source(source)\n"
           "t3 = time.perf_counter()\nprint(t1 - t0, t2 - t1, t3 - t2, len(source.pages and set(source.pages)))\n")


def long_pdf(folder: Path) -> Path:
    """The five seeds typeset three times over as one PDF."""
    from tests.documents import pdf_from_text

    text = "\n".join(seed.read_text(encoding="utf-8").rstrip("\n") for seed in SEEDS * 3)
    path = folder / "seeds-x3.pdf"
    path.write_bytes(pdf_from_text(text, page_numbers=True))
    return path


def bench_cold(path: Path, runs: int) -> dict:
    """Interleaved cold runs of ``audit check LONG.pdf -f json`` and ``python -c 'import click, rich, yaml'``."""
    audit = audit_cmd() + ["check", str(path), "--format", "json"]
    baseline = [sys.executable, "-c", "import click, rich, yaml"]
    checked(spawn(audit), "warm-up")
    audits, bases = [], []
    for _ in range(runs):
        bases.append(spawn(baseline))
        audits.append(checked(spawn(audit), "cold PDF run"))
    phases = [float(v) for v in spawn_output([sys.executable, "-c", _PHASES.format(path=str(path))]).split()]
    audit_s = statistics.median(r["seconds"] for r in audits)
    base_s = statistics.median(r["seconds"] for r in bases)
    audit_cpu = statistics.median(r["cpu_s"] for r in audits)
    base_cpu = statistics.median(r["cpu_s"] for r in bases)
    return {"runs": runs, "pages": int(phases[3]), "audit_median_s": audit_s, "baseline_median_s": base_s,
            "ratio": audit_s / base_s, "audit_cpu_s": audit_cpu, "baseline_cpu_s": base_cpu,
            "cpu_ratio": audit_cpu / base_cpu, "rss_mb": max(r["rss_mb"] for r in audits),
            "import_s": phases[0], "read_s": phases[1], "audit_s": phases[2]}


def spawn_output(argv: list[str]) -> str:
    import subprocess

    return subprocess.run(argv, capture_output=True, text=True, env=CHILD_ENV, cwd=ROOT, check=True).stdout


def bench_batch(count: int, repeats: int) -> dict:
    """``audit check DIR -f json -j 2`` over ``count`` copies of a seven-page PDF."""
    from tests.documents import pdf_from_text

    data = pdf_from_text(SEEDS[1].read_text(encoding="utf-8"), page_numbers=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pdfs"
        folder.mkdir()
        for i in range(count):
            (folder / f"{i:03d}.pdf").write_bytes(data)
        runs = [checked(spawn(audit_cmd() + ["check", str(folder), "--format", "json", "-j", "2"]), "PDF batch")
                for _ in range(repeats)]
    seconds = statistics.median(r["seconds"] for r in runs)
    # What one report costs in CPU (read + audit, rulebook loaded): the rate two idle cores could reach.
    from auditor import load_rulebook
    from auditor.api import audit_source
    from auditor.read import read_bytes

    rulebook, cpu = load_rulebook(), []
    for _ in range(10):
        start = time.process_time()
        audit_source(read_bytes(data, "x.pdf"), rulebook)
        cpu.append(time.process_time() - start)
    per_report = statistics.median(cpu[1:])
    return {"reports": count, "repeats": repeats, "seconds": seconds, "reports_per_s": count / seconds,
            "rss_mb": max(r["rss_mb"] for r in runs), "cpu_per_report_s": per_report,
            "cpu_bound_rps_2_cores": 2 / per_report}


def verdicts(res: dict) -> dict:
    values = {"pdf_cold_ratio": res["cold"]["ratio"], "pdf_rss_mb": res["cold"]["rss_mb"],
              "pdf_batch_j2_rps": res["batch"]["reports_per_s"]}
    return {k: {"value": v, "limit": TARGETS[k][0], "unit": TARGETS[k][1],
                "met": v <= TARGETS[k][0] if TARGETS[k][2] == "max" else v >= TARGETS[k][0]}
            for k, v in values.items()}


def table(res: dict) -> str:
    m, c, b = res["machine"], res["cold"], res["batch"]
    lines = [f"machine: {m['cpu']}, {m['cores']} cores, {m['memory']}, Python {m['python']}, "
             f"auditor {m['auditor']} @ {m['commit']} (load average {res['load_average']:.1f} at the start)",
             f"\ncold: the five seeds typeset three times over, {c['pages']} pages (median of {c['runs']} runs)",
             f"  audit check seeds-x3.pdf -f json        {c['audit_median_s'] * 1000:7.0f} ms   peak RSS {c['rss_mb']:.0f} MB",
             f"  python -c 'import click, rich, yaml'    {c['baseline_median_s'] * 1000:7.0f} ms   ratio {c['ratio']:.2f}×",
             f"  CPU time {c['audit_cpu_s'] * 1000:.0f} ms vs {c['baseline_cpu_s'] * 1000:.0f} ms: ratio {c['cpu_ratio']:.2f}×",
             f"  one run in phases: imports (auditor.cli, pdf_oxide) {c['import_s'] * 1000:.0f} ms, "
             f"reading {c['read_s'] * 1000:.0f} ms ({c['pages'] / c['read_s']:.0f} pages/s), audit {c['audit_s'] * 1000:.0f} ms",
             f"\nbatch: {b['reports']} seven-page PDFs, audit check DIR -f json -j 2 (median of {b['repeats']})",
             f"  {b['seconds']:.2f} s   {b['reports_per_s']:.1f} reports/s   peak RSS {b['rss_mb']:.0f} MB (main process)",
             f"  CPU per report (read + audit, in process) {b['cpu_per_report_s'] * 1000:.0f} ms: "
             f"{b['cpu_bound_rps_2_cores']:.0f} reports/s on two idle cores",
             "\ntargets"]
    for name, t in res["targets"].items():
        sign = "≤" if TARGETS[name][2] == "max" else "≥"
        lines.append(f"  {'ok  ' if t['met'] else 'MISS'} {name:18} {t['value']:8.2f} {t['unit']:11} ({sign} {t['limit']:g})")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    import os

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs (about 30 s)")
    args = parser.parse_args(argv)
    res = {"machine": machine(), "quick": args.quick, "load_average": os.getloadavg()[0]}
    with tempfile.TemporaryDirectory() as tmp:
        res["cold"] = bench_cold(long_pdf(Path(tmp)), 5 if args.quick else 15)
    res["batch"] = bench_batch(100, 1 if args.quick else 3)
    res["targets"] = verdicts(res)
    text = table(res)
    print(text, end="")
    out = ROOT / "bench" / "results" / "pdf.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(res, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if not args.quick:
        (ROOT / "bench" / "PDF_RESULTS.md").write_text(
            f"# PDF benchmark results\n\nLatest full run of `python bench/pdf_run.py` ({time.strftime('%Y-%m-%d')}). "
            "Regenerated by the script; do not edit by hand.\n\n```\n" + text + "```\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
