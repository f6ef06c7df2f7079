"""``audit outline``: write a drafting skeleton (.md or .docx) that follows the loaded rulebook.

The command was called ``audit init`` until 0.1; ``init`` means "write a configuration" in most
tools (``audit config init`` does that here), so the old name still works, hidden from the help,
and prints a one-line notice pointing to the new one.
"""
from __future__ import annotations

import datetime
import os

import click

from .errors import AuditorError
from .models import LEVELS
from .output import write_atomic
from .rulebook.loader import load_rulebook

# Not .txt: only Markdown hides the notes (HTML comments) from `audit check`.
_WRITERS = {".md": "markdown", ".markdown": "markdown", ".docx": "docx"}


@click.command()
@click.argument("output", required=False, type=click.Path(dir_okay=False))
@click.option("--year", type=click.IntRange(2000, 2100), help="报告年度（默认：上一年）。")
@click.option("--level", type=click.Choice(LEVELS), help="报告主体层级（默认从 --issuer 识别，识别不了就列出各层级的检查项）。")
@click.option("--issuer", metavar="单位名称", help="报告主体，例如“某某区人民政府”。")
@click.option("-r", "--rulebook", "rulebook_ref", metavar="NAME|PATH", help="规则集（默认 national）。")
@click.option("--force", is_flag=True, help="覆盖已存在的文件。")
def outline(output, year, level, issuer, rulebook_ref, force):
    """生成报告起草提纲：五个部分按法定顺序排列，每部分以注释列出规则集要求写的内容。

    \b
    OUTPUT 的扩展名决定格式：.md（默认）或 .docx；
    默认文件名为“<年度>年法治政府建设年度报告.md”。
    """
    from .render.skeleton_docx import render_skeleton_docx
    from .skeleton import outline as build_outline, render_skeleton_markdown

    year = year or datetime.date.today().year - 1
    output = output or f"{year}年法治政府建设年度报告.md"
    kind = _WRITERS.get(os.path.splitext(output)[1].lower())
    if kind is None:
        raise AuditorError(f"{output}: 只能生成 .md 或 .docx 提纲")
    if os.path.exists(output) and not force:
        raise AuditorError(f"{output}: 文件已存在，未覆盖（确需覆盖请加 --force）")
    plan = build_outline(load_rulebook(rulebook_ref), year, level, issuer)
    data = render_skeleton_docx(plan) if kind == "docx" else render_skeleton_markdown(plan).encode("utf-8")
    write_atomic(output, data)
    click.echo(f"已生成 {year} 年度报告起草提纲：{output}（{len(plan.parts)} 个部分）。"
               f"填写后用 audit check {output} 检查。")



def _deprecated_init(**kwargs):
    click.echo("audit: 提示：audit init 已更名为 audit outline（生成起草提纲），旧名称仍可使用，以后的版本将移除；"
               "生成配置文件请用 audit config init", err=True)
    outline.callback(**kwargs)


# The old name: same options, hidden from the command list.
init = click.Command("init", params=outline.params, callback=_deprecated_init, hidden=True,
                     help="（已更名为 audit outline）" + (outline.help or ""))
