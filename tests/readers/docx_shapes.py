"""Word shapes of a report, built with python-docx and lxml: the ways real .docx files hold the same text.

Each public function takes the report text and returns the bytes of one .docx. Where a shape uses
Word's automatic numbering, a heading's typed marker ("一、", "（二）") is removed and only the
numbering definitions can bring it back, as in a real draft. Package-level shapes (footnotes, Strict
Open XML, ``altChunk``) are in ``docx_package_shapes.py``.
"""
from __future__ import annotations

import html

from auditor.text.markers import parse_marker
from auditor.text.normalize import fold

from ..documents import W
from . import docx_build as b
from .docx_build import WPS


def style_numbering_ilvl_only(text: str) -> bytes:
    """Heading numbers defined in the heading styles; Heading 2–4 state only their level (``ilvl``)
    and inherit the list (``numId``) from Heading 1 through ``w:basedOn``."""
    return b.styled_headings(text, based_on_chain=True)


def num_style_link(text: str) -> bytes:
    """The list used by the headings is defined through a numbering style (``w:numStyleLink`` →
    a numbering style → the list that carries ``w:styleLink`` and the real levels)."""
    templates, items = b.outline(text)
    abstracts = (f'<w:abstractNum w:abstractNumId="1"><w:styleLink w:val="ReportList"/>{b.levels(templates)}'
                 '</w:abstractNum><w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="ReportList"/>'
                 "</w:abstractNum>")
    nums = '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>'
    document = b.new_document(b.numbering(abstracts, nums))
    document.styles.element.append(b.xml(
        '<ROOT><w:style w:type="numbering" w:styleId="ReportList"><w:name w:val="Report List"/>'
        '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></ROOT>'))
    for body, level in items:
        paragraph = document.add_paragraph(body)
        if level is not None:
            b.set_ppr(paragraph._p, b.num_pr(2, level))
    return b.save(document)


def restarted_sublists(text: str) -> bytes:
    """Each part's sub-headings are a new list instance that restarts at "（一）" (``w:startOverride``),
    all sharing one list definition."""
    templates, items = b.outline(text)
    part = 0
    document = b.new_document()
    nums = ['<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>']
    for body, level in items:
        paragraph = document.add_paragraph(body)
        if level == 0:
            part += 1
            nums.append(f'<w:num w:numId="{100 + part}"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0">'
                        '<w:startOverride w:val="1"/></w:lvlOverride></w:num>')
            b.set_ppr(paragraph._p, b.num_pr(1, 0))
        elif level is not None:
            b.set_ppr(paragraph._p, b.num_pr(100 + part if part else 1, level - 1 if part else level))
    abstracts = (f'<w:abstractNum w:abstractNumId="1">{b.levels(templates)}</w:abstractNum>'
                 f'<w:abstractNum w:abstractNumId="2">{b.levels(templates, shift=1)}</w:abstractNum>')
    from docx.oxml import parse_xml

    document.part.numbering_part._element = parse_xml(b.numbering(abstracts, "".join(nums)))
    return b.save(document)


def custom_number_format(text: str) -> bytes:
    """Chinese heading numbers stated as Word 2010 custom formats inside ``mc:AlternateContent``
    (``mc:Choice Requires="w14"``), with a plain decimal ``mc:Fallback`` for older readers."""
    templates, items = b.outline(text)

    def level(i: int, fmt: str, template: str) -> str:
        if fmt == "decimal":
            return b.lvl(i, fmt, template)
        choice = ('<mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" '
                  'w:format="一, 二, 三, ..."/></mc:Choice><mc:Fallback><w:numFmt w:val="decimal"/>'
                  "</mc:Fallback></mc:AlternateContent>")
        return (f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/>{choice}<w:lvlText w:val="{html.escape(template)}"/>'
                '<w:lvlJc w:val="left"/></w:lvl>')

    abstract = "".join(level(i, f, t) for i, (f, t) in enumerate(templates))
    document = b.new_document(b.numbering(f'<w:abstractNum w:abstractNumId="1">{abstract}</w:abstractNum>',
                                    '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'))
    for body, lvl in items:
        paragraph = document.add_paragraph(body)
        if lvl is not None:
            b.set_ppr(paragraph._p, b.num_pr(1, lvl))
    return b.save(document)


def content_controls_in_table_rows(text: str) -> bytes:
    """The report typed into a one-column form table whose rows are content controls (``w:sdt``)."""
    document = b.new_document()
    table = document.add_table(rows=0, cols=1)
    for line in text.split("\n"):
        row = table.add_row()
        row.cells[0].text = line
        tr = row._tr
        sdt = b.xml("<ROOT><w:sdt><w:sdtPr><w:alias w:val=\"正文\"/></w:sdtPr><w:sdtContent/></w:sdt></ROOT>")
        tr.addprevious(sdt)
        sdt[1].append(tr)
    return b.save(document)


