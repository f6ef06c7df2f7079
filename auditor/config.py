"""Project configuration: ``.audit.yaml`` or ``[tool.audit]`` in ``pyproject.toml``, found by walking up.

Discovery starts at each audited path (a file's folder, or the folder given) and walks up to the
filesystem root; the first folder holding ``.audit.yaml``, or a ``pyproject.toml`` with a
``[tool.audit]`` table, wins (``.audit.yaml`` first when a folder has both). A path with nothing above
it falls back to the same search from the working directory. All inputs of one run must resolve to
the same file, or all to none — a run applies one configuration — otherwise it is an error. Values
given on the command line override the file; the file overrides the defaults. Relative paths in the
file (``rulebook``, ``waivers``) are relative to the file's folder.

A ``pyproject.toml`` met on the walk is someone else's file unless it has ``[tool.audit]``: one
that cannot be read or parsed (too large, not UTF-8, broken or deeply nested TOML, ``tool = 5``)
is passed over, unless its text visibly declares ``[tool.audit]`` — then the problem is reported.
"""
from __future__ import annotations

import os
import re

from .errors import AuditorError, InputError
from .files import MAX_DATA_BYTES, read_limited, vet
from .yaml_file import read_yaml
from .models import LEVELS, record
from .text.lazy import lazy_compile

CONFIG_NAME = ".audit.yaml"
DEFAULTS: dict = {"rulebook": "national", "level": None, "year": None, "fail_under": 0.0, "fail_level": "error",
                  "select": (), "ignore": (), "waivers": None}
DEFAULT_LABEL, CLI_LABEL = "默认", "命令行"
# Every way TOML can write a [tool.audit] table (keys bare or quoted, spaces around dots): a header or a
# dotted key tool.audit…, an inline "tool = {…}", "audit" keys under a [tool] header, or a key spelled
# with an escape. A pyproject.toml with none of them (one naming pip-audit, or a script called audit)
# is not parsed at all.
_KEY = rb"[\"']?"
_MAY_DECLARE_AUDIT = lazy_compile(
    rb"^[ \t]*(?:\[\[?[ \t]*)?" + _KEY + rb"tool" + _KEY + rb"[ \t]*(?:\.[ \t]*" + _KEY + rb"audit\b|=)|\\[uU]", re.M)
_TOOL_HEADER = lazy_compile(rb"^[ \t]*\[[ \t]*" + _KEY + rb"tool" + _KEY + rb"[ \t]*\]", re.M)
_AUDIT_KEY = lazy_compile(rb"^[ \t]*" + _KEY + rb"audit" + _KEY + rb"[ \t]*[.=]", re.M)
_DECLARES_AUDIT = lazy_compile(rb"^[ \t]*(?:\[[ \t]*tool[ \t]*\.[ \t]*audit\b|tool[ \t]*\.[ \t]*audit[ \t]*[.=])", re.M)


class ConfigError(AuditorError):
    """A configuration file that cannot be used (exit code 2); the message names the file and key."""


@record
class Settings:
    """The effective options of a run and, for each, where its value came from."""

    rulebook: str
    level: str | None
    year: int | None
    fail_under: float
    fail_level: str
    select: tuple[str, ...]
    ignore: tuple[str, ...]
    waivers: str | None
    file: str | None                       # the configuration file used, if any
    origins: tuple[tuple[str, str], ...]   # (key, 默认 | 命令行 | the file)

    def origin(self, key: str) -> str:
        """Where the value of ``key`` came from."""
        return dict(self.origins)[key]


def resolve_settings(paths: list[str], overrides: dict, config_path: str | None = None,
                     cwd: str | None = None) -> Settings:
    """Defaults ← the discovered (or given) file ← command-line ``overrides`` (``None`` = not given)."""
    found = os.path.normpath(config_path) if config_path else discover(paths, cwd)
    from_file, label = (read_config(found), _label(found)) if found else ({}, "")
    values, origins = {}, []
    for key, default in DEFAULTS.items():
        if overrides.get(key) not in (None, ()):
            values[key], source = overrides[key], CLI_LABEL
        elif key in from_file:
            values[key], source = from_file[key], label
        else:
            values[key], source = default, DEFAULT_LABEL
        origins.append((key, source))
    values["select"], values["ignore"] = tuple(values["select"]), tuple(values["ignore"])
    return Settings(**values, file=found or None, origins=tuple(origins))


def discover(paths: list[str], cwd: str | None = None) -> str | None:
    """The one configuration file governing ``paths`` (see the module docstring), or ``None``."""
    try:
        cwd = os.fspath(cwd) if cwd else os.getcwd()
    except OSError:
        raise ConfigError("当前工作目录已不存在，无法查找配置文件（请换到存在的目录，或用 --config 指定）") from None
    starts = {_start_dir(p, cwd) for p in paths} or {cwd}
    found = {find_config(start) or find_config(cwd) for start in sorted(starts)}
    if len(found) > 1:
        names = "、".join(sorted(f or "无配置" for f in found))
        raise ConfigError(f"这些报告属于不同的配置（{names}）：请分别审查，或用 --config 指定一个")
    return found.pop()


