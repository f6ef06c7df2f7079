"""PDF → text lines with the page of each line (the ``pdf`` extra: pdfplumber).

Why pdfplumber and not pypdf: on PDFs of the seed reports (LibreOffice export with embedded
Noto CJK subsets, reportlab with the STSong-Light CID font and with an embedded TrueType font)
pdfplumber reproduced the text exactly (character error rate 0–0.05 %, every heading at the start
of a line), while pypdf, which follows the content stream order, scrambled the curly quotes that
the exporter draws in a separate font run (3.1 % CER on the LibreOffice PDFs, 12 of 159 headings
glued to the previous line, one check verdict changed). pypdf is 2–7× faster (25–80 ms against
135–210 ms per report on an idle machine); correctness wins. Re-run the comparison with
``python tests/fixtures/pdf/compare_extractors.py``.

Lines that the layout broke mid-sentence are left as they are: the normaliser re-joins hard-wrapped
lines for matching, and evidence quotes the line as it appears on the page.
"""
from __future__ import annotations

import io
import logging
import re

from ..errors import AuditorError, InputError

# A line that is only a page number, as printed in headers and footers: "- 3 -", "第3页", "3/12", "3".
_PAGE_NUMBER = re.compile(r"^[-－—–\s]*(?:第\s*)?\d{1,4}\s*(?:页)?(?:\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?[-－—–\s]*$")
_MIN_PAGE_CHARS = 20   # fewer non-space characters than this: the page has no real text layer


def read_pdf(data: bytes, path: str) -> tuple[str, tuple[int, ...]]:
    """Extract the text of a PDF; return (text with ``\\n`` line ends, page number of each line)."""
    try:
        import pdfplumber
        from pdfminer.pdfdocument import PDFPasswordIncorrect
    except ImportError:
        raise AuditorError("读取 .pdf 需要可选组件：pip install 'auditor[pdf]'") from None
    # pdfminer reports recoverable oddities through logging, which would print on stderr.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    pages: list[list[str]] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                text = (page.dedupe_chars() if _overprinted(page.chars) else page).extract_text() or ""
                pages.append(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    except PDFPasswordIncorrect:
        raise InputError(path, "PDF 已加密，需要密码才能打开", "请提供未加密的 PDF 或导出为 .docx/.txt") from None
    except Exception as exc:   # noqa: BLE001  malformed PDFs raise a zoo of parser errors
        wrapped = exc.args[0] if exc.args else None   # pdfplumber wraps pdfminer's PDFPasswordIncorrect
        if isinstance(wrapped, PDFPasswordIncorrect) or "password" in str(exc).lower() \
                or "encrypt" in type(exc).__name__.lower():
            raise InputError(path, "PDF 已加密，无法读取", "请提供未加密的 PDF 或导出为 .docx/.txt") from None
        raise InputError(path, "无法解析 PDF，文件可能已损坏", "请重新导出 PDF，或提供 .docx/.txt") from None
    return _assemble(pages, path)


def _overprinted(chars) -> bool:
    """Some exporters fake bold by drawing each character twice, slightly offset; de-duplicating
    costs as much as extracting, so it runs only on pages where it happens."""
    seen = set()
    for char in chars:
        key = (char["text"], round(char["x0"] / 2), round(char["top"] / 2))
        if key in seen:
            return True
        seen.add(key)
    return False


def _assemble(pages: list[list[str]], path: str) -> tuple[str, tuple[int, ...]]:
    if not pages:
        raise InputError(path, "PDF 中没有页面")
    textless = [n for n, lines in enumerate(pages, 1) if sum(len("".join(ln.split())) for ln in lines) < _MIN_PAGE_CHARS]
    if len(textless) * 2 > len(pages):
        where = "全部页面" if len(textless) == len(pages) else f"{len(textless)}/{len(pages)} 页"
        raise InputError(path, f"PDF {where}没有文字层，像是扫描件（本工具不做文字识别）",
                         "请提供可复制文字的 PDF，或先做 OCR 再审查")
    out: list[str] = []
    numbers: list[int] = []
    for number, lines in enumerate(pages, 1):
        lines = _drop_page_numbers(lines)
        out.extend(lines)
        numbers.extend([number] * len(lines))
    return "\n".join(out), tuple(numbers)


def _drop_page_numbers(lines: list[str]) -> list[str]:
    """Drop page-number furniture from the first and last line of a page (it would split a
    paragraph that runs over the page break)."""
    while lines and (not lines[-1].strip() or _PAGE_NUMBER.match(lines[-1])):
        lines = lines[:-1]
    while lines and (not lines[0].strip() or _PAGE_NUMBER.match(lines[0])):
        lines = lines[1:]
    return lines
