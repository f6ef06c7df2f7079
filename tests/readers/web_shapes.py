"""Web-page shapes of a report: the ways government sites publish the same text.

Each public function takes the report text and returns the bytes of one HTML page.
"""
from __future__ import annotations

import html

from ..documents import government_page

_NAV = '<div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/zcwj/">政策文件</a></div>'
_INFO = "<div>发布时间：2021-03-25 来源：区司法局 浏览次数：368</div>"


def _title_and_lines(text: str) -> tuple[str, list[str]]:
    """The page title (the text's first line) and the article's lines.

    A title set on two or three short lines above a blank line ("某某局" / "2020年……报告") is one
    title on a page: a CMS keeps the title as one field and shows it whole in its heading.
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    head = [line.strip() for line in text.strip().split("\n\n")[0].split("\n")]
    if 1 < len(head) <= 3 and all(len(line) <= 40 for line in head) and head[-1].endswith("报告"):
        return "".join(head), lines[len(head):]
    return lines[0], lines[1:]


def _page(title: str, body: str, charset: str = "utf-8") -> str:
    return (f'<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
            f"<title>{html.escape(title)}</title></head><body>{body}</body></html>")


def layout_table(text: str) -> bytes:
    """An old CMS page: the title and every paragraph (``<p>``) inside the cells of one layout table."""
    title, lines = _title_and_lines(text)
    paragraphs = "".join(f"<p>\u3000\u3000{html.escape(line)}</p>" for line in lines)
    body = (f'{_NAV}<table width="900"><tr><td class="title"><h1>{html.escape(title)}</h1></td></tr>'
            f'<tr><td>{_INFO}</td></tr><tr><td class="content">{paragraphs}</td></tr></table>')
    return _page(title, body).encode("utf-8")


def br_lines_in_table_cell(text: str) -> bytes:
    """The article as one table cell whose lines are separated by ``<br>`` only."""
    title, lines = _title_and_lines(text)
    body = (f'{_NAV}<table><tr><td><b>{html.escape(title)}</b></td></tr><tr><td>'
            + "<br>\n".join(html.escape(line) for line in lines) + "</td></tr></table>")
    return _page(title, body).encode("utf-8")


def frameset_with_noframes(text: str) -> bytes:
    """A frameset page whose ``<noframes>`` carries the article for browsers without frames."""
    title, lines = _title_and_lines(text)
    article = f"<h1>{html.escape(title)}</h1>" + "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(title)}</title></head>'
            f'<frameset rows="80,*"><frame src="top.html"><frame src="main.html">'
            f"<noframes><body>{article}</body></noframes></frameset></html>").encode("utf-8")


def iframe_srcdoc(text: str) -> bytes:
    """The article embedded as the ``srcdoc`` of an ``<iframe>``."""
    title, lines = _title_and_lines(text)
    article = f"<h1>{html.escape(title)}</h1>" + "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    body = f'{_NAV}<iframe width="900" srcdoc="{html.escape(article, quote=True)}"></iframe>'
    return _page(title, body).encode("utf-8")


def wrong_meta_charset(text: str) -> bytes:
    """A UTF-8 page whose ``<meta>`` claims GB2312."""
    return government_page(text, charset="gb2312").encode("utf-8")


def unknown_meta_charset(text: str) -> bytes:
    """A GB18030 page whose ``<meta>`` names a codec that does not exist."""
    return government_page(text, charset="x-gbk-cms").encode("gb18030")


def gbk_labelled_utf8(text: str) -> bytes:
    """A GBK page whose ``<meta>`` claims UTF-8."""
    return government_page(text, charset="utf-8").encode("gbk", errors="replace")
