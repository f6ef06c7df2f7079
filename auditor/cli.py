"""The ``audit`` command: parse options, wire the pipeline, print, exit.

How a run ends — exit codes, one-line errors, Ctrl-C, console encodings — is in ``cli_group``.
"""
from __future__ import annotations

import contextlib
import math
import sys

import click

from .cli_messages import install as install_chinese_messages, localize_usage

install_chinese_messages()   # first: click's types translate their messages when they are made (cli_options)

from . import __version__  # noqa: E402
from .batch import Failure, Job, audit_stream, collect_paths, index_previous  # noqa: E402
from .cli_group import EXIT_ERROR, EXIT_GATE, EXIT_PASS, AuditGroup, say  # noqa: E402
from .cli_help import use_help_formatter  # noqa: E402
from .cli_options import OldSpellings  # noqa: E402
from .cli_terminal import progress as _progress, stdout_encoding, terminal_width, use_color  # noqa: E402
from .config import resolve_settings  # noqa: E402
from .errors import AuditorError  # noqa: E402
from .files import vet  # noqa: E402
from .gatekeeping import build_policy, unused_waivers  # noqa: E402
from .locations import ci_root, with_repo_paths  # noqa: E402
from .models import LEVELS  # noqa: E402
from .output import check_outputs  # noqa: E402
from .render import REPO_PATH_FORMATS, RENDERERS  # noqa: E402
from .render.outputs import FILE_ONLY, Outputs  # noqa: E402
from .rulebook.loader import load_rulebook  # noqa: E402
from .waivers import placeholder_warnings  # noqa: E402

FORMATS = ("rich", *RENDERERS)


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
      audit check 报告.docx -o docx:审查.docx   审查意见写成 Word 批注
      audit serve                      启动本地网页：上传报告、看结果、下载带批注的文档

    退出码：0 通过；1 未通过（错误级检查不符合，或得分低于 --fail-under）；2 用法错误、文件无法读取、
    规则集或配置有误（含规则运行超时）、内部错误；130 被 Ctrl-C 中断（SIGTERM 为 143）。
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


def _not_blank(ctx, param, value):
    """An option given as an empty string is a mistake, as it is in a configuration file."""
    if isinstance(value, str) and not value.strip():
        raise click.BadParameter("不能为空")
    return value


def _percent(ctx, param, value):
    if value is not None and not math.isfinite(value):   # FloatRange lets nan through
        raise click.BadParameter(f"应为 0–100 之间的数（收到 {value!r}）")
    return value


def _selectors(ctx, param, values):
    """``--select a,b --select c`` → ("a", "b", "c"); an empty entry is refused, as in a config file."""
    out = tuple(v.strip() for value in values for v in value.split(","))
    if any(not v for v in out):
        raise click.BadParameter("检查项编号或前缀不能为空（例如 --select part.order,numbering.）")
    return out


@main.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="rich", show_default=True,
              help="标准输出的格式（csv 为批量汇总表；jsonl 每行一份报告，适合大批量；CI 用 github、gitlab、sarif、junit、rdjson；"
                   "见 README“输出格式”）。")
@click.option("-o", "--output", "outputs", multiple=True, callback=_output_spec, metavar="FMT:PATH",
              help="另外把结果写入文件，可多次使用，例如 -o sarif:out.sarif -o junit:out.xml；"
                   "-o docx:审查.docx 写出带审查批注的 Word 文档（一份报告时）；"
                   "批量评审另有 -o xlsx:汇总.xlsx（Excel 工作簿）和 -o dashboard:总览.html（总览页）。")
@click.option("-r", "--rulebook", "rulebook_ref", metavar="NAME|PATH", callback=_not_blank,
              help="规则集：内置名称或 YAML 路径（默认 national）。")
