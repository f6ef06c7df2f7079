"""``audit rules lint``: every problem of a rulebook at once — schema, regexes, ids, parts, basis, examples.

The loader already refuses the hard errors (YAML, schema, unusable regexes, duplicate ids) one at a
time; here the same walk collects all of them (``inspect_rulebook``), and semantic checks that a
schema cannot express are added. Each problem has a stable ``code`` (tests compare codes, not
wording) and a severity: any ``error`` makes the rulebook unfit for use (exit code 2).

Codes: yaml, schema, unknown-key, file, include, extends, duplicate-id, unknown-id, regex-compile,
regex-boundary, regex-nested, regex-timeout (a pattern ran out of its time on the rule's own examples),
example-error (the rule's check raised on its own examples),
unknown-part, duplicate-part, no-basis, no-examples, example,
unconfirmed-error, unknown-check, bad-years, no-probe (warning), no-source (warning),
no-suggestion (warning), duplicate-term (warning), no-severity-reason (warning), partial-severity.
"""
from __future__ import annotations

from ..checks.context import PART_NAMES
from .examples import NoProbe, probes_defined, recognises
from .build import RuleSource
from .loader import inspect_rulebook
from .model import Rule, Rulebook
from .pattern import RULE_SECONDS, owned_by, per_report
from .problems import Problem, Problems

_SCOPES = ("document", "work")
_RANK = {"info": 0, "warning": 1, "error": 2}
_MATCHER_KEYS = ("match", "heading", "content", "if", "then")


def lint_rulebook(name_or_path: str | None = None) -> list[Problem]:
    """All problems of the rulebook (shipped name or YAML path): loading problems first, then the
    semantic ones rule by rule; [] when it is clean."""
    rulebook, sources, found = inspect_rulebook(name_or_path)
    if rulebook is None:
        return found
    problems = Problems(collect=True, found=list(found))
    compiled = {r.id: r for r in rulebook.rules}
    defined_parts = _defined_parts(rulebook, sources, problems)
    part_rules = rulebook.of_type("part")
    for rid, src in sources.items():
        _check_raw(src, problems)
        rule = compiled.get(rid)
        if rule is None:
            continue
        _check_parts(rule, src, defined_parts, problems)
        _check_examples(rule, src, part_rules, problems)
    return problems.found


def has_errors(problems: list[Problem]) -> bool:
    """True when any problem is an error (the rulebook must not be used)."""
    return any(p.severity == "error" for p in problems)


def _defined_parts(rulebook: Rulebook, sources: dict[str, RuleSource], problems: Problems) -> set[str]:
    seen: dict[str, str] = {}
    for rule in rulebook.of_type("part"):
        if rule.part in seen:
            src = sources[rule.id]
            problems.add(src.origin, src.where, "duplicate-part",
                         f"部分 {rule.part} 已由规则 {seen[rule.part]} 定义，一个部分只能有一条 part 规则")
        seen.setdefault(rule.part, rule.id)
    return set(seen)


