"""``audit config show``: the effective settings, one per line, each with its source."""
from __future__ import annotations

from ..rulebook.model import Rulebook

_EMPTY = {"level": "（自动识别）", "year": "（自动识别）", "select": "（全部检查项）", "ignore": "（无）",
          "waivers": "（无）"}


def render_config(settings, rulebook: Rulebook, policy) -> str:
    """Plain text: the file in use, then ``key  value  来源`` for every key."""
    lines = [f"配置文件：{settings.file or '无（未找到 .audit.yaml 或含 [tool.audit] 的 pyproject.toml，使用默认值）'}", ""]
    values = {
        "rulebook": f"{settings.rulebook}（{rulebook.id} {rulebook.version}，{len(rulebook.rules)} 条规则）",
        "level": settings.level, "year": settings.year, "fail_under": f"{settings.fail_under:g}",
        "fail_level": settings.fail_level, "select": ", ".join(settings.select), "ignore": ", ".join(settings.ignore),
        "waivers": f"{settings.waivers}（{len(policy.waivers)} 条，均有理由且未过期）" if settings.waivers else None,
    }
    width = max(len(k) for k in values)
    for key, value in values.items():
        shown = _EMPTY[key] if value in (None, "") else str(value)
        lines.append(f"{key.ljust(width)}  {shown}  ← {settings.origin(key)}")
    return "\n".join(lines) + "\n"
