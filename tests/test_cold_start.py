"""Cold start: a run imports only what its format and checks need, and the faster space test equals the
regex it replaces (measured in bench/batch.py, never timed here)."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from hypothesis import given, strategies as st

from auditor.text.han import spaces_beside_cjk

from .conftest import ROOT, SEEDS

_PROBE = ("import sys, json\nfrom auditor.cli import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
          "sys.stderr.write('MODULES ' + json.dumps(sorted(sys.modules)))\n")


@pytest.fixture(scope="module")
def cache_env(tmp_path_factory):
    """A run as a user has it: the compiled rulebook cache on (in a folder of its own) and filled."""
    env = {k: v for k, v in os.environ.items() if k != "AUDITOR_NO_CACHE"}
    env["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    subprocess.run([sys.executable, "-m", "auditor", "check", str(SEEDS[1]), "-f", "json"], cwd=ROOT, env=env,
                   capture_output=True, timeout=120)
    return env


def modules_of(env: dict, *args: str) -> set[str]:
    proc = subprocess.run([sys.executable, "-c", _PROBE, *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    return set(json.loads(proc.stderr.rsplit("MODULES ", 1)[1]))


def test_a_json_run_imports_no_terminal_reader_or_unused_check_module(cache_env):
    found = modules_of(cache_env, "check", str(SEEDS[1]), "-f", "json")
    for name in ("rich", "tempfile", "shutil", "openpyxl", "matplotlib", "concurrent.futures", "jsonschema",
                 "auditor.read.docx", "auditor.read.pdf", "auditor.read.html", "auditor.render.terminal",
                 "auditor.render.html", "auditor.render.sarif", "auditor.previous",
                 "auditor.peers", "auditor.scorecard",
                 # with the caches filled: no rulebook building, no regex compiler, no other command's module,
                 # no TOML for a pyproject.toml that cannot declare [tool.audit], no gettext lookups
                 "auditor.rulebook.build", "regex._regex_core", "auditor.cli_rules", "auditor.cli_serve",
                 "tomllib", "tomli", "locale", "pickle"):
        assert name not in found, name
    assert {"auditor.render.json_report", "auditor.checks.causes", "auditor.checks.items"} <= found


def test_the_terminal_run_imports_rich_and_previous_dir_the_pairing(cache_env, tmp_path):
    found = modules_of(cache_env, "check", str(SEEDS[1]), "--no-color")
    assert "rich" in found and "auditor.render.terminal" in found and "openpyxl" not in found
    assert "rich.console" not in found and "shutil" not in found   # plain text: rich only measures widths
    (tmp_path / "last-year.txt").write_bytes(SEEDS[0].read_bytes())
    found = modules_of(cache_env, "check", str(SEEDS[1]), "--previous-dir", str(tmp_path), "-f", "json")
    assert "auditor.previous" in found


_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_PUNCT = "\u3000-\u303f\u2014\u2018\u2019\u201c\u201d\u2026\u00b7\u300a\u300b"
_NORMALIZE = re.compile(rf"(?<=[{_HAN}{_CJK_PUNCT}])[ \t\u00a0]+|[ \t\u00a0]+(?=[{_HAN}{_CJK_PUNCT}])")
_TEXT = st.text(st.sampled_from(" \t\u00a0ab1一丁。，“”《》—…·\u3400\u4dbf\uf900\ufaff\u3000\u303f\u2fff\ua000\uff01\uffef"),
                max_size=16)


@given(_TEXT)
def test_spaces_beside_cjk_equal_the_regex(text):
    assert spaces_beside_cjk(text) == [m.span() for m in _NORMALIZE.finditer(text)]



def test_no_module_of_the_package_imports_pathlib_on_a_cached_json_run(cache_env):
    """Paths on the cold path are ``os.path`` strings: ``pathlib`` and the ``urllib.parse`` and
    ``ipaddress`` it imports cost about 4 ms (``bench/cold.py``). Checked by who imports it; in an
    editable install the import hook has loaded ``pathlib`` at start-up, so there this cannot fail
    (CI installs the package as the README does, where it can)."""
    proc = subprocess.run([sys.executable, "-X", "importtime", "-c", _PROBE, "check", str(SEEDS[1]), "-f", "json"],
                          cwd=ROOT, env=cache_env, capture_output=True, text=True, timeout=120)
    rows = [(len(name) - len(name.lstrip()), name.strip())
            for name in re.findall(r"^import time:\s+\d+ \|\s+\d+ \|(.*)$", proc.stderr, re.M)]
    importers = []
    for index, (depth, name) in enumerate(rows):
        if name == "pathlib":   # the tree is printed children first: the importer is the next shallower row
            importers.append(next((n for d, n in rows[index + 1:] if d < depth), "<top>"))
    assert not [who for who in importers if who.startswith("auditor")], importers
