"""Word .docx → text: one line per paragraph or table row, in document order (the ``docx`` extra).

Line N of the result is the N-th paragraph (a table row counts as one), so evidence "第12行"
of a .docx is its 12th paragraph. Heading markers that Word draws by automatic numbering
("一、", "（一）", "1.") are not in the paragraph text; they are rebuilt from the numbering
definitions (see ``numbering.py``), or, for headings without numbering, from the heading
styles (Heading 1–4 / 标题 1–4 → 一、 （一） 1. （1））, so the section tree is the one the reader sees.
The body is walked by ``wordml.py``. Footnotes, endnotes, headers and footers are read apart and
quoted in a note, each marked (〔脚注1〕…, 〔页眉〕…): they never shift the line numbers of the body and
never count towards a part of the report. A Strict Open XML
file is read after mapping its namespaces to the transitional ones; an ``altChunk`` (a body part
kept as embedded HTML, MHT, text or Word) is read in place, or refused with one clear line.
"""
from __future__ import annotations

import email
import io
import re
import zipfile
import zlib

from ..errors import InputError
from ..extras import missing
from .encoding import decode_text
from .numbering import W, Numbering, Styles
from .wordml import SKIPPED, Body, choose_alternatives
from ..text.lazy import lazy_compile

# Refuse a package whose parts would unpack to more than this (a zip bomb); the zip's
# declared sizes are checked before anything is decompressed. Documented in the README.
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_PARTS = 5000
_MAIN_TYPES = (b"wordprocessingml.document.main+xml", b"wordprocessingml.template.main+xml",
               b"ms-word.document.macroEnabled.main+xml", b"ms-word.template.macroEnabledTemplate.main+xml")
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
# Markup-compatibility branches this reader understands (DrawingML shapes, Word 2010/2013 markup).
_UNDERSTOOD = frozenset((
    "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing",
    "http://schemas.microsoft.com/office/word/2010/wordml",
    "http://schemas.microsoft.com/office/word/2012/wordml",
    "http://schemas.microsoft.com/office/drawing/2010/main",
))
# Strict Open XML (ISO/IEC 29500 strict) names every namespace http://purl.oclc.org/ooxml/<area>/<name>;
# the transitional name is http://schemas.openxmlformats.org/<area>/2006/<name>.
_STRICT = lazy_compile(rb"http://purl\.oclc\.org/ooxml/(\w+)/")
_MAX_SHOWN = 300   # characters of footnotes and headers quoted in the note
_CHARSET = lazy_compile(rb"charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{2,40})", re.IGNORECASE)


def read_docx(data: bytes, path: str) -> tuple[str, tuple[str, ...]]:
    """Return (the text of a .docx with ``\\n`` line ends, notes on what was skipped).

    Raises ``InputError`` for damaged or non-Word packages, zip bombs, documents without text and
    an ``altChunk`` in a format that cannot be read; ``AuditorError`` when python-docx is missing.
    """
    names = _check_package(data, path)
    try:
        import docx
    except ImportError:
        raise missing("docx", "读取 .docx 文件") from None
    if any(n.endswith(".rels") for n in names) and b"purl.oclc.org/ooxml" in _member(data, "_rels/.rels"):
        data = _transitional(data)
    try:
        document = docx.Document(io.BytesIO(data))
        main = document.part
        styles = _root(_related(main, "styles")[:1])
        numbering_root = _root(_related(main, "numbering")[:1])
        for root in (document.element, styles, numbering_root):
            if root is not None:
                choose_alternatives(root, _UNDERSTOOD)
        style_table = Styles(styles)
        body = Body(Numbering(numbering_root, style_table.num_id), style_table, lambda el: _chunk(main, el, path))
        body.blocks(document.element.body)
        lines = body.finish()
        extra = _notes_and_margins(main, style_table, path)
    except InputError:
        raise
    except Exception:   # noqa: BLE001  python-docx/lxml raise many kinds of errors on a damaged package
        raise InputError(path, "无法解析 .docx，文件可能已损坏", "请在 Word/WPS 中打开后重新保存为 .docx") from None
    text = "\n".join(lines)
    if not text.strip():
        raise InputError(path, ".docx 中没有文字", "没有可审查的内容")
    notes = []
    if body.skipped:
        what = "、".join(f"{SKIPPED[k]} {n} 处" for k, n in sorted(body.skipped.items()))
        notes.append(f"Word 文档中未读取：{what}。")
    if extra:   # read and shown, but kept out of the audited body: they belong to no part of the report
        shown = "；".join(extra)
        notes.append("Word 文档的脚注、尾注和页眉页脚不计入正文审查，内容为："
                     + (shown if len(shown) <= _MAX_SHOWN else shown[:_MAX_SHOWN] + "……"))
    comments = sum(len(list(_root([p]).iter(W + "comment"))) for p in _related(main, "comments"))
    if comments:
        notes.append(f"Word 文档中的批注 {comments} 条不属于正文，未计入审查。")
    return text, tuple(notes)


