"""Waivers: reason and expiry enforced, text anchors, waived checks shown but out of the gate."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from auditor import audit_text
from auditor.gatekeeping import Policy, apply_policy
from auditor.baseline import PLACEHOLDER_REASON
from auditor.verdict import verdict
from auditor.waivers import Waiver, WaiverError, load_waivers, placeholder_reason, selector_matches, waiver_for

from .conftest import ROOT
from .render_helpers import without_part

TODAY = dt.date(2025, 6, 1)


def write(tmp_path, text: str):
    path = tmp_path / "waivers.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def draft(rulebook):
    """A seed with its shortcomings part cut out: an error-level gap that fails the gate."""
    text = without_part(ROOT / "seeds" / "003.txt", "shortcomings")
    return text, audit_text(text, rulebook)


def test_valid_file_loads_in_both_shapes(tmp_path, rulebook):
    ids = [r.id for r in rulebook.rules]
    entries = "- check: part.order\n  reason: 按本地模板排序\n  expires: 2025-06-01\n  text: 目前存在的问题\n"
    listed = load_waivers(str(write(tmp_path, entries)), ids, TODAY)
    nested = load_waivers(str(write(tmp_path, "waivers:\n" + "".join("  " + l + "\n" for l in entries.splitlines()))),
                          ids, TODAY)
    def fields(waivers):
        return [(w.check, w.reason, w.expires, w.text) for w in waivers]

    assert fields(listed) == fields(nested) and len(listed) == 1
    assert listed[0].expires == dt.date(2025, 6, 1) and listed[0].text == "目前存在的问题"


@pytest.mark.parametrize("entry, fragment", [
    ("- check: part.order\n", "reason"),
    ("- check: part.order\n  reason: '  '\n", "reason"),
    ("- check: part.order\n  reason: ok\n  expires: 2025-05-31\n", "过期"),
    ("- check: part.order\n  reason: ok\n  expires: next year\n", "expires"),
    ("- check: no.such_check\n  reason: ok\n", "no.such_check"),
    ("- check: part.order\n  reason: ok\n  owner: me\n", "owner"),
    ("- reason: ok\n", "check"),
    ("check: part.order\n", "列表"),
    ("- [part.order]\n", "映射"),
    ("- check: part.order\n  reason: [unclosed\n", "YAML"),
])
def test_bad_entries_are_one_line_errors_naming_file_and_entry(tmp_path, rulebook, entry, fragment):
    path = write(tmp_path, "# 豁免\n" + entry)
    with pytest.raises(WaiverError) as info:
        load_waivers(str(path), [r.id for r in rulebook.rules], TODAY)
    message = str(info.value)
    assert str(path) in message and fragment in message and "\n" not in message


def test_error_names_the_entry_and_its_line(tmp_path, rulebook):
    path = write(tmp_path, "- check: part.order\n  reason: ok\n\n- check: part.plans\n  expires: 2024-01-01\n")
    with pytest.raises(WaiverError, match=r"waivers.yaml:4: 第2条豁免（part.plans）"):
        load_waivers(str(path), [r.id for r in rulebook.rules], TODAY)


def test_expiry_is_compared_with_today(tmp_path, rulebook):
    path = write(tmp_path, "- check: part.order\n  reason: ok\n  expires: 2025-06-01\n")
    assert load_waivers(str(path), None, TODAY)
    with pytest.raises(WaiverError):
        load_waivers(str(path), None, TODAY + dt.timedelta(days=1))


def test_prefix_selectors():
    assert selector_matches("numbering.", "numbering.style") and selector_matches("numbering", "numbering.style")
    assert selector_matches("part.order", "part.order")
    assert not selector_matches("part.ord", "part.order") and not selector_matches("numbering.", "numberings.x")


def gate_failures(audit) -> list[str]:
    return [r.rule_id for r in audit.results if r.status == "fail" and r.severity == "error"]


def test_waived_gap_passes_the_gate_and_stays_visible(draft, rulebook):
    text, audit = draft
    assert "part.shortcomings" in gate_failures(audit) and not audit.passed
    waivers = tuple(Waiver(rid, "不足另行专题报告") for rid in gate_failures(audit))
    waived = apply_policy(audit, Policy(waivers=waivers), rulebook, text)
    result = next(r for r in waived.results if r.rule_id == "part.shortcomings")
    assert (result.status, result.waived) == ("fail", "不足另行专题报告")
    assert waived.passed and waived.score > audit.score
    assert [r.rule_id for r in waived.results] == [r.rule_id for r in audit.results]


def test_text_anchor_must_be_in_the_report(draft, rulebook):
    text, audit = draft
    sentence = next(line for line in text.splitlines() if len(line) > 30)
    fragment = sentence[5:15]
    anchored = Waiver("part.shortcomings", "ok", text=fragment[:4] + "\n " + fragment[4:])
    absent = Waiver("part.shortcomings", "ok", text="报告中没有的一句话")
    gap = next(r for r in audit.results if r.rule_id == "part.shortcomings")
    assert waiver_for(gap, (anchored,), text) is anchored
    assert waiver_for(gap, (absent,), text) is None
    assert not apply_policy(audit, Policy(waivers=(absent,)), rulebook, text).passed


def test_passing_checks_are_never_marked_waived(draft, rulebook):
    text, audit = draft
    everything = Policy(waivers=tuple(Waiver(r.id, "全部豁免") for r in rulebook.rules))
    for r in apply_policy(audit, everything, rulebook, text).results:
        assert bool(r.waived) == (r.status in ("fail", "partial")), r.rule_id


def test_cli_waiver_file_shows_waived_and_sets_the_exit_code(invoke, tmp_path, draft):
    text, _ = draft
    report = tmp_path / "draft.txt"
    report.write_text(text, encoding="utf-8")
    assert invoke("check", report).exit_code == 1
    waivers = write(tmp_path, "".join(f"- check: {rid}\n  reason: 不足另行专题报告\n  expires: 2999-12-31\n"
                                      for rid in gate_failures(draft[1])))
    result = invoke("check", report, "--waivers", waivers, "--no-color")
    assert result.exit_code == 0
    assert "已豁免" in result.output and "不足另行专题报告" in result.output
    doc = json.loads(invoke("check", report, "--waivers", waivers, "-f", "json").output)
    check = next(c for c in doc["reports"][0]["checks"] if c["id"] == "part.shortcomings")
    assert check["status"] == "fail" and check["waived"].startswith("不足另行专题报告")


@pytest.mark.parametrize("entry", ["- check: part.shortcomings\n  expires: 2999-12-31\n",
                                   "- check: part.shortcomings\n  reason: ok\n  expires: 2000-01-01\n"])
def test_cli_exits_2_on_a_waiver_without_reason_or_expired(invoke, tmp_path, entry):
    waivers = write(tmp_path, entry)
    result = invoke("check", ROOT / "seeds" / "003.txt", "--waivers", waivers)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(waivers) in lines[0] and "part.shortcomings" in lines[0]


def test_unused_waivers_are_reported(draft, rulebook):
    from auditor.gatekeeping import unused_waivers

    text, audit = draft
    used = Waiver("part.shortcomings", "不足另行专题报告")
    stale = Waiver("part.order", "按本地模板排序")   # part.order passes on this draft: nothing to waive
    policy = Policy(waivers=(used, stale))
    result = apply_policy(audit, policy, rulebook, text)
    labels = {r.waived for r in result.results if r.waived}
    assert [w.check for w in unused_waivers(policy, labels)] == ["part.order"]


@pytest.mark.parametrize("reason", ["TODO", "todo: 以后补", "待定", "xxx", "XXXX", "理由", "无", "…", "N/A",
                                    PLACEHOLDER_REASON])
def test_placeholder_reasons_are_recognised(reason):
    assert placeholder_reason(reason)


@pytest.mark.parametrize("reason", ["本年度无行政诉讼案件", "述法情况另行专题报告", "无此项工作", "按上级统一模板排列各部分"])
def test_real_reasons_are_not_placeholders(reason):
    assert not placeholder_reason(reason)


def test_cli_warns_about_a_placeholder_reason_and_still_applies_it(invoke, tmp_path, draft):
    text, audit = draft
    report = tmp_path / "draft.txt"
    report.write_text(text, encoding="utf-8")
    entries = [("part.order", "按上级统一模板排列各部分")] + [(rid, "TODO") for rid in gate_failures(audit)]
    waivers = write(tmp_path, "".join(f"- check: {rid}\n  reason: {why}\n" for rid, why in entries))
    result = invoke("check", report, "--waivers", waivers, "-f", "json")
    assert result.exit_code == 0
    warned = [line for line in result.stderr.splitlines() if "TODO" in line]
    assert len(warned) == len(gate_failures(audit))
    assert all(str(waivers) in line for line in warned)
    assert {rid for rid in gate_failures(audit) if any(f"（{rid}）" in line for line in warned)} \
        == set(gate_failures(audit))


def test_waived_gaps_are_counted_in_every_verdict(invoke, tmp_path, draft):
    text, audit = draft
    report = tmp_path / "draft.txt"
    report.write_text(text, encoding="utf-8")
    gaps = [r.rule_id for r in audit.results if r.status in ("fail", "partial")]
    waivers = write(tmp_path, "".join(f"- check: {rid}\n  reason: 另行专题报告\n" for rid in gaps))
    doc = json.loads(invoke("check", report, "--waivers", waivers, "-f", "json").output)
    said = doc["reports"][0]["verdict"]
    assert said["passed"] and (said["must_fix"], said["suggested"], said["waived"]) == (0, 0, len(gaps))
    for fmt in ("rich", "markdown", "html"):
        out = invoke("check", report, "--waivers", waivers, "-f", fmt, "--no-color").output
        assert said["text"] in out, fmt
    docx = pytest.importorskip("docx")
    word = tmp_path / "review.docx"
    invoke("check", report, "--waivers", waivers, "-o", f"docx:{word}")
    assert said["text"] in "\n".join(c.text for c in docx.Document(str(word)).comments)
    assert str(len(gaps)) in said["text"]