def content_controls_at_every_level(text: str) -> bytes:
    """Content controls around paragraphs, around runs, and around the cells of a layout table."""
    document = b.new_document()
    lines = text.split("\n")
    half = len(lines) // 2
    for i, line in enumerate(lines[:half]):
        paragraph = document.add_paragraph()
        if i % 2:   # a run-level control holding the text
            paragraph._p.append(b.xml(f"<ROOT><w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t xml:space=\"preserve\">"
                                     f"{html.escape(line)}</w:t></w:r></w:sdtContent></w:sdt></ROOT>"))
        else:       # a block-level control around the paragraph
            paragraph.add_run(line)
            sdt = b.xml("<ROOT><w:sdt><w:sdtPr/><w:sdtContent/></w:sdt></ROOT>")
            paragraph._p.addprevious(sdt)
            sdt[1].append(paragraph._p)
    table = document.add_table(rows=0, cols=1)
    for line in lines[half:]:
        cell = table.add_row().cells[0]
        cell.text = line
        tc = cell._tc
        sdt = b.xml("<ROOT><w:sdt><w:sdtPr/><w:sdtContent/></w:sdt></ROOT>")
        tc.addprevious(sdt)
        sdt[1].append(tc)
    return b.save(document)


def nested_tables(text: str) -> bytes:
    """The body inside a one-column table nested in the only cell of an outer layout table."""
    document = b.new_document()
    outer = document.add_table(rows=1, cols=1)
    inner = outer.cell(0, 0).add_table(rows=0, cols=1)
    for line in text.split("\n"):
        inner.add_row().cells[0].text = line
    return b.save(document)


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
    document = b.new_document()
    for i, line in enumerate(lines):
        paragraph = document.add_paragraph(None if i == first else line)
        if i == first:
            paragraph._p.append(b.xml(f"<ROOT>{_textbox(line.strip(), drawingml)}</ROOT>"))
    return b.save(document)


def textbox_title(text: str) -> bytes:
    """The title in a floating DrawingML text box, with the VML copy in ``mc:Fallback`` (as Word saves it)."""
    return _title_in_box(text, drawingml=True)


def vml_textbox_title(text: str) -> bytes:
    """The title in a VML text box only (older Word and WPS)."""
    return _title_in_box(text, drawingml=False)


def tracked_changes(text: str) -> bytes:
    """Revisions not yet accepted: half of each paragraph is a tracked insertion, a deleted sentence
    follows it, and a paragraph deleted whole (mark included) stands between paragraphs."""
    document = b.new_document()
    for line in text.split("\n"):
        paragraph = document.add_paragraph()
        cut = len(line) // 2
        paragraph.add_run(line[:cut])
        paragraph._p.append(b.xml(f'<ROOT><w:ins w:id="1" w:author="审核人"><w:r><w:t xml:space="preserve">'
                                 f"{html.escape(line[cut:])}</w:t></w:r></w:ins></ROOT>"))
        if line.strip():
            paragraph._p.append(b.xml('<ROOT><w:del w:id="2" w:author="审核人"><w:r><w:delText>'
                                     "此句已删除，不计入报告。</w:delText></w:r></w:del></ROOT>"))
            gone = document.add_paragraph()
            b.set_ppr(gone._p, f'<w:rPr xmlns:w="{W}"><w:del w:id="3" w:author="审核人"/></w:rPr>')
            gone._p.append(b.xml('<ROOT><w:del w:id="4" w:author="审核人"><w:r><w:delText>整段已删除的草稿文字。'
                                "</w:delText></w:r></w:del></ROOT>"))
    return b.save(document)


def fields_and_hyperlinks(text: str) -> bytes:
    """Each paragraph in three pieces: a hyperlink, the result of a complex field, a simple field."""
    document = b.new_document()
    for line in text.split("\n"):
        paragraph = document.add_paragraph()
        one, two = len(line) // 3, 2 * len(line) // 3
        t = [html.escape(piece) for piece in (line[:one], line[one:two], line[two:])]
        paragraph._p.append(b.xml(f'<ROOT><w:hyperlink w:anchor="x"><w:r><w:t xml:space="preserve">{t[0]}</w:t>'
                                 "</w:r></w:hyperlink></ROOT>"))
        for run in ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
                    '<w:r><w:instrText xml:space="preserve"> MERGEFIELD 正文 </w:instrText></w:r>',
                    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
                    f'<w:r><w:t xml:space="preserve">{t[1]}</w:t></w:r>',
                    '<w:r><w:fldChar w:fldCharType="end"/></w:r>'):
            paragraph._p.append(b.xml(f"<ROOT>{run}</ROOT>"))
        paragraph._p.append(b.xml(f'<ROOT><w:fldSimple w:instr=" DOCPROPERTY 正文 "><w:r><w:t xml:space="preserve">'
                                 f"{t[2]}</w:t></w:r></w:fldSimple></ROOT>"))
    return b.save(document)


def table_of_contents(text: str) -> bytes:
    """A table-of-contents field (the headings again, with page numbers) before the body."""
    document = b.new_document()
    headings = [line.strip() for line in text.split("\n") if line.strip() and parse_marker(fold(line))]
    for i, heading in enumerate(headings):
        paragraph = document.add_paragraph()
        if i == 0:
            for run in ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
                        '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h </w:instrText></w:r>',
                        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'):
                paragraph._p.append(b.xml(f"<ROOT>{run}</ROOT>"))
        paragraph.add_run(f"{heading}\t{i + 1}")
        if i == len(headings) - 1:
            paragraph._p.append(b.xml('<ROOT><w:r><w:fldChar w:fldCharType="end"/></w:r></ROOT>'))
    for line in text.split("\n"):
        document.add_paragraph(line)
    return b.save(document)
