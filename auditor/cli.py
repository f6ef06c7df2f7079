"""The ``audit`` command: parse options, wire the pipeline, print, exit (0 pass · 1 gate failed · 2 error)."""
from __future__ import annotations

import contextlib
import os
import sys

import click

from . import __version__
from .batch import Failure, Job, audit_stream, collect_paths, index_previous
from .cli_messages import install as install_chinese_messages, localize_usage
from .config import resolve_settings
from .errors import AuditorError
from .gatekeeping import build_policy, unused_waivers
from .locations import ci_root, with_repo_paths
from .models import LEVELS
from .render import REPO_PATH_FORMATS, RENDERERS
from .render.outputs import FILE_ONLY, Outputs
from .rulebook.loader import load_rulebook

install_chinese_messages()
EXIT_PASS, EXIT_GATE, EXIT_ERROR = 0, 1, 2
FORMATS = ("rich", *RENDERERS)
PROGRESS_MIN_FILES = 8   # fewer files finish before a progress bar would be worth drawing


class AuditGroup(click.Group):
    """Turns ``AuditorError`` and usage errors into one line on stderr and exit code 2, never a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except AuditorError as exc:
            click.echo(f"audit: 错误：{exc}", err=True)
            ctx.exit(EXIT_ERROR)
        except click.UsageError as exc:   # click's own format is four lines (usage, hint, blank, error)
            where = exc.ctx.command_path if exc.ctx else "audit"
            click.echo(f"audit: 用法错误：{exc.format_message()}（查看用法：{where} -h）", err=True)
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
      audit rules lint -r 路径         检查规则集（本地规则集先查再用）
      audit explain ID 报告.txt        解释某条规则在报告中查了什么、找到了什么
      audit outline 提纲.docx          生成起草提纲（五个部分及每部分应写的内容）
      audit config init                写一份带注释的 .audit.yaml
      audit waivers baseline 目录/     把现有的缺口写成豁免文件（接入门禁时用）

    退出码：0 通过；1 未通过（错误级检查不符合，或得分低于 --fail-under）；2 用法错误、文件无法读取或规则集有误。
    """


def _output_spec(ctx, param, values):
    specs = []
    for value in values:
        fmt, sep, path = value.partition(":")
        if not sep or not path:
            raise click.BadParameter(f"应写成 格式:路径，例如 sarif:out.sarif（收到 {value!r}）")
        if fmt not in RENDERERS and fmt not in FILE_ONLY:
            raise click.BadParameter(f"未知格式 {fmt!r}，可用：{', '.join((*RENDERERS, *FILE_ONLY))}")
        specs.append((fmt, path))
    return specs


@main.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="rich", show_default=True,
              help="标准输出的格式（csv 为批量汇总表；jsonl 每行一份报告，适合大批量；CI 用 github、gitlab、sarif、junit、rdjson；"
                   "见 README“输出格式”）。")
@click.option("-o", "--output", "outputs", multiple=True, callback=_output_spec, metavar="FMT:PATH",
              help="另外把结果写入文件，可多次使用，例如 -o sarif:out.sarif -o junit:out.xml；"
                   "批量评审另有 -o xlsx:汇总.xlsx（Excel 工作簿）和 -o dashboard:总览.html（总览页）。")
@click.option("-r", "--rulebook", "rulebook_ref", metavar="NAME|PATH", help="规则集：内置名称或 YAML 路径（默认 national）。")
@click.option("--year", type=click.IntRange(2000, 2100), help="报告年度（默认从标题和正文识别）。")
@click.option("--level", type=click.Choice(LEVELS), help="报告主体层级（默认从标题识别）。")
@click.option("--previous", type=click.Path(dir_okay=False), help="上一年度的报告，用于连续性检查。")
@click.option("--previous-dir", type=click.Path(file_okay=False, exists=True),
              help="上一年度报告所在目录：按主体和年度为每份报告配对上一年度报告，做连续性检查。")
@click.option("--fail-under", type=click.FloatRange(0, 100), help="得分低于此值即判为未通过（默认 0）。")
@click.option("--fail-level", type=click.Choice(["error", "warning"]),
              help="该级别及以上的检查不符合即判为未通过（默认 error）。")
@click.option("--select", multiple=True, metavar="ID[,ID]", help="只审查这些检查项：编号或前缀（如 numbering.），可多次使用。")
@click.option("--ignore", multiple=True, metavar="ID[,ID]", help="不审查这些检查项：编号或前缀，可多次使用。")
@click.option("--waivers", "waivers_path", type=click.Path(dir_okay=False), help="豁免文件（YAML，见 README）。")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False),
              help="配置文件（默认从报告所在目录向上查找 .audit.yaml 或 pyproject.toml 的 [tool.audit]）。")
