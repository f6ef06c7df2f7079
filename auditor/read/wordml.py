"""WordprocessingML body → lines: every paragraph where Word shows it, in document order.

One line per paragraph (a table row with several filled cells is one line, cells separated by tabs;
a one-column layout table gives one line per paragraph, as on the page). Text is found wherever it
sits: content controls at every level, nested tables, text boxes (their paragraphs come just before
the paragraph they are anchored in), hyperlinks, smart tags, field results, tracked insertions.
Not read, and counted for a note: tracked deletions, hidden text, a table of contents (it repeats the
headings), content-control placeholders, pictures, charts, SmartArt, embedded objects, symbol-font
characters and linked sub-documents. Text moved by a tracked move is read once, where it now stands.
"""
from __future__ import annotations

from collections import Counter
from typing import Callable

from ..text.markers import int_to_cn, parse_marker
from ..text.normalize import fold
from .numbering import W, Numbering, Styles, _val

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_FALLBACK_MARKERS = (lambda n: f"{int_to_cn(n)}、", lambda n: f"（{int_to_cn(n)}）", lambda n: f"{n}.", lambda n: f"（{n}）")
# Containers whose children belong where the container stands.
_THROUGH = {W + t for t in ("customXml", "smartTag", "ins", "moveTo", "hyperlink", "fldSimple", "bdo", "dir",
                             "ruby", "rubyBase", "sdtContent")} | {_M + t for t in ("oMath", "oMathPara", "r", "e")}
_QUIET = {W + t for t in ("rPr", "pPr", "sdtPr", "moveFrom", "sdtEndPr", "proofErr", "bookmarkStart", "bookmarkEnd",
                          "lastRenderedPageBreak",
                          "commentRangeStart", "commentRangeEnd", "commentReference", "footnoteReference",
                          "endnoteReference", "rt", "permStart", "permEnd", "tblPr", "tblGrid", "trPr", "tcPr",
                          "sectPr", "softHyphen", "annotationRef", "footnoteRef", "endnoteRef", "separator",
                          "continuationSeparator")}
# What a note calls each kind of skipped content.
SKIPPED = {"deleted": "修订中已删除的文字", "hidden": "隐藏文字", "toc": "目录", "placeholder": "内容控件的提示文字",
           "picture": "图片", "chart": "图表", "smartart": "SmartArt 图形", "object": "嵌入对象（OLE）",
           "symbol": "符号字体的字符", "subdoc": "链接的子文档"}


