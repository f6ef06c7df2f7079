"""-o docx: review comments in a copy of the draft (auditor/render/docx_review.py)."""
from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile

import pytest
from lxml import etree

from auditor import audit_source, load_rulebook
from auditor.read import read_bytes
from auditor.render.docx_review import AUTHOR, render_docx_review, review_comments
from auditor.render.labels import gaps

from .conftest import SEEDS
from .documents import docx_from_text

docx = pytest.importorskip("docx")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MARKUP = (W + "commentRangeStart", W + "commentRangeEnd")


def reviewed(data: bytes, name: str):
    source = read_bytes(data, name)
    result = audit_source(source, load_rulebook())
    original = data if source.format == "docx" else None
    return result, source, render_docx_review(result, source.text, original)


def comments_by_id(out: bytes) -> dict[str, str]:
    """Comment id → its text, for the comments this tool wrote."""
    document = docx.Document(io.BytesIO(out))
    return {str(c.comment_id): c.text for c in document.comments if c.author == AUTHOR}


def anchored_paragraphs(out: bytes) -> dict[str, str]:
    """Comment id → text of the body paragraph (or table row) where its range starts."""
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(out)).read("word/document.xml"))
    found = {}
    for start in body.iter(W + "commentRangeStart"):
        block = next(a for a in start.iterancestors() if a.tag in (W + "p", W + "tr"))
        found[start.get(W + "id")] = "".join(t.text or "" for t in block.iter(W + "t"))
    return found


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_text_input_gets_a_clean_document_with_one_comment_per_gap(seed):
    result, source, out = reviewed(seed.read_bytes(), seed.name)
    texts = comments_by_id(out)
    assert len(texts) == len(gaps(result.results)) + 1
    listed = [t.rsplit("检查项：", 1)[1].strip() for t in texts.values() if "检查项：" in t]
    assert sorted(listed) == sorted(r.rule_id for r in gaps(result.results))
    assert all("依据：" in t for t in texts.values() if "检查项：" in t)
    assert any(t.startswith("审查结论：") for t in texts.values())
    again = audit_source(read_bytes(out, "审查.docx"), load_rulebook())   # the clean copy audits alike
    assert {p.id: p.status for p in again.parts} == {p.id: p.status for p in result.parts}


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_a_made_document_cites_its_own_paragraphs(seed):
    """From a text, every "第N行" of a message becomes the produced document's "第K段", and paragraph K
    of that document (as the Word reader numbers it) holds line N's text."""
    result, source, out = reviewed(seed.read_bytes(), seed.name)
    made = read_bytes(out, "审查.docx").lines
    cited = 0
    for text in comments_by_id(out).values():
        if "检查项：" not in text:
            continue
        rule = next(r for r in result.results if r.rule_id == text.rsplit("检查项：", 1)[1].strip())
        lines = [int(n) for n in re.findall(r"(?<!上年)第(\d+)(?:–\d+)?行", rule.message)]
        paragraphs = [int(n) for n in re.findall(r"(?<!上年)第(\d+)(?:–\d+)?段", text)]
        assert len(paragraphs) == len(lines) and not re.search(r"(?<!上年)第\d+(?:–\d+)?行", text), rule.rule_id
        for n, k in zip(lines, paragraphs):
            assert "".join(source.lines[n - 1].split()) in "".join(made[k - 1].split()), (rule.rule_id, n, k)
            cited += 1
    assert cited or not any(re.search(r"第\d+行", r.message) for r in gaps(result.results))


def test_comments_sit_on_their_evidence_or_part_heading_or_title():
    seed = SEEDS[0]
    data, _ = docx_from_text(seed.read_text(encoding="utf-8"), table=True)
    result, source, out = reviewed(data, "draft.docx")
    lines = source.text.split("\n")
    planned = review_comments(result)
    texts, where = comments_by_id(out), anchored_paragraphs(out)
    ids = sorted(texts, key=int)
    assert len(ids) == len(planned)
    squeeze = lambda s: "".join(s.split())   # noqa: E731
    spans = {p.id: (p.line, p.end_line) for p in result.parts if p.line}
    for cid, (line, paragraphs) in zip(ids, planned):
        assert texts[cid].split("\n")[0] == paragraphs[0]
        line = line or result.meta.title_line
        assert squeeze(lines[line - 1]).endswith(squeeze(where[cid])), (paragraphs[0], line)
        rule = next((r for r in result.results if paragraphs[-1] == f"检查项：{r.rule_id}"), None)
        if rule is not None and rule.part in spans:   # on evidence inside its own part, else on the part heading
            lo, hi = spans[rule.part]
            assert lo <= line <= hi, (rule.rule_id, line)


