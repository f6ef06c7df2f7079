"""Build real input documents from a report's plain text: .docx (Word auto-numbering), PDF, a web page.

Test helpers only. The .docx builder writes genuine numbering definitions (numbering.xml) and
strips the typed heading markers, so the reader must reconstruct them as Word would display them.
"""
from __future__ import annotations

import html
import io
import re

from auditor.text.markers import int_to_cn, parse_marker
from auditor.text.normalize import fold

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# Word's usual list formats for the GB/T 9704 heading levels: 一、 （一） 1. （1）
LEVEL_FORMATS = (("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."), ("decimal", "（%4）"))


def numbering_xml(levels=LEVEL_FORMATS, abstract_id: int = 1, num_ids=(1,), restart_levels=True,
                  overrides: dict[int, int] | None = None) -> bytes:
    """A numbering part with one abstract list and ``num_ids`` instances pointing at it.

    ``overrides`` maps a numId to a ``startOverride`` for level 0 (Word's "restart at").
    """
    lvls = []
    for ilvl, (fmt, text) in enumerate(levels):
        restart = "" if restart_levels else "<w:lvlRestart w:val=\"0\"/>"
        lvls.append(f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{restart}'
                    f'<w:lvlText w:val="{html.escape(text)}"/><w:lvlJc w:val="left"/></w:lvl>')
    nums = []
    for num_id in num_ids:
        override = ""
        if overrides and num_id in overrides:
            override = (f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{overrides[num_id]}"/>'
                        "</w:lvlOverride>")
        nums.append(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="{W}">'
            f'<w:abstractNum w:abstractNumId="{abstract_id}"><w:multiLevelType w:val="multilevel"/>'
            + "".join(lvls) + "</w:abstractNum>" + "".join(nums) + "</w:numbering>").encode("utf-8")


def set_numbering(document, xml: bytes) -> None:
    """Replace the numbering definitions of a python-docx ``document`` with ``xml``."""
    from docx.oxml import parse_xml

    part = document.part.numbering_part
    part._element = parse_xml(xml)