class Body:
    """Walks body-level content collecting one line per paragraph.

    ``chunk(element)`` reads a ``w:altChunk`` (embedded HTML, text or Word part) into lines.
    """

    def __init__(self, numbering: Numbering, styles: Styles, chunk: Callable[[object], list[str]]):
        self.numbering, self.styles, self.chunk = numbering, styles, chunk
        self.lines: list[str] = []
        self.headings: list[tuple[int, int]] = []   # (line index, heading level) still without a marker
        self.skipped: Counter = Counter()
        self._carry = ""                            # text of a paragraph whose mark was deleted
        self._fields: list[list] = []               # open complex fields: [instruction, in result]
        self._dropped = False                       # the current paragraph lost text to a hidden field

    def blocks(self, parent) -> None:
        for child in parent:
            tag = child.tag
            if tag == W + "p":
                self.paragraph(child)
            elif tag == W + "tbl":
                self.table(child)
            elif tag == W + "sdt":
                self._sdt(child, self.blocks)
            elif tag in _THROUGH:
                self.blocks(child)
            elif tag == W + "altChunk":
                self.lines.extend(self.chunk(child))
            elif tag == W + "del":
                self.skipped["deleted"] += 1
            elif tag == W + "subDoc":
                self.skipped["subdoc"] += 1

    def _sdt(self, sdt, walk) -> None:
        """A content control: its content, unless it shows placeholder text or holds a table of contents."""
        props = sdt.find(W + "sdtPr")
        gallery = props.find(f"{W}docPartObj/{W}docPartGallery") if props is not None else None
        if gallery is not None and "contents" in (gallery.get(W + "val") or "").lower():
            self.skipped["toc"] += 1
        elif props is not None and props.find(W + "showingPlcHdr") is not None:
            self.skipped["placeholder"] += 1
        else:
            content = sdt.find(W + "sdtContent")
            if content is not None:
                walk(content)

    def table(self, tbl) -> None:
        for tr in _within(tbl, W + "tr"):
            props = tr.find(W + "trPr")
            if props is not None and props.find(W + "del") is not None:
                self.skipped["deleted"] += 1
                continue
            cells = [tc for tc in _within(tr, W + "tc") if _has_text(tc)]
            if len(cells) == 1:   # a layout table (one column, a form): its paragraphs are body lines
                self.blocks(cells[0])
            elif cells:
                self.lines.append("\t".join(self._cell(tc) for tc in cells))

    def _cell(self, tc) -> str:
        """A cell's paragraphs (and nested tables) as one piece of its row's line."""
        start, headings = len(self.lines), len(self.headings)
        self.blocks(tc)
        parts = [s.strip() for s in self.lines[start:] if s.strip()]
        del self.lines[start:], self.headings[headings:]
        return " ".join(parts)

    def paragraph(self, p) -> None:
        boxes: list = []
        self._dropped = False
        text = "".join(self._runs(p, boxes)).replace("\n", " ")
        if self._dropped and not text.strip():
            return   # a paragraph of a table of contents: not a line of the report
        for box in boxes:   # text boxes anchored here come first (a title box sits above its anchor)
            self.blocks(box)
        ppr = p.find(W + "pPr")
        mark = ppr.find(f"{W}rPr/{W}del") if ppr is not None else None
        if mark is not None:   # the paragraph mark is a tracked deletion: the text joins the next paragraph
            self._carry += text
            return
        text, self._carry = self._carry + text, ""
        if boxes and not text.strip():
            return
        num_id, ilvl = self.numbering.paragraph(ppr, self.styles)
        marker = self.numbering.marker(num_id, ilvl) if num_id else None
        if marker is not None:
            label, suffix = marker
            # Word puts a tab after the marker; keep a space only where text would otherwise run
            # into it ("第一章 总则", "A 项"), not after punctuation ("一、", "1.", "①").
            gap = " " if suffix != "nothing" and (label[-1].isascii() and label[-1].isalnum()
                                                   or "\u4e00" <= label[-1] <= "\u9fff") else ""
            self.lines.append(f"{label}{gap}{text}")
            return
        level = self._heading_level(ppr)
        if level is not None and text.strip() and parse_marker(fold(text)) is None:
            self.headings.append((len(self.lines), level))
        self.lines.append(text)

    def _heading_level(self, ppr) -> int | None:
        """1 for Heading 1 / 标题 1 (or outline level 1), …; None for body paragraphs."""
        outline = _val(ppr, "outlineLvl")
        if outline is not None and outline.isdigit() and int(outline) < 9:
            return int(outline) + 1
        for style in self.styles.chain(_val(ppr, "pStyle")):
            name = (_val(style, "name") or "").strip().lower()
            for prefix in ("heading", "标题"):
                if name.startswith(prefix) and name[len(prefix):].strip().isdigit():
                    return int(name[len(prefix):].strip())
            outline = _val(style.find(W + "pPr"), "outlineLvl")
            if outline is not None and outline.isdigit() and int(outline) < 9:
                return int(outline) + 1
        return None

    def _runs(self, element, boxes: list):
        """The visible text inside a paragraph, in order; text boxes are set aside in ``boxes``."""
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _QUIET:
                continue
            if tag == W + "t" or tag == _M + "t":
                if not self._in_hidden_field():
                    yield child.text or ""
                else:
                    self._dropped = True
            elif tag == W + "r":
                props = child.find(W + "rPr")
                vanish = props.find(W + "vanish") if props is not None else None
                if vanish is not None and vanish.get(W + "val") not in ("0", "false", "off"):
                    self.skipped["hidden"] += 1
                else:
                    yield from self._runs(child, boxes)
            elif tag in (W + "tab", W + "ptab"):
                yield "\t"
            elif tag in (W + "br", W + "cr"):
                yield " "
            elif tag == W + "noBreakHyphen":
                yield "-"
            elif tag == W + "fldChar":
                self._field(child.get(W + "fldCharType"))
            elif tag == W + "instrText":
                if self._fields:
                    self._fields[-1][0] += child.text or ""
            elif tag == W + "txbxContent":
                boxes.append(child)
            elif tag in (W + "drawing", W + "pict", W + "object"):
                found = len(boxes)
                yield from self._runs(child, boxes)
                if len(boxes) == found:
                    self.skipped[_graphic(child)] += 1
            elif tag == W + "del":
                self.skipped["deleted"] += 1
            elif tag == W + "sym":
                self.skipped["symbol"] += 1
            elif tag == W + "sdt":
                pieces: list[str] = []
                self._sdt(child, lambda content: pieces.extend(self._runs(content, boxes)))
                yield "".join(pieces)
            elif tag == W + "p":   # a paragraph nested in a run-level container: keep it apart
                yield " "
                yield from self._runs(child, boxes)
            else:
                yield from self._runs(child, boxes)

    def _field(self, kind: str | None) -> None:
        if kind == "begin":
            self._fields.append(["", False])
        elif kind == "separate" and self._fields:
            self._fields[-1][1] = True
            if self._fields[-1][0].strip().upper().startswith("TOC"):
                self.skipped["toc"] += 1
        elif kind == "end" and self._fields:
            self._fields.pop()

    def _in_hidden_field(self) -> bool:
        """Inside a field's code, or inside the result of a table-of-contents field."""
        return any(not shown or code.strip().upper().startswith("TOC") for code, shown in self._fields)

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


