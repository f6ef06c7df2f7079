"""Rows: what is inside rulebooks, configuration files, waiver files and option values.

A defect is one line naming the file, exit 2, before anything is audited or written; a file that is
someone else's (a ``pyproject.toml`` without ``[tool.audit]``) never breaks a run, whatever it holds."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from .harness import RULE, Case, fifo, report, rulebook, run_case, write

LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))


def _book(term: str):
    return lambda f: ["check", report(f), "--rulebook", rulebook(f, f"'re:{term}'", extends=False)]


def _book_text(text: str):
    return lambda f: ["check", report(f), "--rulebook", write(f, "mine.yaml", text)]


def _book_rule(rule_yaml: str):
    head = "id: mine\nversion: '1'\nrules:\n"
    return lambda f: ["check", report(f), "--rulebook", write(f, "mine.yaml", head + rule_yaml)]


def _include(target: str, setup=None):
    def build(f: Path) -> list[str]:
        (f / "book").mkdir()
        if setup:
            setup(f)
        write(f, "book/mine.yaml", f"id: mine\nversion: '1'\nextends: national\ninclude: [{target}]\nrules: []\n")
        return ["check", report(f), "--rulebook", "book/mine.yaml"]
    return build


def _elsewhere(f: Path) -> None:
    write(f, "elsewhere.yaml", "rules:\n" + RULE.format(term="政务公开", part="measures"))


def _outside(f: Path) -> None:
    _elsewhere(f)
    os.symlink(f / "elsewhere.yaml", f / "book" / "frag.yaml")


RULEBOOKS = [
    Case("regex-nested-bounded-repeats", _book(r"(\S{1,99}){1,99}X"), name="mine.yaml"),
    Case("regex-many-wildcards", _book(r".*.*.*.*.*.*.*.*.*.*X"), name="mine.yaml"),
    Case("regex-repeat-beyond-the-engine", _book(r"法{99999999999}"), name="mine.yaml"),
    Case("regex-repeat-beyond-the-cap", _book(r"法{5000}"), name="mine.yaml"),
    Case("regex-thousands-of-nested-groups", _book("(" * 3000 + "法" + ")" * 3000), name="mine.yaml"),
    Case("regex-bad-escape", _book(r"法\p"), name="mine.yaml"),
    Case("regex-in-params", _book_rule(RULE.replace("type: item", "type: quality\n    check: causes").replace(
        "    match:\n      any: [{term}]\n", "    params: {{cause: ['re:(原因+)+$']}}\n").format(part="shortcomings")),
         name="mine.yaml"),
    Case("regex-in-residue-patterns", _book_rule(RULE.replace("type: item", "type: quality\n    check: artifacts")
                                                 .replace("    match:\n      any: [{term}]\n",
                                                          "    params: {{patterns: ['(a|aa)+$']}}\n")
                                                 .format(part="document")),
         name="mine.yaml"),
    Case("yaml-billion-laughs", _book_text(LAUGHS), name="mine.yaml"),
    Case("yaml-deep-nesting", _book_text("x: " + "[" * 5000 + "]" * 5000 + "\n"), name="mine.yaml"),
    Case("yaml-bad-int-tag", _book_text("id: mine\nversion: !!int abc\nrules: []\n"), name="mine.yaml"),
    Case("yaml-nan-weight", _book_rule(RULE.format(term="政务公开", part="measures").replace("severity: warning",
                                                                       "severity: warning\n    weight: .nan")),
         name="mine.yaml"),
    Case("yaml-not-utf8", _book_text("id: 我的\n".encode("gbk")), name="mine.yaml"),
    Case("yaml-impossible-date-is-text", _book_text(
        "id: mine\nversion: 2026-13-01\nextends: national\nrules:\n" + RULE.format(term="政务公开", part="measures")),
        code=(0, 1), lines=0),
    Case("include-dot-dot", _include("../elsewhere.yaml", _elsewhere), name="mine.yaml"),
    Case("include-symlink-out", _include("frag.yaml", _outside), name="mine.yaml"),
    Case("include-absolute", lambda f: _include(str(f / "elsewhere.yaml"), _elsewhere)(f), name="mine.yaml"),
    Case("include-repeated", _include(", ".join(["frag.yaml"] * 20000),
                                      lambda f: write(f, "book/frag.yaml", "rules: []\n")), name="mine.yaml"),
    Case("include-fifo", _include("frag.yaml", lambda f: fifo(f / "book", "frag.yaml")), name="mine.yaml",
         process=True),
]


@pytest.mark.parametrize("case", RULEBOOKS, ids=lambda c: c.id)
def test_rulebook(case, tmp_path):
    run_case(case, tmp_path)


def _under(folder_text: dict[str, str | bytes]):
    """The report in ``p/d/``; files (e.g. a pyproject.toml) placed above it as given."""
    def build(f: Path) -> list[str]:
        (f / "p" / "d").mkdir(parents=True)
        for name, text in folder_text.items():
            write(f, name, text)
        report(f / "p" / "d")
        return ["check", "p/d/r.txt"]
    return build


CONFIGS = [
    Case("pyproject-tool-is-a-number", _under({"p/pyproject.toml": "tool = 5\n"}), code=(0, 1), lines=0),
    Case("pyproject-deep-nesting", _under({"p/pyproject.toml": "a = " + "[" * 3000 + "]" * 3000 + "\n"}),
         code=(0, 1), lines=0),
    Case("pyproject-not-utf8", _under({"p/pyproject.toml": "名称 = 1\n".encode("gbk") + b"\xff"}),
         code=(0, 1), lines=0),
    Case("pyproject-broken-toml-of-someone-else", _under({"p/pyproject.toml": "[project\nname = 'x'\n"}),
         code=(0, 1), lines=0),
    Case("pyproject-huge", _under({"p/pyproject.toml": b"# " + b"x" * (3 * 1024 * 1024) + b"\n"}),
         code=(0, 1), lines=0),
    Case("pyproject-fifo", lambda f: (fifo(f, "pyproject.toml"), _under({})(f))[1], code=(0, 1), lines=0,
         process=True),
    Case("pyproject-broken-tool-audit", _under({"p/pyproject.toml": "[tool.audit\nyear = 2023\n"}),
         name="pyproject.toml"),
    Case("pyproject-tool-audit-not-a-table", _under({"p/pyproject.toml": "[tool]\naudit = 5\n"}),
         name="pyproject.toml"),
    Case("config-year-impossible-date", _under({"p/.audit.yaml": "year: 2026-13-01\n"}), name=".audit.yaml"),
    Case("config-fail-under-nan", _under({"p/.audit.yaml": "fail_under: .nan\n"}), name=".audit.yaml"),
    Case("config-billion-laughs", _under({"p/.audit.yaml": LAUGHS}), name=".audit.yaml"),
    Case("config-deep-nesting", _under({"p/.audit.yaml": "select: " + "[" * 2000 + "]" * 2000 + "\n"}),
         name=".audit.yaml"),
    Case("config-names-slow-rulebook", lambda f: _under({"p/.audit.yaml": "rulebook: slow.yaml\n"})(f)
         if rulebook(f / "p", r"'re:(\S{1,99}){1,99}X'", "slow.yaml", extends=False) else [], name="slow.yaml"),
]


@pytest.mark.parametrize("case", CONFIGS, ids=lambda c: c.id)
def test_config(case, tmp_path):
    run_case(case, tmp_path)


def _waivers(text: str | bytes):
    return lambda f: ["check", report(f), "--waivers", write(f, "w.yaml", text)]


ENTRY = "- check: part.order\n  reason: 示例理由\n"
WAIVERS = [
    Case("waiver-impossible-date", _waivers(ENTRY + "  expires: 2026-13-01\n"), name="w.yaml"),
    Case("waiver-impossible-timestamp-tag", _waivers(ENTRY + "  expires: !!timestamp 2026-02-30\n"), name="w.yaml"),
    Case("waiver-deep-nesting", _waivers("- " + "[" * 3000 + "]" * 3000 + "\n"), name="w.yaml"),
    Case("waiver-not-utf8", _waivers("- check: 部分\n".encode("gb18030")), name="w.yaml"),
    Case("waiver-billion-laughs", _waivers(LAUGHS), name="w.yaml"),
]


@pytest.mark.parametrize("case", WAIVERS, ids=lambda c: c.id)
def test_waivers(case, tmp_path):
    run_case(case, tmp_path)


def test_a_rulebook_title_that_looks_like_markup_lists(tmp_path):
    text = "id: mine\nversion: '1'\ntitle: '[/]标题[bold'\nextends: national\n"
    run_case(Case("markup", lambda f: ["rules", "list", "--rulebook", write(f, "t.yaml", text)], code=(0,), lines=0),
             tmp_path)


OPTIONS = [
    Case("fail-under-nan", lambda f: ["check", report(f), "--fail-under", "nan"], name="--fail-under"),
    Case("fail-under-inf", lambda f: ["check", report(f), "--fail-under", "inf"], name="--fail-under"),
    Case("select-empty-entry", lambda f: ["check", report(f), "--select", "part.order,"], name="--select"),
    Case("rulebook-empty", lambda f: ["check", report(f), "--rulebook", ""], name="--rulebook"),
    Case("waivers-empty", lambda f: ["check", report(f), "--waivers", " "], name="--waivers"),
]


@pytest.mark.parametrize("case", OPTIONS, ids=lambda c: c.id)
def test_option(case, tmp_path):
    run_case(case, tmp_path)
