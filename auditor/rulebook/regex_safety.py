"""Refuse rulebook regexes that cannot compile or could backtrack catastrophically."""
from __future__ import annotations

import re

try:  # Python 3.11+
    from re import _parser as sre_parse  # type: ignore[attr-defined]
    from re import _constants as sre_constants  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

_REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, getattr(sre_constants, "POSSESSIVE_REPEAT", None)}


def regex_problem(pattern: str) -> str | None:
    """A Chinese sentence saying why ``pattern`` is unusable, or None when it is fine."""
    try:
        parsed = sre_parse.parse(pattern)
    except re.error as exc:
        return f"无法编译（{exc}）"
    if r"\b" in pattern and any("\u3400" <= ch <= "\u9fff" for ch in pattern):   # no class regex: ~1 ms to compile
        return r"\b 紧邻汉字时永远不会生效（Python 把汉字视为单词字符），请去掉 \b"
    if _nested_repeat(parsed, False):
        return "含有嵌套的重复量词（如 (a+)+），可能导致灾难性回溯"
    if _ambiguous_repeat(parsed):
        return "重复的部分能以多种方式匹配同一段文字（如 (a|aa)+、(.|\\s)+），可能导致灾难性回溯"
    return None


def _nested_repeat(items, inside: bool) -> bool:
    for op, arg in items:
        if op in _REPEATS:
            low, high, body = arg
            unbounded = high == sre_constants.MAXREPEAT or high > 100
            if inside and unbounded:
                return True
            if _nested_repeat(body, inside or unbounded):
                return True
        elif op == sre_constants.SUBPATTERN:
            if _nested_repeat(arg[-1], inside):
                return True
        elif op == sre_constants.BRANCH:
            if any(_nested_repeat(b, inside) for b in arg[1]):
                return True
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            if _nested_repeat(arg[1], inside):
                return True
    return False


def _ambiguous_repeat(items) -> bool:
    """An unbounded repeat whose body has a variable width or alternatives that may start alike.

    Either lets the engine split the same text into iterations in exponentially many ways, e.g.
    "(法|法法)+$" or "(.|\\s)+$" on a long run that does not match in the end. Alternatives with a
    common literal prefix (审核|审查) are factored by the parser and are not flagged.
    """
    for op, arg in items:
        if op in _REPEATS:
            low, high, body = arg
            if high == sre_constants.MAXREPEAT or high > 100:
                width = body.getwidth()
                if width[0] != width[1] or _overlapping_branch(body):
                    return True
            if _ambiguous_repeat(body):
                return True
        elif op == sre_constants.SUBPATTERN and _ambiguous_repeat(arg[-1]):
            return True
        elif op == sre_constants.BRANCH and any(_ambiguous_repeat(b) for b in arg[1]):
            return True
    return False


_ANY = None   # a first-character set that may hold anything (classes, categories, optional parts)


def _overlapping_branch(items) -> bool:
    for op, arg in items:
        if op == sre_constants.BRANCH:
            firsts = [_first(b) for b in arg[1]]
            for i, a in enumerate(firsts):
                for b in firsts[i + 1:]:
                    if a is _ANY or b is _ANY or a & b:
                        return True
            if any(_overlapping_branch(b) for b in arg[1]):
                return True
        elif op == sre_constants.SUBPATTERN and _overlapping_branch(arg[-1]):
            return True
    return False


def _first(items):
    """The characters a sequence can start with, or ``_ANY`` when that is not a small literal set."""
    for op, arg in items:
        if op == sre_constants.LITERAL:
            return {arg}
        if op == sre_constants.AT:
            continue
        if op == sre_constants.SUBPATTERN:
            return _first(arg[-1])
        if op in _REPEATS and arg[0] > 0:
            return _first(arg[2])
        if op == sre_constants.BRANCH:
            sets = [_first(b) for b in arg[1]]
            return _ANY if any(x is _ANY for x in sets) else set().union(*sets)
        return _ANY
    return _ANY
