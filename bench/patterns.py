"""Measure the engine for rulebook regexes: ``re`` against ``regex`` (with and without a timeout), the
matching time each shipped rule needs on a report at the size limit, and how long a hostile pattern
runs before it is stopped. The per-rule limit (``auditor.rulebook.pattern.RULE_SECONDS``) is chosen from
these figures; quote them when changing it.

    .venv/bin/python bench/patterns.py
"""
from __future__ import annotations

import re
import statistics
import sys
import time
from pathlib import Path

import regex

from auditor import load_rulebook
from auditor.api import audit_text
from auditor.read import MAX_INPUT_BYTES
from auditor.rulebook import pattern as bounded
from auditor.rulebook.regex_safety import rule_patterns

ROOT = Path(__file__).resolve().parent.parent
SEEDS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]


def median_ms(func, runs: int = 9) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times)


def engines(rulebook) -> None:
    sources = sorted({p for rule in rulebook.rules for _, p in rule_patterns(rule.raw)})
    compiled_re = [re.compile(s) for s in sources]
    compiled_rx = [regex.compile(s) for s in sources]
    timed = [bounded.Pattern(s) for s in sources]
    for p in timed:
        p.compiled()

    def run_re():
        return sum(1 for t in SEEDS for c in compiled_re for _ in c.finditer(t))

    def run_rx(**kw):
        return sum(1 for t in SEEDS for c in compiled_rx for _ in c.finditer(t, **kw))

    def run_timed():
        with bounded.per_report():
            return sum(len(p.finditer(t)) for t in SEEDS for p in timed)

    same = all([m.span() for m in a.finditer(t)] == [m.span() for m in b.finditer(t)]
               for a, b in zip(compiled_re, compiled_rx) for t in SEEDS)
    base = median_ms(run_re)
    print(f"{len(sources)} rulebook patterns × {len(SEEDS)} seeds, all matches (median of 9); same spans: {same}")
    for name, func in (("re", run_re), ("regex", run_rx), ("regex, timeout=1", lambda: run_rx(timeout=1.0)),
                       ("Pattern (timed search loop)", run_timed)):
        ms = base if name == "re" else median_ms(func)
        print(f"  {name:30s} {ms:7.2f} ms   {ms / base:4.2f}× re")


def warm_audit(rulebook) -> None:
    per = [median_ms(lambda t=t: audit_text(t, rulebook), 15) for t in SEEDS]
    print(f"warm audit_text per seed (median of 15): {', '.join(f'{ms:.2f}' for ms in per)} ms")


def per_rule_at_the_limit(rulebook) -> None:
    text = "\n".join(SEEDS)
    text = (text + "\n") * (MAX_INPUT_BYTES // len(text.encode("utf-8")))
    clock = bounded.Clock()
    token = bounded._CLOCK.set(clock)
    try:
        start = time.perf_counter()
        audit_text.__wrapped__(text, rulebook)   # the body without its own per-report clock, to read ours
        total = time.perf_counter() - start
    finally:
        bounded._CLOCK.reset(token)
    worst = sorted(clock.used.items(), key=lambda kv: -kv[1])[:5]
    print(f"a {len(text.encode('utf-8')) / 2**20:.1f} MB report (the seeds repeated): audit {total:.2f} s wall; "
          f"regex CPU time of the slowest rules:")
    for owner, seconds in worst:
        print(f"  {owner:40s} {seconds:6.3f} s")


def hostile() -> None:
    text = "\n".join(SEEDS)
    for source in (r"(.*?,){11}P", r"(\w|\w\w)*\d{9}"):
        p = bounded.Pattern(source, "hostile")
        with bounded.per_report():
            start, cpu = time.perf_counter(), time.process_time()
            p.finditer(text + "\n" + "数据," * 300 + "附件P")   # a line it backtracks on without end
            print(f"hostile {source!r}: stopped after {time.process_time() - cpu:.2f} s CPU, "
                  f"{time.perf_counter() - start:.2f} s wall (limit {bounded.RULE_SECONDS:g} s CPU)")


def main() -> None:
    rulebook = load_rulebook()
    engines(rulebook)
    warm_audit(rulebook)
    per_rule_at_the_limit(rulebook)
    hostile()


if __name__ == "__main__":
    sys.exit(main())
