"""A report among its peers in one batch: percentile ranks within a level, and passages copied
between different bodies.

Copies reuse the year-over-year copy check (``checks.copies``): the same clause keys (digits
masked), the same walk that joins consecutive matching clauses into passages, the same minimum
length. Across a batch each report keeps only a signature — an 8-byte hash, line and length per
clause — and a clause found in the reports of many bodies is boilerplate (the political opening,
the part headings), not copying, so it is left out before pairs are compared.
"""
from __future__ import annotations

import bisect
import hashlib
from array import array
from collections import Counter, defaultdict

from .checks.copies import clauses, passages_between
from .previous import issuer_key, same_body
from .text.markers import parse_marker
from .models import record

MIN_CHARS = 60                 # as the copy check's default (rules: continuity.copied min_chars)
BOILERPLATE_SHARE = 0.05       # a clause in more than this share of the bodies (and at least 3) is boilerplate
MIN_SHARED_CLAUSES = 2         # a pair sharing fewer rare clauses cannot hold a passage worth comparing
HEADING_MAX = 40               # a numbered line this short is a heading, not a paragraph ("（一）依法全面履行政府职能")
MAX_PAIRS = 200                # the workbook and dashboard list the longest ones


@record
class Signature:
    """Per clause of one report: stable 64-bit hash of its key, its line, its length in characters."""

    keys: array
    lines: array
    sizes: array

    def as_clauses(self) -> list[tuple[int, int, int, int]]:
        return [(line, line, key, size) for key, line, size in zip(self.keys, self.lines, self.sizes)]


@record
class CopiedPassage:
    """Lines ``lines`` of report ``a`` repeat lines ``other_lines`` of report ``b`` (1-based, inclusive)."""

    a: str
    lines: tuple[int, int]
    b: str
    other_lines: tuple[int, int]
    chars: int


def clause_signature(text: str, title_line: int | None = None) -> Signature:
    """The signature of ``text`` for ``CopyFinder`` (a few bytes per clause, picklable).

    The title line and heading lines are left out, as the year-over-year copy check leaves them
    out: every report has "一、主要举措和成效" and they say nothing about copying."""
    lines_of = text.split("\n")
    skip = {n for n, line in enumerate(lines_of, 1) if n == title_line or _is_heading(line)}
    starts = [0]
    starts += [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    keys, lines, sizes = array("q"), array("I"), array("H")
    for start, _, key, size in clauses(text):
        line = bisect.bisect_right(starts, start)
        if line in skip:
            continue
        digest = hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
        lines.append(line)
        sizes.append(min(size, 65535))
    return Signature(keys, lines, sizes)


class CopyFinder:
    """Collects one signature per audited report, then finds passages shared by different bodies."""

    def __init__(self, min_chars: int = MIN_CHARS):
        self.min_chars = min_chars
        self.reports: list[tuple[str, str, str, Signature]] = []   # (path, body, sha256, signature)

    def add(self, record: dict, signature: Signature | None) -> None:
        if signature is not None and record.get("is_report"):
            body = issuer_key(record["issuer"]) if record.get("issuer") else "file:" + record["path"]
            self.reports.append((record["path"], body, record["sha256"], signature))

    def find(self) -> list[CopiedPassage]:
        """Copied passages between reports of different bodies, longest first (at most ``MAX_PAIRS``)."""
        seen: Counter = Counter()
        for _, _, _, sig in self.reports:
            seen.update(set(sig.keys))
        holders: dict[int, list[int]] = defaultdict(list)
        for n, (_, _, _, sig) in enumerate(self.reports):
            for key in set(sig.keys):
                if seen[key] > 1:
                    holders[key].append(n)
        del seen
        limit = max(3, int(len({r[1] for r in self.reports}) * BOILERPLATE_SHARE))
        shared: dict[tuple[int, int], int] = defaultdict(int)
        for members in holders.values():
            if len({self.reports[n][1] for n in members}) > limit:
                continue   # boilerplate: many bodies write it
            for i, a in enumerate(members):
                for b in members[i + 1:]:
                    shared[a, b] += 1
        found = []
        for (a, b), count in sorted(shared.items()):
            pa, pb = self.reports[a], self.reports[b]
            if count < MIN_SHARED_CLAUSES or same_body(pa[1], pb[1]) or pa[2] == pb[2]:
                continue   # same body (that is the year-over-year check) or the same file twice
            for p in passages_between(pa[3].as_clauses(), pb[3].as_clauses(), self.min_chars):
                found.append(CopiedPassage(pa[0], (p.a_start, p.a_end), pb[0], (p.b_start, p.b_end), p.chars))
        found.sort(key=lambda c: (-c.chars, c.a, c.lines, c.b))
        return found[:MAX_PAIRS]


def _is_heading(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) <= HEADING_MAX and parse_marker(stripped) is not None


def percentile_ranks(records: list[dict], value) -> dict[int, float]:
    """position → percentile rank (0–100) of ``value(record)`` among reports of the same level.

    Mid-rank: the share of peers below plus half the share equal, so the best of 10 gets 95 and a
    tie sits in the middle. Records whose value is ``None`` get no rank; a level with one report
    ranks it at 50."""
    by_level: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for r in records:
        v = value(r) if r.get("is_report") else None
        if v is not None:
            by_level[r["level"]].append((r["position"], v))
    ranks = {}
    for members in by_level.values():
        values = sorted(v for _, v in members)
        n = len(values)
        for position, v in members:
            below = bisect.bisect_left(values, v)
            equal = bisect.bisect_right(values, v) - below
            ranks[position] = round(100 * (below + 0.5 * equal) / n, 1)
    return ranks
