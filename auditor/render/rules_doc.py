"""Rulebook listings: terminal table, JSON list, the Markdown page behind docs/rules.md, one rule in full."""
from __future__ import annotations

import io
import json

from rich import box
from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..rulebook.model import Rule, Rulebook
from .labels import KIND, SEVERITY, SHORT_LEVEL, plain_basis
from .rule_links import rule_anchor
from ..text.lazy import lazy_compile

PART_NAMES = {"measures": "举措和成效", "shortcomings": "不足和原因", "leadership": "第一责任人",
              "plans": "下一年度安排", "other": "其他", "document": "全文", "work": "工作情况", None: "—"}
_SHORT_PARTS = {"measures": "举措", "shortcomings": "不足", "leadership": "责任人", "plans": "安排",
                "other": "其他", "document": "全文", "work": "工作", None: "—"}
# Short names of the instruments (as in the reference's abbreviation table), for the narrow basis column.
_SHORT_BASIS = ((lazy_compile(r"《法治政府建设实施纲要（2021－2025年）》"), "纲要2021"),
                (lazy_compile(r"《法治政府建设实施纲要（2015－2020年）》"), "纲要2015"),
                (lazy_compile(r"《法治政府建设实施纲要》"), "纲要"),
                (lazy_compile(r"《法治政府建设与责任落实督察工作规定》"), "督察规定"),
                (lazy_compile(r"《党政主要负责人履行推进法治建设第一责任人职责规定》"), "第一责任人规定"),
                (lazy_compile(r"《重大行政决策程序暂行条例》"), "决策条例"),
                (lazy_compile(r"国办发〔2018〕118号《[^》]*》"), "三项制度意见"),
                (lazy_compile(r"《中华人民共和国([^》]*)》"), r"\1"),
                (lazy_compile(r"（[^（）]*(?:号|施行|20\d\d)[^（）]*）"), ""))
WIDE = 120   # from this width the terminal table also shows the kind and the part


def rule_row(rule: Rule) -> dict:
    """The listing keys: id, title, kind, part, severity, basis, applies (plus a few extras)."""
    lo, hi = rule.years
    return {"id": rule.id, "title": rule.title, "kind": rule.kind, "type": rule.type, "part": rule.part,
            "severity": rule.severity, "severity_reason": rule.severity_reason,
            "partial_severity": rule.partial_severity, "basis": rule.basis, "applies": rule.applies_text(),
            "confirmed": rule.confirmed, "area": rule.area, "weight": rule.weight,
            "years": [lo, hi], "levels": list(rule.levels), "source": rule.source}


def render_rules_json(rulebook: Rulebook) -> str:
    return json.dumps([rule_row(r) for r in rulebook.rules], ensure_ascii=False, indent=2) + "\n"


TSV_COLUMNS = ("编号", "名称", "分组", "类型", "部分", "级别", "适用", "依据")


def render_rules_tsv(rulebook: Rulebook) -> str:
    """One rule per line, tab-separated (``TSV_COLUMNS`` first), nothing cut: what ``audit rules list``
    prints when its output is not a terminal, for grep, cut and spreadsheets. Tabs and line breaks
    inside a value become spaces."""
    def clean(value: str) -> str:
        return " ".join(str(value).split())

    rows = ["\t".join(TSV_COLUMNS)]
    for r in rulebook.rules:
        title = r.title + ("（待核实）" if not r.confirmed else "")
        rows.append("\t".join(clean(v) for v in (r.id, title, group_label(r), KIND.get(r.kind, r.kind),
                                                 PART_NAMES.get(r.part, r.part), SEVERITY[r.severity],
                                                 applies_short(r), r.basis)))
    return "\n".join(rows) + "\n"


def applies_short(rule: Rule) -> str:
    """Compact applicability for narrow tables, e.g. "2021– 政府/部门" or "全部"."""
    lo, hi = rule.years
    years = "" if lo is None and hi is None else f"{lo or ''}–{hi or ''}"
    levels = "/".join(SHORT_LEVEL[lv] for lv in rule.levels)
    return " ".join(x for x in (years, levels) if x) or "全部"