def _member(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read(name) if name in package.namelist() else b""


def _transitional(data: bytes) -> bytes:
    """The same package with Strict namespace names replaced by their transitional twins."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info)
            if info.filename.endswith((".xml", ".rels")):
                body = _STRICT.sub(rb"http://schemas.openxmlformats.org/\1/2006/", body)
                body = body.replace(b"2006/relationships/extendedProperties", b"2006/relationships/extended-properties")
            target.writestr(info.filename, body)
    return out.getvalue()


def _related(part, kind: str) -> list:
    """Parts that ``part`` refers to with a relationship of type ``…/kind``, in relationship order."""
    return [rel.target_part for rel in part.rels.values()
            if not rel.is_external and rel.reltype.rsplit("/", 1)[-1] == kind]


def _root(parts: list):
    """The XML root of the first of ``parts`` (None if there is none)."""
    if not parts:
        return None
    element = getattr(parts[0], "element", None)
    if element is not None:
        return element
    from lxml import etree

    return etree.fromstring(parts[0].blob, etree.XMLParser(resolve_entities=False, no_network=True))


def _chunk(main, element, path: str) -> list[str]:
    """The lines of an ``altChunk``: embedded HTML, MHT, plain text or another Word document."""
    part = main.related_parts.get(element.get(_R + "id"))
    if part is None:
        return []
    kind, blob = part.content_type.lower(), part.blob
    if "wordprocessingml" in kind:
        return read_docx(blob, path)[0].split("\n")
    if kind in ("message/rfc822", "multipart/related") or str(part.partname).lower().endswith((".mht", ".mhtml")):
        message = email.message_from_bytes(blob)
        html = next((m for m in message.walk() if m.get_content_type() == "text/html"), None)
        if html is None:
            return []
        blob, kind = html.get_payload(decode=True) or b"", "text/html"
    if "html" in kind or kind.startswith("text/plain"):
        declared = _CHARSET.search(blob[:4096])
        text = decode_text(blob, path, declared.group(1).decode("ascii") if declared else None)[0]
        if "html" not in kind:
            return text.split("\n")
        from .html import html_lines

        return html_lines(text)
    raise InputError(path, f"正文有一部分是以 {part.content_type} 格式嵌入的内容（altChunk），无法读取",
                     "请在 Word 中打开并另存为 .docx（Word 会把嵌入内容转为正文）")


def _notes_and_margins(main, styles: Styles, path: str) -> list[str]:
    """Footnotes, endnotes, headers and footers, each line marked with what it is."""
    out: list[str] = []
    for kind, tag, label in (("footnotes", "footnote", "脚注"), ("endnotes", "endnote", "尾注")):
        root, count = _root(_related(main, kind)[:1]), 0
        for note in root.iter(W + tag) if root is not None else ():
            if note.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            text = _flat(note, styles, main, path)
            if text:
                count += 1
                out.append(f"〔{label}{count}〕{text}")
    seen = set()
    for kind, label in (("header", "页眉"), ("footer", "页脚")):
        for part in _related(main, kind):
            text = _flat(_root([part]), styles, main, path)
            # A header that is only a page number ("- 3 -") says nothing.
            if text and text not in seen and re.search(r"[^\d\s\-－—–/第页共]", text):
                seen.add(text)
                out.append(f"〔{label}〕{text}")
    return out


def _flat(element, styles: Styles, main, path: str) -> str:
    """All the text of a note or a header, on one line."""
    choose_alternatives(element, _UNDERSTOOD)
    body = Body(Numbering(None), styles, lambda el: _chunk(main, el, path))
    body.blocks(element)
    return " ".join(s.strip() for s in body.lines if s.strip())


def _check_package(data: bytes, path: str) -> set[str]:
    """A readable zip, not a bomb, holding a Word document (not a spreadsheet or an .odt)."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        infos = package.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise InputError(path, "不是有效的 .docx 文件（压缩包已损坏或不完整）", "请在 Word/WPS 中重新保存为 .docx") from None
    bomb = InputError(path, f"解压后超过 {MAX_UNPACKED_BYTES // (1024 * 1024)} MB 或 {MAX_PARTS} 个部件，拒绝读取"
                            "（可能是压缩炸弹）", "请确认文件来源，或另存为 .txt/.pdf")
    if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES or len(infos) > MAX_PARTS:
        raise bomb
    # Declared sizes can lie, and zipfile inflates a whole member in one call before cutting it to
    # the declared size (2 GB of memory for a 3 MB file), so count what really inflates, 1 MB at a time.
    unpacked = 0
    try:
        for info in infos:
            with package.open(info) as part:
                while chunk := part.read(1 << 20):
                    unpacked += len(chunk)
                    if unpacked > MAX_UNPACKED_BYTES:
                        raise bomb
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, NotImplementedError, RuntimeError):
        raise InputError(path, "不是有效的 .docx 文件（压缩包已损坏）", "请在 Word/WPS 中重新保存为 .docx") from None
    names = {info.filename for info in infos}
    try:
        types = package.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, NotImplementedError):
        raise InputError(path, "不是有效的 .docx 文件（压缩包已损坏）", "请在 Word/WPS 中重新保存为 .docx") from None
    if any(kind in types for kind in _MAIN_TYPES):
        return names
    if any(n.startswith("xl/") for n in names):
        what = "Excel 表格（.xlsx）"
    elif any(n.startswith("ppt/") for n in names):
        what = "PowerPoint 演示文稿（.pptx）"
    elif "mimetype" in names:
        what = "OpenDocument 文件（.odt 等）"
    else:
        what = "普通的 zip 压缩包"
    raise InputError(path, f"这是{what}，不是 Word 文档（.docx）", "请在 Word/WPS 中另存为 .docx")
