"""Choose the PDF library by measurement: accuracy, speed and memory of each candidate on the seeds.

For each seed, PDFs are typeset four ways: reportlab with the non-embedded CID font STSong-Light and
page-number footers (as ``bench/pdf_run.py``), the same in two columns, the same drawn rotated
under ``/Rotate 90``, and a LibreOffice export with embedded CJK fonts (every seed when LibreOffice
Writer is installed, else the committed export of seed 003). Every installed library extracts each PDF in a child process of its own (peak memory is the
child's), and is scored on

- CER: character error rate against the seed, whitespace ignored, page-number lines removed;
- headings: heading lines of the seed ("一、", "（二）", "3.") that start a line of the output;
- pages/s: pages extracted per second after import; import: seconds to import the library.

The candidates are those on the package index that extract text with positions; PyMuPDF is AGPL.
Libraries not installed are skipped. ``auditor`` is this project's reader (pdf_oxide + ``layout.py``).

    python bench/pdf_extractors.py              # prints the table and writes docs/pdf-extractors.md
"""
from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LIBRARIES = ("pdfplumber", "pypdfium2", "pypdfium2-nofonts", "pypdf", "playa-pdf", "pymupdf", "pdf_oxide", "auditor")
KINDS = ("cid", "two-columns", "rotated", "libreoffice")
_PAGE_NUMBER = re.compile(r"^\s*[-－—–]?\s*\d{1,4}\s*[-－—–]?\s*$")


def make_documents(folder: Path) -> None:
    """Write ``<kind>-<seed>.pdf`` for every kind whose tool is installed."""
    from tests.documents import docx_from_text, pdf_from_text
    from tests.readers import pdf_shapes

    soffice = shutil.which("soffice")
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        (folder / f"cid-{seed.stem}.pdf").write_bytes(pdf_from_text(text, page_numbers=True))
        (folder / f"two-columns-{seed.stem}.pdf").write_bytes(pdf_shapes.two_columns(text))
        (folder / f"rotated-{seed.stem}.pdf").write_bytes(pdf_shapes.rotated_pages(text))
        if soffice:   # needs LibreOffice Writer (libreoffice-writer-nogui) and a CJK font
            source = folder / f"libreoffice-{seed.stem}.docx"
            source.write_bytes(docx_from_text(text, "plain")[0])
            subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(source)],
                           capture_output=True)
            source.unlink()
    committed = folder / "libreoffice-003.pdf"   # the export kept in the repository, if none was made
    if not committed.exists():
        shutil.copy(ROOT / "tests" / "fixtures" / "pdf" / "seed-003.libreoffice.pdf", committed)


def extractor(name: str):
    """(import seconds, function: PDF bytes → list of page texts) for library ``name``."""
    start = time.perf_counter()
    if name == "pdfplumber":
        import io

        import pdfplumber

        def run(data):
            with pdfplumber.open(io.BytesIO(data)) as pdf:
                return [page.extract_text() or "" for page in pdf.pages]
    elif name.startswith("pypdfium2"):
        import pypdfium2

        if name.endswith("nofonts"):
            import pypdfium2.raw as raw

            _no_fonts(raw)

        def run(data):
            return [page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(data)]
    elif name == "pypdf":
        import io

        import pypdf

        def run(data):
            return [page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(data)).pages]
    elif name == "playa-pdf":
        import playa

        def run(data):
            document = playa.parse(data)   # pages hold only a weak reference to their document
            return [page.extract_text() for page in document.pages]
    elif name == "pymupdf":
        import pymupdf

        def run(data):
            return [page.get_text() for page in pymupdf.open(stream=data)]
    elif name == "pdf_oxide":
        import pdf_oxide

        pdf_oxide.disable_logging()

        def run(data):
            document = pdf_oxide.PdfDocument.from_bytes(data)
            return [document.extract_text(i) for i in range(document.page_count())]
    elif name == "auditor":
        import pdf_oxide  # noqa: F401  imported by the reader on first use; counted as import here

        from auditor.read import read_bytes

        def run(data):
            source = read_bytes(data, "x.pdf")
            pages: dict[int, list[str]] = {}
            for line, page in zip(source.lines, source.pages):
                pages.setdefault(page, []).append(line)
            return ["\n".join(lines) for _, lines in sorted(pages.items())]
    else:
        raise ValueError(name)
    return time.perf_counter() - start, run


