"""Write output files atomically: a temporary file beside the target, then rename."""
from __future__ import annotations

import os

from .errors import AuditorError


def write_atomic(path: str, content: str | bytes) -> None:
    """Write ``content`` (text as UTF-8, or bytes) to ``path`` so readers never see a partial file."""
    import tempfile   # here, not at the top: it imports shutil and the compression modules

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


class AtomicFile:
    """An output file written piece by piece that appears at ``path`` only on ``commit()``.

    The pieces go to a temporary file beside the target (so the final rename stays on one file
    system); ``discard()`` removes it, leaving any earlier file at ``path`` untouched. Text is
    written as UTF-8. Errors are ``AuditorError`` naming the path, as for ``write_atomic``."""

    def __init__(self, path: str):
        import tempfile

        self.path = path
        directory = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(directory):
            raise AuditorError(f"{path}: 输出目录不存在（{directory}）")
        try:
            fd, self.tmp = tempfile.mkstemp(prefix=".audit-", suffix=".tmp", dir=directory)
        except OSError as exc:
            raise AuditorError(f"{path}: 无法在输出目录中写入（{exc.strerror or exc}）") from None
        self._file = os.fdopen(fd, "wb")

    def write(self, content: str | bytes) -> None:
        try:
            self._file.write(content.encode("utf-8") if isinstance(content, str) else content)
        except OSError as exc:
            self.discard()
            raise AuditorError(f"{self.path}: 写入失败（{exc.strerror or exc}）") from None

    def commit(self) -> None:
        """Close the temporary file and rename it to ``path``."""
        try:
            self._file.close()
            os.chmod(self.tmp, 0o666 & ~_umask())   # mkstemp creates 0600; give the file normal permissions
            os.replace(self.tmp, self.path)
        except OSError as exc:
            self.discard()
            raise AuditorError(f"{self.path}: 写入失败（{exc.strerror or exc}）") from None

    def discard(self) -> None:
        """Drop what was written; nothing appears at ``path``."""
        self._file.close()
        try:
            os.unlink(self.tmp)
        except OSError:
            pass
