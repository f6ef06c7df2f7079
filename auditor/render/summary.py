"""The batch summary table: one row per file (terminal)."""
from __future__ import annotations

import io

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .labels import LEVEL

_PART_MARK = {"present": "✓", "weak": "△", "missing": "✗"}


def render_summary(records: list[dict], failures, width: int = 100, color: bool = False) -> str:
    """Summary of a batch from the compact records (``records.summary_record``): file, issuer, year,
    level, parts, score, verdict; unreadable files listed."""
    console = Console(file=io.StringIO(), width=width, force_terminal=color, no_color=not color,
                      color_system="standard" if color else None, highlight=False, emoji=False)
    table = Table(title=f"汇总：审查 {len(records)} 份" + (f"，{len(failures)} 份无法读取" if failures else ""),
                  title_justify="left", box=box.SIMPLE_HEAD if color else box.ASCII2, expand=True)
    for name, kw in (("文件", {"ratio": 4}), ("主体", {"ratio": 4}), ("年度", {"no_wrap": True}),
                     ("层级", {"no_wrap": True}), ("部分 一二三四", {"no_wrap": True}),
                     ("得分", {"justify": "right", "no_wrap": True}), ("结论", {"no_wrap": True})):
        table.add_column(name, **kw)
    for r in records:
        marks = " ".join(_PART_MARK[status] for pid, status in r["parts"].items() if pid != "other")
        verdict = Text("通过", style="green") if r["passed"] else Text("未通过", style="red")
        if not r["is_report"]:
            verdict = Text("非年度报告", style="yellow")
        # Text, not str: rich reads a str as markup, and a file name or issuer may hold "[/]"
        table.add_row(Text(r["path"]), Text(r["issuer"] or "—"), str(r["year"] or "—"),
                      LEVEL.get(r["level"], r["level"]), marks, f"{r['score']:g}", verdict)
    for f in failures:
        table.add_row(Text(f.path), Text(f.message, style="red"), "", "", "", "", Text("已跳过", style="red"))
    console.print(table)
    return console.file.getvalue()
