"""``audit rules …`` and ``audit explain``: look inside the rulebook and at one rule on one file.

Both resolve their settings like ``audit check`` (``cli_options.resolved``): the rulebook, year and
level come from the options, else from the configuration file governing the path (or the working
directory), else the defaults.
"""
from __future__ import annotations

import json
import sys

import click

from .cli_options import config_option, level_option, require_rule, resolved, rulebook_option, year_option


@click.group()
def rules():
    """查看、检查规则集（与 audit check 使用同一份配置）。"""


@rules.command("list")
@rulebook_option
@config_option
@click.option("-f", "--format", "fmt", type=click.Choice(["rich", "tsv", "json", "markdown"]),
              help="输出格式：rich 为表格（在终端中的默认），tsv 为每行一条、制表符分隔、内容不截断"
                   "（输出到管道或文件时的默认），markdown 即 docs/rules.md。")
@click.option("--width", type=click.IntRange(60, 400), help="表格宽度（默认取终端宽度）；120 及以上另显示类型、部分和依据。")
def list_rules(rulebook_ref, config_path, fmt, width):
    """列出规则：编号、名称、类型、所属部分、严重程度、依据、适用范围。"""
    from .render.rules_doc import render_rules_json, render_rules_markdown, render_rules_table, render_rules_tsv

    _, rulebook, _ = resolved([], {"rulebook": rulebook_ref}, config_path)
    fmt = fmt or ("rich" if width or sys.stdout.isatty() else "tsv")
    if fmt == "json":
        click.echo(render_rules_json(rulebook), nl=False)
    elif fmt == "markdown":
        click.echo(render_rules_markdown(rulebook), nl=False)
    elif fmt == "tsv":
        click.echo(render_rules_tsv(rulebook), nl=False)
    else:
        click.echo(render_rules_table(rulebook, width or _columns()), nl=False)


@rules.command("show")
@click.argument("rule_id")
@rulebook_option
@config_option
def show_rule(rule_id, rulebook_ref, config_path):
    """显示一条规则的全部内容：依据、检索词、适用范围、示例。"""
    from .render.rules_doc import render_rule_detail

    _, rulebook, _ = resolved([], {"rulebook": rulebook_ref}, config_path)
    click.echo(render_rule_detail(require_rule(rulebook, rule_id)), nl=False)


@rules.command("lint")
@click.argument("path", required=False, metavar="[NAME|PATH]")
@rulebook_option
@config_option
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="输出格式。")
@click.pass_context
def lint_rules(ctx, path, rulebook_ref, config_path, fmt):
    """检查规则集：格式、正则、编号、部分、依据、示例；列出全部问题（有错误时退出码 2）。

    规则集用 -r 指定（也可直接写在命令后面）；都不写时检查配置文件中的规则集，默认 national。
    """
    from .config import resolve_settings
    from .rulebook.lint import has_errors, lint_rulebook

    if path and rulebook_ref and path != rulebook_ref:
        raise click.UsageError(f"规则集只能指定一个（收到 {path} 和 -r {rulebook_ref}）")
    name = resolve_settings([], {"rulebook": path or rulebook_ref}, config_path).rulebook
    problems = lint_rulebook(name)
    if fmt == "json":
        click.echo(json.dumps([vars(p) for p in problems], ensure_ascii=False, indent=2))
    else:
        labels = {"error": "错误", "warning": "警告", "info": "提示"}
        for p in problems:
            where = f"{p.origin}:{p.where}" if p.where else p.origin
            click.echo(f"{where}: {labels[p.severity]} [{p.code}] {p.message}")
        errors = sum(p.severity == "error" for p in problems)
        if problems:
            click.echo(f"规则集 {name}：{errors} 个错误，{len(problems) - errors} 个警告")
        else:
            click.echo(f"规则集 {name}：检查通过，没有发现问题")
    ctx.exit(2 if has_errors(problems) else 0)


@click.command()
@click.argument("rule_id")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, allow_dash=False))
@rulebook_option
@year_option
@level_option
@config_option
@click.option("--previous", type=click.Path(exists=True, dir_okay=False), help="上一年度的报告（同 audit check --previous）。")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="输出格式。")
@click.option("--json", "as_json", is_flag=True, hidden=True, help="同 -f json（旧写法）。")
def explain(rule_id, path, rulebook_ref, year, level, config_path, previous, fmt, as_json):
    """解释一条规则在一份报告中查了什么、在哪里查、找到了什么；结论与 audit check 相同（同一配置、豁免和文内豁免）。"""
    from .explain import explain_rule

    settings, rulebook, policy = resolved([path], {"rulebook": rulebook_ref, "year": year, "level": level},
                                          config_path)
    require_rule(rulebook, rule_id)
    report = explain_rule(rulebook, rule_id, path, settings.year, settings.level, policy, previous)
    if as_json or fmt == "json":
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        from .cli_terminal import terminal_width
        from .render.explain_text import render_explanation

        click.echo(render_explanation(report, terminal_width(None)), nl=False)


def _columns() -> int:
    import shutil   # not at the top: it imports the compression modules, which `audit check` never needs

    return shutil.get_terminal_size().columns
