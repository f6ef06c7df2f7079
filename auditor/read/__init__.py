"""Bytes → text: pick a reader by content and suffix, always returning a ``Source``."""
from __future__ import annotations

import codecs
import hashlib
import os
import re
import sys
from dataclasses import replace

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
    """Decode ``data`` (named ``path`` in messages) with the reader its content calls for.

    The bytes decide the format, the extension only breaks ties between text formats: a web page
    saved as 报告.docx is read as a web page, a .docx renamed .txt as a Word document, each with a
    note when the extension promised another format. Raises ``InputError`` for what no reader reads.
    """
    digest = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise InputError(path, "文件为空" if not data else "文件只有空白字符", "没有可审查的内容")
    suffix = os.path.splitext(path.lower())[1]
    claimed = _CLAIMED.get(suffix)
    found = _binary_format(data, claimed)
    if found == "ole" and claimed == "docx":
        raise InputError(path, "这份 .docx 受密码保护（已加密），无法读取", "请在 Word/WPS 中取消密码后另存为 .docx")
    if found == "ole":
        raise InputError(path, "这是旧版 Word/WPS 二进制格式（.doc/.wps），无法直接读取",
                         "请在 Word 或 WPS 中另存为 .docx 后再审查")
    if found == "rtf":
        raise InputError(path, "这是 RTF 格式，无法直接读取", "请在 Word 或 WPS 中另存为 .docx 后再审查")
    if found == "pdf":
        from .pdf import read_pdf
        text, pages, notes = read_pdf(data, path)
        source = Source(path, text, digest, "pdf", pages, notes=notes)
    elif found == "docx":
        from .docx import read_docx
        from .docx_comments import read_comment_directives
        text, notes = read_docx(data, path)
        source = Source(path, text, digest, "docx", notes=notes, directives=read_comment_directives(data))
    else:
        source = _read_text(data, path, digest, claimed)
    if claimed and _FAMILY[claimed] != _FAMILY[source.format]:
        note = f"扩展名为 {suffix}，内容是{_KIND[source.format]}，已按{_KIND[source.format]}读取。"
        source = replace(source, notes=(note, *source.notes))
    return source


def _binary_format(data: bytes, claimed: str | None) -> str | None:
    """The binary format the bytes are in ("pdf", "docx" for any zip, "ole", "rtf"), or None for text."""
    if data.startswith(_OLE):
        return "ole"
    if data.lstrip()[:5] == b"{\\rtf":
        return "rtf"
    # a PDF header may follow a little junk; only trust that in a file that says it is a PDF
    if data.startswith(b"%PDF") or (claimed == "pdf" and b"%PDF-" in data[:1024]):
        return "pdf"
    if data.startswith(_ZIP):
        return "docx"
    return None


def _read_text(data: bytes, path: str, digest: str, claimed: str | None) -> Source:
    """A text file: plain text, Markdown or a web page, in whatever encoding the bytes are."""
    looks_tagged = data.lstrip()[:1] == b"<" or claimed == "html"
    declared = _CHARSET.search(data[:4096]) if looks_tagged else None
    try:
        text, encoding, notes = decode_text(data, path,
                                            _document_codec(declared.group(1).decode("ascii")) if declared else None)
    except InputError:
        if claimed not in _BINARY:
            raise
        raise InputError(path, f"扩展名为 {os.path.splitext(path)[1]}，但内容既不是{_KIND[claimed]}，也不是网页或文本"
                               "，可能已损坏或改过扩展名", _BINARY[claimed]) from None
    if claimed == "html" or _looks_like_html(text):
        from .html import read_html
        return Source(path, read_html(text, path), digest, "html", encoding=encoding, notes=notes)
    directives = find_comment_directives(text)
    if claimed == "md":
        from .markdown import read_markdown, without_code
        if directives:   # one shown in code is an example, not a directive
            directives = find_comment_directives(without_code(text))
        return Source(path, read_markdown(text), digest, "md", encoding=encoding, notes=notes, directives=directives)
    return Source(path, blank_comment_directives(text) if directives else text, digest, "txt", encoding=encoding,
                  notes=notes, directives=directives)


# What each extension promises. Text and Markdown look alike, so only a change of family is noted.
_CLAIMED = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
            ".docx": "docx", ".pdf": "pdf", ".doc": "doc", ".wps": "doc"}
_FAMILY = {"txt": "text", "md": "text", "html": "html", "docx": "docx", "pdf": "pdf", "doc": "doc"}
_KIND = {"txt": "纯文本", "md": "纯文本", "html": "网页", "docx": "Word 文档", "pdf": "PDF", "doc": "旧版 Word/WPS 文档"}
_BINARY = {"docx": "请在 Word/WPS 中重新保存为 .docx", "pdf": "请重新导出 PDF，或提供 .docx/.txt",
           "doc": "请在 Word 或 WPS 中另存为 .docx 后再审查"}
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")   # a zip's first entry, or an empty zip


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
