"""Word .docx → text: one line per paragraph or table row, in document order (the ``docx`` extra).

Line N of the result is the N-th paragraph (a table row counts as one), so evidence "第12行"
of a .docx is its 12th paragraph. Heading markers that Word draws by automatic numbering
("一、", "（一）", "1.") are not in the paragraph text; they are rebuilt from the numbering
definitions (see ``numbering.py``), or, for headings without numbering, from the heading
styles (Heading 1–4 / 标题 1–4 → 一、 （一） 1. （1））, so the section tree is the one the reader sees.
"""
from __future__ import annotations

import io
import re
import zipfile
import zlib

from ..errors import AuditorError, InputError
from ..text.markers import int_to_cn, parse_marker
from ..text.normalize import fold
from .numbering import W, Numbering

# Refuse a package whose parts would unpack to more than this (a zip bomb); the zip's
# declared sizes are checked before anything is decompressed. Documented in the README.
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_PARTS = 5000
_MAIN_TYPES = (b"wordprocessingml.document.main+xml", b"wordprocessingml.template.main+xml",
               b"ms-word.document.macroEnabled.main+xml", b"ms-word.template.macroEnabledTemplate.main+xml")
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_FALLBACK_MARKERS = (lambda n: f"{int_to_cn(n)}、", lambda n: f"（{int_to_cn(n)}）", lambda n: f"{n}.", lambda n: f"（{n}）")
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# Subtrees whose text Word does not show in the paragraph: deletions, moved-away text, text boxes
# (drawn elsewhere, and duplicated in mc:Fallback), field instructions.
_SKIP = {W + "del", W + "moveFrom", W + "txbxContent", _MC + "Fallback", W + "instrText", W + "delText",
         W + "rPr", W + "pPr"}


def read_docx(data: bytes, path: str) -> str:
    """Return the text of a .docx (paragraphs and table rows in order, ``\\n`` line ends)."""
    _check_package(data, path)
    try:
        import docx
    except ImportError:
        raise AuditorError("读取 .docx 需要可选组件：pip install 'auditor[docx]'") from None
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
        styles = _Styles(document.styles.element)
        try:
            numbering_element = document.part.part_related_by(RT.NUMBERING).element
        except KeyError:
            numbering_element = None
        reader = _Reader(Numbering(numbering_element, styles.num_id), styles)
        reader.blocks(body)
        text = "\n".join(reader.finish())
    except Exception:   # noqa: BLE001  python-docx/lxml raise many kinds of errors on a damaged package
        raise InputError(path, "无法解析 .docx，文件可能已损坏", "请在 Word/WPS 中打开后重新保存为 .docx") from None
    if not text.strip():
        raise InputError(path, ".docx 中没有文字", "没有可审查的内容")
    return text


def _check_package(data: bytes, path: str) -> None:
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
        return
    if any(n.startswith("xl/") for n in names):
        what = "Excel 表格（.xlsx）"
    elif any(n.startswith("ppt/") for n in names):
        what = "PowerPoint 演示文稿（.pptx）"
    elif "mimetype" in names:
        what = "OpenDocument 文件（.odt 等）"
    else:
        what = "普通的 zip 压缩包"
    raise InputError(path, f"这是{what}，不是 Word 文档（.docx）", "请在 Word/WPS 中另存为 .docx")


class _Styles:
    """Paragraph styles: numbering and heading level, following ``w:basedOn``."""

    def __init__(self, element):
        self._styles = {s.get(W + "styleId"): s for s in element.iter(W + "style")} if element is not None else {}

    def _chain(self, style_id: str | None):
        seen = set()
        while style_id and style_id in self._styles and style_id not in seen:
            seen.add(style_id)
            style = self._styles[style_id]
            yield style
            based = style.find(W + "basedOn")
            style_id = based.get(W + "val") if based is not None else None

    def num_pr(self, style_id: str | None) -> tuple[str | None, str | None]:
        """(numId, ilvl) the style gives its paragraphs, or (None, None)."""
        for style in self._chain(style_id):
            num_pr = style.find(f"{W}pPr/{W}numPr")
            if num_pr is not None:
                return _child_val(num_pr, "numId"), _child_val(num_pr, "ilvl")
        return None, None

    def num_id(self, style_id: str) -> str | None:
        return self.num_pr(style_id)[0]

    def heading_level(self, style_id: str | None) -> int | None:
        """1 for Heading 1 / 标题 1 (or outline level 1), …; None for body styles."""
        for style in self._chain(style_id):
            name = style.find(W + "name")
            m = _HEADING_STYLE.match((name.get(W + "val") or "").strip()) if name is not None else None
            if m:
                return int(m.group(1))
            outline = _child_val(style.find(W + "pPr"), "outlineLvl")
            if outline is not None and outline.isdigit() and int(outline) < 9:
                return int(outline) + 1
        return None


def _child_val(element, tag: str) -> str | None:
    child = element.find(W + tag) if element is not None else None
    return child.get(W + "val") if child is not None else None


