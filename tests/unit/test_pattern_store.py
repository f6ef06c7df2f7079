"""Rulebook patterns built from their compiled form by ``regex``'s engine alone (``regex_engine.engine``):
from the per-user store ``PROGRAMS`` or from a pattern's own pickled form, with the same spans as
compiling, without importing ``regex``'s compiler, and still bounded in time; anything unexpected in
the store is ignored and the pattern compiled."""
from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from auditor.rulebook import pattern, regex_engine
from auditor.usercache import Store, read_entry, write_entry

from ..conftest import ROOT

SOURCE = r"(?:研究|听取)[^。]{0,20}法治"
TEXT = "党委常委会研究法治政府建设。政府常务会议听取依法行政和法治工作汇报。研究经费。"
OTHER = r"(\d{4})年度?"
OTHER_TEXT = "2023年和2024年度的报告"
SLOW = r"(.*?,){11}P"                          # backtracks without end on TRAP, whose "P" it can never reach
TRAP = "数据," * 300 + "\n附件P\n"


def regex_spans(source: str, text: str) -> list[list[int]]:
    import regex

    return [list(m.span()) for m in regex.finditer(source, text) if m.end() > m.start()]


# --- across processes: written at exit, read back by the engine alone ---------------------------------

_SEARCH = """
import json, sys
from auditor.rulebook.pattern import compile_pattern
out = []
for source, text in json.loads(sys.argv[1]):
    spans = compile_pattern(source, eager=False).spans(text, 100)
    out.append({"spans": [list(s) for s in spans],
                "regex": sorted(m for m in sys.modules if m == "regex" or m.startswith("regex."))})
print(json.dumps(out))
"""


def cache_env(home, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "AUDITOR_NO_CACHE"}
    return {**env, "XDG_CACHE_HOME": str(home), **extra}


def python(code: str, *args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)


def search(env: dict, *pairs: tuple[str, str]) -> list[dict]:
    proc = python(_SEARCH, json.dumps(pairs), env=env)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def stored(home) -> dict:
    """The entries of the one store file under ``home`` (as a process of this interpreter reads them)."""
    files = list((home / "auditor" / "patterns").glob("*.pickle"))
    assert len(files) == 1, files
    return read_entry(files[0], files[0].stem)


def test_a_search_writes_the_store_and_a_new_process_reads_it_without_the_compiler(tmp_path):
    env = cache_env(tmp_path)
    first = search(env, (SOURCE, TEXT))
    assert first[0]["spans"] == regex_spans(SOURCE, TEXT) and len(first[0]["spans"]) == 2
    assert "regex._regex_core" in first[0]["regex"]        # compiled: the store had nothing yet
    assert set(stored(tmp_path)) == {SOURCE}

    second = search(env, (SOURCE, TEXT), (OTHER, OTHER_TEXT))
    assert second[0]["spans"] == first[0]["spans"]
    assert second[0]["regex"] == ["regex._regex"]           # the engine alone: neither the compiler nor the package
    assert second[1]["spans"] == regex_spans(OTHER, OTHER_TEXT) and len(second[1]["spans"]) == 2
    assert "regex._regex_core" in second[1]["regex"]       # not stored: compiled as usual
    assert set(stored(tmp_path)) == {SOURCE, OTHER}        # merged at exit


def test_caching_off_writes_nothing(tmp_path):
    found = search(cache_env(tmp_path, AUDITOR_NO_CACHE="1"), (SOURCE, TEXT))
    assert found[0]["spans"] == regex_spans(SOURCE, TEXT)
    assert list(tmp_path.rglob("*")) == []


def test_a_pattern_s_own_compiled_form_needs_no_compiler_in_a_new_process(tmp_path):
    """The compiled-rulebook cache and batch workers pickle ``Pattern`` with its compiled form."""
    from auditor.rulebook.pattern import compile_pattern

    (tmp_path / "p.pickle").write_bytes(pickle.dumps(compile_pattern(SOURCE, eager=False)))
    proc = python("import json, pickle, sys\n"
                  "p = pickle.loads(open(sys.argv[1], 'rb').read())\n"
                  "print(json.dumps([[list(s) for s in p.spans(sys.argv[2], 100)], 'regex._regex_core' in sys.modules]))\n",
                  str(tmp_path / "p.pickle"), TEXT, env={**os.environ, "AUDITOR_NO_CACHE": "1"})
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == [regex_spans(SOURCE, TEXT), False]


