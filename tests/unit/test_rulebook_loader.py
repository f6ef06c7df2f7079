"""The rulebook loader: shipped books, include/extends/override/disable, and located errors."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from auditor.errors import RulebookError
from auditor.rulebook.loader import builtin_names, inspect_rulebook, load_rulebook, rules_dir

PART = """
  - id: part.measures
    type: part
    part: measures
    title: 主要举措和成效
    basis: 督察规定年度报告内容第（一）项
    severity: error
    heading: {any: [举措]}
    examples: {match: [一、主要举措和成效], no_match: [二、存在的不足]}
"""


def item(rid: str, severity: str = "warning", **extra) -> str:
    lines = [f"  - id: {rid}", "    type: item", "    part: measures", "    title: 事项",
             "    basis: 国办发〔2018〕118号", f"    severity: {severity}"]
    extra.setdefault("match", "{any: [三项制度]}")
    lines += [f"    {k}: {v}" for k, v in extra.items()]
    return "\n".join(lines) + "\n"


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def book(tmp_path, body: str, name: str = "book.yaml", header: str = "id: t\nversion: '1'\n"):
    return write(tmp_path, name, header + "rules:\n" + body)


def test_builtin_books_are_found():
    assert {"national", "example-city"} <= set(builtin_names())
    assert (Path(rules_dir()) / "national.yaml").is_file()


def test_national_merges_its_includes_with_unique_ids(rulebook):
    ids = [r.id for r in rulebook.rules]
    assert len(ids) == len(set(ids))
    origins = {r.origin for r in rulebook.rules}
    for fragment in ("items.yaml", "items-2021.yaml", "items-2015.yaml", "duties.yaml", "plans.yaml"):
        assert any(o.endswith("national/" + fragment) for o in origins), fragment
    assert rulebook.get("enforcement.three_systems").origin.endswith("national/items.yaml")


def test_load_by_path_with_include(tmp_path):
    write(tmp_path, "more/extra.yaml", "rules:\n" + item("x.extra"))
    path = book(tmp_path, PART + item("x.own"), header="id: t\nversion: '1'\ninclude: [more/extra.yaml]\n")
    rb = load_rulebook(str(path))
    assert [r.id for r in rb.rules] == ["part.measures", "x.own", "x.extra"]


@pytest.mark.parametrize("body,where", [
    ("  - id: a.b\n    type: [unclosed\n", "第"),                             # YAML syntax: a line
    (item("x.sev", severity="fatal"), "$.rules[0](id=x.sev)"),
    (item("x.re", match="{any: ['re:(三项']}"), "rules(id=x.re)"),
    (item("x.dup") + item("x.dup"), "$.rules[1](id=x.dup)"),
])
def test_errors_are_located(tmp_path, body, where):
    with pytest.raises(RulebookError) as err:
        load_rulebook(str(book(tmp_path, body)))
    assert where in str(err.value) or where.replace("rules(id=", "$.rules[0](id=") in str(err.value)


def test_word_boundary_next_to_han_and_nested_quantifiers_are_refused(tmp_path):
    for term in (r"re:\b法治", r"re:(执法+)+公示"):
        with pytest.raises(RulebookError):
            load_rulebook(str(book(tmp_path, item("x.re", match="{any: ['%s']}" % term))))


def test_python_tags_are_refused(tmp_path):
    path = write(tmp_path, "b.yaml", "id: t\nversion: '1'\nrules: !!python/object/apply:os.system [true]\n")
    with pytest.raises(RulebookError, match="safe_load"):
        load_rulebook(str(path))


def test_fragment_may_hold_only_rules(tmp_path):
    write(tmp_path, "frag.yaml", "id: nope\nrules: []\n")
    path = book(tmp_path, PART, header="id: t\nversion: '1'\ninclude: [frag.yaml]\n")
    with pytest.raises(RulebookError, match="只能包含 rules"):
        load_rulebook(str(path))


def test_extends_override_and_disable(tmp_path):
    header = ("id: city\nversion: '1'\nextends: national\n"
              "override:\n  oversight.gov_openness: {severity: error, weight: 7}\ndisable: [capacity.law_exam]\n")
    overlay = book(tmp_path, item("city.extra"), "city.yaml", header)
    rb = load_rulebook(str(overlay))
    national = load_rulebook()
    assert rb.get("capacity.law_exam") is None and "capacity.law_exam" in rb.disabled
    changed = rb.get("oversight.gov_openness")
    assert (changed.severity, changed.weight, changed.origin) == ("error", 7.0, str(overlay))
    assert rb.get("city.extra") is not None
    assert len(rb.rules) == len(national.rules) - 1 + 1


@pytest.mark.parametrize("header,message", [
    ("extends: national\noverride: {no.such: {severity: info}}\n", "不存在"),
    ("extends: national\ndisable: [no.such]\n", "不存在"),
    ("override: {a.b: {severity: info}}\n", "extends"),
    ("extends: national\n", "override"),       # redefining a national id instead of overriding it
])
def test_overlay_mistakes_are_errors(tmp_path, header, message):
    body = item("decision.major_decisions") if header == "extends: national\n" else item("x.own")
    with pytest.raises(RulebookError, match=message):
        load_rulebook(str(book(tmp_path, body, header="id: t\nversion: '1'\n" + header)))


def test_extends_cycle_is_an_error(tmp_path):
    write(tmp_path, "a.yaml", "id: a\nversion: '1'\nextends: b.yaml\nrules: []\n")
    write(tmp_path, "b.yaml", "id: b\nversion: '1'\nextends: a.yaml\nrules: []\n")
    with pytest.raises(RulebookError, match="循环"):
        load_rulebook(str(tmp_path / "a.yaml"))


def test_inspect_collects_what_load_stops_at(tmp_path):
    path = book(tmp_path, PART + item("x.dup") + item("x.dup") + item("x.re", match="{any: ['re:(三项']}")
                + item("x.sev", severity="fatal"))
    with pytest.raises(RulebookError):
        load_rulebook(str(path))
    rulebook, sources, problems = inspect_rulebook(str(path))
    assert sorted(p.code for p in problems) == ["duplicate-id", "regex-compile", "schema"]
    assert [r.id for r in rulebook.rules] == ["part.measures", "x.dup"]   # what could be compiled
    assert set(sources) == {"part.measures", "x.dup", "x.re"}


def test_missing_rulebook_name_lists_the_builtin_ones():
    with pytest.raises(RulebookError, match="national"):
        load_rulebook("no-such-book")
