"""Every input shape, made from every seed, audits exactly like the seed's plain text.

The shapes are generated at test time (``*_shapes.py``: python-docx, lxml, reportlab, OpenCC), one
function per shape. The files in ``../shared/cases/readers/`` (made from seed 003 by others) are
checked the same way when that folder is present.
"""
from __future__ import annotations

import inspect
from functools import lru_cache

import pytest

from auditor.api import audit_source
from auditor.read import read_bytes

from ..conftest import ROOT, SEEDS
from ..documents import pdf_from_text, signature
from . import docx_build, docx_package_shapes, docx_shapes, pdf_shapes, text_shapes, web_shapes

pytest.importorskip("docx")
pytest.importorskip("reportlab")
pytest.importorskip("pdf_oxide")
pytest.importorskip("opencc")
pytest.importorskip("trafilatura")

SUFFIX = {docx_shapes: ".docx", docx_package_shapes: ".docx", pdf_shapes: ".pdf", web_shapes: ".html",
          text_shapes: ".txt"}
REFUSED = {"alt_chunk_rtf"}
CASES = ROOT.parent / "shared" / "cases" / "readers"


def _shapes(module) -> list:
    return [fn for name, fn in inspect.getmembers(module, inspect.isfunction)
            if fn.__module__ == module.__name__ and not name.startswith("_") and name != "typeset"]


def plain_pdf_with_page_numbers(text: str) -> bytes:
    """The seed typeset by reportlab's page layout with "- N -" page-number footers."""
    return pdf_from_text(text, page_numbers=True)


SHAPES = {fn.__name__: (fn, SUFFIX[module]) for module in SUFFIX for fn in _shapes(module)}
SHAPES["plain_pdf_with_page_numbers"] = (plain_pdf_with_page_numbers, ".pdf")


@lru_cache(maxsize=None)
def made(shape: str, seed: str) -> bytes:
    """The shape of one seed, generated once per test session."""
    return SHAPES[shape][0]((ROOT / "seeds" / f"{seed}.txt").read_text(encoding="utf-8"))


def outcome(result) -> tuple:
    """What must not depend on the input shape: title, issuer, year, level, parts and checks."""
    meta = result.meta
    return (meta.title, meta.issuer, meta.year, meta.level), signature(result)


@pytest.fixture(scope="session")
def plain(rulebook):
    return {seed.stem: outcome(audit_source(read_bytes(seed.read_bytes(), seed.name), rulebook)) for seed in SEEDS}


def read(shape: str, seed: str):
    return read_bytes(made(shape, seed), f"{seed}{SHAPES[shape][1]}")


@pytest.mark.parametrize("seed", [s.stem for s in SEEDS])
@pytest.mark.parametrize("shape", sorted(set(SHAPES) - REFUSED))
def test_shape_audits_like_the_plain_text(shape, seed, rulebook, plain):
    assert outcome(audit_source(read(shape, seed), rulebook)) == plain[seed]


@pytest.mark.parametrize("shape,what", [("tracked_changes", "删除"), ("table_of_contents", "目录"),
                                        ("footnotes_and_margins", "脚注"), ("utf8_stray_bytes", "UTF-8"),
                                        ("utf8_truncated_last_char", "UTF-8"), ("running_headers", "页眉")])
def test_what_was_skipped_or_repaired_is_named_in_a_note(shape, what, rulebook):
    result = audit_source(read(shape, "003"), rulebook)
    assert any(what in note for note in result.notes)


def test_footnotes_and_margins_are_quoted_apart_from_the_body(rulebook):
    source = read("footnotes_and_margins", "001")
    expected = [p.text for p in docx_build.plain(SEEDS[1].read_text(encoding="utf-8")).paragraphs]
    assert source.lines == expected   # line N is still paragraph N
    note = next(n for n in source.notes if "脚注" in n)
    assert "〔脚注1〕" in note and "〔脚注3〕" in note and "〔页眉〕某某区人民政府办公室" in note and "〔页脚〕" not in note


def test_unreadable_alt_chunk_is_refused_with_one_line(tmp_path, invoke):
    path = tmp_path / "chunk.docx"
    path.write_bytes(made("alt_chunk_rtf", "003"))
    result = invoke("check", path)
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "altChunk" in lines[0] and "chunk.docx" in lines[0]


@pytest.mark.skipif(not CASES.is_dir(), reason="../shared/cases/readers is not beside the repository")
@pytest.mark.parametrize("case", sorted(p.name for p in CASES.glob("*.*") if p.suffix != ".md") if CASES.is_dir() else [])
def test_shared_reader_case_audits_like_its_seed(case, rulebook, plain):
    source = read_bytes((CASES / case).read_bytes(), case)
    assert outcome(audit_source(source, rulebook)) == plain["003"]
