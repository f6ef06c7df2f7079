"""The HTML report: one self-contained page, every piece of report text escaped, renders in Chromium."""
from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from auditor.render.html import render_html

from .render_helpers import FAILURE, hostile, seed_results

VOID = {"meta", "br", "img", "link", "input", "hr"}


class Tags(HTMLParser):
    """Collects start tags and checks that elements nest properly."""

    def __init__(self):
        super().__init__()
        self.tags, self.stack, self.errors = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(tag)


def parse(text: str) -> Tags:
    tags = Tags()
    tags.feed(text)
    tags.close()
    assert tags.errors == [] and tags.stack == []
    return tags


def test_report_text_is_escaped_everywhere(rulebook):
    text = render_html([hostile(seed_results()[1])], rulebook, [FAILURE])
    assert "<script" not in text.lower() and "<img" not in text.lower() and "<b>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    tags = parse(text)
    assert {t for t, _ in tags.tags} <= {"html", "head", "meta", "title", "style", "body", "main", "article", "h1",
                                          "h2", "h3", "p", "dl", "div", "dt", "dd", "span", "section", "table",
                                          "thead", "tbody", "tr", "th", "td", "ol", "ul", "li", "strong", "footer", "a", "h4",
                                          "details", "summary"}
    assert not any(name.startswith("on") for _, attrs in tags.tags for name in attrs)


def test_page_is_self_contained(rulebook):
    text = render_html(list(seed_results()), rulebook, [FAILURE])
    tags = parse(text)
    assert not any(t in ("script", "link", "img", "iframe", "object") for t, _ in tags.tags)
    assert not any(a.get(k, "").startswith(("http", "//")) for _, a in tags.tags for k in ("src", "href"))
    assert "url(" not in text and "@import" not in text
    csp = next(a["content"] for t, a in tags.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp
    assert re.search(r"font-family:[^;]*Noto Sans CJK SC[^;]*Microsoft YaHei", text)
    assert "@media print" in text


def test_parts_checklist_and_gaps_are_all_there(rulebook):
    audits = list(seed_results())
    text = render_html(audits, rulebook)
    tags = parse(text)
    assert sum(1 for t, _ in tags.tags if t == "article") == len(audits)
    assert text.count("<h2>五个组成部分") == len(audits) and text.count("<h2>检查清单") == len(audits)
    for audit in audits:
        for r in audit.results:
            assert f'<span class="id">{r.rule_id}</span>' in text
        for p in audit.parts:
            if p.heading:
                assert p.heading in text
    assert [a["href"] for t, a in tags.tags if t == "a"] == [f"#report-{n}" for n in range(1, len(audits) + 1)]


def test_findings_read_in_the_order_of_work(rulebook):
    from auditor.render.rows import GROUPS, finding_groups

    order = [key for key, _ in GROUPS]
    for audit in seed_results():
        text = render_html([audit], rulebook)
        shown = re.findall(r'<h3 class="group (\w+)">', text)
        assert shown == [g["key"] for g in finding_groups(audit)]
        assert shown == sorted(shown, key=order.index)
        findings = re.findall(r'<li class="finding">.*?<span class="id">([\w.]+)</span>', text)
        assert findings == [f["id"] for g in finding_groups(audit) for f in g["findings"]]
        assert "未见原文" not in text and "待核实" not in text


def test_waived_check_and_not_a_report_are_shown(rulebook):
    audit = seed_results()[0]
    waived = replace(audit, results=(replace(audit.results[0], status="fail", waived="另行报告"),) + audit.results[1:])
    not_report = replace(audit, is_report=False, results=(), notes=("这不是法治政府建设年度报告",))
    text = render_html([waived, not_report], rulebook)
    assert "已豁免" in text and "另行报告" in text and "非年度报告" in text


def test_output_is_deterministic(rulebook):
    assert render_html(list(seed_results()), rulebook) == render_html(list(seed_results()), rulebook)


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium); "
                                              "the structural tests above still run")
def test_renders_in_headless_chromium_without_running_report_text(rulebook, tmp_path):
    payload = '<script>document.title="PWNED"</script><img src=x onerror="document.title=\'PWNED\'">'
    audit = seed_results()[1]
    audit = replace(audit, meta=replace(audit.meta, title=payload), notes=(payload,))
    page = tmp_path / "report.html"
    page.write_text(render_html([audit, seed_results()[2]], rulebook), encoding="utf-8")
    control = tmp_path / "control.html"   # proves the check below would see a script that ran
    control.write_text(f"<!DOCTYPE html><title>x</title><body>{payload}</body>", encoding="utf-8")
    base = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path}/profile"]

    def dom(path: Path) -> str:
        return subprocess.run(base + ["--dump-dom", path.as_uri()], capture_output=True, text=True, timeout=60).stdout

    assert "<title>PWNED</title>" in dom(control)
    rendered = dom(page)
    assert "五个组成部分" in rendered and "检查清单" in rendered
    assert "<title>PWNED</title>" not in rendered and "<script" not in rendered.lower()
    shot = tmp_path / "shot.png"
    subprocess.run(base + [f"--screenshot={shot}", "--window-size=1200,1600", page.as_uri()],
                   capture_output=True, timeout=60)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
