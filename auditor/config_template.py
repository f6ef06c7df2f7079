"""The commented ``.audit.yaml`` that ``audit config init`` writes.

Every setting of ``auditor.config.DEFAULTS`` appears once, commented out, with what it does and an
example value, so the file as written changes nothing (all defaults) and a team uncomments what it
needs. ``tests/test_config_init.py`` checks that each example, uncommented, is a valid setting.
"""
from __future__ import annotations

from .config import DEFAULTS
from .models import LEVELS

# key → (explanation lines, example value as YAML)
_ENTRIES = {
    "rulebook": (["规则集：内置名称（national、example-city）或 YAML 文件路径（相对于本文件）"], "national"),
    "level": ([f"报告主体层级，覆盖自动识别：{' | '.join(LEVELS)}"], "department"),
    "year": (["报告年度，覆盖自动识别（一般不写：每份报告的年度不同）"], "2024"),
    "fail_under": (["得分低于此值即未通过（0–100，默认 0）"], "80"),
    "fail_level": (["该级别及以上的检查项不符合即未通过：error（默认）| warning"], "warning"),
    "select": (["只审查这些检查项（编号或前缀，如 part. 匹配所有 part.*），默认全部"], "[part., enforcement.]"),
    "ignore": (["不审查这些检查项（显示为“不适用”并写明原因）"], "[part.order]"),
    "waivers": (["豁免文件（YAML，每条写明 check、reason，可选 expires、text、path）；",
                 "可用 audit waivers baseline 生成，见 README“豁免”"], "audit-waivers.yaml"),
}


def render_config_template() -> str:
    """The whole file as text: a header, then each setting commented out with its explanation."""
    assert set(_ENTRIES) == set(DEFAULTS), "every configuration key needs an entry in the template"
    lines = ["# audit 的配置文件（由 audit config init 生成）。",
             "# audit check、explain、rules、config show 和 waivers baseline 都从报告所在目录向上查找本文件，",
             "# 命令行选项优先于本文件，本文件优先于默认值；audit config show 显示生效的配置和来源。",
             "# 以下各项都是注释（即全部使用默认值）：去掉行首的“# ”即启用该项。", ""]
    for key, (notes, example) in _ENTRIES.items():
        lines += [f"# {note}" for note in notes]
        lines += [f"# {key}: {example}", ""]
    return "\n".join(lines)


def example_settings() -> dict[str, str]:
    """key → example value (YAML text), for tests and documentation."""
    return {key: example for key, (_, example) in _ENTRIES.items()}