def number_paragraph(paragraph, num_id: int, ilvl: int) -> None:
    """Attach ``w:numPr`` (list instance ``num_id``, level ``ilvl``) to a paragraph."""
    from docx.oxml import parse_xml

    ppr = paragraph._p.get_or_add_pPr()
    ppr.insert(0, parse_xml(f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def docx_from_text(text: str, mode: str = "numbered", table: bool = False) -> tuple[bytes, int]:
    """A .docx with one paragraph per line of ``text``; returns (bytes, headings numbered by Word).

    ``mode="numbered"``: a heading's typed marker is removed and Word auto-numbering draws it;
    a heading whose typed marker is not the one consistent numbering would show (a drafter's
    manual renumbering) keeps its typed marker, as in Word.
    ``mode="styles"``: every marker is removed and only the Heading 1–4 style remains (compare
    with ``standard_markers(text)``: Word shows no number, the reader supplies standard ones);
    ``mode="plain"``: the text as typed.
    ``table``: a two-column table is inserted after the first heading (one line per row).
    """
    import docx

    document = docx.Document()
    templates = _level_templates(text)
    if mode == "numbered":
        set_numbering(document, numbering_xml(templates))
    counters = [0, 0, 0, 0]
    converted, inserted = 0, False
    for line in text.split("\n"):
        marker = parse_marker(fold(line)) if line.strip() and mode != "plain" else None
        expected = None
        if marker is not None:
            level = marker.level - 1
            fmt, template = templates[level]
            number = counters[level] + 1
            expected = template.replace(f"%{level + 1}", int_to_cn(number) if fmt != "decimal" else str(number))
        typed = _typed_marker(line) if marker is not None else ""
        if marker is None or parse_marker(fold(typed)) is None or (mode == "numbered" and typed.strip() != expected):
            document.add_paragraph(line)
            continue
        counters[level] += 1
        counters[level + 1:] = [0] * (3 - level)
        converted += 1
        body = line.lstrip()[len(typed):].lstrip()
        if mode == "styles":
            document.add_paragraph(body, style=f"Heading {level + 1}")
        else:
            number_paragraph(document.add_paragraph(body), 1, level)
        if table and not inserted:
            grid = document.add_table(rows=2, cols=2)
            for r, row in enumerate((("指标", "数量"), ("行政复议案件", "12件"))):
                for c, value in enumerate(row):
                    grid.cell(r, c).text = value
            inserted = True
    out = io.BytesIO()
    document.save(out)
    return out.getvalue(), converted


def standard_markers(text: str) -> str:
    """``text`` with every heading marker replaced by the standard one in sequence (一、（一）1.（1））."""
    counters = [0, 0, 0, 0]
    out = []
    for line in text.split("\n"):
        marker = parse_marker(fold(line)) if line.strip() else None
        typed = _typed_marker(line) if marker is not None else ""
        if marker is None or parse_marker(fold(typed)) is None:
            out.append(line)
            continue
        level = marker.level - 1
        counters[level] += 1
        counters[level + 1:] = [0] * (3 - level)
        label = LEVEL_FORMATS[level][1].replace(f"%{level + 1}", int_to_cn(counters[level]) if level < 2
                                                else str(counters[level]))
        out.append(label + line.lstrip()[len(typed):].lstrip())
    return "\n".join(out)


def _level_templates(text: str) -> list[tuple[str, str]]:
    """Word list levels written the way this report types its markers ("1、" → ``%3、``)."""
    templates = list(LEVEL_FORMATS)
    seen = set()
    for line in text.split("\n"):
        marker = parse_marker(fold(line)) if line.strip() else None
        if marker is None or marker.level in seen:
            continue
        seen.add(marker.level)
        typed = _typed_marker(line).strip()
        if parse_marker(fold(typed)) is None:
            continue
        template = re.sub(r"[一二三四五六七八九十]+|\d+", f"%{marker.level}", typed, count=1)
        templates[marker.level - 1] = (templates[marker.level - 1][0], template)
    return templates


def _typed_marker(line: str) -> str:
    """The marker as typed at the start of ``line`` (full-width or half-width)."""
    stripped = line.lstrip()
    want = parse_marker(fold(stripped)).end
    for end in range(1, len(stripped) + 1):
        if len(fold(stripped[:end])) >= want:
            return stripped[:end]
    return stripped


def pdf_from_text(text: str, page_numbers: bool = False, password: str | None = None) -> bytes:
    """A PDF of ``text`` typeset by reportlab with its built-in CJK font (STSong-Light), A4.

    ``page_numbers``: a "- N -" footer on every page, as official documents print them.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("body", fontName="STSong-Light", fontSize=12, leading=20, wordWrap="CJK",
                           firstLineIndent=24)
    story = []
    for line in text.split("\n"):
        story.append(Paragraph(html.escape(line), style) if line.strip() else Spacer(1, 10))
    def footer(canvas, doc):
        canvas.setFont("STSong-Light", 10)
        canvas.drawCentredString(A4[0] / 2, 30, f"- {doc.page} -")

    out = io.BytesIO()
    furniture = {"onFirstPage": footer, "onLaterPages": footer} if page_numbers else {}
    SimpleDocTemplate(out, pagesize=A4, title="report", encrypt=password).build(story, **furniture)
    return out.getvalue()


def image_only_pdf() -> bytes:
    """A "scanned" page: an image and no text layer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    for y in range(100, 700, 20):   # grey bars standing in for scanned lines of text
        pdf.setFillGray(0.3)
        pdf.rect(72, y, 400, 8, fill=1, stroke=0)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def government_page(text: str, h1: str | None = None, br: bool = False, charset: str = "utf-8") -> str:
    """A realistic government web page with the report as its article.

    ``h1``: the report title shown above the article (and left out of the body);
    ``br``: the article is one block with ``<br>`` line breaks, as older CMSs publish it.
    """
    lines = [line for line in text.split("\n") if line.strip() and line.strip() != h1]
    if br:
        paragraphs = '<div class="TRS_Editor">' + "<br>\n".join(html.escape(line) for line in lines) + "</div>"
    else:
        paragraphs = "\n".join(f'<p style="text-indent:2em">{html.escape(line)}</p>' for line in lines)
    heading = f'<div class="title"><h1>{html.escape(h1)}</h1></div>' if h1 else ""
    title = "关于印发年度报告的通知"
    nav = "".join(f'<li><a href="/{i}/">{name}</a></li>' for i, name in enumerate(
        ("首页", "机构概况", "政务公开", "政务服务", "互动交流", "专题专栏", "数据发布")))
    side = "".join(f'<li><a href="/zc/{i}.html">{name}</a></li>' for i, name in enumerate(
        ("政策文件", "规划计划", "统计数据", "人事信息", "财政资金", "建议提案办理", "政府信息公开年报")))
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta http-equiv="Content-Type" content="text/html; charset={charset}"><title>{html.escape(title)}_政务公开_人民政府网站</title>
<script>var _hmt = _hmt || []; if (1 < 2 && document.cookie) {{ console.log("SCRIPT <p>统计代码</p>"); }}</script>
<style>.nav li {{ float: left; }}</style></head>
<body>
<div class="header"><div class="logo">某某区人民政府</div><div class="search"><input value="请输入关键词"></div>
<ul class="nav">{nav}</ul></div>
<div class="breadcrumb">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/fzzf/">法治政府建设</a></div>
<div class="main">
<div class="sidebar"><h3>信息公开目录</h3><ul>{side}</ul></div>
<div class="article">
{heading}
<div class="info">发布时间：2021-03-25 来源：区司法局 浏览次数：1024 字号：[大 中 小]</div>
<div class="content" id="zoom">
{paragraphs}
</div>
<div class="share">分享到：微信 微博 【打印本页】【关闭窗口】</div>
</div></div>
<div class="footer"><ul><li><a href="/about">网站地图</a></li><li><a href="/contact">联系我们</a></li></ul>
<p>主办单位：某某区人民政府办公室　承办单位：某某区政务服务数据管理局</p>
<p>京ICP备05060933号　京公网安备11010102000000号　网站标识码：1101010001</p></div>
<script src="/js/common.js"></script><script>document.write("<div>SCRIPT 广告</div>");</script>
</body></html>
"""


def signature(result) -> tuple:
    """What must not depend on the input format: report or not, part statuses, check statuses."""
    return (result.is_report, tuple((p.id, p.status) for p in result.parts),
            tuple((r.rule_id, r.status) for r in result.results))


def seed_title(text: str) -> str | None:
    """The title line a seed opens with, if it has one (for the <h1> of a web page)."""
    for line in text.split("\n")[:6]:
        stripped = line.strip()
        if stripped:
            return stripped if stripped.endswith("报告") and len(stripped) <= 80 else None
    return None
