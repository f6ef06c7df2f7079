"""Output files: refused before anything is written when unsafe, then written all together or not at all.

``check_outputs`` runs before the audit: an output must not be an input under any spelling (same
real path or same inode: ``./r.txt``, a symlink, a hard link), must not be a directory, FIFO or
device, must sit in an existing folder, and no two outputs may name one file. ``write_outputs``
then writes every file to a temporary file beside its target and renames them all, with SIGINT and
SIGTERM held back during the renames. No temporary file survives a failure, and a failure before
the renames (the likely one: a full disk, a folder gone) touches no target. Text is UTF-8
(``display.SAFE`` escapes undecodable file-name bytes).
"""
from __future__ import annotations

import contextlib
import os
import signal
import stat
import tempfile

from . import display
from .errors import AuditorError


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


def write_outputs(files: list[tuple[str, str | bytes]]) -> None:
    """Write every (path, content) atomically and together: all of them, or none (``OutputError``)."""
    encoded = [(path, data.encode("utf-8", display.SAFE) if isinstance(data, str) else data) for path, data in files]
    temps: list[str] = []
    try:
        for path, data in encoded:
            temps.append(_write_temp(path, data))
        with _signals_held():
            for index, ((path, _), tmp) in enumerate(zip(encoded, temps)):
                try:
                    os.replace(tmp, path)
                except OSError as exc:
                    raise OutputError(f"{path}: 写入失败（{exc.strerror or exc}）") from None
                temps[index] = ""
    finally:
        for tmp in temps:
            if tmp:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)


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


def _write_temp(path: str, data: bytes) -> str:
    directory = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".audit-", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise OutputError(f"{path}: 无法在输出目录中写入（{exc.strerror or exc}）") from None
    try:
        os.chmod(tmp, 0o666 & ~_umask())   # mkstemp creates 0600; give the file normal permissions
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(f"{path}: 写入失败（{exc.strerror or exc}）") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


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
