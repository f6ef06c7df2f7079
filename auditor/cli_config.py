"""``audit config show`` and ``audit config init``: the effective configuration, and a commented one to start from."""
from __future__ import annotations

import os

import click

from .cli_options import config_option, level_option, resolved, rulebook_option, year_option
from .errors import AuditorError
from .output import write_atomic


@click.group()
def config():
    """查看或生成审查配置（.audit.yaml 或 pyproject.toml 的 [tool.audit]）。"""


@config.command("show")
@click.argument("path", required=False, default=".", type=click.Path(exists=True, allow_dash=True))
@rulebook_option
@year_option
@level_option
@config_option
def show(path, rulebook_ref, year, level, config_path):
    """显示对 PATH（默认当前目录）生效的配置及每项的来源；同时检查规则集、select/ignore 和豁免文件。

    -r、--year、--level 与 audit check 的同名选项相同，可用来预览某条命令行实际生效的配置。
    """
    from .render.config_text import render_config

    settings, rulebook, policy = resolved([path], {"rulebook": rulebook_ref, "year": year, "level": level},
                                          config_path)
    click.echo(render_config(settings, rulebook, policy), nl=False)


@config.command("init")
@click.argument("path", required=False, default=".audit.yaml", type=click.Path(dir_okay=False))
@click.option("--force", is_flag=True, help="文件已存在时覆盖它（不加则不写入）。")
def init(path, force):
    """写一份带注释的配置文件：默认写到当前目录的 .audit.yaml，也可用 PATH 指定位置和文件名。

    文件里每一项都是注释掉的默认值，写入后审查结果不变；去掉行首的 # 并修改，才启用该项。
    audit check 从报告所在目录向上查找 .audit.yaml，所以放在报告目录或其上级目录即可生效。

    文件已存在时不写入、原文件不动，报错并以退出码 2 结束；确需覆盖时加 --force。
    """
    from .config_template import render_config_template

    if os.path.exists(path) and not force:
        raise AuditorError(f"{path}: 文件已存在，未覆盖（确需覆盖请加 --force）")
    write_atomic(path, render_config_template())
    click.echo(f"已生成配置文件：{path}。用 audit config show 查看生效的配置。")
