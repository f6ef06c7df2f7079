"""Build a rulebook from YAML: safe_load → JSON Schema → ``include``/``extends`` merge → compiled rules.

Loading stops at the first problem (``build``); ``inspect`` walks the same path but collects every
problem instead, for ``audit rules lint``. A run with a shipped rulebook whose compiled form is in the
user's cache never imports this module (``loader``).
"""
from __future__ import annotations

import copy
import os
from pathlib import Path

from ..errors import InputError, RulebookError
from ..text.matcher import Matcher
from ..files import MAX_DATA_BYTES, read_limited
from ..yaml_file import YamlProblem, parse_yaml
from .model import DEFAULT_KIND, Rule, Rulebook
from .loader import DEFAULT_RULEBOOK, builtin_names, looks_like_path, rules_dir
from .pattern import owned_by
from .problems import Problem, Problems
from .regex_safety import regex_code, regex_problem, rule_patterns
from .schema_check import validate
from ..models import record


@record
class RuleSource:
    """Where a merged rule dict came from: the file and the location inside it."""

    raw: dict
    origin: str
    where: str


def build(ref: str) -> Rulebook:
    """The rulebook ``ref`` names (a shipped name or a YAML path), compiled; raises ``RulebookError``."""
    problems = Problems()
    text, origin, base_dir = _read(ref, None)
    header, rules, disabled, sources = _resolve(text, origin, base_dir, (), problems)
    return _compile(header, rules, disabled, sources, problems)


def _read(ref: str, base_dir: Path | None) -> tuple[str, str, Path | None]:
    if looks_like_path(ref):
        path = Path(ref) if base_dir is None or Path(ref).is_absolute() else base_dir / ref
        return _read_text(path), str(path), path.parent
    package = Path(rules_dir())
    resource = package / f"{ref}.yaml"
    if not resource.is_file():
        known = "、".join(builtin_names())
        raise RulebookError(ref, "", f"没有名为 {ref} 的内置规则集（可用：{known}），也不是 .yaml 文件路径")
    return resource.read_text(encoding="utf-8"), f"{ref} (内置)", package


def _read_text(path: Path) -> str:
    """A rulebook file's text: a regular file, bounded in size, UTF-8 (see ``auditor.files``)."""
    try:
        return read_limited(str(path), MAX_DATA_BYTES, "规则集文件").decode("utf-8-sig")
    except InputError as exc:
        raise RulebookError(str(path), "", exc.reason + (f"（{exc.hint}）" if exc.hint else "")) from None
    except UnicodeDecodeError as exc:
        raise RulebookError(str(path), "", f"不是 UTF-8 编码（第 {exc.start + 1} 字节）") from None


def _inside(base_dir: Path, target: Path) -> bool:
    """Does ``target`` resolve (symlinks followed) to a file inside ``base_dir``?"""
    try:
        base, real = os.path.realpath(base_dir), os.path.realpath(target)
        return os.path.commonpath([base, real]) == base
    except (OSError, ValueError):
        return False


def _parse(text: str, origin: str, problems: Problems, fragment: bool = False) -> tuple[dict | None, set[int]]:
    """The YAML mapping (None when unusable) and the indexes of rules that broke the schema."""
    try:
        data = parse_yaml(text)
    except YamlProblem as exc:
        problems.add(origin, f"第{exc.line}行" if exc.line else "", "yaml", exc.problem)
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
    included: set[str] = set()
    for ref in _list(data.get("include")):
        if not isinstance(ref, str):
            continue
        target = base_dir / ref if base_dir is not None else None
        if target is None or os.path.isabs(ref) or not _inside(base_dir, target):   # "..", symlinks, absolute
            problems.add(origin, "include", "include", f"include 只能引用规则集所在目录下的文件：{ref}")
            continue
        if os.path.realpath(target) in included:   # also keeps a list of 100,000 repeats from costing minutes
            problems.add(origin, "include", "include", f"同一个文件被 include 了多次：{ref}")
            continue
        included.add(os.path.realpath(target))
        if not target.exists():
            problems.add(origin, "include", "include", f"被 include 的文件不存在：{ref}")
            continue
        try:
            text = _read_text(target)
        except RulebookError as exc:
            problems.add(origin, "include", "include", f"无法读取被 include 的文件 {ref}：{exc.reason}")
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
    for key, pattern in rule_patterns(raw):
        problem = regex_problem(pattern)
        if problem:
            problems.add(origin, f"{src.where}.{key}", regex_code(problem), f"正则表达式 {pattern!r} 不可用：{problem}")
            broken = True
    if broken:
        return None
    applies = raw.get("applies") or {}
    years = tuple(applies.get("years") or (None, None))
    examples = raw.get("examples") or {}
    with owned_by(raw["id"]):   # the rule pays for its own patterns' time (auditor.rulebook.pattern)
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
            origin=origin,
        )


def inspect(name_or_path: str | None = None) -> tuple[Rulebook | None, dict[str, RuleSource], list[Problem]]:
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