def short_basis(basis: str) -> str:
    """The first source of a basis with instrument names shortened, e.g. "纲要2021 健全政府机构职能体系"."""
    first = plain_basis(basis).split("；")[0]   # the "（待核实）" mark beside the title says it once
    for pattern, short in _SHORT_BASIS:
        first = pattern.sub(short, first)
    return first.strip()   # no space after a short name: rich would break the line there


def group_label(rule: Rule) -> str:
    """The heading a rule is listed under: its topic (``area``), else its report category."""
    return rule.area or {"part": "五个组成部分"}.get(rule.kind, KIND.get(rule.kind, rule.kind))


def grouped(rules) -> list[tuple[str, list[Rule]]]:
    """Rules by topic, topics in order of first appearance, rules in rulebook order within each."""
    groups: dict[str, list[Rule]] = {}
    for rule in rules:
        groups.setdefault(group_label(rule), []).append(rule)
    return list(groups.items())


def render_rules_table(rulebook: Rulebook, width: int = 100) -> str:
    """One row per rule, grouped by topic: the id, under it the title and the basis (instrument names
    shortened), then severity and applicability; from ``WIDE`` columns on also the kind and the part."""
    width = max(60, width)
    wide = width >= WIDE
    console = Console(file=io.StringIO(), width=width, no_color=True, highlight=False)
    table = Table(title=Text(f"{rulebook.title}（{rulebook.id} {rulebook.version}，{len(rulebook.rules)} 条）"),
                  title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False, expand=True)
    table.add_column("编号 · 名称 · 依据", ratio=1, overflow="fold")
    if wide:
        table.add_column("类型", no_wrap=True)
        table.add_column("部分", no_wrap=True)
    table.add_column("级别", no_wrap=True)
    table.add_column("适用", overflow="fold", width=15 if wide else 13)
    for group, rules in grouped(rulebook.rules):
        table.add_row(f"【{group}】", *[""] * (len(table.columns) - 1))
        for r in rules:
            title = r.title + ("（待核实）" if not r.confirmed else "")
            cells = [Group(Text(r.id), Padding(Text(f"{title}\n依据：{short_basis(r.basis)}"), (0, 0, 0, 2)))]
            if wide:
                cells += [KIND.get(r.kind, r.kind), _SHORT_PARTS.get(r.part, r.part)]
            table.add_row(*cells, SEVERITY[r.severity], applies_short(r))
    console.print(table)
    console.print("依据全文、检索词和示例：audit rules show 编号；完整清单：audit rules list -f markdown（即 docs/rules.md）")
    return console.file.getvalue()


def render_rules_markdown(rulebook: Rulebook) -> str:
    """The rules reference page (docs/rules.md is this output, checked in)."""
    counts = {}
    for r in rulebook.rules:
        counts[KIND.get(r.kind, r.kind)] = counts.get(KIND.get(r.kind, r.kind), 0) + 1
    summary = "，".join(f"{k} {v} 条" for k, v in counts.items())
    lines = [f"# 规则清单 · {rulebook.title}", "",
             f"规则集 `{rulebook.id}`，版本 {rulebook.version}，共 {len(rulebook.rules)} 条（{summary}）。",
             "由 `audit rules list --format markdown` 生成，请勿手工修改；`tests/test_rules_doc.py` 在它过期时失败。", "",
             "“适用”一栏为报告年度和报告主体层级（政府 = 县级以上政府，部门 = 政府部门，乡镇 = 乡镇（街道））；"
             "不适用的检查项在报告中显示为“不适用”并写明原因。“（待核实）”表示依据的具体条文尚未见原文，"
             "这类规则只作警告或提示。每条规则的检索词和示例见 `audit rules show 编号`。", "",
             "级别的定法（每条规则的理由写在规则集的 `severity_reason` 中，见下表“级别理由”）：**错误**只用于督察规定"
             "明文要求的内容（四个法定部分、“不足和原因”中的原因、第一责任人履职情况）和使报告不能报送的缺陷（模板占位符）；"
             "纲要、条例要求做而报告应当写到的工作为**警告**；可选的、视当年情况而定的、只是良好写法的为**提示**。"
             "依据未见原文（待核实）的规则最多为警告。“部分符合时”一栏写明部分符合的结果降为哪一级。"]
    for group, rules in grouped(rulebook.rules):
        lines += ["", f"## {group}", "", "| 编号 | 名称 | 部分 | 级别 | 级别理由 | 权重 | 适用 | 依据 |",
                  "|---|---|---|---|---|---|---|---|"]
        for r in rules:
            basis = _cell(r.basis) + ("（待核实）" if not r.confirmed else "")
            if r.source:
                basis += f" [来源]({r.source})"
            # The anchor is what SARIF's helpUri and the other CI formats link to (render/rule_links.py).
            lines.append(f"| `{r.id}`<a name=\"{rule_anchor(r.id)}\"></a> | {_cell(r.title)} | {PART_NAMES.get(r.part, r.part)} | "
                         f"{_severity_text(r)} | {_cell(r.severity_reason or '—')} | {r.weight:g} | {applies_short(r)} | "
                         f"{basis} |")
    return "\n".join(lines) + "\n"


