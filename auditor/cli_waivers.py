"""``audit waivers baseline``: write today's findings as a waiver file (see ``auditor.baseline``)."""
from __future__ import annotations

import datetime as dt
import os
import sys
from dataclasses import replace

import click

from .cli_options import config_option, level_option, resolved, rulebook_option, year_option
from .errors import AuditorError
from .output import write_atomic


@click.group()
def waivers():
    """豁免文件：生成基线。"""


@waivers.command("baseline")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...", type=click.Path(exists=True))
@click.option("-o", "--output", default="audit-waivers.yaml", show_default=True, type=click.Path(dir_okay=False),
              help="写入的豁免文件。")
@click.option("--expires", type=click.DateTime(["%Y-%m-%d"]), metavar="YYYY-MM-DD",
              help="每条豁免的有效期（默认 90 天后）。")
@click.option("--force", is_flag=True, help="覆盖已存在的文件。")
@rulebook_option
@year_option
@level_option
@config_option
def baseline(paths, output, expires, force, rulebook_ref, year, level, config_path):
    """审查 PATH（与 audit check 相同的配置），把今天的每个缺口写成一条豁免：理由为占位文字，带有效期。

    \b
    用于对已有报告接入门禁：先生成基线，逐条补上理由，再在 .audit.yaml 中写 waivers: 文件名。
    已被豁免（包括报告中的文内豁免）的检查项不再写入；现有的豁免文件不参与（基线记录的是全部缺口）。
    """
    from .baseline import DEFAULT_DAYS, baseline_entries, render_baseline
    from .batch import Failure, audit_many, collect_paths

    if os.path.exists(output) and not force:
        raise AuditorError(f"{output}: 文件已存在，未覆盖（确需覆盖请加 --force）")
    today = dt.date.today()
    until = expires.date() if expires else today + dt.timedelta(days=DEFAULT_DAYS)
    if until <= today:
        raise AuditorError(f"--expires {until.isoformat()} 不晚于今天，豁免一写出就会过期")
    settings, rulebook, policy = resolved(list(paths), {"rulebook": rulebook_ref, "year": year, "level": level},
                                          config_path)
    policy = replace(policy, waivers=())
    options = {"year": settings.year, "level": settings.level, "fail_level": settings.fail_level,
               "fail_under": settings.fail_under}
    items = audit_many(collect_paths(list(paths)), rulebook, settings.rulebook, options, 1, None, policy)
    audited = [i for i in items if not isinstance(i, Failure)]
    for failure in items:
        if isinstance(failure, Failure):
            click.echo(f"audit: 错误：{failure.message}", err=True)
    if not audited:
        sys.exit(2)
    entries = baseline_entries(audited, output, until)
    write_atomic(output, render_baseline(entries, today))
    click.echo(f"已写入 {output}：{len(audited)} 份报告的 {len(entries)} 个缺口，有效期至 {until.isoformat()}。"
               "请逐条把 reason 改成真实理由，并在 .audit.yaml 中写 waivers: " + os.path.basename(output))
