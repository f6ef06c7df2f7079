"""Load a rulebook: YAML (safe_load only) → JSON Schema → ``extends`` merge → compiled rules."""
from __future__ import annotations

import copy
import hashlib
import json
import os
import re
from importlib import resources
from pathlib import Path

import yaml

from ..errors import RulebookError
from ..checks.matcher import Matcher
from .model import DEFAULT_KIND, Rule, Rulebook
from .regex_safety import regex_problem

DEFAULT_RULEBOOK = "national"
_CACHE_VERSION = "1"


def rules_dir():
    """The shipped ``rules/`` folder: package data when installed, the checkout's folder otherwise."""
    try:
        return resources.files("auditor.rules")
    except ModuleNotFoundError:  # running from a source checkout without installing
        return Path(__file__).resolve().parents[2] / "rules"


def builtin_names() -> list[str]:
    """Names of the rulebooks shipped in the package (``rules/*.yaml``)."""
    return sorted(p.name[:-5] for p in rules_dir().iterdir() if p.name.endswith(".yaml"))


def load_rulebook(name_or_path: str | None = None) -> Rulebook:
    """Load a shipped rulebook by name (default ``national``) or a YAML file by path."""
    text, origin, base_dir = _read(name_or_path or DEFAULT_RULEBOOK, None)
    return _compile(*_resolve(text, origin, base_dir, ()))


def _read(ref: str, base_dir: Path | None) -> tuple[str, str, Path | None]:
    looks_like_path = ref.endswith((".yaml", ".yml")) or "/" in ref or os.sep in ref
    if looks_like_path:
        path = Path(ref) if base_dir is None or Path(ref).is_absolute() else base_dir / ref
        if not path.is_file():
            raise RulebookError(str(path), "", "规则集文件不存在")
        try:
            return path.read_text(encoding="utf-8"), str(path), path.parent
        except (OSError, UnicodeDecodeError) as exc:
            raise RulebookError(str(path), "", f"无法读取：{exc}") from None
    package = rules_dir()
    resource = package / f"{ref}.yaml"
    if not resource.is_file():
        known = "、".join(builtin_names())
        raise RulebookError(ref, "", f"没有名为 {ref} 的内置规则集（可用：{known}），也不是 .yaml 文件路径")
    return resource.read_text(encoding="utf-8"), f"{ref} (内置)", package


def _parse(text: str, origin: str, fragment: bool = False) -> dict:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = f"第{mark.line + 1}行" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        if "python/" in str(exc) or "could not determine a constructor" in str(exc):
            problem = "不允许的 YAML 标签（只接受纯数据；规则集按 safe_load 读取）"
        raise RulebookError(origin, where, f"YAML 语法错误：{problem}") from None
    if not isinstance(data, dict):
        raise RulebookError(origin, "", "规则集顶层必须是映射（id、version、rules …）")
    if fragment:
        extra = sorted(set(data) - {"rules", "description"})
        if extra or not isinstance(data.get("rules"), list):
            raise RulebookError(origin, f"$.{extra[0]}" if extra else "$", "被 include 的文件只能包含 rules 列表")
        _validate({"id": "fragment", "version": "0", "rules": data["rules"]}, text, origin)
    else:
        _validate(data, text, origin)
    return data


def _included_rules(data: dict, origin: str, base_dir) -> list[dict]:
    """Rules of the main file, then of each ``include:`` file in order (paths relative to it)."""
    rules = list(data.get("rules", []))
    for ref in data.get("include", []):
        if base_dir is None or ref.startswith(("/", "..")):
            raise RulebookError(origin, "include", f"include 只能引用规则集所在目录下的文件：{ref}")
        target = base_dir / ref
        if not target.is_file():
            raise RulebookError(origin, "include", f"被 include 的文件不存在：{ref}")
        try:
            text = target.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise RulebookError(ref, "", f"无法读取：{exc}") from None
        rules.extend(_parse(text, f"{origin} → {ref}", fragment=True)["rules"])
    return rules


def _validate(data: dict, text: str, origin: str) -> None:
    digest = hashlib.sha256((_CACHE_VERSION + text).encode()).hexdigest()
    marker = _cache_dir() / digest if _cache_dir() else None
    if marker is not None and marker.exists():
        return
    import jsonschema  # imported only when a rulebook has not been validated before

    schema = json.loads((resources.files("auditor.rulebook") / "schema.json").read_text(encoding="utf-8"))
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        err = min(errors, key=lambda e: len(list(e.absolute_path)))
        raise RulebookError(origin, _json_path(err.absolute_path, data), f"不符合规则集格式：{err.message}")
    if marker is not None:
        try:
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.touch()
        except OSError:
            pass


def _cache_dir() -> Path | None:
    if os.environ.get("AUDITOR_NO_CACHE"):
        return None
    root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(root) / "auditor" / "validated"


def _json_path(path, data) -> str:
    parts, node = ["$"], data
    for key in path:
        if isinstance(key, int):
            rid = node[key].get("id") if isinstance(node, list) and isinstance(node[key], dict) else None
            parts.append(f"[{key}]" + (f"(id={rid})" if rid else ""))
        else:
            parts.append(f".{key}")
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            node = None
    return "".join(parts)


