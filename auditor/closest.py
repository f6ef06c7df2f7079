"""Near misses: "did you mean" hints for a rule id (or other name) that is not known."""
from __future__ import annotations


def closest(name: str, known, limit: int = 3) -> list[str]:
    """Up to ``limit`` entries of ``known`` that look like ``name`` (difflib ratio ≥ 0.6), best first.

    A dotted id is also compared by its last segment, so ``three_system`` finds
    ``enforcement.three_systems`` even though the prefix is missing.
    """
    import difflib   # only when a name was not found: keeps it out of every run's start-up

    known = list(dict.fromkeys(known))
    found = difflib.get_close_matches(name, known, n=limit, cutoff=0.6)
    if len(found) < limit and "." in "".join(known):
        tails = {k.rsplit(".", 1)[-1]: k for k in known}
        for tail in difflib.get_close_matches(name.rsplit(".", 1)[-1], list(tails), n=limit, cutoff=0.75):
            if tails[tail] not in found:
                found.append(tails[tail])
    return found[:limit]


def did_you_mean(name: str, known) -> str:
    """``"是不是：a、b？"`` for the closest entries of ``known``, or ``""`` when none is close."""
    found = closest(name, known)
    return f"是不是：{'、'.join(found)}？" if found else ""
