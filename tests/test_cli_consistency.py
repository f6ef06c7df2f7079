"""One configuration and one set of spellings for every command; Chinese messages; near-miss hints; missing paths."""
from __future__ import annotations

import datetime as dt
import json
import re
import shutil

import pytest
import yaml

from auditor.config import read_config

from .conftest import SEEDS

SEED = SEEDS[4]


@pytest.fixture
def project(tmp_path):
    """project/reports/report.txt under a configuration the tests write."""
    folder = tmp_path / "project" / "reports"
    folder.mkdir(parents=True)
    shutil.copy(SEED, folder / "report.txt")
    return tmp_path / "project"


def check_json(invoke, path, *args) -> dict:
    result = invoke("check", path, "-f", "json", *args)
    assert result.exit_code in (0, 1), result.stderr
    return {c["id"]: c for c in json.loads(result.output)["reports"][0]["checks"]}


def explain_json(invoke, rule_id, path, *args) -> dict:
    result = invoke("explain", rule_id, path, "-f", "json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.output)


CONFIGS = [
    "",                                                  # defaults
    "level: township\n",                                 # another level: some checks stop applying
    "year: 2019\n",                                      # another year
    "ignore: [{prefix}]\n",                              # checks left out
    "select: [{first}]\n",
    "rulebook: example-city\n",                          # another rulebook
    "fail_level: warning\nwaivers: w.yaml\n",            # a waiver file
]


@pytest.mark.parametrize("config", CONFIGS)
def test_explain_agrees_with_check_under_any_configuration(project, invoke, rulebook, config):
    report = project / "reports" / "report.txt"
    checks = check_json(invoke, report)
    gap = next(i for i, c in checks.items() if c["status"] == "fail")
    (project / "w.yaml").write_text(f"- check: {gap}\n  reason: 另行报告\n", encoding="utf-8")
    first = next(iter(checks))
    (project / ".audit.yaml").write_text(config.format(prefix=gap.split(".")[0] + ".", first=first),
                                         encoding="utf-8")
    checks = check_json(invoke, report)
    for rule_id in (gap, first, *list(checks)[::7]):
        explained = explain_json(invoke, rule_id, report)
        assert (rule_id, explained["status"], explained.get("waived")) == \
            (rule_id, checks[rule_id]["status"], checks[rule_id].get("waived"))


def test_rules_list_and_show_use_the_configured_rulebook(project, invoke, monkeypatch):
    monkeypatch.chdir(project)
    national = json.loads(invoke("rules", "list", "-f", "json").output)
    (project / ".audit.yaml").write_text("rulebook: example-city\n", encoding="utf-8")
    city = json.loads(invoke("rules", "list", "-f", "json").output)
    assert {r["id"] for r in city} != {r["id"] for r in national}
    local = next(r["id"] for r in city if r["id"] not in {n["id"] for n in national})
    assert invoke("rules", "show", local).exit_code == 0
    assert invoke("rules", "show", local, "-r", "national").exit_code == 2
    assert "example-city" in invoke("rules", "lint").output
    assert "national" in invoke("rules", "lint", "-r", "national").output
    assert "national" in invoke("rules", "lint", "national").output          # the old positional spelling
    assert "example-city" in invoke("config", "show").output


@pytest.mark.parametrize("command", [["check"], ["explain", "part.order"], ["rules", "list"], ["rules", "show"],
                                     ["rules", "lint"], ["config", "show"], ["waivers", "baseline"]])
def test_shared_options_are_spelled_the_same_everywhere(invoke, command):
    text = invoke(*command, "-h").output
    for option in ("-r, --rulebook", "--config"):
        assert option in text, (command, option)
    if command[0] in ("check", "explain", "config", "waivers"):
        assert "--year" in text and "--level" in text
    if "-f, --format" not in text:
        assert command in (["rules", "show"], ["config", "show"], ["waivers", "baseline"])


def test_old_spellings_still_work(invoke):
    new = invoke("explain", "part.order", SEED, "-f", "json").output
    assert invoke("explain", "part.order", SEED, "--json").output == new
    assert "--json" not in invoke("explain", "-h").output


ENGLISH = re.compile(r"\b(Usage|Options|Commands|Error|Missing|Invalid|No such|Show this|does not exist|"
                     r"is not one of|Try )\b")


@pytest.mark.parametrize("args", [
    ["-h"], ["check", "-h"], ["explain", "-h"], ["rules", "-h"], ["config", "init", "-h"],
    ["check"], ["explain", "part.order"], ["check", "--year", "abc", "x"], ["check", "-f", "nope", "x"],
    ["chek"], ["check", "--nosuch", "x"], ["config", "show", "nosuch"], ["explain", "part.order", "nosuch.txt"],
    ["check", str(SEED), "--config", "nosuch.yaml"], ["rules", "show"],
])
def test_click_messages_are_in_chinese(invoke, args):
    result = invoke(*args)
    text = result.output + result.stderr
    assert not ENGLISH.search(text), text
    if args[-1] != "-h":
        assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("args", [
    ["check", "nosuch.txt"], ["explain", "part.order", "nosuch.txt"], ["config", "show", "nosuch"],
    ["waivers", "baseline", "nosuch"], ["check", str(SEED), "--previous", "nosuch.txt"],
    ["check", str(SEED), "--waivers", "nosuch.yaml"], ["check", str(SEED), "-r", "nosuch.yaml"],
    ["rules", "list", "-r", "nosuch.yaml"], ["check", str(SEED), "--root", "nosuch"],
])
def test_a_path_that_does_not_exist_is_an_error_everywhere(invoke, args, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke(*args)
    assert result.exit_code == 2 and "nosuch" in result.stderr


def test_near_miss_rule_ids_get_suggestions(invoke, project):
    for args in (["rules", "show", "enforcement.three_system"], ["explain", "enforcement.three_system", SEED],
                 ["check", SEED, "--ignore", "enforcement.three_system"]):
        result = invoke(*args)
        assert result.exit_code == 2 and "enforcement.three_systems" in result.stderr, args
    (project / "w.yaml").write_text("- check: enforcement.three_system\n  reason: x\n", encoding="utf-8")
    result = invoke("check", SEED, "--waivers", project / "w.yaml")
    assert result.exit_code == 2 and "enforcement.three_systems" in result.stderr


# --- audit config init --------------------------------------------------------------------------------------

def test_config_init_writes_a_commented_file_that_changes_nothing(tmp_path, invoke, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert invoke("config", "init").exit_code == 0
    path = tmp_path / ".audit.yaml"
    assert read_config(path) == {}
    assert invoke("config", "init").exit_code == 2            # never overwrites silently
    assert invoke("config", "init", "--force").exit_code == 0


def test_every_example_in_the_config_template_is_valid_when_uncommented(tmp_path, invoke):
    from auditor.config import DEFAULTS

    (tmp_path / "audit-waivers.yaml").write_text("[]\n", encoding="utf-8")
    assert invoke("config", "init", tmp_path / ".audit.yaml").exit_code == 0
    text = (tmp_path / ".audit.yaml").read_text(encoding="utf-8")
    settings = [line[2:] for line in text.splitlines() if re.match(r"^# [a-z_]+: ", line)]
    assert {line.split(":")[0] for line in settings} == set(DEFAULTS)
    for line in settings:
        (tmp_path / "one.yaml").write_text(line + "\n", encoding="utf-8")
        assert read_config(tmp_path / "one.yaml"), line


# --- audit waivers baseline ----------------------------------------------------------------------------------

def test_baseline_makes_todays_reports_pass_and_binds_each_waiver_to_its_report(tmp_path, invoke, monkeypatch):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, drafts / seed.name)
    monkeypatch.chdir(tmp_path)
    before = invoke("check", "drafts", "-f", "json", "--fail-level", "warning")
    assert before.exit_code == 1
    assert invoke("waivers", "baseline", "drafts", "--expires", "2999-01-31").exit_code == 0
    entries = yaml.safe_load((tmp_path / "audit-waivers.yaml").read_text(encoding="utf-8"))
    gaps = [(r["path"], c["id"]) for r in json.loads(before.output)["reports"] for c in r["checks"]
            if c["status"] in ("fail", "partial")]
    assert [(str(tmp_path / e["path"]), e["check"]) for e in entries] == [(str(tmp_path / p), c) for p, c in gaps]
    assert all(e["reason"].startswith("待补充") and e["expires"] == dt.date(2999, 1, 31) for e in entries)
    after = invoke("check", "drafts", "-f", "json", "--fail-level", "warning", "--waivers", "audit-waivers.yaml")
    assert after.exit_code == 0, after.stderr
    # A waiver names one report: a new report with the same gaps is not covered.
    shutil.copy(SEEDS[0], drafts / "new.txt")
    assert invoke("check", "drafts/new.txt", "--fail-level", "warning", "--waivers", "audit-waivers.yaml").exit_code == 1


def test_baseline_refuses_to_overwrite_and_past_expiry(tmp_path, invoke, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "audit-waivers.yaml").write_text("[]\n", encoding="utf-8")
    assert invoke("waivers", "baseline", SEED).exit_code == 2
    assert invoke("waivers", "baseline", SEED, "-o", "b.yaml", "--expires", "2000-01-01").exit_code == 2
    assert not (tmp_path / "b.yaml").exists()


def test_main_help_lists_the_new_commands_and_hides_the_old_name(invoke):
    text = invoke("-h").output
    commands = text.split("命令:")[-1] if "命令:" in text else text.split("命令：")[-1]
    names = [line.split()[0] for line in commands.splitlines() if line.startswith("  ") and line.split()]
    assert {"outline", "waivers", "config", "check", "explain", "rules"} <= set(names) and "init" not in names


def test_explain_agrees_with_check_with_a_previous_report(invoke):
    from .conftest import ROOT

    folder = ROOT / "tests" / "fixtures" / "reports"
    report, previous = folder / "continuity-2023.txt", folder / "continuity-2022.txt"
    checks = check_json(invoke, report, "--previous", previous)
    compared = [i for i in checks if i.startswith("continuity.")]
    assert compared and {checks[i]["status"] for i in compared} != {"pass"}
    for rule_id in compared:
        assert explain_json(invoke, rule_id, report, "--previous", previous)["status"] == checks[rule_id]["status"]