@click.option("--summary", is_flag=True, help="批量审查时只打印汇总表。")
@click.option("-j", "--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="并行进程数。")
@click.option("-v", "--verbose", is_flag=True, help="列出每个检查项的全部证据。")
@click.option("--width", type=click.IntRange(40, 400), help="终端报告宽度（默认取终端宽度）。")
@click.option("--color/--no-color", default=None, help="是否使用颜色（默认仅在终端中使用）。")
@click.option("--root", "--sarif-root", "repo_root", type=click.Path(exists=True, file_okay=False),
              help="sarif/github/gitlab/rdjson 中文件路径的基准目录（默认：当前目录所在 Git 仓库的根目录）。")
@click.option("--junit-failures", type=click.Choice(["gate", "gaps"]), default="gate", show_default=True,
              help="junit 中算作失败的检查项：gate 只算使门禁失败的，gaps 算全部缺失和部分符合的（旧行为）。")
def check(paths, fmt, outputs, rulebook_ref, year, level, previous, previous_dir, fail_under, fail_level, select,
          ignore, waivers_path, config_path, summary, workers, verbose, width, color, repo_root, junit_failures):
    """审查一份或多份报告（.txt/.docx/.pdf/.html，目录，或 - 表示标准输入）。"""
    settings = resolve_settings(list(paths), {
        "rulebook": rulebook_ref, "year": year, "level": level, "fail_under": fail_under, "fail_level": fail_level,
        "select": _split(select), "ignore": _split(ignore), "waivers": waivers_path}, config_path)
    rulebook = load_rulebook(settings.rulebook)
    policy = build_policy(settings, rulebook)
    files = collect_paths(list(paths))
    options = {"year": settings.year, "level": settings.level, "fail_level": settings.fail_level,
               "fail_under": settings.fail_under}
    if previous and previous_dir:
        raise click.UsageError("--previous 和 --previous-dir 只能用一个")
    if previous:
        options["previous_path"] = previous
    paired = index_previous(previous_dir, workers) if previous_dir else None
    root = ci_root(repo_root)
    outs = Outputs([(fmt, None), *outputs], rulebook, lambda text: click.echo(text, nl=False),
                   (summary, *_terminal_style(width, color), verbose),
                   lambda name, audited, failures: _render(name, audited, rulebook, failures, root, junit_failures))
    try:
        with _progress(len(files)) as advance:
            for item in audit_stream(files, rulebook, Job(settings.rulebook, options, policy, outs.encoder, paired),
                                     workers):
                if isinstance(item, Failure):
                    click.echo(f"audit: 错误：{item.message}", err=True)
                outs.add(item)
                if advance:
                    advance()
    except BaseException:
        outs.discard()
        raise
    for waiver in unused_waivers(policy, outs.used_waivers):
        click.echo(f"audit: 提示：{waiver.where} 的豁免（{waiver.check}）没有用上：没有对应的不符合项，可以删除", err=True)
    if not outs.audited:   # nothing to report: leave no output files behind
        outs.discard()
        sys.exit(EXIT_ERROR)
    outs.finish()
    sys.exit(EXIT_PASS if outs.passed else EXIT_GATE)


def _render(fmt, audited, rulebook, failures, root, junit_failures) -> str:
    """One machine format; CI annotation formats get repository-root paths (auditor.locations)."""
    if fmt in REPO_PATH_FORMATS:
        audited, failures = with_repo_paths(audited, failures, root)
    options = {"junit_failures": junit_failures} if fmt == "junit" else {}
    return RENDERERS[fmt](audited, rulebook, failures, **options)


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    """``--select a,b --select c`` → ("a", "b", "c")."""
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


@contextlib.contextmanager
def _progress(total: int):
    """A progress bar on stderr for a batch of many files when stderr is a terminal; else nothing."""
    if total < PROGRESS_MIN_FILES or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn("审查中"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("audit", total=total)
        yield lambda: bar.advance(task)


def _terminal_style(width: int | None, color: bool | None) -> tuple[int, bool]:
    """(width, colour) of the terminal report: the terminal's own unless given; colour only on a terminal."""
    is_tty = sys.stdout.isatty()
    color = is_tty and not os.environ.get("NO_COLOR") if color is None else color
    if not width and is_tty:
        import shutil
        width = shutil.get_terminal_size().columns
    return width or 100, bool(color)


from .cli_config import config  # noqa: E402
from .cli_outline import init, outline  # noqa: E402
from .cli_rules import explain, rules  # noqa: E402  (sub-commands register on the group)
from .cli_waivers import waivers  # noqa: E402

main.add_command(rules)
main.add_command(explain)
main.add_command(config)
main.add_command(outline)
main.add_command(init)   # the old name of outline, hidden
main.add_command(waivers)
localize_usage(main)
