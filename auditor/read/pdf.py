"""PDF → text lines with the page of each line (the ``pdf`` extra: pdf_oxide).

pdf_oxide gives every character with its position, direction, size, advance and font; ``layout.py``
corrects advances that cannot be right and puts the characters into reading order (columns, rotated pages, letter-spacing, overprinted bold). Running headers
and footers (the same line at the top or bottom of most pages) and page numbers are dropped, so a
paragraph running over a page break stays one paragraph; a note says how many lines went.

Why pdf_oxide: measured against pdfplumber, pypdfium2, pypdf, playa-pdf and PyMuPDF on the seeds
typeset as PDFs (``bench/pdf_extractors.py``, table in ``docs/pdf-extractors.md``): with this layout
on top it is exact on one column, two columns, rotated pages and LibreOffice exports, and 15× faster
than pdfplumber (which splices columns); pypdfium2 is 6× slower on a non-embedded CID font (it loads a
fallback glyph for every character); PyMuPDF costs seconds to import and is AGPL.

A line that runs to the right edge followed by one that starts flush left (not indented, not a
heading) was wrapped by the layout: the two are joined back into the paragraph they were, so a long
heading wrapped in a narrow column is still one heading. Evidence cites the page the paragraph starts on.
"""
from __future__ import annotations

import os
import re
from contextlib import contextmanager

from ..errors import InputError
from ..extras import missing
from ..text.markers import parse_marker
from ..text.normalize import fold
from .layout import Line, page_lines, respace
from ..text.lazy import lazy_compile

# A line that is only a page number, as printed in headers and footers: "- 3 -", "第3页", "3/12", "3".
_PAGE_NUMBER = lazy_compile(r"^[-－—–\s]*(?:第\s*)?\d{1,4}\s*(?:页)?(?:\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?[-－—–\s]*$")
_MIN_PAGE_CHARS = 20   # fewer non-space characters than this: the page has no real text layer
_BAND = 0.12           # top and bottom share of a page where running headers and footers sit
_SENTENCE_END = ("。", "！", "？", "!", "?")


def read_pdf(data: bytes, path: str) -> tuple[str, tuple[int, ...], tuple[str, ...]]:
    """Extract the text of a PDF.

    Returns (text with ``\\n`` line ends, page number of each line, notes on what was dropped).
    Raises ``InputError`` for encrypted, damaged and scanned (text-less) PDFs.
    """
    try:
        import pdf_oxide
    except ImportError:
        raise missing("pdf", "读取 .pdf 文件") from None
    pdf_oxide.disable_logging()   # it would print parser complaints on stderr
    pages: list[list[Line]] = []
    skewed = 0
    try:
        with _silent_stderr():
            document = pdf_oxide.PdfDocument.from_bytes(data)
            if not document.authenticate(""):
                raise InputError(path, "PDF 已加密，需要密码才能打开", "请提供未加密的 PDF 或导出为 .docx/.txt")
            for index in range(document.page_count()):
                chars = respace([(-c.origin_y, c.origin_x, c.char, c.font_size, c.advance_width,
                                  c.rotation_degrees, c.font_name) for c in document.extract_chars(index)])
                lines, dropped = page_lines(chars, document.page_media_box(index))
                pages.append(lines)
                skewed += dropped
    except (InputError, KeyboardInterrupt, SystemExit):
        raise
    except BaseException:   # noqa: BLE001  parser errors, and Rust panics (BaseException) on damaged files
        raise InputError(path, "无法解析 PDF，文件可能已损坏", "请重新导出 PDF，或提供 .docx/.txt") from None
    return _assemble(pages, path, skewed, truncated=b"%%EOF" not in data[-2048:])


@contextmanager
def _silent_stderr():
    """Keep what the Rust library prints on a panic (file descriptor 2) off the user's screen: a
    damaged file must end in our one line."""
    try:
        saved = os.dup(2)
    except OSError:
        yield
        return
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def _assemble(pages: list[list[Line]], path: str, skewed: int, truncated: bool):
    if not pages:
        raise InputError(path, "PDF 中没有页面")
    textless = [n for n, lines in enumerate(pages, 1) if sum(len("".join(ln.text.split())) for ln in lines) < _MIN_PAGE_CHARS]
    if len(textless) * 2 > len(pages):
        if truncated:
            raise InputError(path, "PDF 文件不完整（结尾缺失），大部分页面读不出文字", "请重新下载或导出 PDF")
        where = "全部页面" if len(textless) == len(pages) else f"{len(textless)}/{len(pages)} 页"
        raise InputError(path, f"PDF {where}没有文字层，像是扫描件（本工具不做文字识别）",
                         "请提供可复制文字的 PDF，或先做 OCR 再审查")
    running = _running(pages)
    kept = [[ln for ln in lines if not _furniture(ln, running)] for lines in pages]
    dropped = sum(map(len, pages)) - sum(map(len, kept))
    out, numbers = _paragraphs(kept)
    notes = []
    if dropped:
        notes.append(f"PDF：已略去页眉、页脚和页码 {dropped} 行。")
    if skewed:
        notes.append(f"PDF：斜排的文字（水印等）{skewed} 个字符未读取。")
    if textless:
        notes.append(f"PDF：第 {'、'.join(map(str, textless[:10]))} 页没有文字层（可能是扫描页），未读取。")
    return "\n".join(out), tuple(numbers), tuple(notes)


