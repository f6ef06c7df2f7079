"""Refuse rulebook regexes that cannot compile or could backtrack catastrophically."""
from __future__ import annotations

import re

try:  # Python 3.11+
    from re import _parser as sre_parse  # type: ignore[attr-defined]
    from re import _constants as sre_constants  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

_HAN = re.compile(r"[\u3400-\u9fff]")
_REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, getattr(sre_constants, "POSSESSIVE_REPEAT", None)}


def regex_problem(pattern: str) -> str | None:
    """A Chinese sentence saying why ``pattern`` is unusable, or None when it is fine."""
    try:
        parsed = sre_parse.parse(pattern)
    except re.error as exc:
        return f"无法编译（{exc}）"
    if r"\b" in pattern and _HAN.search(pattern):
        return r"\b 紧邻汉字时永远不会生效（Python 把汉字视为单词字符），请去掉 \b"
    if _nested_repeat(parsed, False):
        return "含有嵌套的重复量词（如 (a+)+），可能导致灾难性回溯"
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
