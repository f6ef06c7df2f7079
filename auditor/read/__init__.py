"""Bytes → text: pick a reader by content and suffix, always returning a ``Source``."""
from __future__ import annotations

import hashlib
import os
import re
import sys
from dataclasses import dataclass

from ..errors import InputError
from ..suppressions import blank_comment_directives, find_comment_directives
from .encoding import decode_text

# Documented in the README ("Limits"). Real reports are 5–50 KB; at 10 MB even the heaviest run (a 10 MB
# report with a 10 MB --previous) stays within the benchmark budget of 15 s and 500 MB (bench/run.py).
MAX_INPUT_BYTES = 10 * 1024 * 1024
SUFFIXES = (".txt", ".text", ".md", ".markdown", ".docx", ".pdf", ".html", ".htm")
_OLE = b"\xd0\xcf\x11\xe0"   # Compound File: legacy .doc/.wps, and also password-protected .docx
_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{2,40})", re.IGNORECASE)


@dataclass(frozen=True)
class Source:
    """The text of one input, one entry per line, with where each line came from."""

    path: str
    text: str
    sha256: str
    format: str = "txt"
    pages: tuple[int, ...] | None = None   # page number of each line (PDF only)
    encoding: str | None = None
    directives: tuple[tuple[str, str], ...] = ()   # (where, body) of each "audit:" directive (auditor.suppressions)

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


def read_path(path: str) -> Source:
    """Read one report from ``path`` (``-`` is standard input) without modifying it."""
    if path == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        if len(data) > MAX_INPUT_BYTES:
            raise InputError("<stdin>", f"输入过大（超过 {MAX_INPUT_BYTES // (1024 * 1024)} MB）", "请拆分后分别审查")
        return read_bytes(data, "<stdin>")
    if not os.path.exists(path):
        raise InputError(path, "文件不存在", "请检查路径")
    if os.path.isdir(path):
        raise InputError(path, "这是一个目录，不是文件")
    size = os.path.getsize(path)
    if size > MAX_INPUT_BYTES:
        raise InputError(path, f"文件过大（{size // (1024 * 1024)} MB，上限 {MAX_INPUT_BYTES // (1024 * 1024)} MB）",
                         "请拆分后分别审查")
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise InputError(path, f"无法读取：{exc.strerror or exc}") from None
    return read_bytes(data, path)


def read_bytes(data: bytes, path: str) -> Source:
    """Decode ``data`` (named ``path`` in messages) with the reader its content calls for."""
    digest = hashlib.sha256(data).hexdigest()
    lower = path.lower()
    if not data.strip():
        raise InputError(path, "文件为空" if not data else "文件只有空白字符", "没有可审查的内容")
    if data.startswith(_OLE) and lower.endswith(".docx"):
        raise InputError(path, "这份 .docx 受密码保护（已加密），无法读取", "请在 Word/WPS 中取消密码后另存为 .docx")
    if data.startswith(_OLE) or lower.endswith((".doc", ".wps")):
        raise InputError(path, "这是旧版 Word/WPS 二进制格式（.doc/.wps），无法直接读取",
                         "请在 Word 或 WPS 中另存为 .docx 后再审查")
    if data.lstrip()[:5] == b"{\\rtf":
        raise InputError(path, "这是 RTF 格式，无法直接读取", "请在 Word 或 WPS 中另存为 .docx 后再审查")
    if data.startswith(b"%PDF") or lower.endswith(".pdf"):
        from .pdf import read_pdf
        text, pages = read_pdf(data, path)
        return Source(path, text, digest, "pdf", pages)
    if data.startswith(b"PK\x03\x04") or lower.endswith(".docx"):
        from .docx import read_docx
        from .docx_comments import read_comment_directives
        text = read_docx(data, path)
        return Source(path, text, digest, "docx", directives=read_comment_directives(data))
    declared = _CHARSET.search(data[:4096]) if data.lstrip()[:1] == b"<" or lower.endswith((".html", ".htm")) else None
    text, encoding = decode_text(data, path, declared.group(1).decode("ascii") if declared else None)
    if lower.endswith((".html", ".htm")) or _looks_like_html(text):
        from .html import read_html
        return Source(path, read_html(text, path), digest, "html", encoding=encoding)
    directives = find_comment_directives(text)
    if lower.endswith((".md", ".markdown")):
        from .markdown import read_markdown
        return Source(path, read_markdown(text), digest, "md", encoding=encoding, directives=directives)
    return Source(path, blank_comment_directives(text) if directives else text, digest, "txt", encoding=encoding,
                  directives=directives)


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)
