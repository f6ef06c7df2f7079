"""The reviewer's batch outputs: JSON Lines, the Excel workbook and the dashboard; streamed JSON equals
the whole document; every output is byte-identical whatever the number of workers."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from auditor.render.json_report import render_json

from .conftest import ROOT, SEEDS
from .render_helpers import seed_results

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture
def folder(tmp_path):
    """Ten reports (the seeds twice) and one empty file, in a folder."""
    out = tmp_path / "reports"
    out.mkdir()
    for i in range(10):
        shutil.copyfile(SEEDS[i % len(SEEDS)], out / f"{i:02d}.txt")
    (out / "05b.txt").write_bytes(b"")
    return out


def _schema():
    return json.loads((resources.files("auditor.schemas") / "report.schema.json").read_text(encoding="utf-8"))


def test_jsonl_is_a_header_then_one_valid_report_per_line(invoke, folder):
    result = invoke("check", folder, "-f", "jsonl")
    lines = result.stdout.splitlines()
    header = json.loads(lines[0])
    assert set(header) == {"schema_version", "tool", "rulebook"} and header["tool"]["name"] == "auditor"
    schema = _schema()
    validator = jsonschema.Draft202012Validator({**schema["$defs"]["report"], "$defs": schema["$defs"]})
    reports = [json.loads(line) for line in lines[1:]]
    for report in reports:
        validator.validate(report)
    assert [r["path"] for r in reports] == [str(folder / f"{i:02d}.txt") for i in range(10)]
    whole = json.loads(invoke("check", folder, "-f", "json").stdout)
    assert reports == whole["reports"] and header["rulebook"] == whole["rulebook"]


def test_streamed_json_equals_the_whole_document(invoke, rulebook):
    streamed = invoke("check", *SEEDS, "-f", "json").stdout
    assert streamed == render_json(list(seed_results()), rulebook.id, rulebook.version)


def test_every_output_is_identical_across_worker_counts(invoke, folder, tmp_path):
    formats = ("json", "jsonl", "csv", "markdown", "html", "sarif", "junit", "xlsx", "dashboard")
    runs = {}
    for workers in ("1", "2"):
        out = tmp_path / f"j{workers}"
        out.mkdir()
        args = [a for fmt in formats for a in ("-o", f"{fmt}:{out / ('out.' + fmt)}")]
        result = invoke("check", folder, "-j", workers, "-f", "jsonl", *args)
        assert result.exit_code == 2   # the empty file: written all the same
        runs[workers] = {"stdout": result.stdout_bytes, **{p.name: p.read_bytes() for p in sorted(out.iterdir())}}
    assert len(runs["1"]) == 1 + len(formats)
    assert runs["1"] == runs["2"]


def _workbook(path: Path):
    openpyxl = pytest.importorskip("openpyxl")
    return openpyxl.load_workbook(path)


def test_workbook_sheets_rows_and_coverage(invoke, folder, tmp_path, rulebook):
    path = tmp_path / "审查.xlsx"
    invoke("check", folder, "-o", f"xlsx:{path}", "--summary")
    book = _workbook(path)
    assert book.sheetnames == ["汇总", "分层统计", "覆盖矩阵", "问题清单", "雷同段落", "指标说明"]
    summary = list(book["汇总"].iter_rows(values_only=True))
    assert len(summary) == 1 + 11 and summary[-1][4] == "已跳过"
    assert {row[4] for row in summary[1:-1]} <= {"通过", "未通过", "非年度报告"}
    assert book["汇总"].auto_filter.ref and book["汇总"].freeze_panes == "C2"
    assert book["汇总"].conditional_formatting
    matrix = list(book["覆盖矩阵"].iter_rows(values_only=True))
    assert matrix[0][2:] == tuple(r.title for r in rulebook.rules) and book["覆盖矩阵"].freeze_panes == "C2"
    doc = json.loads(invoke("check", folder, "-f", "json").stdout)
    marks = {"pass": "✔", "partial": "◐", "fail": "✘", "skip": "–"}
    for row, report in zip(matrix[1:], doc["reports"]):
        assert row[0] == report["path"]
        assert list(row[2:]) == [marks[c["status"]] for c in report["checks"]]
    findings = list(book["问题清单"].iter_rows(values_only=True))[1:]
    expected = [(r["path"], c["id"]) for r in doc["reports"] for c in r["checks"] if c["status"] in ("fail", "partial")]
    assert sorted((f[0], f[2]) for f in findings) == sorted(expected)


def test_workbook_prints_and_speaks_to_reviewers(invoke, folder, tmp_path):
    """Every sheet prints A4 landscape, one page wide, header row repeated; no cell names a command-line
    option (a --previous-dir that pairs nothing puts a note in every 说明 cell)."""
    path, earlier = tmp_path / "审查.xlsx", tmp_path / "earlier"
    earlier.mkdir()
    shutil.copyfile(SEEDS[0], earlier / "a.txt")
    invoke("check", folder, "--previous-dir", earlier, "-o", f"xlsx:{path}", "-f", "json")
    book = _workbook(path)
    for ws in book:
        setup = ws.page_setup
        assert (setup.orientation, int(setup.paperSize), setup.fitToWidth, setup.fitToHeight) \
            == ("landscape", 9, 1, 0), ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.print_title_rows == "$1:$1", ws.title
    cells = [v for ws in book for row in ws.iter_rows(values_only=True) for v in row if isinstance(v, str)]
    notes = [row[-1] for row in book["汇总"].iter_rows(min_row=2, values_only=True)]
    assert all(notes) and not [v for v in cells if re.search(r"--[a-z]", v)]


def test_missing_optional_extra_is_one_clear_line(invoke, folder, tmp_path, monkeypatch):
    import builtins

    real = builtins.__import__

    def no_openpyxl(name, *args, **kwargs):
        if name.startswith("openpyxl"):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_openpyxl)
    result = invoke("check", folder, "-o", f"xlsx:{tmp_path / 'a.xlsx'}", "-f", "json")
    from auditor.extras import install_hint

    assert result.exit_code == 2 and install_hint("xlsx") in result.stderr and result.stdout == ""
    assert [p.name for p in tmp_path.iterdir()] == ["reports"]   # no workbook, no temporary file


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed (apt-get install libreoffice-calc-nogui); "
                                             "the workbook's structure is still checked above")
def test_workbook_opens_in_libreoffice(invoke, tmp_path):
    path = tmp_path / "seeds.xlsx"
    invoke("check", ROOT / "seeds", "-o", f"xlsx:{path}", "--summary")
    profile = (tmp_path / "lo-profile").as_uri()
    proc = subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation={profile}", "--convert-to", "pdf",
                           "--outdir", str(tmp_path), str(path)], capture_output=True, text=True, timeout=180)
    pdf = tmp_path / "seeds.pdf"
    assert pdf.is_file(), proc.stderr
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 10_000
    with zipfile.ZipFile(path) as archive:   # deterministic: no timestamps anywhere
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def test_dashboard_is_self_contained_and_links_each_report(invoke, folder, tmp_path):
    pytest.importorskip("matplotlib")
    page, report = tmp_path / "总览.html", tmp_path / "报告.html"
    invoke("check", folder, "-o", f"dashboard:{page}", "-o", f"html:{report}", "-f", "json")
    text = page.read_text(encoding="utf-8")
    parsed = _Page()
    parsed.feed(text)
    tags = {t for t, _ in parsed.tags}
    assert "script" not in tags and "link" not in tags and "iframe" not in tags
    assert not any(a.get(k, "").startswith(("http:", "https:", "//")) for _, a in parsed.tags for k in ("src", "href"))
    assert text.count("<svg") >= 3
    body = "".join(parsed.text)
    for heading in ("覆盖情况", "最常缺失的事项", "得分：按层级和年度", "评价指标", "指标说明", "无法读取的文件"):
        assert heading in body
    hrefs = [a["href"] for t, a in parsed.tags if t == "a"]
    anchors = {f"report-{n}" for n in range(1, 12)}
    assert hrefs and all(h.split("#")[0] == "%E6%8A%A5%E5%91%8A.html" and h.split("#")[1] in anchors for h in hrefs)
    html = report.read_text(encoding="utf-8")
    assert all(f'id="{h.split("#")[1]}"' in html for h in hrefs)


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium); "
                                              "the dashboard's structure is still checked above")
def test_dashboard_renders_in_headless_chromium(invoke, tmp_path):
    pytest.importorskip("matplotlib")
    page = tmp_path / "dashboard.html"
    invoke("check", ROOT / "seeds", "-o", f"dashboard:{page}", "--summary")
    base = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run(base + ["--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=90).stdout
    assert "覆盖情况" in dom and dom.count("<svg") >= 3
    shot = tmp_path / "dashboard.png"
    subprocess.run(base + [f"--screenshot={shot}", "--window-size=1300,2400", page.as_uri()],
                   capture_output=True, timeout=90)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 50_000

