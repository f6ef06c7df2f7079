"""PDF input: the same audit as the .txt, page numbers in evidence, clear refusals.

PDFs are typeset from the seeds with reportlab (a test dependency) at run time; one PDF exported by
LibreOffice is committed under ``tests/fixtures/pdf/`` with the script that made it. Tests skip only
when reportlab or pdf_oxide is not installed.
"""
from __future__ import annotations

import sys

import pytest

from auditor import audit_file
from auditor.api import audit_source
from auditor.errors import AuditorError, InputError
from auditor.read import read_bytes, read_path

from .conftest import ROOT, SEEDS
from .documents import image_only_pdf, pdf_from_text, signature

pytest.importorskip("pdf_oxide")
pytest.importorskip("reportlab")


@pytest.fixture(scope="module")
def baseline(rulebook):
    return {path.stem: signature(audit_file(str(path), rulebook)) for path in SEEDS}


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_pdf_of_a_seed_audits_like_the_txt(seed, rulebook, baseline):
    source = read_bytes(pdf_from_text(seed.read_text(encoding="utf-8"), page_numbers=True), seed.stem + ".pdf")
    assert source.format == "pdf" and len(source.pages) == len(source.lines)
    result = audit_source(source, rulebook)
    assert signature(result) == baseline[seed.stem]
    pages = [e.page for r in result.results for e in r.evidence]
    assert pages and None not in pages and max(pages) > 1   # evidence says on which page it stands
    for check in result.results:
        for evidence in check.evidence:
            assert evidence.page == source.pages[evidence.line - 1]


def test_libreoffice_export_audits_like_the_txt(rulebook, baseline):
    source = read_path(str(ROOT / "tests" / "fixtures" / "pdf" / "seed-003.libreoffice.pdf"))
    assert signature(audit_source(source, rulebook)) == baseline["003"]


def test_page_number_footers_are_not_report_text():
    text = SEEDS[0].read_text(encoding="utf-8")
    source = read_bytes(pdf_from_text(text, page_numbers=True), "a.pdf")
    assert max(source.pages) > 2
    assert not any(line.strip().startswith("- ") and line.strip().endswith(" -") for line in source.lines)
    original = {line.strip() for line in text.split("\n") if line.strip()}
    assert source.lines[0].strip() in original   # page furniture dropped, text kept as typeset


def test_scanned_pdf_is_refused(tmp_path, invoke):
    path = tmp_path / "scan.pdf"
    path.write_bytes(image_only_pdf())
    with pytest.raises(InputError):
        read_path(str(path))
    result = invoke("check", path)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "scan.pdf" in result.stderr


@pytest.mark.parametrize("kind", ["encrypted", "corrupt", "truncated"])
def test_unreadable_pdfs_are_refused(tmp_path, invoke, kind):
    good = pdf_from_text(SEEDS[3].read_text(encoding="utf-8"))
    data = {"encrypted": lambda: pdf_from_text("一、标题\n正文。", password="secret"),
            "corrupt": lambda: b"%PDF-1.7\n" + bytes(range(256)) * 40,
            "truncated": lambda: good[: len(good) // 3]}[kind]()
    path = tmp_path / f"{kind}.pdf"
    path.write_bytes(data)
    result = invoke("check", path)
    assert result.exit_code == 2, result.stdout
    assert len(result.stderr.strip().splitlines()) == 1 and path.name in result.stderr


def test_missing_extra_names_it(monkeypatch):
    data = pdf_from_text("一、标题\n正文。")
    monkeypatch.setitem(sys.modules, "pdf_oxide", None)
    with pytest.raises(AuditorError) as err:
        read_bytes(data, "a.pdf")
    from auditor.extras import install_hint

    assert install_hint("pdf") in str(err.value)


def test_fake_bold_drawn_twice_is_read_once():
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    pdf.setFont("STSong-Light", 14)
    for dx in (0, 0.4):   # the heading overprinted with a small offset
        pdf.drawString(72 + dx, 760, "一、2023年推进法治政府建设的主要举措和成效")
    pdf.setFont("STSong-Light", 12)
    pdf.drawString(72, 730, "全面落实行政执法三项制度，规范执法行为，提升执法质量和效率。")
    pdf.showPage()
    pdf.save()
    assert read_bytes(out.getvalue(), "bold.pdf").lines[0] == "一、2023年推进法治政府建设的主要举措和成效"


def test_letter_spaced_heading_wrapped_before_its_last_two_characters_is_read_whole():
    # Spaced a full em, the heading wraps leaving "安排" alone on a line: one gap, too few to tell
    # letter-spacing from a table's gap, so the tail is read as two blocks and must join without a space.
    from .readers.pdf_shapes import SIZE, typeset

    body = "全面落实行政执法三项制度，规范执法行为，提升执法质量和效率，" * 6 + "取得明显成效。"
    text = "\n".join([body, "四、一个时期推进法治政府建设的主要安排", body, body])
    assert read_bytes(typeset(text, spacing=SIZE), "spaced.pdf").lines[1] == "四、一个时期推进法治政府建设的主要安排"


def test_damaged_pdfs_never_crash():
    """Random byte damage: the reader either reads the file or refuses it with an AuditorError."""
    import random

    data = pdf_from_text(SEEDS[3].read_text(encoding="utf-8")[:1500])
    rnd = random.Random(5)
    for _ in range(30):
        damaged = bytearray(data)
        for _ in range(rnd.randint(1, 30)):
            damaged[rnd.randrange(len(damaged))] = rnd.randrange(256)
        try:
            read_bytes(bytes(damaged[: rnd.randrange(len(damaged))] if rnd.random() < 0.3 else damaged), "x.pdf")
        except AuditorError:
            pass


def test_a_panic_in_the_pdf_library_ends_in_one_line(tmp_path):
    """pdf_oxide is written in Rust: on some damaged files it panics (a BaseException) and prints the
    panic on file descriptor 2. The user still gets exactly one line."""
    import subprocess

    path = tmp_path / "damaged.pdf"
    path.write_bytes(pdf_from_text("一、标题\n正文。"))
    script = (
        "import os, sys, pdf_oxide\n"
        "class PanicException(BaseException): pass\n"
        "def panic(data):\n"
        "    os.write(2, b\"thread '<unnamed>' panicked at src/document.rs: byte index 3 is not a char boundary\\n\")\n"
        "    raise PanicException('byte index 3 is not a char boundary')\n"
        "pdf_oxide.PdfDocument.from_bytes = staticmethod(panic)\n"
        "from auditor.cli import main\n"
        "main(['check', sys.argv[1]])\n")
    run = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True)
    assert run.returncode == 2
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "damaged.pdf" in lines[0] and "panicked" not in run.stderr