_SLOW_FROM_STORE = """
import json, sys
from auditor.rulebook import pattern, regex_engine
pattern.RULE_SECONDS = 0.2
with pattern.per_report(), pattern.owned_by("custom.slow") as watch:
    spans = pattern.compile_pattern(sys.argv[1], eager=False).spans(sys.argv[2], 50)
print(json.dumps({"spans": spans, "overrun": watch.overrun, "compiler": "regex._regex_core" in sys.modules}))
"""


def test_a_stored_catastrophic_pattern_is_cut_off_in_a_new_process(tmp_path):
    env = cache_env(tmp_path)
    proc = python("from auditor.rulebook.pattern import compile_pattern; compile_pattern(r'(.*?,){11}P')", env=env)
    assert proc.returncode == 0, proc.stderr
    assert set(stored(tmp_path)) == {SLOW}
    proc = python(_SLOW_FROM_STORE, SLOW, TRAP, env=env)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == {"spans": [], "overrun": SLOW, "compiler": False}


# --- in this process: the store as a fresh process reads it ------------------------------------------

@pytest.fixture
def programs(tmp_path, monkeypatch):
    """A fresh ``PROGRAMS`` in a cache folder of this test, as a new process has it."""
    monkeypatch.delenv("AUDITOR_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    store = Store("patterns", regex_engine._engine_build)
    monkeypatch.setattr(regex_engine, "PROGRAMS", store)
    return store


def fresh(monkeypatch) -> Store:
    store = Store("patterns", regex_engine._engine_build)
    monkeypatch.setattr(regex_engine, "PROGRAMS", store)
    return store


@pytest.fixture
def no_compiling(monkeypatch):
    """Fails any use of ``regex``'s compiler: what runs must come from a compiled form."""
    import regex

    def refuse(*args, **kwargs):
        raise AssertionError(f"compiled, not built from its compiled form: {args}")
    monkeypatch.setattr(regex, "compile", refuse)


def test_a_stored_pattern_gives_the_spans_of_a_compiled_one(programs, monkeypatch, request):
    expected = pattern.Pattern(SOURCE).spans(TEXT, 100)
    programs.save()
    store = fresh(monkeypatch)
    assert set(store.read()) == {SOURCE}
    request.getfixturevalue("no_compiling")
    built = pattern.Pattern(SOURCE)
    assert built.spans(TEXT, 100) == expected == [tuple(s) for s in regex_spans(SOURCE, TEXT)]
    assert built.compiled().groupindex == {} and built.compiled().pattern == SOURCE
    assert pickle.loads(pickle.dumps(built)).spans(TEXT, 100) == expected   # and pickled with that form again


def _damaged(good: bytes, store: Store) -> dict[str, bytes]:
    return {"flipped": good[:-1] + bytes([good[-1] ^ 1]),
            "flipped-in-digest": good[:20] + bytes([good[20] ^ 1]) + good[21:],
            "truncated": good[: len(good) // 2],
            "empty": b"",
            "not-a-pickle": b"not a pickle at all",
            "foreign-pickle": pickle.dumps({SOURCE: store.read()[SOURCE]}),
            "foreign-of-anything": pickle.dumps(["a list"])}


@pytest.mark.parametrize("damage", ["flipped", "flipped-in-digest", "truncated", "empty", "not-a-pickle",
                                    "foreign-pickle", "foreign-of-anything"])
def test_a_damaged_store_is_ignored_and_the_pattern_compiled(programs, monkeypatch, damage):
    expected = pattern.Pattern(SOURCE).spans(TEXT, 100)
    programs.save()
    path = Path(programs.path())
    good = path.read_bytes()
    path.write_bytes(_damaged(good, fresh(monkeypatch))[damage])
    store = fresh(monkeypatch)
    assert store.read() == {}
    assert pattern.Pattern(SOURCE).spans(TEXT, 100) == expected
    store.save()                                           # replaced by a good one at exit
    assert set(fresh(monkeypatch).read()) == {SOURCE}


def test_a_store_of_a_value_that_is_no_dict_holds_no_entry(programs):
    path = Path(programs.path())
    write_entry(path, path.stem, [SOURCE])                 # written by this package for this build, but no dict
    assert programs.read() == {} and programs.get(SOURCE) is None
    assert pattern.Pattern(SOURCE).spans(TEXT, 100) == [tuple(s) for s in regex_spans(SOURCE, TEXT)]


@pytest.mark.parametrize("garbage", [("garbage",), (), 42, "abc", (SOURCE, "not flags"), (SOURCE, 0, b""),
                                     ((), ("garbage",)), ((), 42), ((), (SOURCE, "not flags"))])
def test_an_entry_the_engine_refuses_is_compiled_afresh(programs, garbage):
    """An entry is (required words, compiled form); one of another shape, or a form the engine refuses, is
    compiled afresh and replaced at exit."""
    programs.entries = {SOURCE: garbage}
    built = pattern.Pattern(SOURCE)
    assert built.spans(TEXT, 100) == [tuple(s) for s in regex_spans(SOURCE, TEXT)]
    assert programs.added[SOURCE][1] == built.compiled()._pickled_data   # the good form replaces it at exit


@pytest.mark.parametrize("garbage", [("garbage",), 42, b"an old pickled pattern"])
def test_a_pattern_whose_own_compiled_form_is_refused_is_compiled_afresh(programs, garbage):
    built = pattern.Pattern(SOURCE, program=garbage)
    assert built.spans(TEXT, 100) == [tuple(s) for s in regex_spans(SOURCE, TEXT)]


def test_caching_off_reads_and_keeps_nothing(programs, monkeypatch, tmp_path):
    monkeypatch.setenv("AUDITOR_NO_CACHE", "1")
    assert pattern.Pattern(SOURCE).spans(TEXT, 100) == [tuple(s) for s in regex_spans(SOURCE, TEXT)]
    assert programs.read() is None and programs.added == {}
    programs.save()
    assert list(tmp_path.rglob("*")) == []


def test_a_catastrophic_pattern_built_from_the_store_is_cut_off(programs, monkeypatch, request):
    """The time bound lives in the engine: a pattern built from its stored form is bounded as a
    compiled one is (``owned_by(...).overrun`` names it; it finds nothing)."""
    import regex

    programs.entries = {SLOW: (pattern.required_words(SLOW), regex.compile(SLOW)._pickled_data)}
    request.getfixturevalue("no_compiling")
    monkeypatch.setattr(pattern, "RULE_SECONDS", 0.2)
    slow = pattern.Pattern(SLOW, owner="custom.slow")
    with pattern.per_report(), pattern.owned_by("custom.slow") as watch:
        assert slow.spans(TRAP, 50) == []
    assert watch.overrun == SLOW


# --- the engine and the ``regex`` package ----------------------------------------------------------

_ENGINE_THEN_REGEX = """
import json, pickle, sys
from auditor.rulebook import pattern, regex_engine
finders = len(sys.meta_path)
e = regex_engine.engine()
alone = sorted(m for m in sys.modules if m == "regex" or m.startswith("regex."))
import colorsys   # another import meanwhile: unaffected
import regex
compiled = regex.compile(sys.argv[1])
built = e.compile(*compiled._pickled_data)
print(json.dumps({
    "alone": alone,
    "same": [regex._regex is e, sys.modules["regex._regex"] is e, regex._main._regex is e, regex._regex_core._regex is e],
    "types": type(built) is type(compiled),
    "spans": [[m.span() for m in p.finditer(sys.argv[2])] for p in (compiled, built, pickle.loads(pickle.dumps(built)))],
    "finders": len(sys.meta_path) - finders,
}))
"""


def test_import_regex_after_the_engine_loaded_alone_takes_that_engine(tmp_path):
    proc = python(_ENGINE_THEN_REGEX, SOURCE, TEXT, env={**os.environ, "AUDITOR_NO_CACHE": "1"})
    assert proc.returncode == 0, proc.stderr
    found = json.loads(proc.stdout)
    assert found["alone"] == ["regex._regex"]
    assert found["same"] == [True, True, True, True]
    assert found["types"] is True
    expected = [list(s) for s in regex_spans(SOURCE, TEXT)]
    assert found["spans"] == [expected] * 3
    assert found["finders"] == 0   # nothing left behind in the import system


def test_the_engine_is_regex_s_own_when_regex_was_imported_first():
    proc = python("import json, sys, regex\nfrom auditor.rulebook import regex_engine\n"
                  "finders = len(sys.meta_path)\n"
                  "print(json.dumps([regex_engine.engine() is regex._regex, regex_engine.engine() is sys.modules['regex._regex'],"
                  " len(sys.meta_path) - finders]))\n", env={**os.environ, "AUDITOR_NO_CACHE": "1"})
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == [True, True, 0]


def test_without_an_engine_file_the_engine_comes_from_import_regex():
    proc = python("import json, sys\nfrom auditor.rulebook import regex_engine\n"
                  "regex_engine.engine_file = lambda: None\n"
                  "e = regex_engine.engine()\nimport regex\n"
                  "print(json.dumps([e is regex._regex, e.compile(*regex.compile('a+b')._pickled_data).search('xaab').span()]))\n",
                  env={**os.environ, "AUDITOR_NO_CACHE": "1"})
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == [True, [1, 4]]


def test_the_engine_file_is_the_extension_regex_itself_loads():
    import regex

    assert regex_engine.engine_file() == regex._regex.__file__
