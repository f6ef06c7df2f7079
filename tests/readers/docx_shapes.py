"""Word shapes of a report, built with python-docx and lxml: the ways real .docx files hold the same text.

Each public function takes the report text and returns the bytes of one .docx. Where a shape uses
Word's automatic numbering, a heading's typed marker ("一、", "（二）") is removed and only the
numbering definitions can bring it back, as in a real draft.
"""
from __future__ import annotations

import html
import io
import re
import zipfile

from auditor.text.markers import int_to_cn, parse_marker
from auditor.text.normalize import fold

from ..documents import W, _level_templates, _typed_marker

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
V = "urn:schemas-microsoft-com:vml"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = f'xmlns:w="{W}" xmlns:mc="{MC}" xmlns:w14="{W14}" xmlns:wps="{WPS}" xmlns:wp="{WP}" xmlns:a="{A}" xmlns:v="{V}" ' \
     f'xmlns:r="{R}"'


# --- building blocks -------------------------------------------------------------------------------

def _outline(text: str) -> tuple[list[tuple[str, str]], list[tuple[str, int | None]]]:
    """(list level templates, [(paragraph text, list level or None)]) for ``text``.

    A heading is auto-numbered (its typed marker dropped) only when the marker is the one
    consistent numbering shows; a drafter's manual renumbering stays typed, as Word keeps it.
    """
    templates = _level_templates(text)
    counters = [0, 0, 0, 0]
    items: list[tuple[str, int | None]] = []
    for line in text.split("\n"):
        marker = parse_marker(fold(line)) if line.strip() else None
        if marker is None or marker.level > 4:
            items.append((line, None))
            continue
        level = marker.level - 1
        fmt, template = templates[level]
        number = counters[level] + 1
        expected = template.replace(f"%{level + 1}", int_to_cn(number) if fmt != "decimal" else str(number))
        typed = _typed_marker(line)
        if parse_marker(fold(typed)) is None or typed.strip() != expected:
            items.append((line, None))
            continue
        counters[level] += 1
        counters[level + 1:] = [0] * (3 - level)
        items.append((line.lstrip()[len(typed):].lstrip(), level))
    return templates, items


def _lvl(ilvl: int, fmt: str, text: str, extra: str = "") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{extra}'
            f'<w:lvlText w:val="{html.escape(text)}"/><w:lvlJc w:val="left"/></w:lvl>')


def _numbering(abstracts: str, nums: str) -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering {NS}>{abstracts}{nums}' \
           "</w:numbering>".encode("utf-8")


def _levels(templates, shift: int = 0, fmt=None) -> str:
    """``w:lvl`` elements for the list levels from ``shift`` on (renumbered from 0)."""
    return "".join(_lvl(i - shift, fmt(f) if fmt else f, t.replace(f"%{i + 1}", f"%{i - shift + 1}"))
                   for i, (f, t) in enumerate(templates) if i >= shift)


def _document(numbering: bytes | None = None):
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    if numbering is not None:
        document.part.numbering_part._element = parse_xml(numbering)
    return document


def _num_pr(num_id: int | None, ilvl: int | None) -> str:
    inner = (f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else "") + \
            (f'<w:numId w:val="{num_id}"/>' if num_id is not None else "")
    return f'<w:numPr xmlns:w="{W}">{inner}</w:numPr>'


def _set_ppr(element, xml: str) -> None:
    from docx.oxml import parse_xml

    element.get_or_add_pPr().insert(0, parse_xml(xml))