def _resolve(text: str, origin: str, base_dir: Path | None, seen: tuple[str, ...]):
    """Return (header, merged rule dicts, origins, disabled ids, sources) after ``extends``."""
    if origin in seen:
        raise RulebookError(origin, "extends", "规则集循环继承：" + " → ".join(seen + (origin,)))
    data = _parse(text, origin)
    own = _included_rules(data, origin, base_dir)
    _check_duplicates(own, origin)
    if "extends" not in data:
        if data.get("override") or data.get("disable"):
            raise RulebookError(origin, "override", "只有用 extends 继承其他规则集时才能使用 override/disable")
        rules = {r["id"]: (copy.deepcopy(r), origin) for r in own}
        return data, rules, (), (origin,)
    parent_text, parent_origin, parent_dir = _read(data["extends"], base_dir)
    _, rules, disabled, sources = _resolve(parent_text, parent_origin, parent_dir, seen + (origin,))
    for rid in data.get("disable", []):
        if rid not in rules:
            raise RulebookError(origin, f"disable({rid})", f"要停用的规则 {rid} 在被继承的规则集中不存在")
        del rules[rid]
    for rid, change in (data.get("override") or {}).items():
        if rid not in rules:
            raise RulebookError(origin, f"override.{rid}", f"要修改的规则 {rid} 在被继承的规则集中不存在")
        rules[rid][0].update(copy.deepcopy(change))
        rules[rid] = (rules[rid][0], origin)
    for index, rule in enumerate(own):
        if rule["id"] in rules:
            raise RulebookError(origin, f"$.rules[{index}](id={rule['id']})",
                                f"规则 {rule['id']} 已在被继承的规则集中定义；修改请用 override")
        rules[rule["id"]] = (copy.deepcopy(rule), origin)
    return data, rules, disabled + tuple(data.get("disable", [])), sources + (origin,)


def _check_duplicates(rules: list[dict], origin: str) -> None:
    seen: dict[str, int] = {}
    for index, rule in enumerate(rules):
        if rule["id"] in seen:
            raise RulebookError(origin, f"$.rules[{index}](id={rule['id']})",
                                f"规则 id 重复（与 $.rules[{seen[rule['id']]}] 相同）")
        seen[rule["id"]] = index


def _compile(header: dict, rules: dict, disabled, sources) -> Rulebook:
    compiled = []
    for rid, (raw, origin) in rules.items():
        compiled.append(_compile_rule(raw, origin))
    return Rulebook(str(header["id"]), str(header["version"]), header.get("title", header["id"]),
                    tuple(compiled), tuple(sources), tuple(disabled))


def _compile_rule(raw: dict, origin: str) -> Rule:
    where = f"rules(id={raw['id']})"
    for key, spec in (("match", raw.get("match")), ("heading", raw.get("heading")),
                      ("content", raw.get("content")), ("if", raw.get("if")), ("then", raw.get("then"))):
        for term in _terms(spec):
            if term.startswith("re:"):
                problem = regex_problem(term[3:])
                if problem:
                    raise RulebookError(origin, f"{where}.{key}", f"正则表达式 {term[3:]!r} 不可用：{problem}")
    applies = raw.get("applies") or {}
    years = tuple(applies.get("years") or (None, None))
    examples = raw.get("examples") or {}
    try:
        return Rule(
            id=raw["id"], type=raw["type"], kind=raw.get("kind", DEFAULT_KIND[raw["type"]]),
            title=raw["title"], basis=raw["basis"], severity=raw["severity"],
            weight=float(raw.get("weight", 1)), part=raw.get("part"), scope=raw.get("scope"),
            area=raw.get("area"), source=raw.get("source"), confirmed=raw.get("confirmed", True),
            years=years, levels=tuple(applies.get("levels") or ()), applies_note=applies.get("note"),
            match=Matcher.build(raw.get("match")), heading=Matcher.build(raw.get("heading")),
            content=Matcher.build(raw.get("content")), min_chars=raw.get("min_chars", 0),
            precedence=raw.get("precedence", 50), optional=raw.get("optional", False),
            parts=tuple(raw.get("parts", ())), replace=tuple((raw.get("replace") or {}).items()),
            cond_if=Matcher.build(raw.get("if")), cond_then=Matcher.build(raw.get("then")),
            check=raw.get("check"), params=dict(raw.get("params") or {}),
            description=raw.get("description"), suggestion=raw.get("suggestion"),
            examples_match=tuple(examples.get("match", ())), examples_no_match=tuple(examples.get("no_match", ())),
            origin=origin, raw=raw,
        )
    except re.error as exc:
        raise RulebookError(origin, where, f"正则表达式无法编译：{exc}") from None


def _terms(spec) -> list[str]:
    if not spec:
        return []
    out = list(spec.get("any", [])) + list(spec.get("not", []))
    for group in spec.get("all", []):
        out.extend(group)
    return out
