"""Find a rule's regexes and refuse those that cannot compile or could backtrack catastrophically."""
from __future__ import annotations

import re
import warnings

try:  # Python 3.11+
    from re import _parser as sre_parse  # type: ignore[attr-defined]
    from re import _constants as sre_constants  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

_REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, getattr(sre_constants, "POSSESSIVE_REPEAT", None)}
MAX_REPEAT_COUNT = 1000   # {m,n} beyond this (or nested to a product beyond it ×10) costs seconds to compile
MAX_WILDCARD_RUNS = 2     # ".*X.*Y.*Z": each unbounded run more multiplies the work on a non-match by n
_MATCHER_KEYS = ("match", "heading", "content", "if", "then")


def regex_problem(pattern: str) -> str | None:
    """A Chinese sentence saying why ``pattern`` is unusable, or None when it is fine.

    The pattern must parse as Python ``re`` syntax (the documented language) and compile on the
    engine that runs it (``regex``, see ``pattern.py``); any error of either — syntax, a repeat
    count beyond the engine's limit, nesting deeper than its parser goes — is reported, never raised.
    """
    try:
        with warnings.catch_warnings():   # e.g. FutureWarning "Possible nested set": not for the user's stderr
            warnings.simplefilter("ignore")
            parsed = sre_parse.parse(pattern)
        problem = _shape_problem(pattern, parsed)
        if problem is None:
            import regex

            regex.compile(pattern)
    except (re.error, ValueError, OverflowError, TypeError) as exc:   # regex.error is a ValueError
        return f"无法编译（{_reason(exc)}）"
    except RecursionError:
        return "无法编译（括号嵌套过深）"
    return problem


def _shape_problem(pattern: str, parsed) -> str | None:
    if r"\b" in pattern and any("\u3400" <= ch <= "\u9fff" for ch in pattern):   # no class regex: ~1 ms to compile
        return r"\b 紧邻汉字时永远不会生效（Python 把汉字视为单词字符），请去掉 \b"
    if _largest_count(parsed) > MAX_REPEAT_COUNT * 10 or _any_count_above(parsed, MAX_REPEAT_COUNT):
        return f"重复次数过大（单个量词最多 {MAX_REPEAT_COUNT} 次，嵌套相乘最多 {MAX_REPEAT_COUNT * 10} 次）"
    if _nested_repeat(parsed, False):
        return "含有嵌套的重复量词（如 (a+)+、(\\S{1,99}){1,99}），可能导致灾难性回溯"
    if _ambiguous_repeat(parsed):
        return "重复的部分能以多种方式匹配同一段文字（如 (a|aa)+、(.|\\s)+），可能导致灾难性回溯"
    if _wildcard_runs(parsed) > MAX_WILDCARD_RUNS:
        return f"含有超过 {MAX_WILDCARD_RUNS} 个可相互重叠的无限重复（如 .*X.*Y.*），不匹配时耗时随文本长度成倍增长"
    return None


def _reason(exc: BaseException) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def _variable(low: int, high: int) -> bool:
    """A repeat whose count is open (or wide): the engine may try many splits of the same text."""
    return high == sre_constants.MAXREPEAT or high > 100 or (high > 10 and high != low)


def _children(op, arg) -> list:
    """The sub-sequences of one parsed item (group bodies, alternatives, repeat bodies, assertions)."""
    if op in _REPEATS:
        return [arg[2]]
    if op == sre_constants.SUBPATTERN:
        return [arg[-1]]
    if op == sre_constants.BRANCH:
        return list(arg[1])
    if op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
        return [arg[1]]
    if op == getattr(sre_constants, "ATOMIC_GROUP", None):
        return [arg]
    if op == sre_constants.GROUPREF_EXISTS:
        return [b for b in arg[1:] if b is not None]
    return []


def _any_count_above(items, limit: int) -> bool:
    for op, arg in items:
        if op in _REPEATS and max(arg[0], 0 if arg[1] == sre_constants.MAXREPEAT else arg[1]) > limit:
            return True
        if any(_any_count_above(c, limit) for c in _children(op, arg)):
            return True
    return False


def _largest_count(items) -> int:
    """The largest product of explicit repeat bounds along one nesting path ({m,n} inside {p,q} → n×q)."""
    best = 1
    for op, arg in items:
        own = 1
        if op in _REPEATS:
            own = max(arg[0], 1 if arg[1] == sre_constants.MAXREPEAT else arg[1])
        best = max(best, own * max((_largest_count(c) for c in _children(op, arg)), default=1))
    return best


def _wildcard_runs(items) -> int:
    """The most unbounded repeats in one sequence (groups flattened) whose first characters may overlap."""
    flat = []

    def flatten(seq):
        for op, arg in seq:
            if op == sre_constants.SUBPATTERN:
                flatten(arg[-1])
            else:
                flat.append((op, arg))
    flatten(items)
    runs = [arg for op, arg in flat if op in _REPEATS and arg[1] == sre_constants.MAXREPEAT]
    firsts = [_first(body) for _, _, body in runs]
    count = sum(1 for i, a in enumerate(firsts)
                if any(a is _ANY or b is _ANY or a & b for j, b in enumerate(firsts) if j != i))
    nested = max((_wildcard_runs(c) for op, arg in flat for c in _children(op, arg)), default=0)
    return max(count, nested)


def _nested_repeat(items, inside: bool) -> bool:
    for op, arg in items:
        if op in _REPEATS:
            low, high, body = arg
            unbounded = _variable(low, high)
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


def regex_code(problem: str) -> str:
    """The lint code of a ``regex_problem`` sentence."""
    if problem.startswith(("无法编译", "重复次数过大")):
        return "regex-compile"
    return "regex-boundary" if r"\b" in problem else "regex-nested"


def rule_patterns(raw: dict):
    """(key, regex) for every regex a rule dict holds: ``re:`` terms of its matchers, of ``replace``
    and anywhere in ``params``, and the plain regexes of ``params.patterns`` (residue checks)."""
    for key in _MATCHER_KEYS:
        for term in _terms(raw.get(key)):
            if isinstance(term, str) and term.startswith("re:"):
                yield key, term[3:]
    for old in (raw.get("replace") or {}) if isinstance(raw.get("replace"), dict) else ():
        if isinstance(old, str) and old.startswith("re:"):
            yield "replace", old[3:]
    params = raw.get("params") if isinstance(raw.get("params"), dict) else {}
    for pattern in params.get("patterns") or () if isinstance(params.get("patterns"), list) else ():
        if isinstance(pattern, str):
            yield "params.patterns", pattern
    stack = [("params", params)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, str) and value.startswith("re:"):
            yield where, value[3:]
        elif isinstance(value, dict):
            stack.extend((f"{where}.{k}", v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((where, v) for v in value)


def _terms(spec) -> list:
    if not isinstance(spec, dict):
        return []
    out = list(spec.get("any", [])) + list(spec.get("not", []))
    for group in spec.get("all", []):
        out.extend(group)
    return out
