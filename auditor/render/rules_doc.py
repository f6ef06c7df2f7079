"""Rulebook listings: terminal table, JSON list and the Markdown page behind docs/rules.md."""
from __future__ import annotations

import io
import json

from rich import box
from rich.console import Console
from rich.table import Table

from ..rulebook.model import Rule, Rulebook
from .labels import SEVERITY

PART_NAMES = {"measures": "举措和成效", "shortcomings": "不足和原因", "leadership": "第一责任人",
              "plans": "下一年度安排", "other": "其他", "document": "全文", "work": "工作情况", None: "—"}


def rule_row(rule: Rule) -> dict:
    """The listing keys: id, title, kind, part, severity, basis, applies."""
    return {"id": rule.id, "title": rule.title, "kind": rule.kind, "type": rule.type, "part": rule.part,
            "severity": rule.severity, "basis": rule.basis, "applies": rule.applies_text(),
            "confirmed": rule.confirmed}


def render_rules_json(rulebook: Rulebook) -> str:
    return json.dumps([rule_row(r) for r in rulebook.rules], ensure_ascii=False, indent=2) + "\n"


def render_rules_table(rulebook: Rulebook, width: int = 120) -> str:
    console = Console(file=io.StringIO(), width=max(width, 100), no_color=True, highlight=False)
    table = Table(title=f"{rulebook.title}（{rulebook.id} {rulebook.version}，{len(rulebook.rules)} 条）",
                  title_justify="left", box=box.SIMPLE_HEAD, expand=True)
    for name in ("编号", "名称", "类型", "部分", "级别", "依据", "适用"):
        table.add_column(name)
    for r in rulebook.rules:
        table.add_row(r.id, r.title, r.kind, PART_NAMES.get(r.part, r.part), SEVERITY[r.severity],
                      r.basis[:60] + ("…" if len(r.basis) > 60 else ""), r.applies_text())
    console.print(table)
    return console.file.getvalue()


def render_rules_markdown(rulebook: Rulebook) -> str:
    """The rules reference page (docs/rules.md is this output, checked in)."""
    lines = [f"# 规则清单 · {rulebook.title}", "",
             f"规则集 `{rulebook.id}`，版本 {rulebook.version}，共 {len(rulebook.rules)} 条。"
             "由 `audit rules list --format markdown` 生成，请勿手工修改。", "",
             "| 编号 | 名称 | 类型 | 部分 | 级别 | 适用 | 依据 |", "|---|---|---|---|---|---|---|"]
    for r in rulebook.rules:
        basis = r.basis.replace("|", "\\|") + ("（待核实）" if not r.confirmed else "")
        lines.append(f"| `{r.id}` | {r.title} | {r.kind} | {PART_NAMES.get(r.part, r.part)} | "
                     f"{SEVERITY[r.severity]} | {r.applies_text()} | {basis} |")
    return "\n".join(lines) + "\n"


def render_rule_detail(rule: Rule) -> str:
    """Everything about one rule, for ``audit rules show``."""
    out = [f"{rule.id}  {rule.title}", f"  类型：{rule.type}（报告类别 {rule.kind}）",
           f"  所属部分：{PART_NAMES.get(rule.part, rule.part)}" + (f" · 专题：{rule.area}" if rule.area else ""),
           f"  严重程度：{SEVERITY[rule.severity]} · 权重 {rule.weight:g} · 适用：{rule.applies_text()}",
           f"  依据：{rule.basis}" + ("（事实待核实，仅作警告）" if not rule.confirmed else "")]
    if rule.source:
        out.append(f"  来源：{rule.source}")
    if rule.description:
        out.append(f"  说明：{rule.description}")
    for label, m in (("检索词", rule.match), ("标题词", rule.heading), ("正文线索", rule.content),
                     ("前提", rule.cond_if), ("则须有", rule.cond_then)):
        if m is None:
            continue
        if m.any:
            out.append(f"  {label}（任一）：" + "、".join(t.source for t in m.any))
        for i, group in enumerate(m.all, 1):
            out.append(f"  {label}（第{i}组，各组都需要）：" + "、".join(t.source for t in group))
        if m.not_:
            out.append(f"  排除（同句出现则不算）：" + "、".join(t.source for t in m.not_))
    for old, new in rule.replace:
        out.append(f"  替换：{old} → {new}")
    if rule.check:
        out.append(f"  质量检查：{rule.check} {json.dumps(rule.params, ensure_ascii=False) if rule.params else ''}")
    if rule.suggestion:
        out.append(f"  建议：{rule.suggestion}")
    if rule.examples_match or rule.examples_no_match:
        out.append("  示例（应匹配）：" + " | ".join(rule.examples_match))
        out.append("  示例（不应匹配）：" + " | ".join(rule.examples_no_match))
    out.append(f"  定义于：{rule.origin}")
    return "\n".join(out) + "\n"
