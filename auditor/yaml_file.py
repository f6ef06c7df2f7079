"""The one YAML reader (rulebooks, config, waivers): bounded, ``safe_load`` only, one-line located errors.

Plain data only: the safe constructor (no Python tags), and no implicit dates — an unquoted
``2026-13-01`` stays the string it is written as, and whoever expects a date parses it and says so
(``waivers._date``). Aliases cannot blow a small file up (at most ``MAX_NODES`` values once expanded)
and nesting is limited to ``MAX_DEPTH`` levels, so nothing downstream can recurse without end; numbers
are finite (a ``.nan`` weight would make every score NaN).
"""
from __future__ import annotations

import math
import os
from functools import lru_cache

from .errors import AuditorError, InputError
from .files import MAX_DATA_BYTES, read_limited

MAX_NODES = 200_000   # the shipped rulebook, all files: ~8,000 values
MAX_DEPTH = 64        # the shipped rulebook nests 6 levels deep
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


@lru_cache(maxsize=1)
def _loader():
    """``safe_load``'s loader without implicit timestamps; ``!!timestamp`` gives the written text.

    Built on first use: a cold start that hits the compiled-rulebook cache never imports yaml.
    """
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)   # libyaml's speed when built with it; same constructor
    resolvers = {first: [(tag, rx) for tag, rx in found if tag != _TIMESTAMP]
                 for first, found in base.yaml_implicit_resolvers.items()}
    loader = type("PlainDataLoader", (base,), {"yaml_implicit_resolvers": resolvers})
    loader.add_constructor(_TIMESTAMP, lambda self, node: self.construct_scalar(node))
    return loader


class YamlProblem(Exception):
    """Text that is not usable YAML data: ``line`` (1-based, or None) and a Chinese ``problem``."""

    def __init__(self, line: int | None, problem: str):
        self.line, self.problem = line, problem
        super().__init__(problem)


def parse_yaml(text: str):
    """The data of YAML ``text`` (plain Python values); raises ``YamlProblem``."""
    import yaml

    try:
        data = yaml.load(text, Loader=_loader())
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        if "python/" in str(exc) or "could not determine a constructor" in str(exc):
            problem = "不允许的 YAML 标签（只接受纯数据，按 safe_load 读取）"
        raise YamlProblem(mark.line + 1 if mark else None, f"YAML 语法错误：{problem}") from None
    except RecursionError:
        raise YamlProblem(None, f"YAML 嵌套过深（最多 {MAX_DEPTH} 层）") from None
    except (ValueError, TypeError, OverflowError) as exc:   # e.g. "!!int abc", "!!float x"
        raise YamlProblem(None, f"YAML 值无效：{exc}") from None
    _check_size(data)
    return data


def read_yaml(path: str | os.PathLike, what: str, error: type[AuditorError] = AuditorError) -> tuple[object, str]:
    """Return (data, text) of ``path``; ``what`` names the file's role in messages (e.g. "豁免文件")."""
    try:
        raw = read_limited(str(path), MAX_DATA_BYTES, what)
    except InputError as exc:
        raise error(str(exc)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(f"{path}: {what}不是 UTF-8 编码（第 {exc.start + 1} 字节）") from None
    try:
        return parse_yaml(text), text
    except YamlProblem as exc:
        where = f":{exc.line}" if exc.line else ""
        raise error(f"{path}{where}: {what} {exc.problem}") from None


def _check_size(data) -> None:
    """Walk the data as a consumer would (aliases expanded), refusing too many values or too deep nesting."""
    stack, seen = [(data, 1)], 0
    while stack:
        value, depth = stack.pop()
        seen += 1
        if seen > MAX_NODES:
            raise YamlProblem(None, f"YAML 数据过大（别名展开后超过 {MAX_NODES} 个值）")
        if depth > MAX_DEPTH:
            raise YamlProblem(None, f"YAML 嵌套过深（最多 {MAX_DEPTH} 层）")
        if isinstance(value, float) and not math.isfinite(value):   # .nan/.inf would poison scores and JSON
            raise YamlProblem(None, "YAML 值无效：数值必须是有限数（不接受 .nan、.inf）")
        if isinstance(value, dict):
            stack.extend((item, depth + 1) for pair in value.items() for item in pair)
        elif isinstance(value, (list, tuple, set)):
            stack.extend((item, depth + 1) for item in value)
