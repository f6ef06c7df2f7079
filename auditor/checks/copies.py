"""Passages one text shares with another: runs of identical clauses, numbers ignored.

Both texts are cut into clauses at Chinese punctuation; each clause is reduced to a key with
every digit replaced ("2023年共办理45件" and "2022年共办理38件" share a key), and last year's keys
go into a hash index. Walking this year's clauses in order, consecutive matches that continue in
last year's text form one passage; one unmatched clause on either side is tolerated, so a
near-identical sentence with a word changed still counts. Linear in the length of both texts.
"""
from __future__ import annotations

from ..text.lazy import lazy_compile
from ..models import record

_CLAUSE = lazy_compile(r"[^,，、。;；!！?？:：\n]+")
_DIGITS = str.maketrans("0123456789", "##########")
MIN_CLAUSE = 4        # shorter clauses ("一是") are too common to mean anything
MAX_CANDIDATES = 8    # a clause found more often than this in last year's text is boilerplate


@record
class Passage:
    """A copied passage: character offsets in this text (``a``) and in last year's (``b``)."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    chars: int        # characters of matching clauses


def clauses(text: str) -> list[tuple[int, int, str, int]]:
    """(start, end, key, characters) of each clause long enough to compare."""
    out = []
    for m in _CLAUSE.finditer(text):
        body = m.group(0).strip()
        if len(body) >= MIN_CLAUSE:
            out.append((m.start(), m.end(), body.translate(_DIGITS), len(body)))
    return out


def shared_passages(a: str, b: str, min_chars: int = 60) -> list[Passage]:
    """Passages of ``a`` (at least ``min_chars`` matching characters) that also occur in ``b``."""
    return passages_between(clauses(a), clauses(b), min_chars)


def passages_between(a_clauses: list[tuple], b_clauses: list[tuple], min_chars: int = 60) -> list[Passage]:
    """``shared_passages`` over clause lists (``clauses()`` or any (start, end, key, characters)
    tuples: keys may be hashes, positions may be line numbers)."""
    index: dict = {}
    for j, (_, _, key, _) in enumerate(b_clauses):
        index.setdefault(key, []).append(j)
    passages: list[Passage] = []
    run = None    # [a_first, a_last, b_first, b_last, chars]
    for i, (start, end, key, size) in enumerate(a_clauses):
        candidates = index.get(key, ())
        if not candidates or len(candidates) > MAX_CANDIDATES:
            if run and i - run[1] > 2:
                _close(run, a_clauses, b_clauses, min_chars, passages)
                run = None
            continue
        follow = [j for j in candidates if run and 0 < j - run[3] <= 2 and i - run[1] <= 2]
        if follow:
            run[1], run[3], run[4] = i, follow[0], run[4] + size
            continue
        if run:
            _close(run, a_clauses, b_clauses, min_chars, passages)
        j = _best_start(i, candidates, a_clauses, b_clauses)
        run = [i, i, j, j, size]
    if run:
        _close(run, a_clauses, b_clauses, min_chars, passages)
    return passages


def _best_start(i: int, candidates, a_clauses, b_clauses) -> int:
    """Of several places a clause occurs last year, the one where the next clause also follows."""
    if len(candidates) > 1 and i + 1 < len(a_clauses):
        after = a_clauses[i + 1][2]
        for j in candidates:
            if j + 1 < len(b_clauses) and b_clauses[j + 1][2] == after:
                return j
    return candidates[0]


def _close(run, a_clauses, b_clauses, min_chars: int, passages: list[Passage]) -> None:
    a_first, a_last, b_first, b_last, chars = run
    if chars >= min_chars:
        passages.append(Passage(a_clauses[a_first][0], a_clauses[a_last][1],
                                b_clauses[b_first][0], b_clauses[b_last][1], chars))
