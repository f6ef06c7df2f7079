"""Read a small YAML data file (config, waivers) with ``safe_load`` and one-line, located errors."""
from __future__ import annotations

from pathlib import Path

from .errors import AuditorError


def read_yaml(path: Path, what: str, error: type[AuditorError] = AuditorError) -> tuple[object, str]:
    """Return (data, text) of ``path``; ``what`` names the file's role in messages (e.g. "豁免文件")."""
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error(f"{path}: {what}不存在") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"{path}: 无法读取{what}（{exc}）") from None
    try:
        return yaml.safe_load(text), text
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise error(f"{path}{where}: {what} YAML 语法错误（{getattr(exc, 'problem', None) or exc}）") from None
