"""Rows: what ``audit check`` is given to read (reports, --previous, waivers, configs, rulebooks) and where
it is told to write (``-o``). Readers must refuse anything but a regular file within the size limit,
before blocking or reading without end; writers must refuse, before writing anything, an output that
is an input under any spelling, is not a regular file, or is named twice."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from .harness import Case, fifo, report, run_case, sparse, unix_socket, write

OUT = "-f", "json"


def _symlink(folder: Path, name: str, target: str) -> str:
    os.symlink(target, folder / name)
    return name


def _hardlink(folder: Path, name: str, target: str) -> str:
    os.link(folder / target, folder / name)
    return name


def _loop(folder: Path) -> list[str]:
    _symlink(folder, "l1.txt", "l2.txt")
    _symlink(folder, "l2.txt", "l1.txt")
    return ["check", "l1.txt"]


def _dir_with(folder: Path, bad) -> list[str]:
    (folder / "d").mkdir()
    report(folder / "d", "good.txt")
    bad(folder / "d")
    return ["check", "d", *OUT]


def _walk_loop(d: Path) -> None:
    (d / "sub").mkdir()
    os.symlink("..", d / "sub" / "up")   # a folder loop: os.walk must not follow it


def _config_naming(folder: Path, text: str) -> list[str]:
    report(folder)
    write(folder, ".audit.yaml", text)
    return ["check", "r.txt"]


READING = [
    Case("report-missing", lambda f: ["check", "没有这个文件.txt"], name="没有这个文件.txt"),
    Case("report-fifo", lambda f: ["check", fifo(f, "f.txt")], name="f.txt", process=True),
    Case("report-dev-zero", lambda f: ["check", "/dev/zero"], name="/dev/zero", process=True),
    Case("report-dev-null", lambda f: ["check", "/dev/null"], name="/dev/null"),
    Case("report-socket", lambda f: ["check", unix_socket(f, "s.txt")], name="s.txt", process=True),
    Case("report-directory-without-reports", lambda f: ["check", str((f / "empty").mkdir() or "empty")],
         name="empty"),
    Case("report-symlink-loop", _loop, name="l1.txt"),
    Case("report-dangling-symlink", lambda f: ["check", _symlink(f, "gone.txt", "nowhere.txt")], name="gone.txt"),
    Case("report-under-a-file", lambda f: ["check", report(f) + "/x.txt"], name="r.txt/x.txt"),
    Case("report-name-too-long", lambda f: ["check", "长" * 300 + ".txt"], name="长长长"),
    Case("report-over-the-limit-sparse", lambda f: ["check", sparse(f, "big.txt", 11)], name="big.txt"),
    Case("stdin-closed", lambda f: ["check - <&-"], name="<stdin>", process=True, shell=True),
    Case("stdin-endless", lambda f: ["check - < /dev/zero"], name="<stdin>", process=True, shell=True),
    Case("name-with-newline", lambda f: ["check", "第一行\n第二行.txt"], name="第一行\\n第二行.txt"),
    Case("name-with-escape-code", lambda f: ["check", "\x1b[31m红.txt"], name="\\x1b[31m红.txt"),
    Case("batch-fifo-among-reports", lambda f: _dir_with(f, lambda d: fifo(d, "pipe.txt")),
         name="pipe.txt", process=True),
    Case("names-that-look-like-markup", lambda f: ["check", report(f, "a[bold]b.txt"), "[/]没有.txt", "--summary"],
         name="[/]没有.txt"),
    Case("batch-folder-symlink-loop", lambda f: _dir_with(f, _walk_loop), code=(0, 1), lines=0),
    Case("previous-missing", lambda f: ["check", report(f), "--previous", "去年.txt"], name="去年.txt"),
    Case("previous-fifo", lambda f: ["check", report(f), "--previous", fifo(f, "p.txt")], name="p.txt",
         process=True),
    Case("previous-dev-zero", lambda f: ["check", report(f), "--previous", "/dev/zero"], name="/dev/zero",
         process=True),
    Case("previous-over-the-limit", lambda f: ["check", report(f), "--previous", sparse(f, "p.txt", 11)],
         name="p.txt"),
    Case("waivers-fifo", lambda f: ["check", report(f), "--waivers", fifo(f, "w.yaml")], name="w.yaml",
         process=True),
    Case("waivers-dev-zero", lambda f: ["check", report(f), "--waivers", "/dev/zero"], name="/dev/zero",
         process=True),
    Case("waivers-over-the-limit", lambda f: ["check", report(f), "--waivers", sparse(f, "w.yaml", 3)],
         name="w.yaml"),
    Case("config-fifo", lambda f: ["check", report(f), "--config", fifo(f, "c.yaml")], name="c.yaml",
         process=True),
    Case("config-discovered-fifo", lambda f: (fifo(f, ".audit.yaml"), ["check", report(f)])[1],
         name=".audit.yaml", process=True),
    Case("config-naming-dev-zero-waivers", lambda f: _config_naming(f, "waivers: /dev/zero\n"),
         name=".audit.yaml"),
    Case("rulebook-fifo", lambda f: ["check", report(f), "--rulebook", fifo(f, "rb.yaml")], name="rb.yaml",
         process=True),
    Case("rulebook-dev-zero", lambda f: ["check", report(f), "--rulebook", "/dev/zero"], name="/dev/zero",
         process=True),
    Case("rulebook-over-the-limit", lambda f: ["check", report(f), "--rulebook", sparse(f, "rb.yaml", 3)],
         name="rb.yaml"),
]


@pytest.mark.parametrize("case", READING, ids=lambda c: c.id)
def test_reading(case, tmp_path):
    run_case(case, tmp_path)


def _outputs(folder: Path, *targets: str, extra: tuple[str, ...] = ()) -> list[str]:
    report(folder)
    argv = ["check", "r.txt", *extra]
    for target in targets:
        argv += ["-o", f"json:{target}"]
    return argv


def _second_input(folder: Path) -> list[str]:
    report(folder, "a.txt")
    report(folder, "b.txt")
    return ["check", "a.txt", "b.txt", "-o", "json:b.txt"]


def _discovered_config(folder: Path) -> list[str]:
    write(folder, ".audit.yaml", "fail_level: error\n")
    return _outputs(folder, ".audit.yaml")


WRITING = [
    Case("output-is-the-report", lambda f: _outputs(f, "r.txt"), name="r.txt"),
    Case("output-is-the-report-spelt-otherwise", lambda f: _outputs(f, "./sub/../r.txt", extra=())
         if (f / "sub").mkdir() is None else [], name="r.txt"),
    Case("output-is-a-symlink-to-the-report", lambda f: _outputs(f, _symlink(f, "link.json", "r.txt")),
         name="link.json"),
    Case("output-is-a-hard-link-to-the-report", lambda f: _outputs(f, _hardlink(f, "hard.json", report(f))),
         name="hard.json"),
    Case("output-is-another-input-of-the-batch", _second_input, name="b.txt"),
    Case("output-is-previous", lambda f: _outputs(f, "p.txt", extra=("--previous", report(f, "p.txt"))),
         name="p.txt"),
    Case("output-is-waivers", lambda f: _outputs(f, write(f, "w.yaml", "[]\n"), extra=("--waivers", "w.yaml")),
         name="w.yaml"),
    Case("output-is-config", lambda f: _outputs(f, write(f, "c.yaml", "{}\n"), extra=("--config", "c.yaml")),
         name="c.yaml"),
    Case("output-is-the-discovered-config", _discovered_config, name=".audit.yaml"),
    Case("output-is-the-rulebook", lambda f: _outputs(f, "mine.yaml", extra=("--rulebook", _rb(f))),
         name="mine.yaml"),
    Case("output-is-a-directory", lambda f: _outputs(f, str((f / "outdir").mkdir() or "outdir")), name="outdir"),
    Case("output-is-dev-null", lambda f: _outputs(f, "/dev/null"), name="/dev/null"),
    Case("output-is-a-fifo", lambda f: _outputs(f, fifo(f, "o.json")), name="o.json", process=True),
    Case("output-twice-same-file", lambda f: _outputs(f, "x.json", "./x.json"), name="x.json"),
    Case("output-second-in-missing-folder", lambda f: _outputs(f, "ok.json", "missing/x.json"),
         name="missing/x.json"),
    Case("output-is-stdout-dash", lambda f: _outputs(f, "-"), name="-"),
    Case("output-named-with-undecodable-bytes", lambda f: _outputs(f, "结果\udcff.json"), code=(0, 1), lines=0,
         writes=("结果\\xff.json",)),
]


def _rb(folder: Path) -> str:
    from .harness import rulebook

    return rulebook(folder)


@pytest.mark.parametrize("case", WRITING, ids=lambda c: c.id)
def test_writing(case, tmp_path):
    run_case(case, tmp_path)


def test_output_with_undecodable_name_is_complete_json(tmp_path):
    run_case(WRITING[-1], tmp_path)
    written = tmp_path / os.fsdecode(b"\xe7\xbb\x93\xe6\x9e\x9c\xff.json")
    assert json.loads(written.read_text(encoding="utf-8"))["reports"][0]["path"] == "r.txt"