def _within(parent, tag: str):
    """Children ``tag`` of ``parent``, also those wrapped in content controls or custom XML."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                yield from _within(content, tag)
        elif child.tag in (W + "customXml", W + "ins"):
            yield from _within(child, tag)


def _has_text(element) -> bool:
    return any((t.text or "").strip() for t in element.iter(W + "t"))


def _graphic(element) -> str:
    """What a drawing without a text box shows: picture, chart, SmartArt or an embedded object."""
    data = element.find(f".//{_A}graphicData")
    uri = (data.get("uri") or "") if data is not None else ""
    if "chart" in uri:
        return "chart"
    if "diagram" in uri:
        return "smartart"
    if element.tag == W + "object" or any("OLEObject" in str(e.tag) for e in element.iter()):
        return "object"
    return "picture"


def choose_alternatives(root, understood: frozenset[str]) -> None:
    """Resolve markup compatibility in place: each ``mc:AlternateContent`` becomes the content of its
    first ``mc:Choice`` whose required namespaces are all ``understood``, else of its ``mc:Fallback``,
    so a text box or a number format is read once, from the branch this reader understands."""
    for block in list(root.iter(MC + "AlternateContent")):
        parent = block.getparent()
        if parent is None:
            continue   # inside a branch already dropped
        chosen = None
        for choice in block.findall(MC + "Choice"):
            prefixes = (choice.get("Requires") or "").split()
            if all(choice.nsmap.get(prefix) in understood for prefix in prefixes):
                chosen = choice
                break
        if chosen is None:
            chosen = block.find(MC + "Fallback")
        index = parent.index(block)
        parent.remove(block)
        for offset, child in enumerate(list(chosen) if chosen is not None else []):
            parent.insert(index + offset, child)
