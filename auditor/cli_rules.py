"""``audit rules …`` and ``audit explain``: look inside the rulebook and at one rule on one file."""
from __future__ import annotations

import json

import click

from .errors import AuditorError
from .rulebook.loader import load_rulebook


@click.group()
def rules():
    """查看、检查规则集。"""


@rules.command("list")
@click.option("-r", "--rulebook", "rulebook_ref", metavar="NAME|PATH", help="规则集（默认 national）。")
@click.option("-f", "--format", "fmt", type=click.Choice(["rich", "json", "markdown"]), default="rich", show_default=True)
@click.option("--width", type=click.IntRange(60, 400), help="表格宽度（默认取终端宽度）；120 及以上另显示类型、部分和依据。")
def list_rules(rulebook_ref, fmt, width):
    """列出规则：编号、名称、类型、所属部分、严重程度、依据、适用范围。"""
    from .render.rules_doc import render_rules_json, render_rules_markdown, render_rules_table

    rulebook = load_rulebook(rulebook_ref)
    if fmt == "json":
        click.echo(render_rules_json(rulebook), nl=False)
    elif fmt == "markdown":
        click.echo(render_rules_markdown(rulebook), nl=False)
    else:
        click.echo(render_rules_table(rulebook, width or _columns()), nl=False)


@rules.command("show")
@click.argument("rule_id")
@click.option("-r", "--rulebook", "rulebook_ref", metavar="NAME|PATH", help="规则集（默认 national）。")
def show_rule(rule_id, rulebook_ref):
    """显示一条规则的全部内容：依据、检索词、适用范围、示例。"""
    rulebook = load_rulebook(rulebook_ref)
    rule = rulebook.get(rule_id)
    if rule is None:
        raise AuditorError(f"规则集 {rulebook.id} 中没有规则 {rule_id}（用 audit rules list 查看全部编号）")
    from .render.rules_doc import render_rule_detail

    click.echo(render_rule_detail(rule), nl=False)


@rules.command("lint")
@click.argument("path", required=False, metavar="[NAME|PATH]")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
def lint_rules(ctx, path, fmt):
    """检查规则集：格式、正则、编号、部分、依据、示例；列出全部问题（有错误时退出码 2）。"""
    from .rulebook.lint import has_errors, lint_rulebook

    problems = lint_rulebook(path)
    name = path or "national"
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
@click.argument("path")
@click.option("-r", "--rulebook", "rulebook_ref", metavar="NAME|PATH", help="规则集（默认 national）。")
@click.option("--year", type=int, help="报告年度（默认自动识别）。")
@click.option("--level", type=click.Choice(["government", "department", "township"]), help="报告主体层级。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
def explain(rule_id, path, rulebook_ref, year, level, as_json):
    """解释一条规则在一份报告中查了什么、在哪里查、找到了什么。"""
    from .explain import explain_rule

    rulebook = load_rulebook(rulebook_ref)
    if rulebook.get(rule_id) is None:
        raise AuditorError(f"规则集 {rulebook.id} 中没有规则 {rule_id}（用 audit rules list 查看全部编号）")
    report = explain_rule(rulebook, rule_id, path, year, level)
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        from .render.explain_text import render_explanation

        click.echo(render_explanation(report), nl=False)


def _columns() -> int:
    import shutil   # not at the top: it imports the compression modules, which `audit check` never needs

    return shutil.get_terminal_size().columns
