"""The ``audit`` command: parse options, wire the pipeline, print, exit (0 pass · 1 gate failed · 2 error)."""
from __future__ import annotations

import os
import shutil
import sys

import click

from . import __version__
from .batch import Failure, audit_many, collect_paths
from .errors import AuditorError
from .models import LEVELS
from .output import write_atomic
from .render import RENDERERS
from .rulebook.loader import load_rulebook

EXIT_PASS, EXIT_GATE, EXIT_ERROR = 0, 1, 2
FORMATS = ("rich", *RENDERERS)


class AuditGroup(click.Group):
    """Turns ``AuditorError`` into one line on stderr and exit code 2, never a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except AuditorError as exc:
            click.echo(f"audit: 错误：{exc}", err=True)
            ctx.exit(EXIT_ERROR)


@click.group(cls=AuditGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="audit")
def main():
    """法治政府建设年度报告审查器：按规则集逐项检查报告，列出已具备、缺失和应补充的内容。

    \b
    常用：
      audit check 报告.txt             审查一份报告（终端彩色报告）
      audit check 目录/ --summary      批量审查，只看汇总表
      audit check 报告.txt -f json     机器可读结果
      audit rules list                 查看规则清单及法律依据
      audit explain ID 报告.txt        解释某条规则在报告中查了什么、找到了什么

    退出码：0 通过；1 未通过（错误级检查不符合，或得分低于 --fail-under）；2 用法错误、文件无法读取或规则集有误。
    """


def _output_spec(ctx, param, values):
    specs = []
    for value in values:
        fmt, sep, path = value.partition(":")
        if not sep or not path:
            raise click.BadParameter(f"应写成 格式:路径，例如 sarif:out.sarif（收到 {value!r}）")
        if fmt not in RENDERERS:
            raise click.BadParameter(f"未知格式 {fmt!r}，可用：{', '.join(RENDERERS)}")
        specs.append((fmt, path))
    return specs


@main.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="rich", show_default=True,
              help="标准输出的格式。")
@click.option("-o", "--output", "outputs", multiple=True, callback=_output_spec, metavar="FMT:PATH",
              help="另外把结果写入文件，可多次使用，例如 -o sarif:out.sarif -o junit:out.xml。")
@click.option("-r", "--rulebook", "rulebook_ref", metavar="NAME|PATH", help="规则集：内置名称或 YAML 路径（默认 national）。")
@click.option("--year", type=click.IntRange(2000, 2100), help="报告年度（默认从标题和正文识别）。")
@click.option("--level", type=click.Choice(LEVELS), help="报告主体层级（默认从标题识别）。")
@click.option("--previous", type=click.Path(dir_okay=False), help="上一年度的报告，用于连续性检查。")
@click.option("--fail-under", type=click.FloatRange(0, 100), default=0, show_default=True, help="得分低于此值即判为未通过。")
@click.option("--fail-level", type=click.Choice(["error", "warning"]), default="error", show_default=True,
              help="该级别及以上的检查不符合即判为未通过。")
@click.option("--summary", is_flag=True, help="批量审查时只打印汇总表。")
@click.option("-j", "--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="并行进程数。")
@click.option("-v", "--verbose", is_flag=True, help="列出每个检查项的全部证据。")
@click.option("--width", type=click.IntRange(40, 400), help="终端报告宽度（默认取终端宽度）。")
@click.option("--color/--no-color", default=None, help="是否使用颜色（默认仅在终端中使用）。")
def check(paths, fmt, outputs, rulebook_ref, year, level, previous, fail_under, fail_level, summary, workers,
          verbose, width, color):
    """审查一份或多份报告（.txt/.docx/.pdf/.html，目录，或 - 表示标准输入）。"""
    rulebook = load_rulebook(rulebook_ref)
    files = collect_paths(list(paths))
    options = {"year": year, "level": level, "fail_level": fail_level, "fail_under": fail_under}
    if previous:
        options["previous_path"] = previous
    items = audit_many(files, rulebook, rulebook_ref, options, workers)
    audited = [i for i in items if not isinstance(i, Failure)]
    failures = [i for i in items if isinstance(i, Failure)]
    for failure in failures:
        click.echo(f"audit: 错误：{failure.message}", err=True)
    for fmt_name, path in outputs:
        write_atomic(path, RENDERERS[fmt_name](audited, rulebook))
    if fmt == "rich":
        _print_terminal(audited, failures, summary, verbose, width, color)
    else:
        click.echo(RENDERERS[fmt](audited, rulebook), nl=False)
    if not audited:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_PASS if all(a.passed for a in audited) else EXIT_GATE)


def _print_terminal(audited, failures, summary, verbose, width, color):
    from .render.summary import render_summary
    from .render.terminal import render_terminal

    is_tty = sys.stdout.isatty()
    color = is_tty and not os.environ.get("NO_COLOR") if color is None else color
    width = width or (shutil.get_terminal_size().columns if is_tty else 100)
    if not summary:
        for result in audited:
            click.echo(render_terminal(result, width, color, verbose), nl=False)
    if len(audited) + len(failures) > 1 or summary:
        click.echo(render_summary(audited, failures, width, color), nl=False)


from .cli_rules import explain, rules  # noqa: E402  (sub-commands register on the group)

main.add_command(rules)
main.add_command(explain)
