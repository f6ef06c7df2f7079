"""Load a rulebook: YAML (safe_load only) → JSON Schema → ``include``/``extends`` merge → compiled rules.

Loading stops at the first problem (``load_rulebook``); ``inspect_rulebook`` walks the same path
but collects every problem instead, for ``audit rules lint``.
"""
from __future__ import annotations

import copy
import os
import re
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from ..errors import RulebookError
from ..checks.matcher import Matcher
from .model import DEFAULT_KIND, Rule, Rulebook
from .cache import cached_rulebook
from .problems import Problem, Problems
from .regex_safety import regex_problem
from .schema_check import validate

DEFAULT_RULEBOOK = "national"
_MATCHER_KEYS = ("match", "heading", "content", "if", "then")


@dataclass(frozen=True)
class RuleSource:
    """Where a merged rule dict came from: the file and the location inside it."""

    raw: dict
    origin: str
    where: str


def rules_dir():
    """The shipped ``rules/`` folder: package data when installed, the checkout's folder otherwise."""
    try:   # the package's folder on disk, as importlib.resources.files() gives it (that import costs ~10 ms)
        return Path(import_module("auditor.rules").__file__).parent
    except ModuleNotFoundError:  # running from a source checkout without installing
        return Path(__file__).resolve().parents[2] / "rules"


def builtin_names() -> list[str]:
    """Names of the rulebooks shipped in the package (``rules/*.yaml``)."""
    return sorted(p.name[:-5] for p in rules_dir().iterdir() if p.name.endswith(".yaml"))


def load_rulebook(name_or_path: str | None = None) -> Rulebook:
    """Load a shipped rulebook by name (default ``national``) or a YAML file by path."""
    ref = name_or_path or DEFAULT_RULEBOOK
    if _looks_like_path(ref):
        return _load(ref)
    return cached_rulebook(ref, rules_dir(), lambda: _load(ref))   # a cold start skips YAML and compiling


def _load(ref: str) -> Rulebook:
    problems = Problems()
    text, origin, base_dir = _read(ref, None)
    header, rules, disabled, sources = _resolve(text, origin, base_dir, (), problems)
    return _compile(header, rules, disabled, sources, problems)


def _looks_like_path(ref: str) -> bool:
    return ref.endswith((".yaml", ".yml")) or "/" in ref or os.sep in ref


def inspect_rulebook(name_or_path: str | None = None) -> tuple[Rulebook | None, dict[str, RuleSource], list[Problem]]:
    """Load as far as possible, collecting every problem: (rules that compiled, merged sources, problems)."""
    problems = Problems(collect=True)
    try:
        text, origin, base_dir = _read(name_or_path or DEFAULT_RULEBOOK, None)
    except RulebookError as exc:
        return None, {}, [Problem(exc.path, exc.where, "file", exc.reason)]
    header, rules, disabled, sources = _resolve(text, origin, base_dir, (), problems)
    if header is None:
        return None, {}, problems.found
    return _compile(header, rules, disabled, sources, problems), rules, problems.found


def _read(ref: str, base_dir: Path | None) -> tuple[str, str, Path | None]:
    if _looks_like_path(ref):
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


def _parse(text: str, origin: str, problems: Problems, fragment: bool = False) -> tuple[dict | None, set[int]]:
    """The YAML mapping (None when unusable) and the indexes of rules that broke the schema."""
    import yaml   # here, not at the top: a cold start that hits the compiled-rulebook cache never parses YAML

    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))   # safe constructor, libyaml speed
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = f"第{mark.line + 1}行" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        if "python/" in str(exc) or "could not determine a constructor" in str(exc):
            problem = "不允许的 YAML 标签（只接受纯数据；规则集按 safe_load 读取）"
        problems.add(origin, where, "yaml", f"YAML 语法错误：{problem}")
        return None, set()
    if not isinstance(data, dict):
        problems.add(origin, "", "schema", "规则集顶层必须是映射（id、version、rules …）")
        return None, set()
    if fragment:
        extra = sorted(set(data) - {"rules", "description"})
        if extra or not isinstance(data.get("rules"), list):
            problems.add(origin, f"$.{extra[0]}" if extra else "$", "schema", "被 include 的文件只能包含 rules 列表")
            if not isinstance(data.get("rules"), list):
                return None, set()
        return data, validate({"id": "fragment", "version": "0", "rules": data["rules"]}, text, origin, problems)
    return data, validate(data, text, origin, problems)


def _included_rules(data: dict, origin: str, base_dir, problems: Problems, bad: set[int]) -> list[RuleSource]:
    """Rules of the main file, then of each ``include:`` file in order (paths relative to it);
    rules that broke the schema (``bad`` indexes, already reported) are left out."""
    out = [RuleSource(r, origin, _rule_where(i, r)) for i, r in enumerate(_list(data.get("rules")))
           if i not in bad and isinstance(r, dict) and isinstance(r.get("id"), str)]
    for ref in _list(data.get("include")):
        if not isinstance(ref, str):
            continue
        if base_dir is None or ref.startswith(("/", "..")):
            problems.add(origin, "include", "include", f"include 只能引用规则集所在目录下的文件：{ref}")
            continue
        target = base_dir / ref
        if not target.is_file():
            problems.add(origin, "include", "include", f"被 include 的文件不存在：{ref}")
            continue
        try:
            text = target.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problems.add(ref, "", "include", f"无法读取：{exc}")
            continue
        fragment_origin = f"{origin} → {ref}"
        fragment, bad = _parse(text, fragment_origin, problems, fragment=True)
        if fragment is not None:
            out.extend(RuleSource(r, fragment_origin, _rule_where(i, r)) for i, r in enumerate(fragment["rules"])
                       if i not in bad and isinstance(r, dict) and isinstance(r.get("id"), str))
    return out


