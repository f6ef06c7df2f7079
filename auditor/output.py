"""Write output files atomically: a temporary file beside the target, then rename."""
from __future__ import annotations

import os
import tempfile

from .errors import AuditorError


def write_atomic(path: str, content: str | bytes) -> None:
    """Write ``content`` (text as UTF-8, or bytes) to ``path`` so readers never see a partial file."""
    directory = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(directory):
        raise AuditorError(f"{path}: 输出目录不存在（{directory}）")
    try:
        fd, tmp = tempfile.mkstemp(prefix=".audit-", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise AuditorError(f"{path}: 无法在输出目录中写入（{exc.strerror or exc}）") from None
    try:
        os.chmod(tmp, 0o666 & ~_umask())   # mkstemp creates 0600; give the file normal permissions
        with os.fdopen(fd, "wb") as fh:
            fh.write(content.encode("utf-8") if isinstance(content, str) else content)
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise AuditorError(f"{path}: 写入失败（{exc.strerror or exc}）") from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
