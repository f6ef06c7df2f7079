"""CI formats: github workflow commands, GitLab Code Quality, reviewdog rdjson, repository-root paths."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from dataclasses import replace
from urllib.parse import unquote

import jsonschema
import pytest

from auditor.locations import find_repo_root, repo_path, with_repo_paths
from auditor.render.findings import findings
from auditor.render.github import render_github
from auditor.render.gitlab import render_gitlab
from auditor.render.rdjson import render_rdjson
from auditor.render.rule_links import doc_base_from

from .conftest import ROOT, SEEDS
from .render_helpers import FAILURE, hostile, seed_results

SCHEMAS = ROOT / "tests" / "schemas"
AUDIT = [sys.executable, "-m", "auditor"]   # a real process: the working directory matters here


def validate(instance, name: str) -> None:
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    errors = [f"{list(e.path)}: {e.message}" for e in cls(schema).iter_errors(instance)]
    assert errors == []


# The workflow-command grammar and escaping of the Actions toolkit (@actions/core, command.ts):
# "::" name [" " key=value ("," key=value)*] "::" message; message escapes % CR LF, values also : and ,.
COMMAND = re.compile(r"^::(?P<name>error|warning|notice)(?: (?P<props>[^:]*))?::(?P<data>.*)$")
PROPERTY = re.compile(r"^(file|line|endLine|col|endColumn|title)=([^,:\r\n]*)$")


def unescape(text: str) -> str:
    assert not re.search(r"%(?!25|0D|0A|3A|2C)", text), text
    return (text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",")
            .replace("%25", "%"))


def parse_commands(text: str) -> list[dict]:
    out = []
    for line in text.splitlines():
        match = COMMAND.match(line)
        assert match, line
        props = {}
        for item in (match["props"] or "").split(","):
            prop = PROPERTY.match(item)
            assert prop, item
            props[prop[1]] = unescape(prop[2])
        out.append({"level": match["name"], **props, "message": unescape(match["data"])})
    return out


def test_github_one_command_per_finding_with_a_line(rulebook):
    audits = list(seed_results())
    commands = parse_commands(render_github(audits, rulebook))
    found = findings(audits)
    assert len(commands) == len(found) > 0
    for command, f in zip(commands, found):
        assert (command["file"], int(command["line"]), command["title"].split()[0]) == (f.path, f.line, f.rule_id)
        assert command["level"] == ("error" if f.blocking else "notice" if f.severity == "info" else "warning")


def test_github_missing_item_points_at_its_part_heading(rulebook):
    audit = seed_results()[0]
    item = next(r for r in audit.results if r.part == "measures" and r.kind == "item")
    gap = replace(item, status="fail", evidence=())
    [command] = parse_commands(render_github([replace(audit, results=(gap,))], rulebook))
    assert int(command["line"]) == next(p.line for p in audit.parts if p.id == "measures")


def test_github_escaping_survives_hostile_text(rulebook):
    audit = hostile(seed_results()[1])
    audit = replace(audit, path="草稿,目录/a:b%.txt",
                    results=tuple(replace(r, message=r.message + "\n第二行 100%") for r in audit.results))
    commands = parse_commands(render_github([audit], rulebook, [FAILURE]))
    assert all(c["file"] in (audit.path, FAILURE.path) for c in commands)
    assert any("第二行 100%" in c["message"] for c in commands)
    assert commands[-1]["level"] == "error" and commands[-1]["file"] == FAILURE.path


def test_github_waived_findings_are_not_annotated(rulebook):
    audit = seed_results()[0]
    gap = replace(audit.results[0], status="fail", waived="另行报告")
    assert render_github([replace(audit, results=(gap,))], rulebook) == ""


def test_gitlab_code_quality_validates_and_fingerprints_are_unique_and_stable(rulebook):
    not_report = replace(seed_results()[0], path="x/not.txt", is_report=False, results=(), notes=("这不是年度报告",))
    audits, failures = with_repo_paths([*seed_results(), hostile(seed_results()[1]), not_report], [FAILURE], ROOT)
    issues = json.loads(render_gitlab(audits, rulebook, failures))
    validate(issues, "gitlab-codequality.json")
    prints = [i["fingerprint"] for i in issues]
    assert len(prints) == len(set(prints))
    # Moving every line keeps every fingerprint: identity is rule + file, not position.
    moved = [replace(a, results=tuple(replace(r, evidence=tuple(replace(e, line=e.line + 7) for e in r.evidence))
                                      for r in a.results)) for a in seed_results()]
    assert ({i["fingerprint"] for i in json.loads(render_gitlab(moved, rulebook))}
            == {i["fingerprint"] for i in json.loads(render_gitlab(list(seed_results()), rulebook))})


def test_gitlab_severity_follows_the_gate(rulebook):
    issues = json.loads(render_gitlab(list(seed_results()), rulebook))
    for issue, f in zip(issues, findings(list(seed_results()))):
        assert issue["check_name"] == f.rule_id
        assert (issue["severity"] == "critical") == f.blocking


def test_rdjson_validates_and_lists_every_finding(rulebook):
    audits = [*seed_results(), hostile(seed_results()[1])]
    document = json.loads(render_rdjson(audits, rulebook, [FAILURE]))
    validate(document, "rdjson-DiagnosticResult.json")
    found = findings(audits)
    diagnostics = document["diagnostics"]
    assert [d["code"]["value"] for d in diagnostics[:len(found)]] == [f.rule_id for f in found]
    assert [d["location"]["range"]["start"]["line"] for d in diagnostics[:len(found)]] == [f.line for f in found]
    assert diagnostics[-1]["location"]["path"] == FAILURE.path and diagnostics[-1]["severity"] == "ERROR"


# --- repository-root paths ---------------------------------------------------------------------------

@pytest.fixture
def repo(tmp_path):
    """A repository with the seeds under drafts/2024/ (``.git`` as a file, as in a worktree)."""
    (tmp_path / ".git").write_text("gitdir: elsewhere\n", encoding="utf-8")
    folder = tmp_path / "drafts" / "2024"
    folder.mkdir(parents=True)
    for seed in SEEDS[:2]:
        shutil.copy(seed, folder / seed.name)
    return tmp_path


def test_repo_path_is_relative_to_the_root_and_normalised(repo):
    sub = repo / "drafts"
    assert Path(find_repo_root(sub / "2024")) == repo
    assert repo_path("./2024/../2024/001.txt", repo, cwd=str(sub)) == "drafts/2024/001.txt"
    assert repo_path("2024/001.txt", None, cwd=str(sub)) == "2024/001.txt"
    assert repo_path(str(repo.parent / "x.txt"), repo, cwd=str(sub)) == (repo.parent / "x.txt").as_posix()
    assert repo_path("-", repo) == "<stdin>"


@pytest.mark.parametrize("fmt", ["sarif", "github", "gitlab", "rdjson"])
def test_run_from_a_subfolder_writes_repo_root_paths(repo, fmt):
    """The CLI as CI runs it, from drafts/: every path names the file from the repository root."""
    result = subprocess.run([*AUDIT, "check", "./2024/", "-f", fmt], cwd=repo / "drafts", capture_output=True,
                            text=True, encoding="utf-8")
    assert result.returncode in (0, 1), result.stderr
    paths = set(re.findall(r'"uri": "([^"]+)"', result.stdout) if fmt == "sarif" else
                re.findall(r'"path": "([^"]+)"', result.stdout) if fmt != "github" else
                re.findall(r"file=([^,]+)", result.stdout))
    want = {f"drafts/2024/{seed.name}" for seed in SEEDS[:2]}
    assert {unquote(p) for p in paths} == want


def test_root_option_overrides_the_repository(repo):
    result = subprocess.run([*AUDIT, "check", "2024", "-f", "gitlab", "--root", "."], cwd=repo / "drafts",
                            capture_output=True, text=True, encoding="utf-8")
    assert {i["location"]["path"] for i in json.loads(result.stdout)} <= {f"2024/{s.name}" for s in SEEDS[:2]}


# --- links to the rule documentation ---------------------------------------------------------------------

def test_doc_links_come_from_the_installed_commit_without_credentials():
    direct = json.dumps({"url": "https://user:secret@git.example.org/team/auditor.git",
                         "vcs_info": {"vcs": "git", "commit_id": "0123abcd", "requested_revision": "v1"}})
    assert doc_base_from(direct, []) == "https://git.example.org/team/auditor/blob/0123abcd/docs/rules.md"
    ssh = json.dumps({"url": "ssh://git@git.example.org/team/auditor.git", "vcs_info": {"vcs": "git", "commit_id": "c"}})
    assert doc_base_from(ssh, []) == "https://git.example.org/team/auditor/blob/c/docs/rules.md"
    local = json.dumps({"url": "file:///src/auditor", "dir_info": {"editable": True}})
    assert doc_base_from(local, []) is None
    assert doc_base_from(local, ["Rules, https://docs.example.org/rules.md"]) == "https://docs.example.org/rules.md"


def test_sarif_help_uri_is_the_rules_anchor_when_known(rulebook, monkeypatch):
    from auditor.render import rule_links, sarif

    monkeypatch.setattr(rule_links, "rules_doc_base", lambda: "https://git.example.org/t/auditor/blob/c/docs/rules.md")
    driver = json.loads(sarif.render_sarif([], rulebook))["runs"][0]["tool"]["driver"]
    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for descriptor in driver["rules"]:
        url = descriptor["helpUri"]
        assert url.startswith("https://git.example.org/t/auditor/blob/c/docs/rules.md#")
        assert f'<a name="{url.split("#", 1)[1]}"></a>' in page
        assert url in descriptor["help"]["markdown"]


def test_no_help_uri_when_the_address_is_unknown(rulebook, monkeypatch):
    from auditor.render import rule_links, sarif

    monkeypatch.setattr(rule_links, "rules_doc_base", lambda: None)
    driver = json.loads(sarif.render_sarif([], rulebook))["runs"][0]["tool"]["driver"]
    assert all("helpUri" not in d for d in driver["rules"])


def test_cli_formats_list_the_new_ones(invoke):
    text = invoke("check", "-h").output
    for name in ("github", "gitlab", "rdjson"):
        assert name in text
