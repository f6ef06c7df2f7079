"""Shortening a quoted heading or clause for a message: at a phrase boundary, with "…", or not at all.

A cut in the middle of a phrase ("充分发挥管理职能,全面推进司法行") reads as a typo in the report; a
cut after a clause ("充分发挥管理职能…") reads as a quotation. Text without a boundary near the limit
is kept whole: the callers' texts are short already (a heading title is at most 80 characters).
"""
from __future__ import annotations

# After these a phrase is complete (full-width and ASCII forms).
STOPS = frozenset("，。；：、！？,;:!?")
ELLIPSIS = "…"


def clip(text: str, limit: int) -> str:
    """``text`` when it has at most ``limit`` characters; else the text up to the last phrase stop
    within ``limit`` (at least ``limit // 2`` characters in: "第一部分…" says nothing), else up to the first one within
    ``2 * limit``, followed by "…"; else ``text`` whole. The stop itself is dropped ("职能，" → "职能…")."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cuts = [i for i, ch in enumerate(text[:2 * limit]) if ch in STOPS and i >= max(1, limit // 2)]
    inside = [i for i in cuts if i <= limit]
    if inside:
        return text[:inside[-1]] + ELLIPSIS
    if cuts:
        return text[:cuts[0]] + ELLIPSIS
    return text
