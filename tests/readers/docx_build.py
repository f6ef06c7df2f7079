"""Building blocks for the Word shapes: a report's outline, numbering definitions, package patches."""
from __future__ import annotations

import html
import io
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


def outline(text: str) -> tuple[list[tuple[str, str]], list[tuple[str, int | None]]]:
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


def lvl(ilvl: int, fmt: str, text: str, extra: str = "") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{extra}'
            f'<w:lvlText w:val="{html.escape(text)}"/><w:lvlJc w:val="left"/></w:lvl>')


def numbering(abstracts: str, nums: str) -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering {NS}>{abstracts}{nums}' \
           "</w:numbering>".encode("utf-8")


def levels(templates, shift: int = 0, fmt=None) -> str:
    """``w:lvl`` elements for the list levels from ``shift`` on (renumbered from 0)."""
    return "".join(lvl(i - shift, fmt(f) if fmt else f, t.replace(f"%{i + 1}", f"%{i - shift + 1}"))
                   for i, (f, t) in enumerate(templates) if i >= shift)


def new_document(numbering: bytes | None = None):
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    if numbering is not None:
        document.part.numbering_part._element = parse_xml(numbering)
    return document


def num_pr(num_id: int | None, ilvl: int | None) -> str:
    inner = (f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else "") + \
            (f'<w:numId w:val="{num_id}"/>' if num_id is not None else "")
    return f'<w:numPr xmlns:w="{W}">{inner}</w:numPr>'


def set_ppr(element, xml: str) -> None:
    from docx.oxml import parse_xml

    element.get_or_add_pPr().insert(0, parse_xml(xml))


def save(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def xml(fragment: str):
    from docx.oxml import parse_xml

    return parse_xml(fragment.replace("<ROOT>", f"<w:root {NS}>").replace("</ROOT>", "</w:root>"))[0]


def patch(data: bytes, parts: dict[str, bytes], rels: list[tuple[str, str, str]] = (),
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


def styled_headings(text: str, based_on_chain: bool) -> bytes:
    """Headings numbered through Heading 1–4 styles; with ``based_on_chain`` each style states only
    its level and takes the list from the style it is based on."""
    templates, items = outline(text)
    document = new_document(numbering(f'<w:abstractNum w:abstractNumId="1">{levels(templates)}</w:abstractNum>',
                                    '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'))
    for level in range(4):
        style = document.styles[f"Heading {level + 1}"]
        if based_on_chain and level:
            style.base_style = document.styles[f"Heading {level}"]
        set_ppr(style.element, num_pr(1 if level == 0 or not based_on_chain else None, level))
    for body, level in items:
        document.add_paragraph(body, style=f"Heading {level + 1}" if level is not None else None)
    return save(document)


def plain(text: str):
    document = new_document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    return document
