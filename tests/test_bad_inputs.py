"""The bad-input matrix: whatever a drafting office throws at ``audit check``, it ends cleanly.

One test per row. A refused input ends in exactly one line on stderr that names the file, exit code 2,
no traceback, the input bytes unchanged, and no partial or temporary file where ``-o`` pointed. An odd
but readable input (a 1 MB line, 10,000 headings, a web page with scripts) is audited (exit 0 or 1)
within a time bound, with complete JSON.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import struct
import subprocess
import sys
import time
import zipfile
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.read import MAX_INPUT_BYTES

from .conftest import ROOT

SEED = ROOT / "seeds" / "001.txt"
SEED_TEXT = SEED.read_text(encoding="utf-8")


def run(*args, out_dir: Path | None = None):
    """``audit check ARGS -f json`` in-process (tracebacks raise), plus ``-o json:`` into ``out_dir``."""
    from auditor.cli import main

    extra = ["-o", f"json:{out_dir / 'report.json'}"] if out_dir is not None else []
    argv = ["check", *map(str, args), "--format", "json", *extra]
    return CliRunner().invoke(main, argv, catch_exceptions=False)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_refused(result, name: str, inputs: list[Path] = (), hashes: list[str] = (), out_dir=None):
    """Exit 2, one stderr line naming ``name`` (and saying more than the name), nothing else touched."""
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.exit_code == 2, result.stderr
    assert len(lines) == 1, lines
    assert name in lines[0] and len(lines[0]) > len(name) + 8, lines[0]
    assert "Traceback" not in result.stderr + result.stdout
    assert [digest(p) for p in inputs] == list(hashes)
    if out_dir is not None:
        assert_no_partial_output(out_dir)


def assert_no_partial_output(out_dir: Path) -> None:
    """No temporary file was left; an output file, if written, is complete JSON."""
    names = sorted(p.name for p in out_dir.iterdir())
    assert set(names) <= {"report.json"}, names
    if names:
        json.loads((out_dir / "report.json").read_text(encoding="utf-8"))


@pytest.fixture
def out_dir(tmp_path):
    path = tmp_path / "out"
    path.mkdir()
    return path


def refuse_file(tmp_path, out_dir, name: str, data: bytes):
    """Write ``data`` as ``name``, audit it, and check it was refused cleanly."""
    path = tmp_path / name
    path.write_bytes(data)
    before = digest(path)
    result = run(path, out_dir=out_dir)
    assert_refused(result, name, [path], [before], out_dir)
    return result


def audit_ok(tmp_path, out_dir, name: str, data: bytes, seconds: float):
    """Audit an odd but readable file: exit 0/1, nothing on stderr, complete JSON, input unchanged."""
    path = tmp_path / name
    path.write_bytes(data)
    before = digest(path)
    start = time.perf_counter()
    result = run(path, out_dir=out_dir)
    assert time.perf_counter() - start < seconds
    assert result.exit_code in (0, 1), result.stderr
    assert result.stderr.strip() == ""
    assert digest(path) == before
    report = json.loads(result.stdout)["reports"][0]
    assert json.loads((out_dir / "report.json").read_text(encoding="utf-8"))["reports"][0] == report
    assert_no_partial_output(out_dir)
    return report


# ── paths ────────────────────────────────────────────────────────────────────────────────────────


def test_missing_path(tmp_path, out_dir):
    assert_refused(run(tmp_path / "没有这个文件.txt", out_dir=out_dir), "没有这个文件.txt", out_dir=out_dir)


def test_directory_with_no_reports(tmp_path, out_dir):
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "notes.csv").write_text("a,b\n", encoding="utf-8")
    assert_refused(run(folder, out_dir=out_dir), "drafts", out_dir=out_dir)


# ── text that cannot be read ─────────────────────────────────────────────────────────────────────


def test_empty_file(tmp_path, out_dir):
    refuse_file(tmp_path, out_dir, "empty.txt", b"")


def test_whitespace_only(tmp_path, out_dir):
    refuse_file(tmp_path, out_dir, "blank.txt", " \n\t\r\n\u3000\n".encode("utf-8"))


def test_binary_file(tmp_path, out_dir):
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40
    refuse_file(tmp_path, out_dir, "scan.txt", png)


def test_a_few_invalid_utf8_bytes_are_replaced_and_noted(tmp_path):
    data = SEED_TEXT[:500].encode("utf-8") + b"\x80\xff\xfe\x80" + SEED_TEXT[500:].encode("utf-8")
    with pytest.raises(UnicodeDecodeError):
        data.decode("gb18030")
    path = tmp_path / "damaged.txt"
    path.write_bytes(data)
    result = run(path)
    assert result.exit_code in (0, 1), result.stderr
    line = SEED_TEXT[:500].count("\n") + 1
    notes = json.loads(result.stdout)["reports"][0]["notes"]
    assert any("UTF-8" in note and f"第 {line} 行" in note for note in notes)


def test_mostly_undecodable_utf8_is_refused(tmp_path, out_dir):
    data = b"".join(ch.encode("utf-8")[:-1] + b"\xff" for ch in SEED_TEXT[:800] if not ch.isascii())
    refuse_file(tmp_path, out_dir, "mojibake.txt", data)


@pytest.mark.parametrize("where", [200, 6000], ids=["in-first-4kb", "later"])
def test_nul_byte_in_text(tmp_path, out_dir, where):
    cut = len(SEED_TEXT[:where].encode("utf-8"))   # on a character boundary: valid UTF-8 apart from the NUL
    data = SEED_TEXT.encode("utf-8")
    refuse_file(tmp_path, out_dir, "nul.txt", data[:cut] + b"\x00" + data[cut:])


def test_one_megabyte_line_without_newline(tmp_path, out_dir):
    line = SEED_TEXT.replace("\n", "")
    data = (line * (1024 * 1024 // len(line.encode("utf-8")) + 1)).encode("utf-8")
    assert len(data) > 1024 * 1024 and b"\n" not in data
    report = audit_ok(tmp_path, out_dir, "oneline.txt", data, seconds=10)
    quotes = [e["text"] for c in report["checks"] for e in c.get("evidence", [])]
    assert all(len(q) <= 400 for q in quotes)   # evidence quotes a window, never the whole line


def test_fifty_megabyte_text_is_refused_above_the_size_limit(tmp_path, out_dir):
    assert MAX_INPUT_BYTES < 50 * 1024 * 1024
    chunk = (SEED_TEXT + "\n").encode("utf-8")
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        for _ in range(50 * 1024 * 1024 // len(chunk) + 1):
            fh.write(chunk)
    before = digest(path)
    start = time.perf_counter()
    result = run(path, out_dir=out_dir)
    assert time.perf_counter() - start < 5   # refused from the size, not after reading it all
    assert_refused(result, "huge.txt", [path], [before], out_dir)


def test_text_above_the_size_limit_on_standard_input(out_dir):
    from auditor.cli import main

    data = (SEED_TEXT + "\n").encode("utf-8") * (MAX_INPUT_BYTES // len(SEED_TEXT.encode("utf-8")) + 2)
    result = CliRunner().invoke(main, ["check", "-", "--format", "json", "-o", f"json:{out_dir / 'report.json'}"],
                                input=data, catch_exceptions=False)
    assert_refused(result, "<stdin>", out_dir=out_dir)


def test_ten_thousand_headings(tmp_path, out_dir):
    numerals = "一二三四五六七八九十"
    lines = ["某区2023年法治政府建设年度报告"]
    for i in range(10000):
        lines.append(f"{numerals[i % 10]}、推进依法行政" if i % 50 == 0 else f"（{numerals[i % 10]}）加强法治政府建设")
    report = audit_ok(tmp_path, out_dir, "headings.txt", "\n".join(lines).encode("utf-8"), seconds=10)
    assert report["path"].endswith("headings.txt")


# ── containers: .docx, PDF, HTML ─────────────────────────────────────────────────────────────────


def test_docx_that_is_a_zip_of_something_else(tmp_path, out_dir):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("photo.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 100)
        zf.writestr("readme.txt", "not a Word document")
    refuse_file(tmp_path, out_dir, "draft.docx", buf.getvalue())


@pytest.mark.parametrize("honest", [True, False], ids=["true-sizes", "lying-header"])
def test_docx_zip_bomb(tmp_path, out_dir, honest):
    head = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w='
            '"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>').encode()
    chunk = ("法治政府建设" * 200_000).encode("utf-8")            # 3.6 MB, repeated: 1 GB inflated
    tail = b"</w:t></w:r></w:p></w:body></w:document>"
    data = zip_bytes({
        "[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": RELS,
        "word/document.xml": (head, chunk, 300, tail),
    }, declare=None if honest else 64 * 1024)   # a lying header claims 64 KB
    assert len(data) < 4 * 1024 * 1024   # a few MB on disk, over 1 GB inflated
    refuse_file(tmp_path, out_dir, "bomb.docx", data)
    # Refused by a decompressed-size limit, not after inflating it: a fresh process stays small.
    peak_mb, code, stderr = peak_rss_mb([sys.executable, "-m", "auditor", "check", str(tmp_path / "bomb.docx")])
    assert code == 2 and len(stderr.strip().splitlines()) == 1
    assert peak_mb < 300, f"peak RSS {peak_mb:.0f} MB"


def peak_rss_mb(argv: list[str]) -> tuple[float, int, str]:
    """Run ``argv``: its own peak resident memory in MB, its exit code and its stderr.

    Started from a small Python rather than from pytest: Linux charges a process the peak of the memory
    it was forked from until its exec, and by the middle of the suite pytest itself holds ~300 MB."""
    probe = ("import json, os, subprocess, sys\n"
             "p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)\n"
             "err = p.stderr.read()\n"
             "_, status, usage = os.wait4(p.pid, 0)\n"
             "print(json.dumps([usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), err]))\n")
    done = subprocess.run([sys.executable, "-c", probe, *argv], cwd=ROOT, capture_output=True, text=True, check=True)
    peak, code, stderr = json.loads(done.stdout)
    return peak, code, stderr


def test_corrupt_pdf(tmp_path, out_dir):
    refuse_file(tmp_path, out_dir, "broken.pdf", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R\n" + bytes(range(256)) * 20)


def test_encrypted_pdf(tmp_path, out_dir):
    locked = refuse_file(tmp_path, out_dir, "locked.pdf", encrypted_pdf()).stderr.replace("locked.pdf", "")
    corrupt = refuse_file(tmp_path, out_dir, "broken.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 20)
    assert locked != corrupt.stderr.replace("broken.pdf", "")   # says it is encrypted, not that it is broken


def test_html_with_script_and_broken_markup(tmp_path, out_dir):
    body = "".join(f"<p>{line}" + ("</p>" if i % 3 else "") for i, line in enumerate(SEED_TEXT.splitlines()) if line)
    page = ("<!DOCTYPE html><html><head><title>法治政府建设年度报告</title>"
            "<script>var SCRIPTONLY = '三项制度 行政复议 SCRIPTONLY';</script><style>p{color:red}</style></head>"
            "<body><div class='nav'><a href='/'>首页</a><div><span><b>" + body +
            "</i></span></table><script>document.write('SCRIPTONLY')</script><p>未闭合的段落<div></body>")
    report = audit_ok(tmp_path, out_dir, "page.html", page.encode("utf-8"), seconds=20)
    assert "SCRIPTONLY" not in json.dumps(report, ensure_ascii=False)
    assert report["is_report"] is True


# ── options and outputs ──────────────────────────────────────────────────────────────────────────


def test_output_directory_does_not_exist(tmp_path):
    target = tmp_path / "missing" / "out.json"
    result = CliRunner().invoke(_main(), ["check", str(SEED), "-o", f"json:{target}"], catch_exceptions=False)
    assert_refused(result, str(target))
    assert not (tmp_path / "missing").exists()


def test_output_directory_is_not_writable(tmp_path):
    # Tests may run as root, for whom chmod'ed directories are still writable: a path *under a
    # regular file* is unwritable for everyone, which is the case this row has to cover.
    blocker = tmp_path / "report.txt"
    blocker.write_text("x", encoding="utf-8")
    target = blocker / "out.json"
    result = CliRunner().invoke(_main(), ["check", str(SEED), "-o", f"json:{target}"], catch_exceptions=False)
    assert_refused(result, str(target))
    assert blocker.read_text(encoding="utf-8") == "x"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt"]


def test_unknown_format(out_dir):
    result = CliRunner().invoke(_main(), ["check", str(SEED), "--format", "docbook", "-o",
                                          f"json:{out_dir / 'report.json'}"], catch_exceptions=False)
    assert_refused(result, "docbook", out_dir=out_dir)
    assert list(out_dir.iterdir()) == []


def _main():
    from auditor.cli import main
    return main


# ── rulebooks ────────────────────────────────────────────────────────────────────────────────────

GOOD_RULE = """\
  - id: custom.publicity
    type: item
    part: measures
    title: 政务公开
    basis: 《中华人民共和国政府信息公开条例》
    severity: warning
    match:
      any: [{term}]
