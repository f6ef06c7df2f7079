"""The bytes choose the reader, not the extension: a web page or a text file saved under a Word or PDF
name is read as what it is (with one note), and bytes no reader reads are one error line, exit 2."""
from __future__ import annotations

import io
import json

import pytest

import auditor.read.docx as docx_reader
from auditor.errors import InputError
from auditor.read import read_bytes

from ..documents import pdf_from_text

TEXT = "一、本年度推进依法行政的主要做法\n我们修订了执法公示办法，并在网站上公开了执法结果。\n二、工作中的不足\n培训次数偏少。\n"
PAGE = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>办公系统导出</title></head><body>"
        "<h1>一、本年度推进依法行政的主要做法</h1><p>我们修订了执法公示办法，并在网站上公开了执法结果。</p>"
        "<h1>二、工作中的不足</h1><p>培训次数偏少。</p></body></html>").encode("utf-8")


def _docx(text: str) -> bytes:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in text.strip().split("\n"):
        document.add_paragraph(line)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize("data,honest,named", [
    (PAGE, "page.html", ("page.docx", "page.doc", "page.pdf", "page.wps")),
    (TEXT.encode("utf-8"), "note.txt", ("note.docx", "note.pdf", "note.doc")),
    (TEXT.encode("gb18030"), "note.txt", ("note.docx",)),
], ids=["web-page", "utf8-text", "gbk-text"])
def test_text_under_a_binary_format_name_is_read_as_what_it_is(data, honest, named):
    truth = read_bytes(data, honest)
    for name in named:
        source = read_bytes(data, name)
        assert (source.format, source.text) == (truth.format, truth.text)
        assert len(source.notes) == len(truth.notes) + 1   # one note: the extension promised another format


@pytest.mark.parametrize("make,fmt", [(_docx, "docx"), (pdf_from_text, "pdf")])
def test_a_binary_document_under_a_text_name_is_read_as_what_it_is(make, fmt):
    pytest.importorskip("pdf_oxide")
    data = make(TEXT)
    truth = read_bytes(data, f"report.{fmt}")
    source = read_bytes(data, "report.txt")
    assert (source.format, source.text) == (fmt, truth.text)
    assert len(source.notes) == len(truth.notes) + 1


def test_a_matching_extension_adds_no_note():
    assert read_bytes(TEXT.encode("utf-8"), "a.md").notes == read_bytes(TEXT.encode("utf-8"), "a.txt").notes == ()
    assert read_bytes(PAGE, "a.htm").notes == read_bytes(PAGE, "<stdin>").notes == ()


@pytest.mark.parametrize("name", ["junk.docx", "junk.pdf", "junk.doc"])
def test_bytes_that_are_no_format_are_one_error_and_never_reach_the_zip_reader(monkeypatch, name):
    junk = bytes(range(256)) * 16   # NUL bytes and controls: neither zip, PDF, OLE nor text

    def not_a_zip(*_):
        raise AssertionError("bytes without a zip signature were handed to the .docx reader")

    monkeypatch.setattr(docx_reader, "read_docx", not_a_zip)
    with pytest.raises(InputError) as err:
        read_bytes(junk, name)
    assert err.value.path == name and "\n" not in str(err.value)


def test_the_command_audits_a_page_named_docx_like_the_page(tmp_path, invoke):
    (tmp_path / "page.html").write_bytes(PAGE)
    (tmp_path / "page.docx").write_bytes(PAGE)
    (tmp_path / "junk.docx").write_bytes(bytes(range(256)) * 16)
    honest = invoke("check", tmp_path / "page.html", "-f", "json")
    renamed = invoke("check", tmp_path / "page.docx", "-f", "json")
    assert renamed.exit_code == honest.exit_code != 2 and renamed.stderr == ""
    notes = [json.loads(r.stdout)["reports"][0]["notes"] for r in (honest, renamed)]
    assert len(notes[1]) == len(notes[0]) + 1
    refused = invoke("check", tmp_path / "junk.docx")
    assert refused.exit_code == 2 and len(refused.stderr.strip().splitlines()) == 1
    assert "junk.docx" in refused.stderr
