"""Web page → the report it carries (the ``html`` extra: trafilatura).

Government sites wrap a report in navigation, breadcrumbs, sidebars, share buttons and a footer
(主办单位, 备案号). trafilatura finds the main article and drops the rest; each paragraph, heading
and ``<br>``-separated line of the article becomes one line, so "一、…" headings stay on their own
lines. The page title (usually an ``<h1>`` outside the article body) is put back as the first line
when the article does not start with it, because the year, issuer and level are read from it.
"""
from __future__ import annotations

import re

from ..errors import InputError
from ..extras import missing
from ..text.lazy import lazy_compile

_BLOCKS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "table", "section", "article", "br")
_HIDDEN = "//script|//style|//noscript|//template|//nav|//header|//footer|//head"
_MIN_ARTICLE_CHARS = 50
# The publication line CMSs print above an article, e.g. "发布时间：2021-03-25 来源：区司法局 浏览次数：1024";
# two such labels on one short line mark it as page furniture rather than report text.
_META_LABEL = lazy_compile(r"(?:发布时间|发布日期|日期|来源|信息来源|作者|浏览次数|点击数|阅读次数|访问量|字号|责任编辑)\s*[:：]")


def read_html(text: str, path: str) -> str:
    """Return the main article of an HTML page as text with ``\\n`` line ends."""
    try:
        import trafilatura
    except ImportError:
        raise missing("html", "读取 .html 网页") from None
    _quiet_logging()
    page = _unframed(text)
    try:
        # No metadata: its date finder (htmldate → dateparser) takes seconds on a long page.
        document = trafilatura.bare_extraction(page, include_comments=False, include_tables=True,
                                               include_images=False, deduplicate=False, with_metadata=False)
    except Exception:   # noqa: BLE001  damaged markup must not crash the audit; fall back below
        document = None
    body, title = getattr(document, "text", None) or "", _page_title(page)
    if len(body.strip()) < _MIN_ARTICLE_CHARS:
        body = _visible_text(page)
    else:
        body = _with_title(body.strip(), title, page)
    if not body.strip() and re.search(r"<frame\b[^>]*\bsrc", text, re.IGNORECASE):
        raise InputError(path, "这是框架页（frameset），正文在框架引用的另一个网页里",
                         "请在浏览器中打开正文所在的框架页，另存为 .html 后再审查")
    lines = [line.strip() for line in body.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [line for line in lines if not (len(line) <= 120 and len(_META_LABEL.findall(line)) >= 2)]
    result = "\n".join(lines).strip("\n")
    if not result.strip():
        raise InputError(path, "网页中没有找到正文文字", "请确认这是报告的页面，或另存为 .txt")
    return result


def _unframed(page: str) -> str:
    """The page with layout tables turned into plain blocks and frame fallbacks made visible.

    Old CMSs lay a whole article out in one table cell; an extractor then reads the cell as one
    table row (everything on one line). A table is a layout table when a cell holds running text:
    more than 200 characters, or two or more paragraphs or ``<br>`` breaks. ``<noframes>`` and the
    ``srcdoc`` of an ``<iframe>`` hold the text of framed pages.
    """
    if not re.search(r"<(?:table|noframes|iframe)\b", page, re.IGNORECASE):
        return page
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.document_fromstring(page)
    except (etree.ParserError, ValueError):
        return page
    for table in list(root.iter("table")):
        own = [el for el in table.iter("thead", "tbody", "tfoot", "tr", "td", "th", "caption")
               if next(el.iterancestors("table"), None) is table]   # not the parts of a nested table
        if any(_running_text(cell) for cell in own if cell.tag in ("td", "th")):
            for element in [table, *own]:
                element.tag = "div"
    for element in list(root.iter("noframes")):   # the parser keeps its content as raw text
        inner = (element.text or "") + "".join(lxml_html.tostring(c, encoding="unicode") for c in element)
        try:
            element.getparent().replace(element, lxml_html.fragment_fromstring(inner, create_parent="div"))
        except (etree.ParserError, ValueError):
            element.tag = "div"
    for frameset in list(root.iter("frameset")):
        for frame in list(frameset.iter("frame")):
            frame.drop_tree()
        frameset.tag = "body" if root.find("body") is None else "div"
    for frame in list(root.iter("iframe")):
        if frame.get("srcdoc"):
            try:
                inner = lxml_html.fragment_fromstring(frame.get("srcdoc"), create_parent="div")
            except (etree.ParserError, ValueError):
                continue
            frame.getparent().replace(frame, inner)
    return lxml_html.tostring(root, encoding="unicode")


def _running_text(cell) -> bool:
    blocks = sum(1 for el in cell.iter("p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li") if el is not cell)
    return blocks >= 2 or len(cell.text_content()) > 200


def _page_title(page: str) -> str:
    """The page's title: the first ``<h1>``–``<h3>`` that names a report (报告), else the first
    ``<h1>``, else ``<title>`` (tags and entities removed)."""
    import html

    def texts(pattern: str) -> list[str]:
        found = re.findall(pattern, page, re.IGNORECASE | re.DOTALL)
        return [" ".join(html.unescape(re.sub(r"<[^>]+>", "", t)).split()) for t in found]

    headings = texts(r"<h[1-3]\b[^>]*>(.{0,400}?)</h[1-3]>")
    for candidates in ([t for t in headings if "报告" in t], texts(r"<h1\b[^>]*>(.{0,400}?)</h1>"),
                       texts(r"<title\b[^>]*>(.{0,400}?)</title>")):
        if candidates and candidates[0]:
            return candidates[0]
    return ""


def _with_title(body: str, title: str, page: str) -> str:
    """Prepend the page's visible title unless the article already opens with it.

    The article opens with the title when one of its first lines starts it (a title set on two
    lines counts). The title's words inside a sentence do not: a heading naming the issuer,
    "某某区司法局", above an article that opens "2020年法治政府建设年度情况报告" and then speaks of
    "某某区司法局紧紧围绕……", is the first line of a two-line title and is kept.
    """
    title = title.strip()
    if not title:
        return body
    squeezed = "".join(title.split())
    lines = [line for line in ("".join(text.split()) for text in body.split("\n")[:12]) if line]
    if any("".join(lines[i:i + 3]).startswith(squeezed) for i in range(min(5, len(lines)))):
        return body
    start = page.lower().find("<body")
    visible = page[start:] if start >= 0 else page
    # The title must be the whole text of an element in the page body (an <h1>, a title div),
    # not just a fragment of the <title> tag, which often carries the site name or a notice title.
    if re.search(r">\s*" + re.escape(title) + r"\s*<", visible):
        return f"{title}\n{body}"
    return body


def html_lines(page: str) -> list[str]:
    """The visible text of an HTML fragment, one line per block element or ``<br>`` (no empty lines)."""
    text = _visible_text(page)
    return text.split("\n") if text else []


def _visible_text(page: str) -> str:
    """All visible text with a line break at each block element (when no article is found)."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(page)
    except (etree.ParserError, ValueError):
        return ""
    for hidden in root.xpath(_HIDDEN):
        hidden.drop_tree()
    for block in root.iter(*_BLOCKS):
        block.text = "\n" + (block.text or "")
        block.tail = "\n" + (block.tail or "")
    text = root.text_content().replace("\u00a0", " ")
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def _quiet_logging() -> None:
    """trafilatura and htmldate log parsing trouble; the audit reports problems itself."""
    import logging

    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