def _check_raw(src: RuleSource, problems: Problems) -> None:
    """Checks on the merged YAML dict that need no compiled rule."""
    raw, add = src.raw, _adder(src, problems)
    if len(str(raw.get("basis", "")).strip()) < 4:
        add("no-basis", "缺少法律依据（basis 应写明文件名称和条款）")
    if raw.get("confirmed") is False and raw.get("severity") == "error":
        add("unconfirmed-error", "未经核实的依据（confirmed: false）只能用 warning 或 info，不能用 error")
    years = (raw.get("applies") or {}).get("years") or [None, None]
    if len(years) == 2 and None not in years and years[0] > years[1]:
        add("bad-years", f"适用年度起点 {years[0]} 晚于终点 {years[1]}")
    if raw.get("type") == "quality" and raw.get("check") not in _quality_checks():
        known = "、".join(sorted(_quality_checks())) or "（暂无）"
        add("unknown-check", f"未知的质量检查 {raw.get('check')!r}（可用：{known}）")
    if not raw.get("source"):
        add("no-source", "没有来源网址（source），审阅者无法核对依据", "warning")
    if not raw.get("severity_reason"):
        add("no-severity-reason", "没有写明级别的理由（severity_reason），审阅者无法判断为什么是这个级别", "warning")
    if raw.get("partial_severity") and _RANK.get(raw["partial_severity"], 0) > _RANK.get(raw.get("severity"), 0):
        add("partial-severity", "部分符合时的级别（partial_severity）不能高于规则本身的级别")
    if raw.get("type") == "item" and not raw.get("suggestion"):
        add("no-suggestion", "缺失时没有可显示的建议（suggestion）", "warning")
    for key in _MATCHER_KEYS:
        spec = raw.get(key) if isinstance(raw.get(key), dict) else {}
        terms = list(spec.get("any", [])) + [t for group in spec.get("all", []) for t in group]
        for term in terms + list(spec.get("not", [])):
            if isinstance(term, str) and "\x08" in term:
                add("regex-boundary", f"{key} 中的检索词含退格符：YAML 双引号里的 \\b 是退格符，不是单词边界", at=key)
        repeated = sorted({t for t in terms if terms.count(t) > 1})
        if repeated:
            add("duplicate-term", f"{key} 中的检索词重复：{'、'.join(repeated)}", "warning", at=key)


def _check_parts(rule: Rule, src: RuleSource, defined: set[str], problems: Problems) -> None:
    add = _adder(src, problems)
    named = [rule.part, rule.scope] if rule.type != "part" else []
    named += list(rule.parts)
    for part in named:
        if part and part not in _SCOPES and part not in defined:
            label = PART_NAMES.get(part, part)
            add("unknown-part", f"引用的部分 {part}（{label}）在本规则集中没有对应的 part 规则")


def _check_examples(rule: Rule, src: RuleSource, part_rules: list[Rule], problems: Problems) -> None:
    add = _adder(src, problems)
    if not rule.examples_match and not rule.examples_no_match:
        add("no-examples", "没有示例（examples.match / examples.no_match），无法验证规则是否按预期工作")
        return
    if not rule.examples_match or not rule.examples_no_match:
        missing = "examples.match" if not rule.examples_match else "examples.no_match"
        add("no-examples", f"缺少 {missing}：只有一个方向的示例，无法说明规则的边界", "warning")
    if rule.type == "quality" and (not probes_defined() or rule.check not in _quality_checks()):
        return   # nothing to run yet, or the unknown check is already reported
    for expected, texts in ((True, rule.examples_match), (False, rule.examples_no_match)):
        for text in texts:
            try:
                with per_report(), owned_by(rule.id) as watch:   # each example is a report of its own
                    got = recognises(rule, text, part_rules)
            except NoProbe:
                add("no-probe", f"质量检查 {rule.check} 没有示例探针（QUALITY_PROBES），示例无法运行", "warning")
                return
            except Exception as exc:  # noqa: BLE001  e.g. params of the wrong type: the audit would say 规则出错
                add("example-error", f"示例无法运行（{type(exc).__name__}: {exc}），请检查该规则的参数")
                return
            if watch.overrun:
                add("regex-timeout", f"检索式 {watch.overrun!r} 在示例 {text[:40]!r} 上运行超过 {RULE_SECONDS:g} 秒，"
                                     "会拖慢每一份报告；请简化该正则")
                return
            if got != expected:
                want = "应匹配却未匹配" if expected else "不应匹配却匹配了"
                add("example", f"示例{want}：{text!r}")


def _quality_checks() -> dict:
    from ..checks.quality import QUALITY_CHECKS

    return QUALITY_CHECKS


def _adder(src: RuleSource, problems: Problems):
    def add(code: str, message: str, severity: str = "error", at: str | None = None) -> None:
        problems.add(src.origin, src.where + (f".{at}" if at else ""), code, message, severity)
    return add