@click.option("--year", type=click.IntRange(2000, 2100), help="报告年度（默认从标题和正文识别）。")
@click.option("--level", type=click.Choice(LEVELS), help="报告主体层级（默认从标题识别）。")
@click.option("--previous", type=click.Path(dir_okay=False), callback=_not_blank, help="上一年度的报告，用于连续性检查。")
@click.option("--previous-dir", type=click.Path(file_okay=False, exists=True), callback=_not_blank,
              help="上一年度报告所在目录：按主体和年度为每份报告配对上一年度报告，做连续性检查。")
@click.option("--fail-under", type=click.FloatRange(0, 100), callback=_percent, help="得分低于此值即判为未通过（默认 0）。")
@click.option("--fail-level", type=click.Choice(["error", "warning"]),
              help="该级别及以上的检查不符合即判为未通过（默认 error）。")
@click.option("--select", multiple=True, metavar="ID[,ID]", callback=_selectors,
              help="只审查这些检查项：编号或前缀（如 numbering.），可多次使用。")
@click.option("--ignore", multiple=True, metavar="ID[,ID]", callback=_selectors, help="不审查这些检查项：编号或前缀，可多次使用。")
@click.option("--waivers", "waivers_path", type=click.Path(dir_okay=False), callback=_not_blank,
              help="豁免文件（YAML，见 README）。")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False),
              help="配置文件（默认从报告所在目录向上查找 .audit.yaml 或 pyproject.toml 的 [tool.audit]）。")
@click.option("--summary", is_flag=True, help="批量审查时只打印汇总表。")
@click.option("-j", "--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="并行进程数。")
@click.option("-v", "--verbose", is_flag=True, help="列出全部检查项（含符合和不适用的）及其全部证据。")
@click.option("-q", "--quiet", is_flag=True, help="只列出使门禁失败的问题（通过时不输出），供 pre-commit 使用。")
@click.option("--width", type=click.IntRange(40, 400), help="终端报告宽度（默认取终端宽度）。")
@click.option("--color/--no-color", default=None,
              help="是否使用颜色（默认：设置了 NO_COLOR 则不用，设置了 FORCE_COLOR 则用，否则仅在终端中使用）。")
@click.option("--root", "repo_root", cls=OldSpellings, old=("--sarif-root",), type=click.Path(exists=True, file_okay=False),
              help="sarif/github/gitlab/rdjson 中文件路径的基准目录（默认：当前目录所在 Git 仓库的根目录）。")
@click.option("--junit-failures", type=click.Choice(["gate", "gaps"]), default="gate", show_default=True,
              help="junit 中算作失败的检查项：gate 只算使门禁失败的，gaps 算全部缺失和部分符合的（旧行为）。")
def check(paths, fmt, outputs, rulebook_ref, year, level, previous, previous_dir, fail_under, fail_level, select,
          ignore, waivers_path, config_path, summary, workers, verbose, quiet, width, color, repo_root, junit_failures):
    """审查一份或多份报告（.txt/.docx/.pdf/.html，目录，或 - 表示标准输入）。

    退出码：0 通过；1 未通过；2 有文件无法读取（批量时其余文件照常审查、照常输出，只要有一个读不了就是 2）、
    用法错误、规则集或配置有误；130 被 Ctrl-C 中断。
    """
    settings = resolve_settings(list(paths), {
        "rulebook": rulebook_ref, "year": year, "level": level, "fail_under": fail_under, "fail_level": fail_level,
        "select": select, "ignore": ignore, "waivers": waivers_path}, config_path)
    rulebook = load_rulebook(settings.rulebook)
    policy = build_policy(settings, rulebook)
    for warning in placeholder_warnings(policy.waivers):
        say(f"警告：{warning}")
    files = collect_paths(list(paths))
    if any(f == "docx" for f, _ in outputs) and (len(files) != 1 or files[0] == "-"):
        raise click.UsageError("-o docx:路径 只能用于一份报告文件（不能用于目录、多个文件或标准输入）")
    options = {"year": settings.year, "level": settings.level, "fail_level": settings.fail_level,
               "fail_under": settings.fail_under}
    if previous and previous_dir:
        raise click.UsageError("--previous 和 --previous-dir 只能用一个")
    if previous:
        vet(previous, "上一年度报告")   # once, before the audit, not once per report
        options["previous_path"] = previous
    previous_files = collect_paths([previous_dir]) if previous_dir else []
    inputs = [*files, previous, *previous_files, settings.waivers, settings.file, *rulebook.sources]
    check_outputs([path for _, path in outputs], [p for p in inputs if p])
    paired = index_previous(previous_files, workers) if previous_dir else None
    root = ci_root(repo_root)
    color = use_color(color, sys.stdout is not None and sys.stdout.isatty())   # None: started with stdout closed
    # color=: click would strip the codes from a pipe even when colour was asked for
    outs = Outputs([(fmt, None), *outputs], rulebook, lambda text: click.echo(text, nl=False, color=color),
                   (summary, terminal_width(width) if fmt == "rich" else 100, color, verbose, quiet, stdout_encoding()),
                   lambda name, audited, failures: _render(name, audited, rulebook, failures, root, junit_failures))
    try:
        job = Job(settings.rulebook, options, policy, outs.encoder, paired)
        with _progress(len(files)) as advance, contextlib.closing(audit_stream(files, rulebook, job, workers)) as items:
            for item in items:
                if isinstance(item, Failure):
                    say(f"错误：{item.message}")
                outs.add(item)
                if advance:
                    advance()
    except BaseException:   # Ctrl-C, SIGTERM, a full disk: no output file, no temporary file, nothing printed
        outs.discard()
        raise
    for waiver in unused_waivers(policy, outs.used_waivers):
        say(f"提示：{waiver.where} 的豁免（{waiver.check}）没有用上：没有对应的不符合项，可以删除")
    for rule_id, (count, message) in outs.rule_errors.items():
        say(f"错误：规则 {rule_id} 在 {count} 份报告上未能完成（记为“规则出错”）：{message}")
    if not outs.audited:   # nothing to report: leave no output files behind
        outs.discard()
        sys.exit(EXIT_ERROR)
    outs.finish()
    # an input that could not be read, or a rule that could not finish: the batch was not fully checked,
    # so the gate must not pass on the rest (everything else is audited and written first)
    if outs.failures or outs.rule_errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_PASS if outs.passed else EXIT_GATE)


