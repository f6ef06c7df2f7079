"""Options shared by every command, spelled once, and the settings they resolve to.

Every command that reads the rulebook or a report (``check``, ``explain``, ``rules list/show/lint``,
``config show``, ``waivers baseline``) takes the same ``-r/--rulebook``, ``--year``, ``--level``
and ``--config`` and resolves them with ``auditor.config.resolve_settings`` from the same files,
so an explanation or a listing always describes the run that ``audit check`` would make.
"""
from __future__ import annotations

import click

from .config import resolve_settings
from .errors import AuditorError
from .gatekeeping import build_policy
from .models import LEVELS
from .rulebook.loader import load_rulebook

rulebook_option = click.option("-r", "--rulebook", "rulebook_ref", metavar="NAME|PATH",
                               help="规则集：内置名称或 YAML 路径（默认取配置文件，再默认 national）。")
year_option = click.option("--year", type=click.IntRange(2000, 2100), help="报告年度（默认从标题和正文识别）。")
level_option = click.option("--level", type=click.Choice(LEVELS), help="报告主体层级（默认从标题识别）。")
config_option = click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False),
                             help="配置文件（默认从报告所在目录向上查找 .audit.yaml 或 pyproject.toml 的 [tool.audit]）。")


class OldSpellings(click.Option):
    """An option whose old spellings (``old=("--sarif-root",)``) are still accepted but not listed in
    the help, as the README promises of every renamed option."""

    def __init__(self, param_decls, old: tuple[str, ...] = (), **kwargs):
        super().__init__([*param_decls, *old], **kwargs)
        self.old = frozenset(old)

    def get_help_record(self, ctx):
        listed, self.opts = self.opts, [o for o in self.opts if o not in self.old]
        try:
            return super().get_help_record(ctx)
        finally:
            self.opts = listed


def resolved(paths: list[str], overrides: dict, config_path: str | None):
    """``(settings, rulebook, policy)`` for ``paths`` — exactly what ``audit check`` would use."""
    settings = resolve_settings(paths, overrides, config_path)
    rulebook = load_rulebook(settings.rulebook)
    return settings, rulebook, build_policy(settings, rulebook)


def require_rule(rulebook, rule_id: str):
    """The rule ``rule_id`` of ``rulebook``, or an error naming the closest ids."""
    from .closest import did_you_mean

    rule = rulebook.get(rule_id)
    if rule is None:
        hint = did_you_mean(rule_id, [r.id for r in rulebook.rules])
        raise AuditorError(f"规则集 {rulebook.id} 中没有规则 {rule_id}" + (f"，{hint}" if hint else "")
                           + "（用 audit rules list 查看全部编号）")
    return rule
