"""Module regexes: compiled on first use, and read back from the per-user store exactly as ``re`` compiles them."""
from __future__ import annotations

import importlib
import pickle
import pkgutil
import re
from pathlib import Path

import pytest

import auditor
from auditor.text import lazy
from auditor.usercache import Store


@pytest.fixture
def store_home(tmp_path, monkeypatch):
    monkeypatch.delenv("AUDITOR_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(lazy, "STORE", Store("regexes", lazy._engine_build))
    return tmp_path / "auditor" / "regexes"


def _package_patterns() -> list[tuple[str | bytes, int]]:
    """(pattern, flags) of every module-level ``lazy_compile`` in the package's core modules."""
    found = set()
    for info in pkgutil.walk_packages(auditor.__path__, "auditor."):
        if info.name.split(".")[1].startswith(("cli", "web", "__main__")):
            continue
        try:
            module = importlib.import_module(info.name)
        except ImportError:   # an optional extra that is not installed
            continue
        found.update((v.pattern, int(v._flags)) for v in vars(module).values() if isinstance(v, lazy.LazyPattern))
    return sorted(found, key=repr)


def test_every_package_regex_is_read_back_as_re_compiles_it(store_home, monkeypatch):
    patterns = _package_patterns()
    assert len(patterns) > 80
    for source, flags in patterns:
        lazy.compile_stored(source, flags)
    lazy.STORE.save()
    assert len(list(store_home.glob("*.pickle"))) == 1

    monkeypatch.setattr(lazy, "STORE", Store("regexes", lazy._engine_build))   # a new process: read from the file

    def no_compiling(*args):
        raise AssertionError(f"compiled, not read back: {args}")
    monkeypatch.setattr(lazy.re, "compile", no_compiling)
    read_back = [lazy.compile_stored(source, flags) for source, flags in patterns]
    monkeypatch.undo()
    for (source, flags), pattern in zip(patterns, read_back):
        assert pattern == re.compile(source, flags), source   # equal patterns have equal compiled code
        assert pattern.groupindex == re.compile(source, flags).groupindex


def test_a_damaged_store_is_ignored_and_replaced(store_home):
    store_home.mkdir(parents=True)
    path = Path(lazy.STORE.path())
    path.write_bytes(b"not a pickle")
    assert lazy.compile_stored(r"(?P<year>\d{4})年", re.X).search("2024年").group("year") == "2024"
    lazy.STORE.save()
    assert path.read_bytes() != b"not a pickle"


def test_an_entry_the_engine_refuses_is_compiled_afresh(store_home, monkeypatch):
    lazy.STORE.entries = {("a+b", 0): ("garbage",)}
    assert lazy.compile_stored("a+b").fullmatch("aab")


def test_no_store_when_caching_is_off(store_home, monkeypatch):
    monkeypatch.setenv("AUDITOR_NO_CACHE", "1")
    lazy.compile_stored("xyz")
    lazy.STORE.save()
    assert not store_home.exists()


@pytest.mark.parametrize("foreign", [pickle.dumps(42), pickle.dumps({("a+b", 0): (0, [], 0, {}, ())}),
                                     pickle.dumps(["a list"])])
def test_a_foreign_store_is_ignored(store_home, foreign):
    """A file at the store's path that this package did not write (a bare pickle of anything, even
    entries that ``_sre`` would take) holds no entry: every pattern compiles as ``re`` compiles it."""
    store_home.mkdir(parents=True)
    Path(lazy.STORE.path()).write_bytes(foreign)
    assert lazy.compile_stored("a+b") == re.compile("a+b")
    assert lazy.compile_stored("a+b").fullmatch("aab")


def test_a_store_changed_on_disk_or_of_another_engine_is_ignored(store_home, monkeypatch):
    lazy.compile_stored(r"(?P<n>\d+)件")
    lazy.STORE.save()
    path = Path(lazy.STORE.path())
    good = path.read_bytes()
    for altered in (good[:-1] + bytes([good[-1] ^ 1]), good[:-7]):
        path.write_bytes(altered)
        lazy.STORE.entries = None
        assert lazy.STORE.read() == {}
    path.write_bytes(good)
    moved = path.with_name("0123456789abcdef.pickle")   # the same entries, named for another engine build
    moved.write_bytes(good)
    monkeypatch.setattr(lazy.STORE, "path", lambda: moved)
    lazy.STORE.entries = None
    assert lazy.STORE.read() == {}