def find_config(start: str | os.PathLike) -> str | None:
    """Walk up from ``start``: the first ``.audit.yaml`` or ``pyproject.toml`` with ``[tool.audit]``.
    Paths are strings (``os.path``): every run walks here, and ``pathlib`` costs a cold start 4 ms."""
    folder = os.path.abspath(start)
    while True:
        candidate = os.path.join(folder, CONFIG_NAME)
        if os.path.exists(candidate) and not os.path.isdir(candidate):   # ours by name: read (and vetted) later
            return candidate
        pyproject = os.path.join(folder, "pyproject.toml")
        if os.path.exists(pyproject) and _load_pyproject(pyproject, discovering=True) is not None:
            return pyproject
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def read_config(path: str) -> dict:
    """The validated values of one configuration file (paths made absolute)."""
    if os.path.basename(path) == "pyproject.toml":
        data = _load_pyproject(path)
        if data is None:
            raise ConfigError(f"{path}: 没有 [tool.audit] 配置")
    else:
        data = _load_yaml(path)
    unknown = sorted(set(data) - set(DEFAULTS))
    if unknown:
        raise ConfigError(f"{_label(path)}: 未知的配置项 {unknown[0]}（可用：{'、'.join(DEFAULTS)}）")
    return {key: _VALIDATORS[key](value, path, key) for key, value in data.items()}


def _start_dir(path: str, cwd: str) -> str:
    if path == "-":
        return cwd
    try:
        full = os.path.realpath(os.path.join(cwd, path))
    except (OSError, ValueError, RuntimeError):   # unresolvable: the input itself will be refused later
        return cwd
    return full if os.path.isdir(full) else os.path.dirname(full)


def _label(path: str) -> str:
    return f"{path} [tool.audit]" if os.path.basename(path) == "pyproject.toml" else path


def _load_yaml(path: str) -> dict:
    data, _ = read_yaml(path, "配置文件", ConfigError)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: 配置文件顶层必须是映射（键: 值）")
    return data


def _load_pyproject(path: str, discovering: bool = False) -> dict | None:
    """The ``[tool.audit]`` table, or ``None`` when the file has none (see the module docstring)."""
    try:
        raw = read_limited(str(path), MAX_DATA_BYTES, "pyproject.toml")
    except InputError as exc:
        if discovering:
            return None
        raise ConfigError(str(exc)) from None
    if discovering and not _may_declare_audit(raw):   # most pyproject.toml files on the way up are not ours
        return None
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError, ValueError) as exc:
        if discovering and not _DECLARES_AUDIT.search(raw):
            return None
        reason = "嵌套过深" if isinstance(exc, RecursionError) else str(exc).splitlines()[0] if str(exc) else "格式错误"
        raise ConfigError(f"{path}: 无法读取 TOML（{reason}）") from None
    tool = data.get("tool")
    table = tool.get("audit") if isinstance(tool, dict) else None
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.audit] 必须是表")
    return table


def _may_declare_audit(raw: bytes) -> bool:
    """Could this TOML text hold a [tool.audit] table? (False only when it certainly cannot.)"""
    return bool(_MAY_DECLARE_AUDIT.search(raw) or (_TOOL_HEADER.search(raw) and _AUDIT_KEY.search(raw)))


def _bad(path: str, key: str, reason: str) -> ConfigError:
    return ConfigError(f"{_label(path)}: {key}: {reason}")


def _rulebook(value, path, key):
    if not isinstance(value, str) or not value.strip():
        raise _bad(path, key, "应为内置规则集名称或 YAML 文件路径")
    looks_like_path = value.endswith((".yaml", ".yml")) or "/" in value or os.sep in value
    return os.path.realpath(os.path.join(os.path.dirname(path), value)) if looks_like_path else value


def _level(value, path, key):
    if value not in LEVELS:
        raise _bad(path, key, f"应为 {' | '.join(LEVELS)} 之一（收到 {value!r}）")
    return value


def _year(value, path, key):
    if isinstance(value, bool) or not isinstance(value, int) or not 2000 <= value <= 2100:
        raise _bad(path, key, f"应为 2000–2100 之间的年份（收到 {value!r}）")
    return value


def _fail_under(value, path, key):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
        raise _bad(path, key, f"应为 0–100 之间的数（收到 {value!r}）")
    return float(value)


def _fail_level(value, path, key):
    if value not in ("error", "warning"):
        raise _bad(path, key, f"应为 error 或 warning（收到 {value!r}）")
    return value


def _ids(value, path, key):
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
        raise _bad(path, key, "应为检查项编号或前缀的列表，例如 [part.order, numbering.]")
    return tuple(i.strip() for i in items)


def _waivers(value, path, key):
    if not isinstance(value, str) or not value.strip():
        raise _bad(path, key, "应为豁免文件的路径")
    target = os.path.abspath(os.path.join(os.path.dirname(path), value))
    try:
        vet(target, "豁免文件")
    except InputError as exc:
        raise _bad(path, key, str(exc)) from None
    return target


_VALIDATORS = {"rulebook": _rulebook, "level": _level, "year": _year, "fail_under": _fail_under,
               "fail_level": _fail_level, "select": _ids, "ignore": _ids, "waivers": _waivers}