class _Reader:
    """Walks the body in order, collecting one line per paragraph / table row."""

    def __init__(self, numbering: Numbering, styles: _Styles):
        self.numbering, self.styles = numbering, styles
        self.lines: list[str] = []
        self.headings: list[tuple[int, int]] = []   # (line index, heading level) still without a marker

    def blocks(self, parent) -> None:
        for child in parent:
            if child.tag == W + "p":
                text, level = self.paragraph(child)
                if level is not None:
                    self.headings.append((len(self.lines), level))
                self.lines.append(text)
            elif child.tag == W + "tbl":
                self.lines.extend(self.row(tr) for tr in child if tr.tag == W + "tr")
            elif child.tag in (W + "sdt", W + "sdtContent", W + "customXml"):
                self.blocks(child)

    def row(self, tr) -> str:
        """A table row as one line: the non-empty cells separated by tabs."""
        return "\t".join(c for c in (self.cell(tc) for tc in tr if tc.tag == W + "tc") if c)

    def cell(self, tc) -> str:
        parts = []
        for child in tc:
            if child.tag == W + "p":
                parts.append(self.paragraph(child)[0])
            elif child.tag == W + "tbl":   # a nested table stays inside its cell's line
                parts.extend(self.row(tr) for tr in child if tr.tag == W + "tr")
        return " ".join(p for p in (s.strip() for s in parts) if p)

    def paragraph(self, p) -> tuple[str, int | None]:
        """(text with its list marker, heading level if it still needs a marker from its style)."""
        text = "".join(_text(p)).replace("\n", " ")
        style_id = _child_val(p.find(W + "pPr"), "pStyle")
        num_id, ilvl = self._num_pr(p, style_id)
        marker = self.numbering.marker(num_id, ilvl) if num_id and num_id != "0" else None
        if marker is not None:
            label, suffix = marker
            # Word puts a tab after the marker; keep a space only where text would otherwise run
            # into it ("第一章 总则", "A 项"), not after punctuation ("一、", "1.", "①").
            gap = " " if suffix != "nothing" and (label[-1].isascii() and label[-1].isalnum()
                                                   or "\u4e00" <= label[-1] <= "\u9fff") else ""
            return f"{label}{gap}{text}", None
        level = self.styles.heading_level(style_id)
        outline = _child_val(p.find(W + "pPr"), "outlineLvl")
        if outline is not None and outline.isdigit() and int(outline) < 9:
            level = int(outline) + 1
        if level is None or not text.strip() or parse_marker(fold(text)) is not None:
            return text, None
        return text, level

    def _num_pr(self, p, style_id) -> tuple[str | None, int]:
        num_pr = p.find(f"{W}pPr/{W}numPr")
        own_id = _child_val(num_pr, "numId") if num_pr is not None else None
        own_lvl = _child_val(num_pr, "ilvl") if num_pr is not None else None
        style_num, style_lvl = self.styles.num_pr(style_id)
        num_id = own_id or style_num
        if own_lvl is None and style_lvl is None and num_id and not own_id and style_id:
            return num_id, self.numbering.level_of_style(num_id, style_id)
        level = own_lvl if own_lvl is not None else style_lvl
        return num_id, int(level) if level and level.isdigit() else 0

    def finish(self) -> list[str]:
        """Give unnumbered headings a marker from their style level (title-like levels excluded)."""
        if not self.headings:
            return self.lines
        levels = [lv for _, lv in self.headings]
        top = min(levels)
        if levels.count(top) == 1 and levels[0] == top and len(levels) > 1:
            self.headings = self.headings[1:]   # a lone top heading before the others is the title
        ranks = {lv: i for i, lv in enumerate(sorted({lv for _, lv in self.headings}))}
        counters = [0] * len(_FALLBACK_MARKERS)
        for index, level in self.headings:
            rank = ranks[level]
            if rank >= len(_FALLBACK_MARKERS):
                continue
            counters[rank] += 1
            counters[rank + 1:] = [0] * (len(counters) - rank - 1)
            self.lines[index] = _FALLBACK_MARKERS[rank](counters[rank]) + self.lines[index].lstrip()
        return self.lines


def _text(element):
    """The visible text of a paragraph, in order (tabs kept, line breaks as spaces)."""
    for child in element:
        tag = child.tag
        if tag in _SKIP or not isinstance(tag, str):
            continue
        if tag == W + "r" and _hidden(child):
            continue
        if tag == W + "t":
            yield child.text or ""
        elif tag in (W + "tab", W + "ptab"):
            yield "\t"
        elif tag in (W + "br", W + "cr"):
            yield " "
        elif tag == W + "noBreakHyphen":
            yield "-"
        elif tag == W + "p":   # a paragraph nested inside (e.g. in a content control): keep apart
            yield " "
            yield from _text(child)
        else:
            yield from _text(child)


def _hidden(run) -> bool:
    vanish = run.find(f"{W}rPr/{W}vanish")
    return vanish is not None and vanish.get(W + "val") not in ("0", "false")
