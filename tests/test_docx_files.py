"""What every Word file the tool writes shares (auditor/render/docx_package.py, docx_style.py): the official
look, the tool as author and no times — same input, same bytes; a title read over two lines stays one title."""
from __future__ import annotations

import io
import time
import zipfile

import pytest
from lxml import etree

from auditor import audit_source, load_rulebook
from auditor.read import read_bytes
from auditor.render.docx_package import AUTHOR
from auditor.render.docx_review import render_docx_review
from auditor.render.skeleton_docx import render_skeleton_docx
from auditor.skeleton import outline

from .conftest import SEEDS
from .documents import docx_from_text

docx = pytest.importorskip("docx")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OPENING = "2023年，我局坚持依法行政，全面推进法治政府建设各项工作，现将有关情况报告如下："


def review(data: bytes, name: str) -> bytes:
    source = read_bytes(data, name)
    result = audit_source(source, load_rulebook())
    return render_docx_review(result, source.text, data if source.format == "docx" else None)


def skeleton() -> bytes:
    return render_skeleton_docx(outline(load_rulebook(), 2023, "department", "某某县司法局"))


MADE = {"review of a text": lambda: review(SEEDS[0].read_bytes(), "draft.txt"), "outline": skeleton}


@pytest.mark.parametrize("make", MADE.values(), ids=MADE.keys())
def test_a_made_document_names_the_tool_and_the_title_and_no_time(make):
    out = make()
    document = docx.Document(io.BytesIO(out))
    props = document.core_properties
    assert props.author == props.last_modified_by == AUTHOR
    assert props.title and props.title == document.paragraphs[0].text.replace("\n", "")
    assert (props.comments, props.created, props.modified, props.last_printed) == ("", None, None, None)
    assert b"python-docx" not in zipfile.ZipFile(io.BytesIO(out)).read("docProps/core.xml")
    comments = list(document.comments)
    assert comments and all(c.timestamp is None for c in comments)


@pytest.mark.parametrize("make", [*MADE.values(), lambda: review(docx_from_text(SEEDS[1].read_text("utf-8"))[0], "d.docx")],
                         ids=[*MADE.keys(), "review of a docx"])
def test_same_input_gives_the_same_bytes_at_another_time(make, monkeypatch):
    first = make()
    later = time.time() + 86400 * 400
    monkeypatch.setattr(time, "time", lambda: later)   # what zipfile stamps its entries with
    assert make() == first
    assert {i.date_time for i in zipfile.ZipFile(io.BytesIO(first)).infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_a_users_document_keeps_its_own_properties():
    data, _ = docx_from_text(SEEDS[1].read_text("utf-8"))
    original = docx.Document(io.BytesIO(data))
    original.core_properties.author, original.core_properties.title = "起草科", "草稿"
    buffer = io.BytesIO()
    original.save(buffer)
    data = buffer.getvalue()
    out = review(data, "draft.docx")
    core = [zipfile.ZipFile(io.BytesIO(d)).read("docProps/core.xml") for d in (data, out)]
    assert core[0] == core[1]


def test_the_outline_has_the_look_of_a_made_review():
    made, plan = (zipfile.ZipFile(io.BytesIO(d)) for d in (MADE["review of a text"](), skeleton()))
    for name in ("word/styles.xml", "word/fontTable.xml"):
        assert canonical(made.read(name)) == canonical(plan.read(name)), name
    section = [etree.fromstring(z.read("word/document.xml")).find(f"{W}body/{W}sectPr") for z in (made, plan)]
    assert canonical(etree.tostring(section[0])) == canonical(etree.tostring(section[1]))
    styles = [p.style.name for p in docx.Document(io.BytesIO(skeleton())).paragraphs]
    assert styles[0] == "Title" and styles.count("Heading 1") == 5


@pytest.mark.parametrize("issuer_above", [True, False])
def test_a_title_read_over_two_lines_is_one_title_paragraph(issuer_above):
    title = "2023年法治政府建设年度情况报告"
    head = ["某某县司法局", title] if issuer_above else [title, "某某县司法局"]
    text = "\n".join([*head, "", OPENING, "一、2023年推进法治政府建设的主要举措和成效", "我局全年办理行政复议案件十二件。"])
    source = read_bytes(text.encode("utf-8"), "draft.txt")
    result = audit_source(source, load_rulebook())
    assert result.meta.title == ("某某县司法局" + title if issuer_above else title)
    paragraphs = docx.Document(io.BytesIO(render_docx_review(result, source.text))).paragraphs
    titles = [p.text for p in paragraphs if p.style.name == "Title"]
    if issuer_above:
        assert titles == ["某某县司法局\n" + title]       # one paragraph, the issuer on its own line
        assert paragraphs[1].text == OPENING
    else:
        assert titles == [title] and paragraphs[1].text == "某某县司法局"


def canonical(xml: bytes) -> bytes:
    return etree.tostring(etree.fromstring(xml), method="c14n")
