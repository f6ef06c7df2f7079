"""A streamed batch keeps what the whole-result renderers and the reliability rules promise: the HTML
and Markdown pages (templates in the order of work) are the same bytes as ``render_html`` and
``render_markdown``; the Markdown size cap holds; an interrupted batch prints nothing and leaves no
file; a rule error still exits 2 after the outputs are written."""
from __future__ import annotations

import json

import pytest

import auditor.render.markdown
from auditor.render.html import render_html
from auditor.render.markdown import render_markdown
from auditor.render.outputs import Outputs

from .bad_inputs.harness import SEED_BYTES, rulebook as one_rule_rulebook, run_inside, write
from .bad_inputs.test_rule_errors import SLOW, TRAP
from .conftest import SEEDS
from .render_helpers import seed_results


@pytest.mark.parametrize("workers", ["1", "2"])
@pytest.mark.parametrize("fmt, render", [("html", render_html), ("markdown", render_markdown)])
def test_a_streamed_page_equals_the_whole_render(invoke, rulebook, fmt, render, workers):
    streamed = invoke("check", *SEEDS, "-f", fmt, "-j", workers).stdout
    assert streamed == render(list(seed_results()), rulebook)


def test_a_streamed_markdown_batch_too_large_gets_the_summary_only(invoke, rulebook, monkeypatch):
    monkeypatch.setattr(auditor.render.markdown, "MAX_BYTES", 20_000)
    streamed = invoke("check", *SEEDS, "-f", "markdown").stdout
    assert streamed == render_markdown(list(seed_results()), rulebook, max_bytes=20_000)
    assert len(streamed.encode("utf-8")) <= 20_000 and "###" not in streamed


def test_an_interrupted_batch_prints_nothing_and_leaves_no_file(invoke, tmp_path, monkeypatch):
    added = []

    def add(self, item):
        added.append(item)
        if len(added) == 3:   # three reports done and streamed into the outputs, then Ctrl-C
            raise KeyboardInterrupt
        original(self, item)
    original = Outputs.add
    monkeypatch.setattr(Outputs, "add", add)
    out = tmp_path / "out"
    out.mkdir()
    result = invoke("check", *SEEDS, "-f", "jsonl", "-o", f"html:{out / 'r.html'}", "-o", f"csv:{out / 'r.csv'}")
    assert result.exit_code == 130 and result.stdout == ""
    assert list(out.iterdir()) == []


def test_a_rule_error_in_a_parallel_batch_exits_2_after_the_outputs(tmp_path):
    for i in range(4):
        write(tmp_path, f"r{i}.txt", SEED_BYTES + TRAP.encode("utf-8"))
    book = one_rule_rulebook(tmp_path, SLOW, part="document")
    # Workers load the rulebook themselves, so the time limit stays the real one: the slow rule costs it.
    out = run_inside(["check", "r0.txt", "r1.txt", "r2.txt", "r3.txt", "-j", "2", "--rulebook", book,
                      "-f", "jsonl", "-o", "csv:out.csv"], tmp_path, {})
    assert out.code == 2
    lines = [json.loads(line) for line in out.stdout.splitlines()[1:]]
    assert [{c["id"]: c["status"] for c in r["checks"]}["custom.x"] for r in lines] == ["error"] * 4
    assert (tmp_path / "out.csv").read_text(encoding="utf-8").count("\n") == 5
    assert "custom.x" in out.stderr and "4 份" in out.stderr