def _severity_text(rule: Rule) -> str:
    """"错误" or "错误（部分符合时为警告）"."""
    if rule.partial_severity and rule.partial_severity != rule.severity:
        return f"{SEVERITY[rule.severity]}（部分符合时为{SEVERITY[rule.partial_severity]}）"
    return SEVERITY[rule.severity]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_rule_detail(rule: Rule) -> str:
    """Everything about one rule, for ``audit rules show``."""
    out = [f"{rule.id}  {rule.title}", f"  类型：{rule.type}（报告类别 {rule.kind}）",
           f"  所属部分：{PART_NAMES.get(rule.part, rule.part)}" + (f" · 专题：{rule.area}" if rule.area else ""),
           f"  严重程度：{_severity_text(rule)} · 权重 {rule.weight:g} · 适用：{rule.applies_text()}",
           f"  级别理由：{rule.severity_reason or '（规则集未写明）'}",
           f"  依据：{rule.basis}" + ("（事实待核实，仅作警告）" if not rule.confirmed else "")]
    if rule.applies_note:
        out.append(f"  适用说明：{rule.applies_note}")
    if rule.source:
        out.append(f"  来源：{rule.source}")
    if rule.description:
        out.append(f"  说明：{rule.description}")
    if rule.scope:
        out.append(f"  查找范围：{PART_NAMES.get(rule.scope, rule.scope)}")
    for label, m in (("检索词", rule.match), ("标题词", rule.heading), ("正文线索", rule.content),
                     ("前提", rule.cond_if), ("则须有", rule.cond_then)):
        if m is None:
            continue
        if m.any:
            out.append(f"  {label}（任一）：" + "、".join(t.source for t in m.any))
        for i, group in enumerate(m.all, 1):
            out.append(f"  {label}（第{i}组，各组都需要）：" + "、".join(t.source for t in group))
        if m.not_:
            out.append("  排除（同句出现则不算）：" + "、".join(t.source for t in m.not_))
        if m.min > 1:
            out.append(f"  至少出现：{m.min} 处（不同的行）")
    for old, new in rule.replace:
        out.append(f"  替换：{old} → {new}")
    if rule.check:
        out.append(f"  质量检查：{rule.check} {json.dumps(rule.params, ensure_ascii=False) if rule.params else ''}")
    if rule.suggestion:
        out.append(f"  建议：{rule.suggestion}")
    if rule.examples_match or rule.examples_no_match:
        out.append("  示例（应匹配）：" + " | ".join(x.replace("\n", "↵") for x in rule.examples_match))
        out.append("  示例（不应匹配）：" + " | ".join(x.replace("\n", "↵") for x in rule.examples_no_match))
    out.append(f"  定义于：{rule.origin}")
    return "\n".join(out) + "\n"
