"""``usercache.Store``: compiled forms kept per user and per engine build, merged into one file at exit."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from auditor import usercache
from auditor.usercache import Store, read_entry


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.delenv("AUDITOR_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path


class Tag:
    """A build tag that counts how often it is asked for."""

    def __init__(self, value: str = "build-a"):
        self.value, self.calls = value, 0

    def __call__(self) -> str:
        self.calls += 1
        return self.value


def on_disk(store: Store) -> dict | None:
    path = Path(store.path())
    return read_entry(path, path.stem)


def test_a_new_store_reads_nothing_until_used(home):
    tag = Tag()
    store = Store("things", tag)
    assert tag.calls == 0 and store.entries is None
    assert store.get("k") is None
    assert tag.calls == 1 and store.read() == {}
    assert Path(store.path()) == home / "auditor" / "things" / "build-a.pickle"


def test_added_entries_are_written_on_save_and_read_by_the_next_run(home):
    store = Store("things", Tag())
    store.add("k1", (1, "one"))
    store.add("k2", (2, "two"))
    assert not Path(store.path()).exists()          # written at exit, not on add
    store.save()
    assert on_disk(store) == {"k1": (1, "one"), "k2": (2, "two")}
    later = Store("things", Tag())
    assert later.get("k1") == (1, "one") and later.get("k2") == (2, "two") and later.get("k3") is None


def test_each_run_s_entries_are_merged_into_the_file(home):
    first = Store("things", Tag())
    first.add("k1", 1)
    first.save()
    second = Store("things", Tag())
    second.add("k2", 2)
    second.add("k1", 10)                      # a newer form of an entry replaces the stored one
    second.save()
    assert on_disk(second) == {"k1": 10, "k2": 2}


def test_a_run_that_added_nothing_writes_nothing(home):
    store = Store("things", Tag())
    assert store.get("k") is None
    store.save()
    assert list(home.rglob("*")) == []


def test_save_is_registered_once_at_exit(home, monkeypatch):
    registered = []
    monkeypatch.setattr("atexit.register", registered.append)
    store = Store("things", Tag())
    store.add("k1", 1)
    store.add("k2", 2)
    assert registered == [store.save]


def test_past_the_limit_the_file_restarts_from_this_run_s_entries(home):
    run = Store("things", Tag(), limit=3)
    run.add("a", 1)
    run.add("b", 2)
    run.save()
    run = Store("things", Tag(), limit=3)
    run.add("c", 3)
    run.add("d", 4)
    run.save()                                # 2 stored, under the limit: merged (the file may pass it)
    assert set(on_disk(run)) == {"a", "b", "c", "d"}
    run = Store("things", Tag(), limit=3)
    run.add("e", 5)
    run.save()                                # 4 stored, at or past the limit: this run's only
    assert on_disk(run) == {"e": 5}
    run = Store("things", Tag(), limit=3)
    assert run.get("a") is None and run.get("e") == 5


def test_the_file_of_another_build_holds_no_entry(home):
    old = Store("things", Tag("build-a"))
    old.add("k", 1)
    old.save()
    new = Store("things", Tag("build-b"))
    assert new.get("k") is None and new.read() == {}
    Path(old.path()).rename(new.path())             # the same entries, named for the other build
    assert Store("things", Tag("build-b")).read() == {}


def test_stores_in_different_folders_are_separate(home):
    one, two = Store("one", Tag()), Store("two", Tag())
    one.add("k", 1)
    one.save()
    assert two.get("k") is None and Store("one", Tag()).get("k") == 1


def test_caching_off_reads_and_writes_nothing_and_never_asks_the_tag(home, monkeypatch):
    monkeypatch.setenv("AUDITOR_NO_CACHE", "1")
    tag = Tag()
    store = Store("things", tag)
    assert store.path() is None and store.read() is None and store.get("k") is None
    store.add("k", 1)
    assert store.added == {} and store.get("k") is None
    store.save()
    assert tag.calls == 0 and list(home.rglob("*")) == []


def test_a_cache_folder_that_cannot_be_made_is_skipped_silently(home, monkeypatch):
    blocker = home / "a-file"
    blocker.write_bytes(b"")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))   # the cache root lies under a file: no folder can be made
    store = Store("things", Tag())
    store.add("k", 1)
    store.save()
    assert blocker.read_bytes() == b"" and store.get("k") is None


def test_a_write_refused_is_skipped_silently_and_leaves_no_temporary_file(home, monkeypatch):
    store = Store("things", Tag())
    store.add("k", 1)

    def read_only(src, dst):
        raise PermissionError(13, "read-only file system")
    monkeypatch.setattr(usercache.os, "replace", read_only)
    store.save()
    monkeypatch.undo()
    assert [p for p in home.rglob("*") if p.is_file()] == []


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_cache_folder_is_skipped_silently(home):
    store = Store("things", Tag())
    store.add("k", 1)
    folder = Path(store.path()).parent
    folder.mkdir(parents=True)
    folder.chmod(0o500)
    try:
        store.save()
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_an_entry_that_cannot_be_pickled_is_skipped_silently(home):
    store = Store("things", Tag())
    store.add("k", lambda: None)              # not picklable: the file is not written, no error
    store.save()
    assert not Path(store.path()).exists()
