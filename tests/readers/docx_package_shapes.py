"""Word shapes at the level of the package: footnotes and headers, Strict Open XML, ``altChunk`` parts.

Each public function takes the report text and returns the bytes of one .docx.
"""
from __future__ import annotations

import html
import re

from ..documents import W
from . import docx_build as b

_FOOTNOTE_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def footnotes_and_margins(text: str) -> bytes:
    """Footnotes on three paragraphs, a running header and a page-number footer."""
    from docx.oxml import parse_xml

    document = b.plain(text)
    section = document.sections[0]
    section.header.paragraphs[0].text = "某某区人民政府办公室"
    footer = section.footer.paragraphs[0]._p
    for run in ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>', '<w:r><w:instrText> PAGE </w:instrText></w:r>',
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', "<w:r><w:t>1</w:t></w:r>",
                '<w:r><w:fldChar w:fldCharType="end"/></w:r>'):
        footer.append(parse_xml(f'<w:root xmlns:w="{W}">{run}</w:root>')[0])
    notes = []
    long_paragraphs = [p for p in document.paragraphs if len(p.text) > 40][:3]
    for number, paragraph in enumerate(long_paragraphs, 1):
        paragraph._p.append(parse_xml(f'<w:r xmlns:w="{W}"><w:footnoteReference w:id="{number}"/></w:r>'))
        notes.append(f'<w:footnote w:id="{number}"><w:p><w:r><w:t>数据来源：本单位年度统计，第{number}项。</w:t>'
                     "</w:r></w:p></w:footnote>")
    part = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W}">'
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
            + "".join(notes) + "</w:footnotes>").encode("utf-8")
    return b.patch(b.save(document), {"word/footnotes.xml": part}, [("rIdNotes9", _FOOTNOTE_TYPE, "footnotes.xml")],
                  [("/word/footnotes.xml", _FOOTNOTES_CT)])


def strict_ooxml(text: str) -> bytes:
    """Saved as Strict Open XML (ISO/IEC 29500 strict namespaces), headings numbered by styles."""
    def strict(name: str, body: bytes) -> bytes:
        if not name.endswith((".xml", ".rels")):
            return body
        return re.sub(rb"http://schemas\.openxmlformats\.org/(wordprocessingml|officeDocument|drawingml)/2006/",
                      rb"http://purl.oclc.org/ooxml/\1/", body)
    return b.patch(b.styled_headings(text, based_on_chain=False), {}, edit=strict)


_CHUNK_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk"


def _alt_chunk(name: str, content_type: str, body: bytes) -> bytes:
    document = b.new_document()
    document.element.body.insert(0, b.xml('<ROOT><w:altChunk r:id="rIdChunk9"/></ROOT>'))
    return b.patch(b.save(document), {f"word/{name}": body}, [("rIdChunk9", _CHUNK_TYPE, name)],
                  [(f"/word/{name}", content_type)])


def _html_body(text: str) -> str:
    return ("<html><head><meta charset=\"utf-8\"></head><body>"
            + "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line.strip()) + "</body></html>")


def alt_chunk_html(text: str) -> bytes:
    """The whole body kept as an embedded HTML part (``w:altChunk``), as mail-merge and CMS exports do."""
    return _alt_chunk("chunk1.html", "text/html", _html_body(text).encode("utf-8"))


def alt_chunk_mht(text: str) -> bytes:
    """The whole body kept as an embedded MHT (web archive) part."""
    import quopri

    payload = quopri.encodestring(_html_body(text).encode("utf-8")).decode("ascii")
    mht = ("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart\"\r\n\r\n"
           "------=_NextPart\r\nContent-Type: text/html; charset=\"utf-8\"\r\n"
           "Content-Transfer-Encoding: quoted-printable\r\n\r\n" + payload + "\r\n------=_NextPart--\r\n")
    return _alt_chunk("chunk1.mht", "message/rfc822", mht.encode("ascii"))


def alt_chunk_text(text: str) -> bytes:
    """The whole body kept as an embedded plain-text part."""
    return _alt_chunk("chunk1.txt", "text/plain", text.encode("utf-8"))


def alt_chunk_rtf(text: str) -> bytes:
    """The body kept as an embedded RTF part: not read, refused with one clear line."""
    return _alt_chunk("chunk1.rtf", "application/rtf", b"{\\rtf1\\ansi " + text.encode("unicode_escape") + b"}")