"""


def rulebook(tmp_path, body: str) -> Path:
    path = tmp_path / "mine.yaml"
    path.write_text("id: mine\nversion: 1\nextends: national\nrules:\n" + body, encoding="utf-8")
    return path


def refuse_rulebook(tmp_path, out_dir, body: str):
    book = rulebook(tmp_path, body)
    before, seed_before = digest(book), digest(SEED)
    result = run(SEED, "--rulebook", book, out_dir=out_dir)
    assert_refused(result, "mine.yaml", [book, SEED], [before, seed_before], out_dir)
    assert list(out_dir.iterdir()) == []
    return result


def test_rulebook_control_case_is_accepted(tmp_path, out_dir):
    """The rulebook the rows below break is itself valid, so each refusal is about its one defect."""
    result = run(SEED, "--rulebook", rulebook(tmp_path, GOOD_RULE.format(term="政务公开")), out_dir=out_dir)
    assert result.exit_code in (0, 1), result.stderr
    assert "custom.publicity" in {c["id"] for c in json.loads(result.stdout)["reports"][0]["checks"]}


def test_rulebook_with_a_yaml_error(tmp_path, out_dir):
    refuse_rulebook(tmp_path, out_dir, GOOD_RULE.format(term="政务公开").replace("title: 政务公开", "title: [政务公开"))


def test_rulebook_with_a_schema_error(tmp_path, out_dir):
    refuse_rulebook(tmp_path, out_dir, GOOD_RULE.format(term="政务公开").replace("severity: warning", "severity: fatal"))


def test_rulebook_with_a_python_object_tag_is_refused(tmp_path, out_dir):
    marker = tmp_path / "pwned"
    body = GOOD_RULE.format(term="政务公开").replace(
        "title: 政务公开", f"title: !!python/object/apply:os.system ['touch {marker}']")
    refuse_rulebook(tmp_path, out_dir, body)
    assert not marker.exists()


def test_rulebook_with_a_regex_that_does_not_compile(tmp_path, out_dir):
    refuse_rulebook(tmp_path, out_dir, GOOD_RULE.format(term="'re:政务(公开'"))


@pytest.mark.parametrize("pattern", [r"(法治+)+政府", r"(\S+\s?)*结束", r"(法|法法)+$"],
                         ids=["nested-plus", "nested-star", "overlapping-alternatives"])
def test_rulebook_with_a_catastrophic_backtracking_regex(tmp_path, out_dir, pattern):
    start = time.perf_counter()
    refuse_rulebook(tmp_path, out_dir, GOOD_RULE.format(term=f"'re:{pattern}'"))
    assert time.perf_counter() - start < 5


# ── the real process: stderr is one line there too (no logging or warnings leak) ────────────────


@pytest.mark.parametrize("args", [["check", "nope.txt"], ["check", "seeds/001.txt", "-f", "docbook"]],
                         ids=["missing", "format"])
def test_one_line_from_the_real_command(args):
    proc = subprocess.run([sys.executable, "-m", "auditor", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr
    assert proc.stdout == ""


# ── builders ─────────────────────────────────────────────────────────────────────────────────────

CONTENT_TYPES = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/'
                 b'2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
                 b'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
                 b'"/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
                 b'document.main+xml"/></Types>')
RELS = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/officeDocument" Target="word/document.xml"/></Relationships>')


def zip_bytes(entries: dict, declare: int | None = None) -> bytes:
    """A deflated zip; an entry given as (head, chunk, count, tail) inflates to head + chunk×count + tail.

    The repeated chunk is deflated once after a full flush (which resets the compressor's history), so
    its compressed bytes can be repeated: a 1 GB entry costs a few megabytes and no gigabyte of work.
    The sizes and CRC in the headers are the true ones, as any zip tool would write them, unless
    ``declare`` gives a false uncompressed size for repeated entries.
    """
    out, central = io.BytesIO(), []
    for name, content in entries.items():
        head, chunk, count, tail = content if isinstance(content, tuple) else (content, b"", 0, b"")
        parts = [_deflate(head, zlib.Z_FULL_FLUSH), _deflate(chunk, zlib.Z_FULL_FLUSH) * count,
                 _deflate(tail, zlib.Z_FINISH)]
        body = b"".join(parts)
        crc = zlib.crc32(head)
        for _ in range(count):
            crc = zlib.crc32(chunk, crc)
        crc = zlib.crc32(tail, crc)
        size = len(head) + len(chunk) * count + len(tail)
        if count and declare is not None:
            size = declare
        encoded, offset = name.encode(), out.tell()
        out.write(struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(body), size,
                              len(encoded), 0) + encoded + body)
        central.append(struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, crc, len(body),
                                   size, len(encoded), 0, 0, 0, 0, 0, offset) + encoded)
    start = out.tell()
    out.write(b"".join(central))
    out.write(struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(central), len(central), out.tell() - start,
                          start, 0))
    return out.getvalue()


def _deflate(data: bytes, mode: int) -> bytes:
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    return comp.compress(data) + comp.flush(mode)


def encrypted_pdf() -> bytes:
    """A one-page PDF protected by an (unknown) user password: standard security handler, RC4 40-bit."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length 8 >>\nstream\n\x8f\x12\xa7\x33\x01\xfe\x5c\x20\nendstream",
        b"<< /Filter /Standard /V 1 /R 2 /O <" + b"7a" * 32 + b"> /U <" + b"3c" * 32 + b"> /P -44 >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += (b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 5 0 R /ID [<" % (len(objects) + 1) + b"11" * 16 +
            b"> <" + b"11" * 16 + b">] >>\nstartxref\n%d\n%%%%EOF\n" % xref)
    return out
