"""The default terminal report (rich), in Chinese; plain text when not a terminal."""
from __future__ import annotations

import io
import re

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..models import AuditResult
from ..verdict import verdict
from .labels import LEVEL, PART_STATUS, SEVERITY, SHORT_PART_LABELS, gaps, status_label
from .pairing import detail_tables

# Display only: a space beside a Han character ("3、 2020年") would make rich wrap there. Tested per
# character, not with a regex class of the Han block, which ``re`` takes milliseconds to compile.
_BLANKS = re.compile(r"[ \t]+")
_WIDE = (("\u3000", "\u303f"), ("\u4e00", "\u9fff"), ("\uff00", "\uffef"))


def _wide(ch: str) -> bool:
    return any(lo <= ch <= hi for lo, hi in _WIDE)


def _display(text: str) -> str:
    return _BLANKS.sub(lambda m: "" if (m.start() and _wide(text[m.start() - 1]))
                       or (m.end() < len(text) and _wide(text[m.end()])) else m.group(), text)


_PART_STYLE = {"present": "green", "weak": "yellow", "missing": "bold red"}
_CHECK_STYLE = {"pass": "green", "partial": "yellow", "fail": "red", "skip": "dim"}
_SEV_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def render_terminal(result: AuditResult, width: int = 100, color: bool = False, verbose: bool = False) -> str:
    """The coverage and gap report for one file as a string (ANSI colours only when ``color``)."""
    console = Console(file=io.StringIO(), width=width, force_terminal=color, color_system="standard" if color else None,
                      no_color=not color, highlight=False, emoji=False)
    table_box = box.SIMPLE_HEAD if color else box.ASCII2
    console.print(_header(result))
    if not result.is_report:
        for note in result.notes:
            console.print(Text(note, style="bold yellow"))
        return console.file.getvalue()
    console.print(_parts_table(result, table_box))
    console.print(_checklist(result, table_box, verbose))
    for table in detail_tables(result, table_box):
        console.print(table)
    console.print(_gap_list(result))
    for note in result.notes:
        console.print(Text("注：" + note, style="dim"))
    return console.file.getvalue()


def _header(result: AuditResult) -> Panel:
    m = result.meta
    outcome = verdict(result)
    said = Text(outcome.text, style="bold green" if outcome.passed else "bold red")
    lines = [
        Text.assemble(("标题：", "bold"), m.title or "（未找到标题行）"),
        Text.assemble(("主体：", "bold"), m.issuer or "（未识别）", "    ", ("年度：", "bold"),
                      str(m.year) if m.year else "（未识别）", "    ", ("层级：", "bold"), LEVEL.get(m.level, m.level)),
        Text.assemble(("规则集：", "bold"), f"{result.rulebook_id} {result.rulebook_version}"),
    ]
    if result.is_report:
        lines.append(Text.assemble(("结论：", "bold"), said, "    ", ("得分：", "bold"), f"{result.score:g}/100"))
    return Panel(Group(*lines), title=Text(f"法治政府建设年度报告审查 · {result.path}"), title_align="left",
                 box=box.ROUNDED if result.passed is not None else box.ASCII)


def _parts_table(result: AuditResult, table_box) -> Table:
    table = Table(title="五个组成部分", title_justify="left", box=table_box, expand=True, show_lines=False)
    table.add_column("部分", no_wrap=True, min_width=16)
    table.add_column("状态", no_wrap=True, min_width=6)
    table.add_column("报告中的标题", ratio=1, overflow="fold")
    table.add_column("行", no_wrap=True, justify="right", min_width=7)
    for p in result.parts:
        span = f"{p.line}–{p.end_line}" if p.line else "—"
        heading = Text(_display(p.heading or (p.note or "—")))
        if p.heading and p.note:
            heading.append(f"（{p.note}）", style="dim")
        table.add_row(SHORT_PART_LABELS[p.id], Text(PART_STATUS[p.status], style=_PART_STYLE[p.status]), heading, span)
    return table


def _checklist(result: AuditResult, table_box, verbose: bool) -> Table:
    table = Table(title="检查清单", title_justify="left", box=table_box, expand=True)
    table.add_column("状态", no_wrap=True, min_width=6)
    table.add_column("检查项 · 证据或说明", ratio=1, overflow="fold")
    for r in result.results:
        status = Text(status_label(r.status, r.kind), style=_CHECK_STYLE[r.status])
        if r.waived:
            status = Text("已豁免", style="magenta")
        cell = Text(r.title, style="bold")
        cell.append(f"  {r.rule_id}", style="dim")
        evidence = _evidence_text(r, verbose)
        if evidence:
            cell.append("\n")
            cell.append_text(evidence)
        table.add_row(status, cell)
    return table


def _evidence_text(r, verbose: bool) -> Text:
    if r.waived:
        return Text(f"豁免理由：{r.waived}", style="magenta")
    if r.status == "skip":
        return Text(_display(r.message), style="dim")
    text = Text()
    if r.status != "pass" or not r.evidence:
        text.append(_display(r.message))
    shown = r.evidence if verbose else r.evidence[:1]
    for e in shown:
        if text:
            text.append("\n")
        where = f"第{e.page}页 " if e.page else ""
        text.append(f"{where}第{e.line}行：", style="bold")
        text.append(_display(e.text))
    return text


def _gap_list(result: AuditResult) -> Group:
    items = gaps(result.results)
    if not items:
        return Group(Text("问题与建议：无。所有适用的检查项均已满足。", style="green"))
    out = [Text(f"问题与建议（{len(items)} 项，按严重程度排列）", style="bold")]
    for n, r in enumerate(items, 1):
        line = Text(f"{n}. ")
        line.append(f"[{SEVERITY[r.severity]}]", style=_SEV_STYLE[r.severity])
        line.append(f"{r.title}（{r.rule_id}，{status_label(r.status, r.kind)}）")
        out.append(line)
        out.append(Text(f"   {_display(r.message)}"))
        if r.suggestion:
            out.append(Text(f"   建议：{r.suggestion}", style="cyan"))
        out.append(Text(f"   依据：{r.basis}", style="dim"))
    return Group(*out)
