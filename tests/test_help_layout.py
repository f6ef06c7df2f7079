"""Help pages and ``rules list`` at any width and when piped: nothing past the width, nothing cut."""
from __future__ import annotations

import click
import pytest
from click.testing import CliRunner
from rich.cells import cell_len

from auditor.cli import main
from auditor.render.rules_doc import TSV_COLUMNS

COMMANDS = [[], ["check"], ["outline"], ["config"], ["config", "init"], ["rules"], ["rules", "list"], ["explain"],
            ["waivers", "baseline"]]


def _help(args: list[str], width: int) -> str:
    return CliRunner().invoke(main, [*args, "-h"], terminal_width=width, catch_exceptions=False).output


@pytest.mark.parametrize("width", (60, 80, 100, 160))
@pytest.mark.parametrize("args", COMMANDS)
def test_help_fits_the_width_and_options_line_up(args, width):
    text = _help(args, width)
    lines = text.splitlines()
    assert [line for line in lines if cell_len(line) > width] == [], (args, width)
    assert "..." not in text.split("命令:")[-1] if "命令:" in text else True   # short help never cut
    options = lines[lines.index("选项:") + 1:]
    options = options[:options.index("")] if "" in options else options
    # every option's help starts in the same column (display cells), a Chinese metavar included
    starts = set()
    for line in options:
        head, sep, _ = line.partition("  ")
        if line.startswith("  -") and sep:
            rest = line[len(head):]
            starts.add(cell_len(head) + len(rest) - len(rest.lstrip()))
    assert len(starts) <= 1, (args, width, starts)


def test_command_list_gives_each_first_paragraph_whole():
    text = _help([], 60)
    commands = "".join(line.strip() for line in text.split("命令:")[-1].splitlines())
    assert "或 - 表示标准输入）。" in commands and "..." not in commands


def test_rules_list_piped_is_one_full_row_per_rule(invoke, rulebook):
    out = invoke("rules", "list").output   # click's runner is not a terminal
    rows = [line.split("\t") for line in out.splitlines()]
    assert rows[0] == list(TSV_COLUMNS) and len(rows) == len(rulebook.rules) + 1
    assert all(len(row) == len(TSV_COLUMNS) for row in rows)
    by_id = {row[0]: row for row in rows[1:]}
    for rule in rulebook.rules:   # nothing shortened: the whole basis and title
        assert by_id[rule.id][-1] == " ".join(rule.basis.split())
        assert by_id[rule.id][1].startswith(" ".join(rule.title.split()))
    assert "\t" not in invoke("rules", "list", "--width", "80").output   # asking for a width asks for the table


@pytest.mark.parametrize("width", (60, 80, 100))
@pytest.mark.parametrize("rule_id", ("enforcement.three_systems", "part.plans"))
def test_explain_fits_the_width_and_loses_nothing(rule_id, width):
    import json

    from .conftest import SEEDS

    runner = CliRunner()
    args = ["explain", rule_id, str(SEEDS[1])]
    text = runner.invoke(main, args, env={"COLUMNS": str(width)}, catch_exceptions=False).output
    lines = text.splitlines()
    assert [line for line in lines if cell_len(line) > width or line != line.rstrip()] == [], width
    joined = "".join(line.strip() for line in lines)
    report = json.loads(runner.invoke(main, [*args, "-f", "json"], catch_exceptions=False).output)
    for shown in [report["rule"]["id"], *(e["text"] for e in report["evidence"])]:
        assert "".join(shown.split()) in joined


def _examples(command) -> list[str]:
    """Every option example ("-o docx:审查.docx") in the help texts of ``command``'s options."""
    from auditor.cli_help import _EXAMPLE

    texts = [p.help or "" for p in command.params]
    return [m.group() for text in texts for m in _EXAMPLE.finditer(" ".join(text.split())) if " " in m.group()]


@pytest.mark.parametrize("width", (60, 80, 100, 160))
def test_help_keeps_each_option_example_on_one_line(width):
    examples = _examples(main.commands["check"])
    assert any(":" in e and not e.isascii() for e in examples)   # a Chinese file name among them
    lines = [" ".join(line.split()) for line in _help(["check"], width).splitlines()]
    assert [e for e in examples if not any(e in line for line in lines)] == [], width


def test_old_spellings_work_but_are_not_listed(invoke, tmp_path):
    from auditor.cli_options import OldSpellings

    from .conftest import SEEDS

    with click.Context(main) as ctx:   # every command, loaded or not yet (sub-commands load lazily)
        commands = [main.get_command(ctx, name) for name in main.list_commands(ctx)]
    old = [(p, o) for c in (main, *commands) for p in getattr(c, "params", ())
           if isinstance(p, OldSpellings) for o in p.old]
    assert old
    for param, spelling in old:
        assert spelling not in _help(["check"], 160) and spelling in param.opts
    a = invoke("check", SEEDS[0], "-f", "sarif", "--root", tmp_path).output
    b = invoke("check", SEEDS[0], "-f", "sarif", "--sarif-root", tmp_path).output
    assert a == b


def test_sub_commands_load_only_when_asked_for():
    """``audit check`` loads none of the other commands' modules; ``--help`` and a mistyped name see them all."""
    import subprocess
    import sys

    probe = ("import sys\nfrom auditor.cli import main\nfrom click.testing import CliRunner\n"
             "CliRunner().invoke(main, sys.argv[1:])\n"
             "print(sorted(m for m in sys.modules if m.startswith('auditor.cli_')))")
    def loaded(*args):
        out = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, check=True).stdout
        return {name.strip("' ") for name in out.strip().strip("[]").split(",")}
    lazy = {"auditor.cli_rules", "auditor.cli_config", "auditor.cli_outline", "auditor.cli_waivers", "auditor.cli_serve"}
    assert not loaded("check", "--help") & lazy
    assert loaded("--help") >= lazy
    assert loaded("rulez") >= lazy
    assert "auditor.cli_rules" in loaded("rules", "list")
