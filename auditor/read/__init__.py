"""Bytes → text: pick a reader by content and suffix, always returning a ``Source``."""
from __future__ import annotations

import codecs
import hashlib
import re
import sys

from ..errors import InputError
from ..suppressions import blank_comment_directives, find_comment_directives
from ..files import read_limited
from .encoding import decode_text
from ..text.lazy import lazy_compile
from ..models import record

# Documented in the README ("Limits"). Real reports are 5–50 KB; at 10 MB even the heaviest run (a 10 MB
# report with a 10 MB --previous) stays within the benchmark budget of 15 s and 500 MB (bench/run.py).
MAX_INPUT_BYTES = 10 * 1024 * 1024
SUFFIXES = (".txt", ".text", ".md", ".markdown", ".docx", ".pdf", ".html", ".htm")
_OLE = b"\xd0\xcf\x11\xe0"   # Compound File: legacy .doc/.wps, and also password-protected .docx
_CHARSET = lazy_compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{2,40})", re.IGNORECASE)


@record
class Source:
    """The text of one input, one entry per line, with where each line came from."""

    path: str
    text: str
    sha256: str
    format: str = "txt"
    pages: tuple[int, ...] | None = None   # page number of each line (PDF only)
    encoding: str | None = None
    directives: tuple[tuple[str, str], ...] = ()   # (where, body) of each "audit:" directive (auditor.suppressions)
    notes: tuple[str, ...] = ()            # what was skipped or repaired while reading, in Chinese

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


def read_path(path: str) -> Source:
    """Read one report from ``path`` (``-`` is standard input) without modifying it.

    Only a regular file (or standard input) of at most ``MAX_INPUT_BYTES`` is read; anything else
    raises ``InputError`` before reading (see ``auditor.files``).
    """
    too_big = "请拆分后分别审查"
    if path == "-":
        if sys.stdin is None:   # started with standard input closed (<&-)
            raise InputError("<stdin>", "标准输入已关闭，没有可读的内容", "请用文件路径代替 -")
        try:
            data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        except (OSError, ValueError) as exc:
            raise InputError("<stdin>", f"无法读取标准输入（{getattr(exc, 'strerror', None) or exc}）") from None
        if len(data) > MAX_INPUT_BYTES:
            raise InputError("<stdin>", f"输入过大（超过 {MAX_INPUT_BYTES // (1024 * 1024)} MB）", too_big)
        return read_bytes(data, "<stdin>")
    return read_bytes(read_limited(path, MAX_INPUT_BYTES, "文件", too_big), path)


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
        text, pages, notes = read_pdf(data, path)
        return Source(path, text, digest, "pdf", pages, notes=notes)
    if data.startswith(b"PK\x03\x04") or lower.endswith(".docx"):
        from .docx import read_docx
        from .docx_comments import read_comment_directives
        text, notes = read_docx(data, path)
        return Source(path, text, digest, "docx", notes=notes, directives=read_comment_directives(data))
    declared = _CHARSET.search(data[:4096]) if data.lstrip()[:1] == b"<" or lower.endswith((".html", ".htm")) else None
    text, encoding, notes = decode_text(data, path, _document_codec(declared.group(1).decode("ascii")) if declared else None)
    if lower.endswith((".html", ".htm")) or _looks_like_html(text):
        from .html import read_html
        return Source(path, read_html(text, path), digest, "html", encoding=encoding, notes=notes)
    directives = find_comment_directives(text)
    if lower.endswith((".md", ".markdown")):
        from .markdown import read_markdown
        return Source(path, read_markdown(text), digest, "md", encoding=encoding, notes=notes, directives=directives)
    return Source(path, blank_comment_directives(text) if directives else text, digest, "txt", encoding=encoding,
                  notes=notes, directives=directives)


def _document_codec(label: str) -> str | None:
    """A declared charset that names a text encoding of documents, else None: like a browser, an unknown
    or unsuitable label (``base64``, ``rot13``, ``unicode_escape``, ``undefined``) is ignored, not obeyed."""
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_DOCUMENT_CODECS:
        return None
    return label


_NOT_DOCUMENT_CODECS = {"undefined", "unicode-escape", "raw-unicode-escape", "idna", "punycode", "utf-7", "mbcs",
                        "oem", "charmap"}


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)