def _no_fonts(raw) -> None:
    """An empty system-font table: pdfium then needs no glyph of a substitute font for positions."""
    info = raw.FPDF_SYSFONTINFO()
    info.version = 1
    fields = dict(info._fields_)
    for field in ("Release", "EnumFonts", "MapFont", "GetFont", "GetFontData", "GetFaceName", "GetFontCharset",
                  "DeleteFont"):
        setattr(info, field, fields[field](lambda *args: 0))
    raw.FPDF_SetSystemFontInfo(info)
    _no_fonts.keep = info


def content(text: str) -> str:
    lines = [line for line in text.split("\n") if not _PAGE_NUMBER.match(line)]
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", "\n".join(lines)))


def cer(reference: str, hypothesis: str) -> float:
    ops = difflib.SequenceMatcher(None, reference, hypothesis, autojunk=False).get_opcodes()
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in ops if tag != "equal") / max(1, len(reference))


def measure(name: str, folder: Path) -> dict:
    """Run one library over every document (in this process); scores per kind."""
    from auditor.text.markers import parse_marker
    from auditor.text.normalize import fold

    import_s, run = extractor(name)
    out: dict = {"import_s": import_s, "kinds": {}}
    for kind in KINDS:
        rates, found, total, pages, seconds = [], 0, 0, 0, 0.0
        for path in sorted(folder.glob(f"{kind}-*.pdf")):
            text = (ROOT / "seeds" / f"{path.stem[len(kind) + 1:]}.txt").read_text(encoding="utf-8")
            data = path.read_bytes()
            start = time.perf_counter()
            try:
                result = run(data)
            except Exception as exc:   # noqa: BLE001  a library that fails on a document scores 100 % error
                result = [f"{type(exc).__name__}"]
            seconds += time.perf_counter() - start
            pages += len(result)
            rates.append(cer(content(text), content("\n".join(result))))
            heads = [content(line)[:12] for line in text.split("\n") if line.strip() and parse_marker(fold(line))]
            starts = {content(line)[:12] for page in result for line in page.split("\n")}
            found += sum(1 for head in heads if head in starts)
            total += len(heads)
        if rates:
            out["kinds"][kind] = {"cer": sum(rates) / len(rates), "headings": f"{found}/{total}",
                                  "pages_per_s": pages / seconds if seconds else 0.0}
    return out


def child(name: str, folder: Path) -> dict | None:
    """``measure`` in a child process; adds its peak memory. None if the library is not installed."""
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([sys.executable, __file__, "--one", name, str(folder)], stdout=subprocess.PIPE,
                                stderr=err)
        stdout = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        return None
    res = json.loads(stdout)
    res["rss_mb"] = usage.ru_maxrss / 1024
    return res


def markdown(results: dict) -> str:
    kinds = [k for k in KINDS if any(k in r["kinds"] for r in results.values())]
    head = "| library | " + " | ".join(f"CER {k}" for k in kinds) + " | headings (all kinds) | pages/s (cid) | " \
           "import | peak memory |"
    lines = [head, "|" + "---|" * (len(kinds) + 5)]
    for name, r in results.items():
        found = sum(int(r["kinds"][k]["headings"].split("/")[0]) for k in kinds if k in r["kinds"])
        total = sum(int(r["kinds"][k]["headings"].split("/")[1]) for k in kinds if k in r["kinds"])
        cells = [f"{r['kinds'][k]['cer']:.2%}" if k in r["kinds"] else "—" for k in kinds]
        cid = r["kinds"].get("cid", {}).get("pages_per_s", 0)
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {found}/{total} | {cid:.0f} | "
                     f"{r['import_s'] * 1000:.0f} ms | {r['rss_mb']:.0f} MB |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--one", nargs=2, metavar=("LIBRARY", "FOLDER"), help=argparse.SUPPRESS)
    parser.add_argument("--write", type=Path, default=ROOT / "docs" / "pdf-extractors.md",
                        help="the page whose table to replace")
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(measure(args.one[0], Path(args.one[1]))))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_documents(folder)
        results = {}
        for name in LIBRARIES:
            res = child(name, folder)
            if res is None:
                print(f"{name}: not installed (or failed), skipped", file=sys.stderr)
                continue
            results[name] = res
    table = markdown(results)
    print(table, end="")
    template = args.write.read_text(encoding="utf-8") if args.write.exists() else ""
    start, end = "<!-- table: bench/pdf_extractors.py -->", "<!-- end of table -->"
    if start in template and end in template:
        before, rest = template.split(start, 1)
        args.write.write_text(before + start + "\n" + table + end + rest.split(end, 1)[1], encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
