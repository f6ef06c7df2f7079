"""The batch summary table: one row per file (terminal), laid out for the width it is given.

From ``WIDE`` columns on, file and issuer have columns of their own; below it they share one cell
(the file, the issuer under it), and below ``NARROW`` the year and level join them, so the table
keeps its meaning at 60 columns. Names are folded, never cut. A report that fails the gate says
why: its most serious gap (``records.summary_record``'s ``top``), by the rule's title.
"""
from __future__ import annotations

import io

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..display import displayable
from ..text.phrase import clip
from .labels import LEVEL, SHORT_LEVEL, status_label
from .linebreak import cell_len, wrap

WIDE, NARROW = 120, 80
REASON_CHARS = 14   # of a rule title given as the reason, cut at a phrase (``text.phrase``)
_PART_MARK = {"present": "✓", "weak": "△", "missing": "✗"}


def render_summary(records: list[dict], failures, width: int = 100, color: bool = False,
                   encoding: str | None = None, rulebook=None) -> str:
    """Summary of a batch from the compact records (``records.summary_record``): file, issuer, year,
    level, parts, score, verdict and, for a report that fails, its most serious gap (titles from
    ``rulebook`` when given, else rule ids); unreadable files listed.

    ``encoding``: the console's, when it is not UTF-8. Cells hold what that console will show ("✓"
    is "OK" in GBK) before rich measures and pads them, so the columns line up there too."""
    def cell(text: str, style: str = "") -> Text:
        # Text, not str: rich reads a str as markup, and a file name or issuer may hold "[/]"
        return Text(displayable(text, encoding), style=style)

    def lines(*pieces: tuple[str, str]) -> Text:
        # a cell of several lines; a piece that is empty adds none
        return Text("\n").join(cell(text, style) for text, style in pieces if text)

    rules = {r.id: r for r in rulebook.rules} if rulebook else {}
    wide, narrow = width >= WIDE, width < NARROW
    console = Console(file=io.StringIO(), width=width, force_terminal=color, no_color=not color,
                      color_system="standard" if color else None, highlight=False, emoji=False)
    table = Table(title=cell(headline(records, failures)),
                  title_justify="left", box=box.SIMPLE_HEAD if color else box.ASCII2, expand=True,
                  show_lines=not wide)
    fold = {"overflow": "fold"}
    columns = [("文件", {"ratio": 3, **fold}), ("主体", {"ratio": 3, **fold})] if wide else \
        [("文件 / 主体", {"ratio": 3, **fold})]
    if not narrow:
        columns += [("年度", {"no_wrap": True}), ("层级", {"no_wrap": True})]
    columns += [("部分 一二三四" if wide else "部分\n一二三四", {"no_wrap": True}),
                ("得分", {"justify": "right", "no_wrap": True})]
    verdicts = [_verdict(r, rules) for r in records]
    levels = [(LEVEL if wide else SHORT_LEVEL).get(r["level"], r["level"]) for r in records]
    verdict_w = _verdict_width(records, levels, columns, verdicts, width, wide)
    columns.append(("结论", {"width": verdict_w, **fold}))
    for name, kw in columns:
        table.add_column(displayable(name, encoding), **kw)
    for r, level, (said, style, reason) in zip(records, levels, verdicts):
        year = str(r["year"] or "—")
        who = [cell(r["path"]), cell(r["issuer"] or "—")] if wide else \
            [lines((r["path"], ""), (r["issuer"] or "—", "dim"), (f"{year} · {level}" if narrow else "", "dim"))]
        marks = " ".join(_PART_MARK[status] for pid, status in r["parts"].items() if pid != "other")
        why = "\n".join(wrap(reason, verdict_w)) if reason else ""
        table.add_row(*who, *([] if narrow else [cell(year), cell(level)]), cell(marks), f"{r['score']:g}",
                      lines((said, style), (why, "")))
    for f in failures:
        who = [cell(f.path), cell(f.message, "red")] if wide else [lines((f.path, ""), (f.message, "red"))]
        table.add_row(*who, *[""] * (len(columns) - len(who) - 1), cell("已跳过", "red"))
    console.print(table)
    return "".join(line.rstrip() + "\n" for line in console.file.getvalue().splitlines())


def headline(records: list[dict], failures) -> str:
    """"汇总：审查 5 份，通过 2 份，未通过 3 份": how many files, and how each group of them came out
    (non-reports and unreadable files only when there are some)."""
    reports = [r for r in records if r["is_report"]]
    passed = sum(1 for r in reports if r["passed"])
    counts = [("通过", passed), ("未通过", len(reports) - passed),
              ("非年度报告", len(records) - len(reports)), ("无法读取", len(failures))]
    return f"汇总：审查 {len(records) + len(failures)} 份，" + "，".join(
        f"{label} {n} 份" for n_, (label, n) in enumerate(counts) if n or n_ < 2)


def _verdict(r: dict, rules: dict) -> tuple[str, str, str]:
    """(verdict, its style, why): "通过", or "未通过" with the most serious gap ("不符合：不足部分分析了原因（第33行）")."""
    if not r["is_report"]:
        return "非年度报告", "yellow", ""
    if r["passed"]:
        return "通过", "green", ""
    reason = ""
    if r["top"]:
        rule_id, status, _, line = r["top"][0]
        rule = rules.get(rule_id)
        title = clip(rule.title, REASON_CHARS) if rule else rule_id
        reason = f"{status_label(status, rule.kind if rule else '')}：{title}" + (f"（第{line}行）" if line else "")
    elif r["rule_errors"]:
        reason = f"规则出错：{r['rule_errors'][0][0]}"
    return "未通过", "red", reason


def _verdict_width(records, levels: list[str], columns, verdicts, width: int, wide: bool) -> int:
    """Cells for the 结论 column: its longest reason, as far as the names leave room. The columns
    that never wrap are fixed (each column costs three cells of border and padding); of what is
    left, the names (a path; the issuer beside it in a wide table) keep what they need up to half,
    and the reason gets the rest, so neither a short path's column nor the reason is mostly blank."""
    widths = [cell_len(level) for level in levels]
    fixed = sum(max([cell_len(line) for line in name.split("\n")] + (widths if name == "层级" else []))
                for name, kw in columns if kw.get("no_wrap"))
    free = width - fixed - 3 * (len(columns) + 1) - 1
    names = max([cell_len(r["path"]) for r in records] + [cell_len("文件 / 主体")])
    if wide:
        names += 3 + max([cell_len(r["issuer"] or "—") for r in records] + [4])
    longest = max([cell_len(why) for *_, why in verdicts] + [cell_len("非年度报告")])
    return max(10, min(longest, free - min(names, free // 2)))