def test_users_document_is_unchanged_outside_the_comments():
    data, _ = docx_from_text(SEEDS[2].read_text(encoding="utf-8"), table=True)
    _, _, out = reviewed(data, "draft.docx")
    before, after = zipfile.ZipFile(io.BytesIO(data)), zipfile.ZipFile(io.BytesIO(out))
    added = set(after.namelist()) - set(before.namelist())
    assert added == {"word/comments.xml"}   # plain comments: no commentsExtended / people parts (WPS)
    for name in before.namelist():
        if name in ("[Content_Types].xml", "word/_rels/document.xml.rels", "word/document.xml"):
            continue
        assert canonical(before.read(name)) == canonical(after.read(name)), name
    body = etree.fromstring(after.read("word/document.xml"))
    for element in list(body.iter(*MARKUP)):
        element.getparent().remove(element)
    for run in [r for r in body.iter(W + "r") if r.find(W + "commentReference") is not None]:
        run.getparent().remove(run)
    assert etree.tostring(body, method="c14n") == canonical(before.read("word/document.xml"))


def test_a_made_document_has_the_plain_official_look():
    """GB/T 9704 conventions: A4; title 2号 小标宋 centred; 一、 黑体, （一） 楷体, body 仿宋 3号; black, no
    theme colours or fonts anywhere; the Chinese fonts declared with fallbacks in the font table."""
    _, _, out = reviewed(SEEDS[3].read_bytes(), "003.txt")
    document = docx.Document(io.BytesIO(out))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    styles = document.styles
    def look(name):
        rpr = styles[name].element.rPr
        return rpr.find(W + "rFonts").get(W + "eastAsia"), int(rpr.find(W + "sz").get(W + "val")) / 2
    assert look("Title")[1] == 22 and "小标宋" in look("Title")[0]
    assert styles["Title"].paragraph_format.alignment == 1
    assert look("Heading 1") == ("黑体", 16) and look("Heading 2")[0].startswith("楷体")
    assert look("Normal") == ("仿宋_GB2312", 16) and look("Heading 3")[0].startswith("仿宋")
    used = {p.style.name for p in document.paragraphs}
    assert {"Title", "Heading 1", "Heading 2"} <= used
    for name in used:
        rpr = styles[name].element.rPr
        assert rpr.find(W + "color").get(W + "val") == "000000" and rpr.find(W + "b") is None, name
        assert not [k for k in rpr.find(W + "rFonts").keys() if k.endswith("Theme")], name
        assert styles[name].element.pPr is None or styles[name].element.pPr.find(W + "pBdr") is None, name
    fonts = etree.fromstring(zipfile.ZipFile(io.BytesIO(out)).read("word/fontTable.xml"))
    alternatives = {f.get(W + "name"): f.find(W + "altName") for f in fonts.iter(W + "font")}
    assert all(alternatives.get(look(n)[0]) is not None for n in ("Title", "Normal", "Heading 1", "Heading 2"))


def canonical(xml: bytes) -> bytes:
    if not xml.lstrip().startswith(b"<"):
        return xml
    return etree.tostring(etree.fromstring(xml), method="c14n")


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed (apt-get install libreoffice-writer-nogui)")
def test_libreoffice_opens_it_and_shows_the_comments(tmp_path):
    pypdf = pytest.importorskip("pypdf")
    result, _, out = reviewed(SEEDS[3].read_bytes(), "003.txt")
    path = tmp_path / "审查.docx"
    path.write_bytes(out)
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to",
                    'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}', "--outdir",
                    str(tmp_path), str(path)], capture_output=True, timeout=180)
    pdf = pypdf.PdfReader(tmp_path / "审查.pdf")
    annots = [a.get_object() for page in pdf.pages for a in (page.get("/Annots") or [])]
    notes = [str(a["/Contents"]) for a in annots if a.get("/Contents")]
    assert sum("检查项：" in n for n in notes) == len(gaps(result.results))
    assert any(n.startswith("审查结论：") for n in notes)


def test_word_evidence_names_its_heading_path_and_paragraph():
    import re

    from auditor.render.terminal import render_terminal

    data, _ = docx_from_text(SEEDS[0].read_text(encoding="utf-8"))
    result = audit_source(read_bytes(data, "draft.docx"), load_rulebook())
    text = render_terminal(result, width=100)
    assert re.search(r"第[一二三四]部分（[一二三四五六七八九十]+）[^：\n]*（全文第\d+段）：", text)
    assert not re.search(r"第\d+行", text)   # a Word user counts paragraphs, not lines
    places = [e.place for r in result.results for e in r.evidence]
    assert all(p is None or p.startswith(("第", "开头")) for p in places) and any(places)