def _render(fmt, audited, rulebook, failures, root, junit_failures) -> str | bytes:
    """One format rendered from whole results; CI annotation formats get repository-root paths
    (auditor.locations); ``docx`` is the one audited document with the review as Word comments."""
    if fmt == "docx":
        return _review_docx(audited[0])
    if fmt in REPO_PATH_FORMATS:
        audited, failures = with_repo_paths(audited, failures, root)
    options = {"junit_failures": junit_failures} if fmt == "junit" else {}
    return RENDERERS[fmt](audited, rulebook, failures, **options)


def _review_docx(result) -> bytes:
    """The audited file as a Word document with the review as comments (its own .docx, or one made from its text)."""
    from .read import read_path
    from .render.docx_review import render_docx_review

    source = read_path(result.path)
    if source.sha256 != result.sha256:
        raise AuditorError(f"{result.path}: 审查过程中文件被修改，请重新运行")
    original = None
    if source.format == "docx":
        with open(result.path, "rb") as fh:
            original = fh.read()
    return render_docx_review(result, source.text, original)


main.lazy = {"rules": ".cli_rules:rules", "explain": ".cli_rules:explain", "config": ".cli_config:config",
             "outline": ".cli_outline:outline", "init": ".cli_outline:init",   # init: the old name of outline, hidden
             "waivers": ".cli_waivers:waivers", "serve": ".cli_serve:serve"}


def _prepare(command: click.Command) -> None:
    use_help_formatter(command)
    localize_usage(command)


main.prepare = _prepare
_prepare(main)
