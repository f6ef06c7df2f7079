"""Plain-text shapes of a report: damaged bytes, traditional characters, Taiwan phrasing.

Each public function takes the report text and returns the bytes of one .txt file.
"""
from __future__ import annotations


def _longest(lines: list[str]) -> int:
    return max(range(len(lines)), key=lambda i: len(lines[i]))


def utf8_truncated_last_char(text: str) -> bytes:
    """UTF-8 whose last character lost its last byte."""
    return text.rstrip().encode("utf-8")[:-1]


def utf8_stray_bytes(text: str) -> bytes:
    """UTF-8 with three stray bytes (0xFF) between characters of three lines."""
    lines = text.split("\n")
    targets = [i for i, line in enumerate(lines) if len(line) > 30][1:4]
    out = []
    for i, line in enumerate(lines):
        data = line.encode("utf-8")
        if i in targets:
            cut = len(line[:10].encode("utf-8"))
            data = data[:cut] + b"\xff" + data[cut:]
        out.append(data)
    return b"\n".join(out)


def one_traditional_paragraph(text: str) -> bytes:
    """The longest paragraph converted to traditional characters, the rest simplified."""
    import opencc

    lines = text.split("\n")
    i = _longest(lines)
    lines[i] = opencc.OpenCC("s2t").convert(lines[i])
    return "\n".join(lines).encode("utf-8")


def taiwan_phrasing(text: str) -> bytes:
    """The whole report in Taiwan characters and phrasing (檔案 for 文件, 資訊 for 信息)."""
    import opencc

    return opencc.OpenCC("s2twp").convert(text).encode("utf-8")


def one_taiwan_paragraph(text: str) -> bytes:
    """The longest paragraph that says 文件, 信息, 程序 or 审核 rewritten in Taiwan characters and phrasing."""
    import opencc

    lines = text.split("\n")
    candidates = [i for i, line in enumerate(lines) if any(w in line for w in ("文件", "信息", "程序", "审核"))]
    i = max(candidates, key=lambda k: len(lines[k]))
    lines[i] = opencc.OpenCC("s2twp").convert(lines[i])
    return "\n".join(lines).encode("utf-8")
