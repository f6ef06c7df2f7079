"""Reading the files the tool is given: regular files only, never more than a limit, one-line errors.

Every input — reports, ``--previous``, waivers, configuration files, rulebooks and their includes —
is read through ``read_limited``: a FIFO, a device or a socket is refused before it is opened (a
FIFO would block, ``/dev/zero`` never ends), and the size is checked before reading and again while
reading (a file may grow). Errors are ``InputError`` (exit code 2) naming the file.
"""
from __future__ import annotations

import errno
import os
import stat

from .errors import InputError

MEGABYTE = 1024 * 1024
# Documented in the README (限制). Rulebooks, configuration and waiver files are hand-written YAML or
# TOML of a few KB (the largest shipped rule file is 34 KB); 2 MB leaves room and bounds what a parser sees.
MAX_DATA_BYTES = 2 * MEGABYTE

_KINDS = ((stat.S_ISFIFO, "命名管道（FIFO）"), (stat.S_ISCHR, "字符设备"), (stat.S_ISBLK, "块设备"),
          (stat.S_ISSOCK, "套接字"))
_ERRNO = {errno.ENOENT: ("不存在", "请检查路径"), errno.ELOOP: ("是循环的符号链接", "请检查链接指向"),
          errno.EACCES: ("没有读取权限", ""), errno.EPERM: ("没有读取权限", ""),
          errno.ENAMETOOLONG: ("路径过长", ""), errno.ENOTDIR: ("路径中有一段不是目录", "请检查路径")}


def read_limited(path: str, limit: int, what: str = "文件", hint: str = "") -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    ``what`` names the file's role in messages (e.g. "豁免文件"); ``hint`` is what to do when it is
    too large. Raises ``InputError`` for anything that is not a readable regular file within the limit.
    """
    st = vet(path, what)
    if st.st_size > limit:
        raise InputError(path, f"{what}过大（{_size(st.st_size)}，上限 {_size(limit)}）", hint)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
                     | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise _os_error(path, what, exc) from None
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fd).st_mode):   # replaced between the check and the open
            raise InputError(path, f"{what}不是普通文件，已拒绝读取")
        try:
            data = fh.read(limit + 1)
        except OSError as exc:
            raise _os_error(path, what, exc) from None
    if len(data) > limit:
        raise InputError(path, f"{what}过大（超过 {_size(limit)}）", hint)
    return data


def vet(path: str, what: str = "文件") -> os.stat_result:
    """``os.stat(path)`` when ``path`` is a regular file; else an ``InputError`` saying what it is."""
    try:
        st = os.stat(path)
    except OSError as exc:
        raise _os_error(path, what, exc) from None
    except (ValueError, UnicodeError):   # an embedded NUL, or a name the file system cannot encode
        raise InputError(path, f"{what}的路径含有无法使用的字符") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(path, f"这是一个目录，不是{what}")
    if not stat.S_ISREG(st.st_mode):
        kind = next((name for test, name in _KINDS if test(st.st_mode)), "特殊文件")
        raise InputError(path, f"这是{kind}，不是普通文件，已拒绝读取", f"请给出{what}本身")
    return st


def _os_error(path: str, what: str, exc: OSError) -> InputError:
    reason, hint = _ERRNO.get(exc.errno, (f"无法读取（{exc.strerror or exc}）", ""))
    return InputError(path, f"{what}{reason}" if exc.errno == errno.ENOENT else reason, hint)


def _size(n: int) -> str:
    return f"{n / MEGABYTE:.0f} MB" if n >= MEGABYTE else f"{max(1, n // 1024)} KB"
