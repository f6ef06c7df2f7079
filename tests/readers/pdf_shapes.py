"""PDF shapes of a report, typeset line by line with reportlab's canvas (built-in CID font STSong-Light
for Chinese, Times-Roman for Latin letters and digits, as Word and WPS export them).

Each public function takes the report text and returns the bytes of one PDF shape that real
published reports take: two columns, a page turned by ``/Rotate``, letter-spaced headings, headings
drawn twice for fake bold, running headers with page numbers.
"""
from __future__ import annotations

import io
import re

from auditor.text.markers import parse_marker
from auditor.text.normalize import fold

FONT = "STSong-Light"
LATIN = "Times-Roman"
WIDTH, HEIGHT = 595.28, 841.89   # A4 in points
MARGIN, GUTTER, SIZE, LEADING, INDENT = 72, 36, 12, 20, 24


def _font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    return FONT


def _wrap(line: str, width: float, space: float, latin: str = LATIN) -> list[str]:
    """Break ``line`` into pieces that fit ``width`` points (first piece indented)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    pieces, current, used, limit = [], "", 0.0, width - INDENT
    for ch in line:
        w = stringWidth(ch, latin if ch.isascii() else FONT, SIZE) + space
        if current and used + w > limit:
            pieces.append(current)
            current, used, limit = "", 0.0, width
        current += ch
        used += w
    return pieces + [current] if current else pieces


def typeset(text: str, *, columns: int = 1, rotate: int = 0, spacing: float = 0.0, bold: bool = False,
            header: str | None = None, page_numbers: bool = True, latin: str = LATIN) -> bytes:
    """Typeset ``text`` (one paragraph per line) on A4 pages.

    ``columns``: text columns per page; ``rotate``: the page's ``/Rotate`` (content drawn turned the
    other way, so a viewer shows it upright); ``spacing``: extra character spacing (points) of
    heading lines; ``bold``: heading lines drawn twice, 0.35 pt apart; ``header``: a running header
    on every page; ``page_numbers``: a "- N -" footer; ``latin``: the font of Latin letters and digits.
    """
    from reportlab.pdfgen import canvas

    _font()
    out = io.BytesIO()
    # reportlab swaps the MediaBox of a page turned by 90° or 270°: ask for portrait, get landscape.
    pdf = canvas.Canvas(out, pagesize=(WIDTH, HEIGHT))
    col_width = (WIDTH - 2 * MARGIN - GUTTER * (columns - 1)) / columns
    state = {"page": 0, "col": 0, "y": 0.0}

    def start_page():
        state["page"] += 1
        state["col"], state["y"] = 0, HEIGHT - MARGIN
        pdf.setPageRotation(rotate)
        # Draw in upright (display) coordinates: undo the clockwise turn a viewer applies.
        if rotate == 90:
            pdf.translate(HEIGHT, 0)
            pdf.rotate(90)
        elif rotate == 180:
            pdf.translate(WIDTH, HEIGHT)
            pdf.rotate(180)
        elif rotate == 270:
            pdf.translate(0, WIDTH)
            pdf.rotate(-90)
        pdf.setFont(FONT, 10)
        if header:
            pdf.drawCentredString(WIDTH / 2, HEIGHT - 40, header)
        if page_numbers:
            pdf.drawCentredString(WIDTH / 2, 30, f"- {state['page']} -")

    def advance(height: float):
        if state["y"] - height < MARGIN:
            if state["col"] + 1 < columns:
                state["col"] += 1
                state["y"] = HEIGHT - MARGIN
            else:
                pdf.showPage()
                start_page()
        state["y"] -= height

    start_page()
    for line in text.split("\n"):
        if not line.strip():
            advance(10)
            continue
        heading = parse_marker(fold(line)) is not None
        space = spacing if heading else 0.0
        for i, piece in enumerate(_wrap(line.strip(), col_width, space, latin)):
            advance(LEADING)
            x = MARGIN + state["col"] * (col_width + GUTTER) + (INDENT if i == 0 else 0)
            for dx in ((0, 0.35) if bold and heading else (0,)):
                chars = pdf.beginText(x + dx, state["y"])
                chars.setCharSpace(space)
                for run in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", piece):
                    # Latin letters and digits in a Latin font, as word processors export them.
                    chars.setFont(latin if run[0].isascii() else FONT, SIZE)
                    chars.textOut(run)
                pdf.drawText(chars)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def two_columns(text: str) -> bytes:
    """Every page set in two columns."""
    return typeset(text, columns=2)


def two_columns_one_cid_font(text: str) -> bytes:
    """Two columns with digits and Latin letters in the CID font too (as ReportLab and iText set them):
    the font is not embedded, and a reader may take its half-width digits for wider ones."""
    return typeset(text, columns=2, latin=FONT)


def rotated_pages(text: str) -> bytes:
    """Content drawn turned a quarter, pages carrying ``/Rotate 90`` so a viewer shows them upright."""
    return typeset(text, rotate=90)


def letter_spaced_headings(text: str) -> bytes:
    """Headings set with wide character spacing ("四 、 2 0 2 1 年" in naive extractors)."""
    return typeset(text, spacing=6)


def wide_letter_spacing(text: str) -> bytes:
    """Headings spaced a full em apart, wider than a word break would be."""
    return typeset(text, spacing=SIZE)


def two_columns_bold_spaced(text: str) -> bytes:
    """Two columns with a running header, headings letter-spaced and drawn twice."""
    return typeset(text, columns=2, bold=True, spacing=4, header="某某区人民政府")


def fake_bold_headings(text: str) -> bytes:
    """Headings drawn twice with a small offset, the way some exporters fake a bold face."""
    return typeset(text, bold=True)


def running_headers(text: str) -> bytes:
    """A running header on every page above the text and page numbers below it."""
    return typeset(text, header="某某区人民政府文件")
