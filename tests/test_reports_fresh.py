"""``reports/`` holds the generated report of every seed; it must match what the code renders today."""
from __future__ import annotations

import importlib.util

from .conftest import ROOT, SEEDS


def load_script():
    spec = importlib.util.spec_from_file_location("regenerate", ROOT / "reports" / "regenerate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_seed_has_a_terminal_a_markdown_and_an_html_report():
    names = {p.name for p in load_script().expected()}
    assert names == {f"{s.stem}{ext}" for s in SEEDS for ext in (".txt", ".md", ".html")}


def test_reports_are_fresh():
    script = load_script()
    stale = [p.relative_to(ROOT).as_posix() for p in script.stale(script.expected())]
    assert stale == [], "reports/ 已过期：运行 python reports/regenerate.py 重新生成"
