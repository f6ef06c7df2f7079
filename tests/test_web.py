"""audit serve: the upload page, POST /api/audit, limits, nothing kept, a real browser (auditor/web.py)."""
from __future__ import annotations

import base64
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from auditor.render.docx_review import AUTHOR

from .conftest import ROOT, SEEDS

pytest.importorskip("starlette")
try:
    from starlette.testclient import TestClient
except (ImportError, RuntimeError):   # it needs httpx2 (or httpx)
    pytest.skip("starlette's test client needs httpx2: pip install 'auditor[test]'", allow_module_level=True)

from auditor.web import create_app  # noqa: E402

SCHEMA = json.loads((ROOT / "auditor" / "schemas" / "report.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def client():
    return TestClient(create_app())


def upload(*paths):
    return [("file", (p.name, p.read_bytes(), "application/octet-stream")) for p in paths]


def downloads(html: str) -> dict[str, bytes]:
    return {name: base64.b64decode(data) for name, data in
            re.findall(r'download="([^"]+)" href="data:[^;]+;base64,([^"]+)"', html)}


def test_the_page_is_a_chinese_upload_form_with_nothing_from_outside(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    text = page.text
    assert '<input type="file" name="file" multiple' in text and "审查" in text and 'lang="zh-CN"' in text
    assert not re.search(r'(src|href)="(https?:)?//', text) and "<script" not in text


def test_uploading_several_drafts_shows_each_report_with_its_downloads(client):
    docx = pytest.importorskip("docx")
    response = client.post("/", files=upload(SEEDS[3], SEEDS[0]), data={"year": "", "level": ""})
    assert response.status_code == 200
    text = response.text
    assert text.count("<h2>五个组成部分") == 2 and "· 汇总" in text
    files = downloads(text)
    assert {"003-审查.docx", "003-审查.html", "003-审查.json", "000-审查.docx"} <= set(files)
    document = docx.Document(io.BytesIO(files["003-审查.docx"]))
    assert sum(1 for c in document.comments if c.author == AUTHOR) > 1
    assert json.loads(files["000-审查.json"])["reports"][0]["path"] == "000.txt"


def test_api_returns_the_json_contract(client):
    jsonschema = pytest.importorskip("jsonschema")
    response = client.post("/api/audit", files=upload(SEEDS[1]), data={"level": "government"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/json")
    document = response.json()
    jsonschema.validate(document, SCHEMA)
    assert document["reports"][0]["meta"]["level"] == "government"


@pytest.mark.parametrize("data, status", [({"year": "20x4"}, 400), ({"level": "city"}, 400),
                                          ({"rulebook": "../../etc/passwd"}, 400)])
def test_bad_form_values_get_one_clear_message(client, data, status):
    response = client.post("/api/audit", files=upload(SEEDS[1]), data=data)
    assert response.status_code == status and response.json()["error"]


def test_unreadable_upload_is_reported_on_the_page(client):
    response = client.post("/", files=[("file", ("空.txt", b"", "text/plain"))])
    assert response.status_code == 200 and "文件为空" in response.text
    api = client.post("/api/audit", files=[("file", ("空.txt", b"", "text/plain"))])
    assert api.status_code == 422 and "文件为空" in api.json()["error"]


def test_oversized_upload_is_refused_with_a_clear_message_and_nothing_is_kept(monkeypatch, tmp_path):
    spool = tmp_path / "tmp"
    spool.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool))
    small = TestClient(create_app(max_request_bytes=200_000))
    big = [("file", ("大.txt", SEEDS[0].read_bytes() * 40, "text/plain"))]
    for url in ("/", "/api/audit"):
        response = small.post(url, files=big)
        assert response.status_code == 413 and "过大" in response.text
    # a 2 MB upload is spooled by the form parser; after the response nothing of it is left
    text = SEEDS[0].read_bytes() + ("\n" + "依法行政。" * 40).encode() * 3000
    response = TestClient(create_app()).post("/api/audit", files=[("file", ("长.txt", text, "text/plain"))])
    assert response.status_code == 200
    assert list(spool.iterdir()) == []


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def server(tmp_path):
    """``audit serve`` in a subprocess on a free port; yields its address."""
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "auditor", "serve", "--port", str(port)], cwd=tmp_path,
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
    try:
        announced = proc.stderr.readline()
        url = f"http://127.0.0.1:{port}/"
        for _ in range(100):
            try:
                urllib.request.urlopen(url, timeout=2).close()
                break
            except OSError:
                time.sleep(0.1)
        yield url, announced
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_serve_prints_the_address_and_answers_on_localhost(server):
    url, announced = server
    assert url in announced
    with urllib.request.urlopen(url, timeout=5) as page:
        assert page.status == 200 and "法治政府建设年度报告审查" in page.read().decode("utf-8")


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")


@pytest.mark.skipif(CHROMIUM is None or DRIVER is None,
                    reason="Chromium or chromium-driver is not installed (apt-get install chromium chromium-driver)")
def test_a_clerk_uploads_a_draft_in_headless_chromium_and_downloads_the_comments(server, tmp_path):
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    docx = pytest.importorskip("docx")
    url, _ = server
    saved = tmp_path / "downloads"
    saved.mkdir()
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": str(saved),
                                              "download.prompt_for_download": False})
    browser = webdriver.Chrome(service=Service(DRIVER), options=options)
    try:
        browser.get(url)
        browser.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(str(SEEDS[3]))
        browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        WebDriverWait(browser, 60).until(lambda b: "五个组成部分" in b.page_source)
        rows = browser.find_elements(By.CSS_SELECTOR, "section.parts tbody tr")
        assert len(rows) == 5 and "已具备" in rows[0].text
        browser.find_element(By.CSS_SELECTOR, 'a[download$=".docx"]').click()
        target = saved / "003-审查.docx"
        WebDriverWait(browser, 30).until(lambda b: target.exists() and target.stat().st_size > 0)
    finally:
        browser.quit()
    document = docx.Document(str(Path(target)))
    assert sum(1 for c in document.comments if c.author == AUTHOR) > 1
