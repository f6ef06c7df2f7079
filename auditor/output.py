"""Output files: refused before anything is written when unsafe, then written all together or not at all.

``check_outputs`` runs before the audit: an output must not be an input under any spelling (same
real path or same inode: ``./r.txt``, a symlink, a hard link), must not be a directory, FIFO or
device, must sit in an existing folder, and no two outputs may name one file. Each file is then
written to a temporary file beside its target — whole (``write_outputs``) or piece by piece as a
batch streams (``AtomicFile``) — and ``commit`` renames them all, with SIGINT and SIGTERM held back
during the renames. No temporary file survives a failure or an interrupt, and a failure before the
renames (the likely one: a full disk, a folder gone) touches no target. Standard output is held the
same way (``HeldOutput``) and printed after the renames. Text is UTF-8 (``display.SAFE`` escapes
undecodable file-name bytes).
"""
from __future__ import annotations

import contextlib
import os
import signal
import stat

from typing import Callable

from . import display
from .errors import AuditorError

HELD_IN_MEMORY = 1 << 20   # characters of standard output kept in memory before spilling to a temporary file


class OutputError(AuditorError):
    """An output file that cannot or must not be written (exit code 2); names the file."""


def check_outputs(targets: list[str], inputs: list[str]) -> None:
    """Refuse unsafe ``targets`` (see the module docstring); ``inputs`` are every file the run reads."""
    taken = {}
    for path in inputs:
        for key in _identities(path):
            taken.setdefault(key, path)
    mine: dict = {}
    for path in targets:
        if path == "-":
            raise OutputError("-o 不能写到标准输出（-），标准输出请用 -f 选择格式")
        keys = _identities(path)
        clash = next((taken[k] for k in keys if k in taken), None)
        if clash is not None:
            raise OutputError(f"{path}: 输出文件就是输入文件 {clash}，拒绝覆盖（请换一个输出路径）")
        twin = next((mine[k] for k in keys if k in mine), None)
        if twin is not None:
            raise OutputError(f"{path}: 与另一个 -o（{twin}）是同一个文件，每个输出文件只能指定一次")
        mine.update((k, path) for k in keys)
        _check_target(path)


class AtomicFile:
    """An output file written piece by piece that appears at ``path`` only through ``commit``.

    The pieces go to a temporary file beside the target (so the final rename stays on one file
    system); ``discard()`` removes it, leaving any earlier file at ``path`` untouched. Errors are
    ``OutputError`` naming the path; a failed write discards the temporary file."""

    def __init__(self, path: str):
        import tempfile   # here, not at the top: it imports shutil and the compression modules

        self.path, self.tmp, self._file = path, None, None
        directory = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(directory):
            raise OutputError(f"{path}: 输出目录不存在（{directory}）")
        try:
            fd, self.tmp = tempfile.mkstemp(prefix=".audit-", suffix=".tmp", dir=directory)
        except OSError as exc:
            raise OutputError(f"{path}: 无法在输出目录中写入（{exc.strerror or exc}）") from None
        self._file = os.fdopen(fd, "wb")

    def write(self, content: str | bytes) -> None:
        try:
            self._file.write(content.encode("utf-8", display.SAFE) if isinstance(content, str) else content)
        except OSError as exc:
            self.discard()
            raise OutputError(f"{self.path}: 写入失败（{exc.strerror or exc}）") from None

    def close(self) -> None:
        """Finish writing (the data on disk, normal permissions); the file is not at ``path`` yet."""
        try:
            self._file.close()
            os.chmod(self.tmp, 0o666 & ~_umask())   # mkstemp creates 0600; give the file normal permissions
        except OSError as exc:
            self.discard()
            raise OutputError(f"{self.path}: 写入失败（{exc.strerror or exc}）") from None

    def discard(self) -> None:
        """Drop what was written; nothing appears at ``path``. Safe to call more than once."""
        if self._file is not None:
            with contextlib.suppress(OSError):
                self._file.close()
        if self.tmp:
            with contextlib.suppress(OSError):
                os.unlink(self.tmp)
            self.tmp = None