def _list(value) -> list:
    return value if isinstance(value, list) else []


def _rule_where(index: int, rule) -> str:
    rid = rule.get("id") if isinstance(rule, dict) else None
    return f"$.rules[{index}]" + (f"(id={rid})" if rid else "")


def _resolve(text: str, origin: str, base_dir: Path | None, seen: tuple[str, ...], problems: Problems):
    """Return (header, merged rules by id, disabled ids, sources) after ``include`` and ``extends``."""
    if origin in seen:
        problems.add(origin, "extends", "extends", "规则集循环继承：" + " → ".join(seen + (origin,)))
        return None, {}, (), ()
    data, bad = _parse(text, origin, problems)
    if data is None:
        return None, {}, (), ()
    own = _drop_duplicates(_included_rules(data, origin, base_dir, problems, bad), problems)
    if "extends" not in data:
        if data.get("override") or data.get("disable"):
            problems.add(origin, "override", "extends", "只有用 extends 继承其他规则集时才能使用 override/disable")
        rules = {s.raw["id"]: s for s in own}   # freshly parsed dicts: nothing shared, no copy needed
        return data, rules, (), (origin,)
    rules, disabled, sources = _parent(data, origin, base_dir, seen, problems)
    disable = [rid for rid in _list(data.get("disable")) if isinstance(rid, str)]
    override = data.get("override") if isinstance(data.get("override"), dict) else {}
    for rid in disable:
        if rid not in rules:
            problems.add(origin, f"disable({rid})", "unknown-id", f"要停用的规则 {rid} 在被继承的规则集中不存在")
            continue
        del rules[rid]
    for rid, change in override.items():
        if rid not in rules or not isinstance(change, dict):
            problems.add(origin, f"override.{rid}", "unknown-id", f"要修改的规则 {rid} 在被继承的规则集中不存在")
            continue
        merged = dict(rules[rid].raw, **copy.deepcopy(change))
        rules[rid] = RuleSource(merged, origin, f"override.{rid}")
    for src in own:
        if src.raw["id"] in rules:
            problems.add(src.origin, src.where, "duplicate-id",
                         f"规则 {src.raw['id']} 已在被继承的规则集中定义；修改请用 override")
            continue
        rules[src.raw["id"]] = src
    return data, rules, disabled + tuple(disable), sources + (origin,)


def _parent(data: dict, origin: str, base_dir, seen, problems: Problems):
    try:
        parent_text, parent_origin, parent_dir = _read(data["extends"], base_dir)
    except RulebookError as exc:
        problems.add(origin, "extends", "extends", f"无法读取被继承的规则集：{exc}")
        return {}, (), ()
    header, rules, disabled, sources = _resolve(parent_text, parent_origin, parent_dir, seen + (origin,), problems)
    return rules, disabled, sources


def _drop_duplicates(rules: list[RuleSource], problems: Problems) -> list[RuleSource]:
    seen: dict[str, RuleSource] = {}
    out = []
    for src in rules:
        rid = src.raw["id"]
        if rid in seen:
            first = seen[rid]
            problems.add(src.origin, src.where, "duplicate-id", f"规则 id 重复（与 {first.origin} {first.where} 相同）")
            continue
        seen[rid] = src
        out.append(src)
    return out


def _compile(header: dict, rules: dict[str, RuleSource], disabled, sources, problems: Problems) -> Rulebook:
    compiled = [rule for rule in (compile_rule(src, problems) for src in rules.values()) if rule is not None]
    return Rulebook(str(header.get("id", "?")), str(header.get("version", "?")), header.get("title", header.get("id", "?")),
                    tuple(compiled), tuple(sources), tuple(disabled))


def compile_rule(src: RuleSource, problems: Problems | None = None) -> Rule | None:
    """The ``Rule`` for one merged rule dict; None (problem reported) when a regex is unusable."""
    problems = problems or Problems()
    raw, origin = src.raw, src.origin
    broken = False
    for key in _MATCHER_KEYS:
        for term in _terms(raw.get(key)):
            if isinstance(term, str) and term.startswith("re:"):
                problem = regex_problem(term[3:])
                if problem:
                    problems.add(origin, f"{src.where}.{key}", _regex_code(problem),
                                 f"正则表达式 {term[3:]!r} 不可用：{problem}")
                    broken = True
    if broken:
        return None
    applies = raw.get("applies") or {}
    years = tuple(applies.get("years") or (None, None))
    examples = raw.get("examples") or {}
    try:
        return Rule(
            id=raw["id"], type=raw["type"], kind=raw.get("kind", DEFAULT_KIND[raw["type"]]),
            title=raw["title"], basis=raw["basis"], severity=raw["severity"],
            weight=float(raw.get("weight", 1)), severity_reason=raw.get("severity_reason"),
            partial_severity=raw.get("partial_severity"), part=raw.get("part"), scope=raw.get("scope"),
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
        problems.add(origin, src.where, "regex-compile", f"正则表达式无法编译：{exc}")
        return None


def _regex_code(problem: str) -> str:
    if problem.startswith("无法编译"):
        return "regex-compile"
    return "regex-boundary" if r"\b" in problem else "regex-nested"


def _terms(spec) -> list:
    if not isinstance(spec, dict):
        return []
    out = list(spec.get("any", [])) + list(spec.get("not", []))
    for group in spec.get("all", []):
        out.extend(group)
    return out
