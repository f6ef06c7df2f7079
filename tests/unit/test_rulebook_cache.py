"""The compiled-rulebook cache: a hit gives the same audit as a fresh load; any change rebuilds."""
from __future__ import annotations

import pytest

from auditor import audit_text, load_rulebook
from auditor import usercache
from auditor.rulebook import cache
from auditor.rulebook.loader import rules_dir

from ..conftest import SEEDS


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.delenv("AUDITOR_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "auditor" / "compiled"


@pytest.fixture
def counted_build(tmp_path):
    """A rules folder of one file, and a build that returns {"built": how many times it has run}."""
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "mine.yaml").write_text("id: a\n", encoding="utf-8")
    builds = []

    def build():
        builds.append(1)
        return {"built": len(builds)}

    return rules, build


def test_a_cached_rulebook_audits_exactly_like_a_fresh_one(cache_home, rulebook):
    first = load_rulebook()                      # builds and stores
    assert len(list(cache_home.glob("*.pickle"))) == 1
    second = load_rulebook()                     # read back
    assert second is not first
    assert [r.id for r in second.rules] == [r.id for r in rulebook.rules]
    text = SEEDS[0].read_text(encoding="utf-8")
    assert audit_text(text, second) == audit_text(text, rulebook)


def test_changed_rule_files_rebuild_and_a_broken_entry_is_ignored(cache_home, tmp_path, counted_build):
    rules, build = counted_build
    assert cache.cached_rulebook("mine", rules, build) == {"built": 1}
    assert cache.cached_rulebook("mine", rules, build) == {"built": 1}      # hit
    (rules / "mine.yaml").write_text("id: b\n", encoding="utf-8")
    assert cache.cached_rulebook("mine", rules, build) == {"built": 2}      # new content, new key
    for entry in cache_home.glob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert cache.cached_rulebook("mine", rules, build) == {"built": 3}      # unreadable entry: rebuilt
    assert cache.cached_rulebook("mine", rules, build) == {"built": 3}


def test_no_cache_when_turned_off(cache_home, monkeypatch):
    monkeypatch.setenv("AUDITOR_NO_CACHE", "1")
    load_rulebook()
    assert not cache_home.exists()


def test_the_key_covers_the_shipped_rules_and_the_code():
    key = cache._key("national", rules_dir())
    assert key == cache._key("national", rules_dir())
    assert key != cache._key("example-city", rules_dir())


def test_a_cached_rulebook_holds_its_patterns_compiled(cache_home, monkeypatch):
    """Read back, the rulebook's regexes are the engine's compiled form: an audit compiles none of them."""
    import regex

    load_rulebook()
    second = load_rulebook()
    sources = {t.regex.source for rule in second.rules for m in (rule.match, rule.heading, rule.content)
               if m for t in (*m.any, *(t for g in m.all for t in g), *m.not_) if t.regex}
    assert len(sources) > 50

    def strings(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for v in value.values():
                yield from strings(v)
        elif isinstance(value, (list, tuple)):
            for v in value:
                yield from strings(v)
    # a check builds its own matchers from ``params`` (compiled where first used): not the rulebook's
    sources -= {s[3:] for rule in second.rules for s in strings(rule.params) if s.startswith("re:")}
    compiled = []
    real = regex.compile
    monkeypatch.setattr(regex, "compile", lambda source, *a, **k: compiled.append(source) or real(source, *a, **k))
    for seed in SEEDS:
        audit_text(seed.read_text(encoding="utf-8"), second)
    assert not sources & set(compiled)


def test_the_key_covers_the_regex_engine(monkeypatch, tmp_path):
    key = cache._key("national", rules_dir())
    engine = tmp_path / "_regex.so"
    engine.write_bytes(b"another build")
    monkeypatch.setattr(cache, "engine_file", lambda: str(engine))
    assert cache._key("national", rules_dir()) != key


def test_a_foreign_or_altered_entry_is_rebuilt_never_used(cache_home, tmp_path, counted_build):
    """A file at the entry's path that this build did not write for this key — another program's
    pickle, an entry of another key, a byte changed on disk — is ignored, and the rebuilt entry is used."""
    import pickle

    rules, build = counted_build
    assert cache.cached_rulebook("mine", rules, build) == {"built": 1}
    path = cache_home / f"{cache._key('mine', rules)}.pickle"
    good = path.read_bytes()
    expected = 1
    for foreign in (pickle.dumps({"built": "foreign"}),                    # a bare pickle, not an entry
                    pickle.dumps(["not", "a", "rulebook"]),
                    good[:-1] + bytes([good[-1] ^ 1]),                    # one bit changed
                    good[:len(good) // 2]):                               # truncated
        path.write_bytes(foreign)
        expected += 1
        assert cache.cached_rulebook("mine", rules, build) == {"built": expected}
        assert cache.cached_rulebook("mine", rules, build) == {"built": expected}   # the rebuilt entry is read
    other = cache_home / ("0" * 64 + ".pickle")
    other.write_bytes(path.read_bytes())                                   # an entry moved to another key
    assert usercache.read_entry(other, "0" * 64) is None


def test_a_rulebook_valid_under_another_schema_is_validated_again(cache_home, tmp_path, monkeypatch):
    """The validation cache remembers a rulebook text as valid for one schema only: after the schema
    changes (a new version of the package), the same text is checked, and its new error is reported."""
    from auditor.errors import RulebookError
    from auditor.rulebook import schema_check
    from auditor.rulebook.problems import Problems

    schema = tmp_path / "schema.json"
    monkeypatch.setattr(schema_check, "_SCHEMA", schema)
    data, text = {"id": "mine"}, "id: mine\n"
    schema.write_text('{"type": "object", "required": ["id"]}', encoding="utf-8")
    assert schema_check.validate(data, text, "mine.yaml", Problems()) == set()
    assert len(list((cache_home.parent / "validated").iterdir())) == 1
    schema.write_text('{"type": "object", "required": ["id", "version"]}', encoding="utf-8")
    with pytest.raises(RulebookError):
        schema_check.validate(data, text, "mine.yaml", Problems())
