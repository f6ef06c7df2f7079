"""Write output files atomically: a temporary file beside the target, then rename."""
from __future__ import annotations

import os
import tempfile

from .errors import AuditorError


def write_atomic(path: str, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` so that readers never see a partial file."""
    directory = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(directory):
        raise AuditorError(f"{path}: 输出目录不存在（{directory}）")
    try:
        fd, tmp = tempfile.mkstemp(prefix=".audit-", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise AuditorError(f"{path}: 无法在输出目录中写入（{exc.strerror or exc}）") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise AuditorError(f"{path}: 写入失败（{exc.strerror or exc}）") from None