def _paragraphs(pages: list[list[Line]]) -> tuple[list[str], list[int]]:
    """Join lines that the layout wrapped (one full to the right edge, the next flush left) back into
    one paragraph, also over a page break; each paragraph keeps the page where it starts."""
    edges = {}
    for column in {ln.column for lines in pages for ln in lines}:
        starts = sorted(ln.x0 for lines in pages for ln in lines if ln.column == column)
        ends = sorted(ln.x1 for lines in pages for ln in lines if ln.column == column)
        edges[column] = (starts[len(starts) // 10], ends[len(ends) * 9 // 10])
    # Where paragraphs open with an indent, a line flush left after a full one always continues it;
    # elsewhere a full line that ends a sentence may end its paragraph too.
    indented = sum(1 for lines in pages for ln in lines
                   if 1.5 * ln.size <= ln.x0 - edges[ln.column][0] <= 2.5 * ln.size) * 10 >= sum(map(len, pages))
    out: list[str] = []
    numbers: list[int] = []
    previous: Line | None = None
    for number, lines in enumerate(pages, 1):
        for line in lines:
            if previous is not None and _continues(previous, line, edges, indented):
                text = _spaced_tail(line) or line.text.lstrip()
                glue = " " if out[-1][-1:].isascii() and out[-1][-1:].isalpha() and text[:1].isascii() \
                    and text[:1].isalpha() else ""
                out[-1] += glue + text
            else:
                out.append(line.text)
                numbers.append(number)
            previous = line
    return out, numbers


def _continues(before: Line, line: Line, edges, indented: bool) -> bool:
    left, right = edges[before.column]
    start = edges[line.column][0]
    pitch = max(before.size, (before.x1 - before.x0) / max(1, len(before.text)))   # wider when letter-spaced
    # A layout that gives half-width characters a full cell (counting characters, not widths) ends
    # lines with digits short of the edge by half a cell each: "共实施行政处罚 13884 件，行政检".
    half = sum(1 for ch in before.text if ch.isascii()) * before.size / 2
    return (_one_block(before) and _one_block(line) and abs(before.size - line.size) < 0.5
            and before.x1 + half >= right - 2.5 * pitch and before.x0 <= left + 3 * before.size
            and line.x0 <= start + 0.5 * line.size
            and (indented or not before.text.rstrip().endswith(_SENTENCE_END)) and parse_marker(fold(line.text)) is None)


def _one_block(line: Line) -> bool:
    """One run of text: not table cells (a letter-spaced tail, "安 排", is single characters apart)."""
    return line.blocks == 1 or _spaced_tail(line) is not None


def _spaced_tail(line: Line) -> str | None:
    """The text of a line whose blocks are single characters, spaces dropped: the wrapped tail of a
    letter-spaced heading ("安 排" → "安排"), too short for its spacing to be told from a gap. None otherwise."""
    squeezed = "".join(line.text.split())
    return squeezed if line.blocks > 1 and len(squeezed) == line.blocks else None


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", "".join(text.split()))


def _running(pages: list[list[Line]]) -> set[str]:
    """Lines that sit in the top or bottom band of at least half the pages (two at least)."""
    if len(pages) < 2:
        return set()
    seen: dict[str, int] = {}
    for lines in pages:
        for key in {_key(ln.text) for ln in lines if ln.top < _BAND or ln.top > 1 - _BAND}:
            seen[key] = seen.get(key, 0) + 1
    return {key for key, count in seen.items() if count >= max(2, (len(pages) + 1) // 2)}


def _furniture(line: Line, running: set[str]) -> bool:
    if not line.text.strip():
        return True
    if line.top >= _BAND and line.top <= 1 - _BAND:
        return False
    return _key(line.text) in running or bool(_PAGE_NUMBER.match(line.text))