def commit(files: list[AtomicFile]) -> None:
    """Close every file and rename them all into place together: all of them, or none (``OutputError``)."""
    try:
        for out in files:
            out.close()
        with _signals_held():
            for out in files:
                try:
                    os.replace(out.tmp, out.path)
                except OSError as exc:
                    raise OutputError(f"{out.path}: 写入失败（{exc.strerror or exc}）") from None
                out.tmp = None
    finally:
        for out in files:
            out.discard()


class HeldOutput:
    """Standard output held back until the run ends, so an interrupted run prints nothing: ``write``
    text, then ``release()`` it to ``echo`` or ``discard()`` it. Kept in memory up to
    ``HELD_IN_MEMORY`` characters, beyond that in an anonymous temporary file (memory stays flat)."""

    def __init__(self, echo: Callable[[str], None]):
        self.echo, self.parts, self.size, self.spool = echo, [], 0, None

    def write(self, text: str) -> None:
        if self.spool is not None:
            self.spool.write(text)
            return
        self.parts.append(text)
        self.size += len(text)
        if self.size > HELD_IN_MEMORY:
            import tempfile

            self.spool = tempfile.TemporaryFile("w+", encoding="utf-8", errors="surrogateescape")
            self.spool.write("".join(self.parts))
            self.parts = []

    def release(self) -> None:
        """Print everything held."""
        if self.spool is None:
            self.echo("".join(self.parts))
        else:
            self.spool.seek(0)
            while block := self.spool.read(1 << 16):
                self.echo(block)
        self.discard()

    def discard(self) -> None:
        self.parts = []
        if self.spool is not None:
            self.spool.close()
            self.spool = None


def write_outputs(files: list[tuple[str, str | bytes]]) -> None:
    """Write every (path, content) atomically and together: all of them, or none (``OutputError``)."""
    opened: list[AtomicFile] = []
    try:
        for path, data in files:
            opened.append(AtomicFile(path))
            opened[-1].write(data)
        commit(opened)
    finally:
        for out in opened:
            out.discard()


def write_atomic(path: str, content: str | bytes) -> None:
    """Write one file atomically (``check_outputs`` rules apply to ``path`` alone)."""
    _check_target(path)
    write_outputs([(path, content)])


def _identities(path: str) -> set:
    """Keys that are equal for two spellings of one file: the real path, and (device, inode) if it exists."""
    keys = set()
    try:
        keys.add(os.path.realpath(path))
        st = os.stat(path)
        keys.add((st.st_dev, st.st_ino))
    except (OSError, ValueError):
        pass
    return keys


def _check_target(path: str) -> None:
    directory = os.path.dirname(os.path.abspath(path)) or "."
    try:
        st = os.stat(path)
    except FileNotFoundError:
        st = None
    except (OSError, ValueError) as exc:
        raise OutputError(f"{path}: 无法作为输出文件（{getattr(exc, 'strerror', None) or exc}）") from None
    if st is not None and not stat.S_ISREG(st.st_mode):
        kind = "目录" if stat.S_ISDIR(st.st_mode) else "特殊文件（管道、设备或套接字）"
        raise OutputError(f"{path}: 这是{kind}，不是普通文件，拒绝写入")
    if not os.path.isdir(directory):
        raise OutputError(f"{path}: 输出目录不存在（{directory}）")
    if not os.access(directory, os.W_OK):
        raise OutputError(f"{path}: 输出目录不可写（{directory}）")


@contextlib.contextmanager
def _signals_held():
    """Hold SIGINT/SIGTERM back while the renames run, so an interrupt cannot leave half of them done."""
    held = {signal.SIGINT, signal.SIGTERM}
    if not hasattr(signal, "pthread_sigmask"):   # Windows: no masks; the window is a few renames
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
