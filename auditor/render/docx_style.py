"""The plain look of a Chinese official document for the .docx files the tool makes (``-o docx:`` on
non-Word input, ``audit outline``).

After GB/T 9704-2012《党政机关公文格式》: A4 paper with a 156 × 225 mm type area (margins 37 mm top,
28 mm inside), body in 3号 (16 pt) 仿宋_GB2312, 22 lines of 28 characters; the title in 2号 (22 pt)
小标宋 centred; the levels of headings "一、" in 黑体, "（一）" in 楷体, "1." and "（1）" in 仿宋; all
text black. The styles stay Word's "Title" and "Heading 1–4" (the navigation pane still works), with
the blue theme colours, borders and bold replaced. A font missing on the reader's machine is replaced
by the ``altName`` listed for it in the document's font table (ECMA-376 §17.8.3.1), e.g. 宋体 for 小标宋.
"""
from __future__ import annotations

from lxml import etree

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_Q = "{%s}" % _W
PT = 2   # half-points per point (w:sz)

BODY_FONT = "仿宋_GB2312"
# style → (East Asian font, size in points, centred, kept with the next paragraph). "1." and "（1）"
# headings often carry their paragraph's text ("1. 标题。正文……"): kept with the next, a run of them
# would chain into a page break.
LOOK = {"Normal": (BODY_FONT, 16, False, False), "Title": ("方正小标宋简体", 22, True, True),
        "Heading 1": ("黑体", 16, False, True), "Heading 2": ("楷体_GB2312", 16, False, True),
        "Heading 3": (BODY_FONT, 16, False, False), "Heading 4": (BODY_FONT, 16, False, False)}
# font → the fonts to use when it is not installed (the ones Windows and WPS ship)
FALLBACK = {"仿宋_GB2312": "仿宋,FangSong", "楷体_GB2312": "楷体,KaiTi", "方正小标宋简体": "小标宋,宋体,SimSun",
            "黑体": "SimHei"}
LATIN_FONT = "Times New Roman"
LINE_TWIPS = 580          # fixed line pitch, 29 pt: 22 lines in the 225 mm type area
MARGINS_MM = {"top_margin": 37, "bottom_margin": 35, "left_margin": 28, "right_margin": 26}


def official_look(document) -> None:
    """Give a new python-docx ``document`` (from its default template: ``render.docx_review``'s clean
    copy, ``audit outline``'s skeleton) the official look (in place)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        for name, mm in MARGINS_MM.items():
            setattr(section, name, Mm(mm))
    defaults = document.styles.element.find(f"{_Q}docDefaults")
    rpr = defaults.find(f"{_Q}rPrDefault/{_Q}rPr")
    _fonts(rpr, BODY_FONT, 16)
    rpr.find(f"{_Q}lang").set(f"{_Q}eastAsia", "zh-CN")
    spacing = defaults.find(f"{_Q}pPrDefault/{_Q}pPr/{_Q}spacing")
    spacing.attrib.clear()
    spacing.attrib.update({f"{_Q}after": "0", f"{_Q}line": str(LINE_TWIPS), f"{_Q}lineRule": "exact"})
    for name, (font, size, centred, keep) in LOOK.items():
        style = document.styles[name]
        _plain(style.element, font, size)
        fmt = style.paragraph_format
        fmt.space_before = fmt.space_after = Pt(0)
        fmt.keep_with_next, fmt.keep_together = keep or None, None
        if centred:
            fmt.alignment, fmt.first_line_indent = WD_ALIGN_PARAGRAPH.CENTER, Pt(0)
            continue
        if name == "Normal":
            fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        fmt.first_line_indent = Pt(2 * size)   # two characters; w:firstLineChars says it in characters
        style.element.pPr.find(f"{_Q}ind").set(f"{_Q}firstLineChars", "200")
    _font_table(document)


def _plain(style, font: str, size: int) -> None:
    """The style's run properties reduced to one font, one size, black; no border, bold or italic."""
    rpr = style.get_or_add_rPr()
    for tag in ("b", "bCs", "i", "iCs", "color", "spacing", "kern"):
        for old in rpr.findall(_Q + tag):
            rpr.remove(old)
    etree.SubElement(rpr, f"{_Q}color").set(f"{_Q}val", "000000")
    _fonts(rpr, font, size)
    ppr = style.pPr
    if ppr is not None:
        for old in ppr.findall(f"{_Q}pBdr") + ppr.findall(f"{_Q}contextualSpacing"):
            ppr.remove(old)


def _fonts(rpr, font: str, size: int) -> None:
    for tag in ("rFonts", "sz", "szCs"):
        for old in rpr.findall(_Q + tag):
            rpr.remove(old)
    fonts = etree.SubElement(rpr, f"{_Q}rFonts")
    for key in ("ascii", "hAnsi", "cs"):
        fonts.set(_Q + key, LATIN_FONT)
    fonts.set(f"{_Q}eastAsia", font)
    for tag in ("sz", "szCs"):
        etree.SubElement(rpr, _Q + tag).set(f"{_Q}val", str(size * PT))
    _order(rpr)


# w:rPr children must come in the schema's order for Word to open the file
_RPR_ORDER = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
              "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing",
              "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
              "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath")


def _order(rpr) -> None:
    rank = {_Q + tag: i for i, tag in enumerate(_RPR_ORDER)}
    for child in sorted(rpr, key=lambda child: rank.get(child.tag, len(rank))):
        rpr.append(child)


def _font_table(document) -> None:
    """Declare the Chinese fonts with their fallbacks (w:altName) and the GB2312 character set."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    part = document.part.part_related_by(RT.FONT_TABLE)
    fonts = etree.fromstring(part.blob)
    for name, alternatives in FALLBACK.items():
        font = etree.SubElement(fonts, f"{_Q}font")
        font.set(f"{_Q}name", name)
        etree.SubElement(font, f"{_Q}altName").set(f"{_Q}val", alternatives)
        etree.SubElement(font, f"{_Q}charset").set(f"{_Q}val", "86")
        etree.SubElement(font, f"{_Q}family").set(f"{_Q}val", "modern" if name == "黑体" else "roman")
        etree.SubElement(font, f"{_Q}pitch").set(f"{_Q}val", "fixed")
    # python-docx keeps parts it does not model as bytes: write the changed table back
    part._blob = etree.tostring(fonts, xml_declaration=True, encoding="UTF-8", standalone=True)
