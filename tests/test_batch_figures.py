"""The batch figures (dashboard and workbook) count each item over the reports it applies to, and
never count an unknown indicator as "no"."""
from __future__ import annotations

import re

import pytest

from auditor.render.dashboard import missed_items, render_dashboard
from auditor.render.indicators import LEVEL_HEAD, ON_TIME, level_rows, tally
from auditor.render.records import summary_record

from .render_helpers import seed_results


def _records():
    records = [summary_record(a) for a in seed_results()]
    for n, r in enumerate(records, 1):
        r["position"] = n
    return records


def test_missed_items_count_only_the_reports_an_item_applies_to(rulebook):
    audits = seed_results()
    found = missed_items(_records(), rulebook)
    assert found
    for rule_id, missing, partial, applicable in found:
        statuses = [{r.rule_id: r for r in a.results}[rule_id] for a in audits]
        assert missing == sum(1 for r in statuses if r.status == "fail" and not r.waived)
        assert partial == sum(1 for r in statuses if r.status == "partial" and not r.waived)
        assert applicable == sum(1 for r in statuses if r.status in ("pass", "partial", "fail") and not r.waived)
        assert 0 < missing + partial <= applicable
    # Ranked by how many reports miss the item, then by the share of those it applies to.
    keys = [(m + p, (m + p) / n) for _, m, p, n in found]
    assert keys == sorted(keys, reverse=True)


def test_dashboard_shows_each_most_missed_item_as_n_of_applicable(rulebook):
    pytest.importorskip("matplotlib")
    records = _records()
    page = render_dashboard(records, [], rulebook, [], "dashboard.html")
    section = page[page.index("最常缺失的事项"):]
    section = section[:section.index("</section>")]
    shown = [(int(a), int(b)) for a, b in re.findall(r">(\d+)/(\d+)\s", section)]
    expected = [(m + p, n) for _, m, p, n in missed_items(records, rulebook)][:len(shown)]
    assert shown and shown == expected


def test_tally_gives_counts_of_known_values_and_a_dash_when_none_is_known():
    assert tally(["unknown"] * 5, ON_TIME, ("on_time", "late")) == "—"
    text = tally(["on_time", "unknown", "late", "on_time"], ON_TIME, ("on_time", "late"))
    assert sorted(int(n) for n in re.findall(r"\d+", text)) == [1, 1, 2]


def _report(level, on_time, causes, passed=False):
    return {"level": level, "passed": passed, "score": 70.0, "is_report": True,
            "scorecard": {"on_time": {"value": on_time}, "causes": causes, "complete": {"value": 100.0},
                          "concreteness": {"per_1000": 10.0}, "follow_up": {"value": None}}}


def _counts(cell) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", str(cell))]


def test_level_rows_never_count_unknown_as_no():
    records = [_report("government", "unknown", "skip"), _report("government", "unknown", "skip"),
               _report("department", "on_time", "pass"), _report("department", "unknown", "fail", passed=True)]
    rows = {row[0]: dict(zip(LEVEL_HEAD, row)) for row in level_rows(records)}
    unknown, mixed = rows["区县及以上政府"], rows["政府部门"]
    assert (unknown["份数"], mixed["份数"], mixed["通过"]) == (2, 2, 1)
    for cell in (unknown["按时公开"], unknown["原因分析"]):   # nothing known: no number that could read as "none"
        assert isinstance(cell, str) and not _counts(cell)
    assert unknown["上年安排落实中位数"] is None
    assert sorted(_counts(mixed["按时公开"])) == [0, 1, 1] and sum(_counts(mixed["原因分析"])) == 2


def test_workbook_level_sheet_counts_match_the_reports(invoke, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "审查.xlsx"
    invoke("check", *[a.path for a in seed_results()], "-o", f"xlsx:{path}", "-q")
    rows = list(openpyxl.load_workbook(path)["分层统计"].iter_rows(values_only=True))
    assert rows[0] == LEVEL_HEAD
    reports = [r for r in _records() if r["is_report"]]
    assert sum(row[1] for row in rows[1:]) == len(reports)
    assert sum(row[2] for row in rows[1:]) == sum(1 for r in reports if r["passed"])
    on_time = LEVEL_HEAD.index("按时公开")
    for row in rows[1:]:
        assert sum(_counts(row[on_time])) in (0, row[1])   # every report counted once, or nothing known
        assert all(v is not None for v in row)            # "—", never an empty cell read as zero
