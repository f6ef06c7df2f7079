"""Tables built from a check's ``details`` for the terminal report: the closed-loop pairing of
problems with plan items, and the year-over-year tables (last year's plans, copied passages)."""
from __future__ import annotations

from rich.table import Table
from rich.text import Text

from ..models import AuditResult, Result


def _line(n) -> str:
    return f"第{n}行" if n else "—"


def pairing_table(r: Result, table_box) -> Table | None:
    """问题 → 对应安排 for ``plans.unaddressed_shortcoming`` (any result with ``details["pairs"]``)."""
    rows = dict(r.details).get("pairs")
    if not rows:
        return None
    table = Table(title="闭环：不足 ↔ 下一年度安排", title_justify="left", box=table_box, expand=True)
    table.add_column("存在的不足", ratio=4, overflow="fold")
    table.add_column("对应的安排", ratio=4, overflow="fold")
    table.add_column("相似度", no_wrap=True, justify="right", min_width=6)
    table.add_column("共同词", ratio=2, overflow="fold")
    for row in rows:
        problem = Text(f"{_line(row['problem_line'])} ", style="bold").append(row["problem"], style="")
        if row["plan"] is None:
            plan = Text("未找到对应措施", style="red")
        else:
            plan = Text(f"{_line(row['plan_line'])} ", style="bold").append(row["plan"], style="")
        table.add_row(problem, plan, f"{row['score']:.2f}", "、".join(row["shared"]) or "—")
    return table


def _plans_table(r: Result, table_box) -> Table | None:
    rows = dict(r.details).get("plans")
    if not rows or "previous_line" not in rows[0]:
        return None
    table = Table(title="上一年度安排 → 本年度落实情况", title_justify="left", box=table_box, expand=True)
    table.add_column("上一年度的安排", ratio=5, overflow="fold")
    table.add_column("本报告", no_wrap=True, min_width=8)
    table.add_column("相似度", no_wrap=True, justify="right", min_width=6)
    table.add_column("共同词", ratio=2, overflow="fold")
    for row in rows:
        where = Text(_line(row["line"])) if row["line"] else Text("未提到", style="red")
        table.add_row(f"上年{_line(row['previous_line'])} {row['plan']}", where, f"{row['score']:.2f}",
                      "、".join(row["shared"]) or "—")
    return table


def _copies_table(r: Result, table_box) -> Table | None:
    rows = dict(r.details).get("passages")
    if not rows:
        return None
    table = Table(title="与上一年度报告相同的段落", title_justify="left", box=table_box, expand=True)
    table.add_column("本报告", no_wrap=True, min_width=10)
    table.add_column("上年报告", no_wrap=True, min_width=10)
    table.add_column("字数", no_wrap=True, justify="right", min_width=4)
    table.add_column("开头", ratio=1, overflow="fold")
    for row in rows[:20]:
        span = lambda a, b: f"第{a}行" if a == b else f"第{a}–{b}行"  # noqa: E731
        table.add_row(span(row["line"], row["end_line"]), span(row["previous_line"], row["previous_end_line"]),
                      str(row["chars"]), row["text"])
    return table


def detail_tables(result: AuditResult, table_box) -> list[Table]:
    """Every table the results' details call for, in rulebook order (skipped checks have none)."""
    out = []
    for r in result.results:
        if r.status == "skip" or not r.details or r.waived:
            continue
        for build in (pairing_table, _plans_table, _copies_table):
            table = build(r, table_box)
            if table is not None:
                out.append(table)
    return out