def _save(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _xml(fragment: str):
    from docx.oxml import parse_xml

    return parse_xml(fragment.replace("<ROOT>", f"<w:root {NS}>").replace("</ROOT>", "</w:root>"))[0]


def _patch(data: bytes, parts: dict[str, bytes], rels: list[tuple[str, str, str]] = (),
           types: list[tuple[str, str]] = (), edit=None) -> bytes:
    """Add ``parts`` to a package, with relationships (id, type, target) from the document and
    content-type overrides (part name, type); ``edit(name, bytes)`` may rewrite any part."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info)
            if info.filename == "word/_rels/document.xml.rels" and rels:
                extra = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{g}"/>' for i, t, g in rels)
                body = body.replace(b"</Relationships>", extra.encode() + b"</Relationships>")
            if info.filename == "[Content_Types].xml" and types:
                extra = "".join(f'<Override PartName="{n}" ContentType="{c}"/>' for n, c in types)
                body = body.replace(b"</Types>", extra.encode() + b"</Types>")
            if edit is not None:
                body = edit(info.filename, body)
            target.writestr(info.filename, body)
        for name, body in parts.items():
            target.writestr(name, body)
    return out.getvalue()


def _styled_headings(text: str, based_on_chain: bool) -> bytes:
    """Headings numbered through Heading 1–4 styles; with ``based_on_chain`` each style states only
    its level and takes the list from the style it is based on."""
    templates, items = _outline(text)
    document = _document(_numbering(f'<w:abstractNum w:abstractNumId="1">{_levels(templates)}</w:abstractNum>',
                                    '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'))
    for level in range(4):
        style = document.styles[f"Heading {level + 1}"]
        if based_on_chain and level:
            style.base_style = document.styles[f"Heading {level}"]
        _set_ppr(style.element, _num_pr(1 if level == 0 or not based_on_chain else None, level))
    for body, level in items:
        document.add_paragraph(body, style=f"Heading {level + 1}" if level is not None else None)
    return _save(document)


def _plain(text: str):
    document = _document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    return document


# --- the shapes -------------------------------------------------------------------------------------

def style_numbering_ilvl_only(text: str) -> bytes:
    """Heading numbers defined in the heading styles; Heading 2–4 state only their level (``ilvl``)
    and inherit the list (``numId``) from Heading 1 through ``w:basedOn``."""
    return _styled_headings(text, based_on_chain=True)


def num_style_link(text: str) -> bytes:
    """The list used by the headings is defined through a numbering style (``w:numStyleLink`` →
    a numbering style → the list that carries ``w:styleLink`` and the real levels)."""
    templates, items = _outline(text)
    abstracts = (f'<w:abstractNum w:abstractNumId="1"><w:styleLink w:val="ReportList"/>{_levels(templates)}'
                 '</w:abstractNum><w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="ReportList"/>'
                 "</w:abstractNum>")
    nums = '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>'
    document = _document(_numbering(abstracts, nums))
    document.styles.element.append(_xml(
        '<ROOT><w:style w:type="numbering" w:styleId="ReportList"><w:name w:val="Report List"/>'
        '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></ROOT>'))
    for body, level in items:
        paragraph = document.add_paragraph(body)
        if level is not None:
            _set_ppr(paragraph._p, _num_pr(2, level))
    return _save(document)


def restarted_sublists(text: str) -> bytes:
    """Each part's sub-headings are a new list instance that restarts at "（一）" (``w:startOverride``),
    all sharing one list definition."""
    templates, items = _outline(text)
    part = 0
    document = _document()
    nums = ['<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>']
    for body, level in items:
        paragraph = document.add_paragraph(body)
        if level == 0:
            part += 1
            nums.append(f'<w:num w:numId="{100 + part}"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0">'
                        '<w:startOverride w:val="1"/></w:lvlOverride></w:num>')
            _set_ppr(paragraph._p, _num_pr(1, 0))
        elif level is not None:
            _set_ppr(paragraph._p, _num_pr(100 + part if part else 1, level - 1 if part else level))
    abstracts = (f'<w:abstractNum w:abstractNumId="1">{_levels(templates)}</w:abstractNum>'
                 f'<w:abstractNum w:abstractNumId="2">{_levels(templates, shift=1)}</w:abstractNum>')
    from docx.oxml import parse_xml

    document.part.numbering_part._element = parse_xml(_numbering(abstracts, "".join(nums)))
    return _save(document)


def custom_number_format(text: str) -> bytes:
    """Chinese heading numbers stated as Word 2010 custom formats inside ``mc:AlternateContent``
    (``mc:Choice Requires="w14"``), with a plain decimal ``mc:Fallback`` for older readers."""
    templates, items = _outline(text)

    def level(i: int, fmt: str, template: str) -> str:
        if fmt == "decimal":
            return _lvl(i, fmt, template)
        choice = (f'<mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" '
                  f'w:format="一, 二, 三, ..."/></mc:Choice><mc:Fallback><w:numFmt w:val="decimal"/>'
                  "</mc:Fallback></mc:AlternateContent>")
        return (f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/>{choice}<w:lvlText w:val="{html.escape(template)}"/>'
                '<w:lvlJc w:val="left"/></w:lvl>')

    abstract = "".join(level(i, f, t) for i, (f, t) in enumerate(templates))
    document = _document(_numbering(f'<w:abstractNum w:abstractNumId="1">{abstract}</w:abstractNum>',
                                    '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'))
    for body, lvl in items:
        paragraph = document.add_paragraph(body)
        if lvl is not None:
            _set_ppr(paragraph._p, _num_pr(1, lvl))
    return _save(document)


def content_controls_in_table_rows(text: str) -> bytes:
    """The report typed into a one-column form table whose rows are content controls (``w:sdt``)."""
    document = _document()
    table = document.add_table(rows=0, cols=1)
    for line in text.split("\n"):
        row = table.add_row()
        row.cells[0].text = line
        tr = row._tr
        sdt = _xml("<ROOT><w:sdt><w:sdtPr><w:alias w:val=\"正文\"/></w:sdtPr><w:sdtContent/></w:sdt></ROOT>")
        tr.addprevious(sdt)
        sdt[1].append(tr)
    return _save(document)


def content_controls_at_every_level(text: str) -> bytes:
    """Content controls around paragraphs, around runs, and around the cells of a layout table."""
    document = _document()
    lines = text.split("\n")
    half = len(lines) // 2
    for i, line in enumerate(lines[:half]):
        paragraph = document.add_paragraph()
        if i % 2:   # a run-level control holding the text
            paragraph._p.append(_xml(f"<ROOT><w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t xml:space=\"preserve\">"
                                     f"{html.escape(line)}</w:t></w:r></w:sdtContent></w:sdt></ROOT>"))
        else:       # a block-level control around the paragraph
            paragraph.add_run(line)
            sdt = _xml("<ROOT><w:sdt><w:sdtPr/><w:sdtContent/></w:sdt></ROOT>")
            paragraph._p.addprevious(sdt)
            sdt[1].append(paragraph._p)
    table = document.add_table(rows=0, cols=1)
    for line in lines[half:]:
        cell = table.add_row().cells[0]
        cell.text = line
        tc = cell._tc
        sdt = _xml("<ROOT><w:sdt><w:sdtPr/><w:sdtContent/></w:sdt></ROOT>")
        tc.addprevious(sdt)
        sdt[1].append(tc)
    return _save(document)


def nested_tables(text: str) -> bytes:
    """The body inside a one-column table nested in the only cell of an outer layout table."""
    document = _document()
    outer = document.add_table(rows=1, cols=1)
    inner = outer.cell(0, 0).add_table(rows=0, cols=1)
    for line in text.split("\n"):
        inner.add_row().cells[0].text = line
    return _save(document)


def _textbox(line: str, drawingml: bool) -> str:
    box = f"<w:txbxContent><w:p><w:r><w:t>{html.escape(line)}</w:t></w:r></w:p></w:txbxContent>"
    vml = f"<w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict>"
    if not drawingml:
        return f"<w:r>{vml}</w:r>"
    anchor = (f'<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" '
              f'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
              f'<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
              f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
              f'<wp:extent cx="5000000" cy="600000"/><wp:wrapTopAndBottom/><wp:docPr id="1" name="Text Box 1"/>'
              f'<a:graphic><a:graphicData uri="{WPS}"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr/>'
              f"<wps:txbx>{box}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>")
    return (f'<w:r><mc:AlternateContent><mc:Choice Requires="wps">{anchor}</mc:Choice>'
            f"<mc:Fallback>{vml}</mc:Fallback></mc:AlternateContent></w:r>")


def _title_in_box(text: str, drawingml: bool) -> bytes:
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.strip())
    document = _document()
    for i, line in enumerate(lines):
        paragraph = document.add_paragraph(None if i == first else line)
        if i == first:
            paragraph._p.append(_xml(f"<ROOT>{_textbox(line.strip(), drawingml)}</ROOT>"))
    return _save(document)


def textbox_title(text: str) -> bytes:
    """The title in a floating DrawingML text box, with the VML copy in ``mc:Fallback`` (as Word saves it)."""
    return _title_in_box(text, drawingml=True)


def vml_textbox_title(text: str) -> bytes:
    """The title in a VML text box only (older Word and WPS)."""
    return _title_in_box(text, drawingml=False)


def tracked_changes(text: str) -> bytes:
    """Revisions not yet accepted: half of each paragraph is a tracked insertion, a deleted sentence
    follows it, and a paragraph deleted whole (mark included) stands between paragraphs."""
    document = _document()
    for line in text.split("\n"):
        paragraph = document.add_paragraph()
        cut = len(line) // 2
        paragraph.add_run(line[:cut])
        paragraph._p.append(_xml(f'<ROOT><w:ins w:id="1" w:author="审核人"><w:r><w:t xml:space="preserve">'
                                 f"{html.escape(line[cut:])}</w:t></w:r></w:ins></ROOT>"))
        if line.strip():
            paragraph._p.append(_xml('<ROOT><w:del w:id="2" w:author="审核人"><w:r><w:delText>'
                                     "此句已删除，不计入报告。</w:delText></w:r></w:del></ROOT>"))
            gone = document.add_paragraph()
            _set_ppr(gone._p, f'<w:rPr xmlns:w="{W}"><w:del w:id="3" w:author="审核人"/></w:rPr>')
            gone._p.append(_xml('<ROOT><w:del w:id="4" w:author="审核人"><w:r><w:delText>整段已删除的草稿文字。'
                                "</w:delText></w:r></w:del></ROOT>"))
    return _save(document)


def fields_and_hyperlinks(text: str) -> bytes:
    """Each paragraph in three pieces: a hyperlink, the result of a complex field, a simple field."""
    document = _document()
    for line in text.split("\n"):
        paragraph = document.add_paragraph()
        a, b = len(line) // 3, 2 * len(line) // 3
        t = [html.escape(piece) for piece in (line[:a], line[a:b], line[b:])]
        paragraph._p.append(_xml(f'<ROOT><w:hyperlink w:anchor="x"><w:r><w:t xml:space="preserve">{t[0]}</w:t>'
                                 "</w:r></w:hyperlink></ROOT>"))
        for run in (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
                    '<w:r><w:instrText xml:space="preserve"> MERGEFIELD 正文 </w:instrText></w:r>',
                    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
                    f'<w:r><w:t xml:space="preserve">{t[1]}</w:t></w:r>',
                    '<w:r><w:fldChar w:fldCharType="end"/></w:r>'):
            paragraph._p.append(_xml(f"<ROOT>{run}</ROOT>"))
        paragraph._p.append(_xml(f'<ROOT><w:fldSimple w:instr=" DOCPROPERTY 正文 "><w:r><w:t xml:space="preserve">'
                                 f"{t[2]}</w:t></w:r></w:fldSimple></ROOT>"))
    return _save(document)


def table_of_contents(text: str) -> bytes:
    """A table-of-contents field (the headings again, with page numbers) before the body."""
    document = _document()
    headings = [line.strip() for line in text.split("\n") if line.strip() and parse_marker(fold(line))]
    for i, heading in enumerate(headings):
        paragraph = document.add_paragraph()
        if i == 0:
            for run in ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
                        '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h </w:instrText></w:r>',
                        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'):
                paragraph._p.append(_xml(f"<ROOT>{run}</ROOT>"))
        paragraph.add_run(f"{heading}\t{i + 1}")
        if i == len(headings) - 1:
            paragraph._p.append(_xml('<ROOT><w:r><w:fldChar w:fldCharType="end"/></w:r></ROOT>'))
    for line in text.split("\n"):
        document.add_paragraph(line)
    return _save(document)


_FOOTNOTE_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def footnotes_and_margins(text: str) -> bytes:
    """Footnotes on three paragraphs, a running header and a page-number footer."""
    from docx.oxml import parse_xml

    document = _plain(text)
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
    return _patch(_save(document), {"word/footnotes.xml": part}, [("rIdNotes9", _FOOTNOTE_TYPE, "footnotes.xml")],
                  [("/word/footnotes.xml", _FOOTNOTES_CT)])


def strict_ooxml(text: str) -> bytes:
    """Saved as Strict Open XML (ISO/IEC 29500 strict namespaces), headings numbered by styles."""
    def strict(name: str, body: bytes) -> bytes:
        if not name.endswith((".xml", ".rels")):
            return body
        return re.sub(rb"http://schemas\.openxmlformats\.org/(wordprocessingml|officeDocument|drawingml)/2006/",
                      rb"http://purl.oclc.org/ooxml/\1/", body)
    return _patch(_styled_headings(text, based_on_chain=False), {}, edit=strict)


_CHUNK_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk"


def _alt_chunk(name: str, content_type: str, body: bytes) -> bytes:
    document = _document()
    document.element.body.insert(0, _xml('<ROOT><w:altChunk r:id="rIdChunk9"/></ROOT>'))
    return _patch(_save(document), {f"word/{name}": body}, [("rIdChunk9", _CHUNK_TYPE, name)],
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
