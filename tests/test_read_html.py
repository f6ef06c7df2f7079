"""Web pages: the report is found inside a real-looking government page; navigation is dropped."""
from __future__ import annotations

import sys

import pytest

from auditor import audit_file
from auditor.api import audit_source
from auditor.errors import AuditorError
from auditor.read import read_bytes
from auditor.text.markers import parse_marker
from auditor.text.normalize import fold

from .conftest import SEEDS
from .documents import government_page, seed_title, signature

pytest.importorskip("trafilatura")

# Text that exists only in the page around the article.
FURNITURE = ("主办单位", "ICP备", "公网安备", "网站标识码", "您当前的位置", "网站地图", "信息公开目录", "浏览次数",
             "打印本页", "请输入关键词", "机构概况", "SCRIPT")


@pytest.fixture(scope="module")
def baseline(rulebook):
    return {path.stem: signature(audit_file(str(path), rulebook)) for path in SEEDS}


@pytest.mark.parametrize("br", [False, True], ids=["paragraphs", "br-lines"])
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_report_inside_a_government_page_audits_like_the_txt(seed, br, rulebook, baseline):
    text = seed.read_text(encoding="utf-8")
    page = government_page(text, h1=seed_title(text), br=br)
    source = read_bytes(page.encode("utf-8"), seed.stem + ".html")
    assert source.format == "html"
    assert not [line for line in source.lines if any(word in line for word in FURNITURE)]
    headings = [fold(line) for line in text.split("\n") if line.strip() and parse_marker(fold(line))]
    extracted = {fold(line) for line in source.lines}
    assert all(heading in extracted for heading in headings)   # each heading on a line of its own
    assert signature(audit_source(source, rulebook)) == baseline[seed.stem]


def test_short_heading_continued_by_the_article_is_kept(rulebook):
    # An old CMS page: the heading cell names only the issuer, the article opens with the rest of the
    # title and names the issuer again inside a sentence, which must not count as the title being there.
    lines = ["2021年法治政府建设年度情况报告",
             "2021年，某某区市场监管局坚持依法行政，全面推进法治政府建设，现将有关情况报告如下。",
             "一、主要举措和成效", "全年办理行政许可事项1200件，按时办结率100%，开展执法检查300次。",
             "二、存在的不足和原因", "执法人员专业能力不足，培训不够系统。"]
    page = ('<html><body><div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a></div>'
            '<table width="900"><tr><td class="title"><h1>某某区市场监管局</h1></td></tr><tr><td class="content">'
            + "".join(f"<p>{line}</p>" for line in lines) + "</td></tr></table></body></html>")
    source = read_bytes(page.encode("utf-8"), "page.html")
    assert source.lines[:2] == ["某某区市场监管局", lines[0]]
    assert audit_source(source, rulebook).meta.title == "某某区市场监管局2021年法治政府建设年度情况报告"


def test_title_outside_the_article_is_kept(rulebook):
    text = SEEDS[3].read_text(encoding="utf-8")
    title = seed_title(text)
    source = read_bytes(government_page(text, h1=title).encode("utf-8"), "page.html")
    assert source.lines[0] == title
    assert audit_source(source, rulebook).meta.title == fold(title)


def test_gbk_and_big5_pages_follow_their_declared_charset(rulebook, baseline):
    opencc = pytest.importorskip("opencc")
    text = SEEDS[2].read_text(encoding="utf-8")
    simplified = government_page(text, charset="gbk").encode("gb18030")
    assert signature(audit_source(read_bytes(simplified, "a.htm"), rulebook)) == baseline[SEEDS[2].stem]
    traditional = opencc.OpenCC("s2t").convert(text)
    page = government_page(traditional, charset="big5").encode("big5", errors="xmlcharrefreplace")
    source = read_bytes(page, "b.htm")
    assert source.encoding in ("big5", "cp950")
    assert signature(audit_source(source, rulebook)) == baseline[SEEDS[2].stem]


def test_scripts_and_broken_markup_do_not_crash(rulebook):
    text = SEEDS[1].read_text(encoding="utf-8")
    body = "".join(f"<p>{line}" + ("</p>" if i % 2 else "<div>") for i, line in enumerate(text.split("\n")))
    page = ("<html><head><script>if (a < b && c > d) { document.write('<p>脚本里的三项制度</p>'); }</script>"
            "<style>p { color: red }</style></head><body><table><tr><td><b><i>" + body + "</td></span></body>"
            "<script>var unterminated = '")
    source = read_bytes(page.encode("utf-8"), "broken.html")
    assert not any("脚本" in line or "document.write" in line for line in source.lines)
    assert audit_source(source, rulebook).is_report


def test_page_without_an_article_falls_back_to_its_visible_text():
    page = "<html><body><nav>首页</nav><div>一、概况</div><div>只有一句。</div><footer>备案号</footer></body></html>"
    assert read_bytes(page.encode("utf-8"), "tiny.html").lines == ["一、概况", "只有一句。"]


def test_missing_extra_names_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    with pytest.raises(AuditorError) as err:
        read_bytes(government_page("一、标题\n正文。").encode("utf-8"), "a.html")
    from auditor.extras import install_hint

    assert install_hint("html") in str(err.value)
