"""The batch summary table: one row per file (terminal)."""
from __future__ import annotations

import io

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..display import displayable
from .labels import LEVEL

_PART_MARK = {"present": "✓", "weak": "△", "missing": "✗"}


def render_summary(records: list[dict], failures, width: int = 100, color: bool = False,
                   encoding: str | None = None) -> str:
    """Summary of a batch from the compact records (``records.summary_record``): file, issuer, year,
    level, parts, score, verdict; unreadable files listed.

    ``encoding``: the console's, when it is not UTF-8. Cells hold what that console will show ("✓"
    is "OK" in GBK) before rich measures and pads them, so the columns line up there too."""
    def cell(text: str, style: str = "") -> Text:
        # Text, not str: rich reads a str as markup, and a file name or issuer may hold "[/]"
        return Text(displayable(text, encoding), style=style)

    # rich marks a cut cell with "…"; a console without it would widen the cell by two
    overflow = "ellipsis" if displayable("…", encoding) == "…" else "crop"
    console = Console(file=io.StringIO(), width=width, force_terminal=color, no_color=not color,
                      color_system="standard" if color else None, highlight=False, emoji=False)
    table = Table(title=cell(f"汇总：审查 {len(records)} 份" + (f"，{len(failures)} 份无法读取" if failures else "")),
                  title_justify="left", box=box.SIMPLE_HEAD if color else box.ASCII2, expand=True)
    for name, kw in (("文件", {"ratio": 4, "overflow": overflow}), ("主体", {"ratio": 4, "overflow": overflow}),
                     ("年度", {"no_wrap": True}), ("层级", {"no_wrap": True}), ("部分 一二三四", {"no_wrap": True}),
                     ("得分", {"justify": "right", "no_wrap": True}), ("结论", {"no_wrap": True})):
        table.add_column(displayable(name, encoding), **kw)
    for r in records:
        marks = " ".join(_PART_MARK[status] for pid, status in r["parts"].items() if pid != "other")
        verdict = cell("通过", "green") if r["passed"] else cell("未通过", "red")
        if not r["is_report"]:
            verdict = cell("非年度报告", "yellow")
        table.add_row(cell(r["path"]), cell(r["issuer"] or "—"), cell(str(r["year"] or "—")),
                      cell(LEVEL.get(r["level"], r["level"])), cell(marks), f"{r['score']:g}", verdict)
    for f in failures:
        table.add_row(cell(f.path), cell(f.message, "red"), "", "", "", "", cell("已跳过", "red"))
    console.print(table)
    return console.file.getvalue()
