"""``audit config show``: the effective configuration for a path and where each value came from."""
from __future__ import annotations

import click

from .config import resolve_settings
from .gatekeeping import build_policy
from .rulebook.loader import load_rulebook


@click.group()
def config():
    """查看审查配置（.audit.yaml 或 pyproject.toml 的 [tool.audit]）。"""


@config.command("show")
@click.argument("path", required=False, default=".")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False), help="指定配置文件，不自动查找。")
def show(path, config_path):
    """显示对 PATH（默认当前目录）生效的配置及每项的来源；同时检查规则集、select/ignore 和豁免文件。"""
    from .render.config_text import render_config

    settings = resolve_settings([path], {}, config_path)
    rulebook = load_rulebook(settings.rulebook)
    policy = build_policy(settings, rulebook)
    click.echo(render_config(settings, rulebook, policy), nl=False)
