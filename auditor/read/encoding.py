"""Decode text files: UTF-8 (±BOM), UTF-16/32 with BOM, GB18030/GBK, Big5; refuse binaries.

Evidence decides, a label only breaks ties: bytes that are valid UTF-8 are UTF-8 whatever a page's
``<meta charset>`` says, and an unknown codec name is ignored. A UTF-8 file with a few invalid bytes
(a character cut short, a stray byte) is read with U+FFFD in their place and a note naming the lines.
"""
from __future__ import annotations

import codecs

from ..errors import InputError
from ..text.lazy import lazy_compile

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 controls other than tab, newline, carriage return and form feed mark a binary file.
_CONTROL = lazy_compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode_text(data: bytes, path: str, declared: str | None = None) -> tuple[str, str, tuple[str, ...]]:
    """Return (text with ``\\n`` line ends, encoding name, notes on repairs) or raise ``InputError``.

    ``declared`` is the encoding the file names for itself (an HTML ``<meta charset>``); it is
    used when the bytes are not UTF-8 and decode with it, since GB18030 and Big5 cannot be told
    apart reliably.
    """
    text, encoding = _utf8(data) or _declared(data, declared) or _decode(data, path)
    if "\x00" in text:
        raise InputError(path, "含有 NUL 字节，像是二进制文件或已损坏的文本", "请提供 .txt/.docx/.pdf/.html 格式的报告")
    controls = len(_CONTROL.findall(text[:65536]))
    if controls > max(8, len(text[:65536]) // 100):
        raise InputError(path, "含有大量控制字符，像是二进制文件", "请提供 .txt/.docx/.pdf/.html 格式的报告")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(path, "文件只有空白字符", "没有可审查的内容")
    notes: tuple[str, ...] = ()
    if encoding.endswith(_REPAIRED):
        lines = [str(n) for n, line in enumerate(text.split("\n"), 1) if "\ufffd" in line]
        shown = "、".join(lines[:10]) + ("等" if len(lines) > 10 else "")
        notes = (f"文本中有 {text.count(chr(0xFFFD))} 处无效的 UTF-8 字节，已替换为“\ufffd”后审查（第 {shown} 行）。",)
    return text, encoding, notes


_REPAIRED = " (invalid bytes replaced)"


def _utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 (with or without a BOM), allowing a few invalid bytes in text that is otherwise UTF-8."""
    body, name = (data[3:], "utf-8 (BOM)") if data.startswith(codecs.BOM_UTF8) else (data, "utf-8")
    try:
        return body.decode("utf-8"), name
    except UnicodeDecodeError:
        pass
    text = body.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    valid = sum(1 for ch in text if ch > "\x7f") - bad
    # Text in another encoding (GB18030, Big5) fails on nearly every character; a damaged UTF-8
    # file on very few.
    if bad <= max(2, valid // 100) and valid >= 10 * bad:
        return text, name + _REPAIRED
    return None


def _decode(data: bytes, path: str) -> tuple[str, str]:
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                if name == "utf-8-sig":   # _utf8 found it mostly undecodable
                    raise UnicodeDecodeError(name, data, 0, 1, "mostly undecodable")
                return data.decode(name), name.replace("-sig", "") + " (BOM)"
            except UnicodeDecodeError:
                raise InputError(path, f"带 {name} 字节序标记，但内容无法按该编码解码") from None
    if b"\x00" in data[:4096]:
        guess = _utf16_without_bom(data)
        if guess:
            return guess
        raise InputError(path, "含有 NUL 字节，像是二进制文件", "请提供 .txt/.docx/.pdf/.html 格式的报告")
    candidates = {}
    for name in ("gb18030", "big5"):
        try:
            candidates[name] = data.decode(name)
        except UnicodeDecodeError:
            continue
    if len(candidates) == 2:
        # Every Big5 byte pair is also a valid GBK pair, so GB18030 "decodes" Big5 into nonsense;
        # let character statistics choose.
        from charset_normalizer import from_bytes  # only for this ambiguous case

        best = from_bytes(data, cp_isolation=["gb18030", "big5"]).best()
        name = "big5" if best is not None and best.encoding == "big5" else "gb18030"
        return candidates[name], name
    for name, text in candidates.items():
        return text, name
    raise InputError(path, "无法识别文本编码（既不是 UTF-8，也不是 GB18030/GBK 或 Big5）",
                     "请另存为 UTF-8 编码的文本")


def _declared(data: bytes, declared: str | None) -> tuple[str, str] | None:
    if not declared or any(data.startswith(bom) for bom, _ in _BOMS):
        return None
    try:
        name = codecs.lookup(declared).name
    except (LookupError, ValueError):   # an unknown or malformed codec name is no evidence
        return None
    if name.startswith(("utf-16", "utf-32")):   # a byte-level label copied into an 8-bit file
        return None
    # Pages labelled GB2312/GBK routinely use GB18030 characters; Big5 pages use cp950's extras.
    for candidate in {"gb2312": ("gb18030",), "gbk": ("gb18030",), "big5": ("big5", "cp950")}.get(name, (name,)):
        try:
            return data.decode(candidate), candidate
        except UnicodeDecodeError:
            continue
    return None


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM: accept only if it decodes and reads as text (Han or ASCII)."""
    from charset_normalizer import from_bytes  # only for this rare case

    best = from_bytes(data[:65536], cp_isolation=["utf_16_le", "utf_16_be"]).best()
    if best is None:
        return None
    try:
        return data.decode(best.encoding), best.encoding
    except UnicodeDecodeError:
        return None
