"""Every code block of the README is validated or run: CI YAML against the published schemas, every
``audit`` command line executed, every install line checked against pyproject, config examples loaded."""
from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from .conftest import ROOT, SEEDS

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"^```(\w*)\n(.*?)^```", re.MULTILINE | re.DOTALL)
BLOCKS = [(m.group(1), m.group(2), README.count("\n", 0, m.start()) + 1) for m in BLOCK.finditer(README)]
PLACEHOLDER_URL = "https://<本仓库地址>@<提交号>"
READERS = {"docx", "pdf", "html", "zht"}   # what a CI run needs: the readers, not the desk or the web page
PIPE = " | xargs -0 -r audit "             # a file list (NUL-separated) handed to audit check


class CILoader(yaml.SafeLoader):
    """YAML as CI systems read it (1.2 booleans): ``on:`` is a key, not ``True``."""


CILoader.yaml_implicit_resolvers = {k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:bool"]
                                    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
CILoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))


def load_ci(body: str):
    return yaml.load(body, Loader=CILoader)  # noqa: S506  (a SafeLoader subclass)


def schema(name: str):
    data = json.loads((ROOT / "tests" / "schemas" / name).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(data)
    cls.check_schema(data)
    return cls(data)


def assert_valid(validator, instance) -> None:
    assert [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(instance)] == []


def kind(lang: str, body: str) -> str:
    """What a block is, from its language and its first line; tests below cover each kind."""
    first = body.split("\n", 1)[0]
    if lang == "yaml":
        for marker, name in (("# .github/workflows/", "github"), ("# .gitlab-ci.yml", "gitlab"),
                             ("# .audit.yaml", "config"), ("# audit-waivers.yaml", "waivers"), ("repos:", "pre-commit")):
            if first.startswith(marker):
                return name
    if lang == "toml" and "[tool.audit]" in body:
        return "pyproject"
    if lang == "markdown" and "<!-- audit:" in body:
        return "directive"
    if lang == "bash":
        return "shell"
    return "unknown"


def test_every_block_is_of_a_kind_the_tests_cover():
    assert BLOCKS
    assert [(line, lang) for lang, body, line in BLOCKS if kind(lang, body) == "unknown"] == []


def blocks_of(name: str) -> list[str]:
    return [body for lang, body, _ in BLOCKS if kind(lang, body) == name]


# --- CI examples ---------------------------------------------------------------------------------------------

def ci_commands(name: str) -> list[str]:
    """The shell lines of the CI examples of one system, one command per line."""
    out = []
    for body in blocks_of(name):
        data = load_ci(body)
        if name == "github":
            runs = [step.get("run", "") for job in data["jobs"].values() for step in job["steps"]]
        else:
            runs = [line for job in data.values() if isinstance(job, dict) for line in job.get("script", [])]
        out += [line for run in runs for line in run.splitlines() if line.strip()]
    return out


def test_github_workflows_validate_against_the_workflow_schema():
    validator = schema("github-workflow.json")
    bodies = blocks_of("github")
    assert len(bodies) >= 2       # annotations (any repository) and SARIF (code scanning)
    for body in bodies:
        assert_valid(validator, load_ci(body))
    default = load_ci(bodies[0])
    assert "security-events" not in default["permissions"]       # works without code scanning
    commands = [c for c in ci_commands("github") if PIPE in c]
    assert "-f github" in commands[0] and "html:" in commands[0]
    steps = [s for job in default["jobs"].values() for s in job["steps"]]
    assert any(s.get("uses", "").startswith("actions/upload-artifact@") for s in steps)
    assert any("GITHUB_STEP_SUMMARY" in s.get("run", "") for s in steps)
    scanning = load_ci(bodies[1])
    assert scanning["permissions"]["security-events"] == "write"
    upload = [s for job in scanning["jobs"].values() for s in job["steps"]
              if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
    assert upload and upload[0]["with"]["sarif_file"] == "audit.sarif"


def test_gitlab_ci_validates_against_the_gitlab_schema():
    validator = schema("gitlab-ci.json")
    bodies = blocks_of("gitlab")
    assert bodies
    for body in bodies:
        data = load_ci(body)
        assert_valid(validator, data)
        reports = data["audit"]["artifacts"]["reports"]
        command = next(c for c in ci_commands("gitlab") if PIPE in c)
        assert f"junit:{reports['junit']}" in command and f"gitlab:{reports['codequality']}" in command


def test_ci_examples_install_from_the_repository_not_a_package_index():
    installs = [c for c in ci_commands("github") + ci_commands("gitlab") if c.startswith("pip ")]
    assert installs
    for command in installs:
        spec = shlex.split(command)[-1]
        assert spec.startswith("auditor[") and f" @ git+{PLACEHOLDER_URL}" in spec, command
        extras = set(spec[len("auditor["):spec.index("]")].split(","))
        assert extras == READERS and extras <= project_extras(), command


@pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(), reason="needs git and a checkout")
def test_ci_install_line_resolves_from_a_git_repository_offline(tmp_path):
    """pip resolves the README's requirement with the placeholder replaced by this checkout's own commit."""
    pytest.importorskip("wheel")
    head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    spec = shlex.split(next(c for c in ci_commands("github") if c.startswith("pip ")))[-1]
    spec = spec.replace(PLACEHOLDER_URL, f"file://localhost{ROOT.as_posix()}@{head}")
    report = tmp_path / "report.json"
    result = subprocess.run([sys.executable, "-m", "pip", "install", "--dry-run", "--no-deps", "--no-index",
                             "--no-build-isolation", "--ignore-installed", "--report", str(report), "-q", spec],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    [item] = json.loads(report.read_text(encoding="utf-8"))["install"]
    assert item["metadata"]["name"] == "auditor"
    assert item["download_info"]["vcs_info"]["commit_id"] == head
    assert "all" in item["metadata"]["provides_extra"]


@pytest.mark.skipif(shutil.which("git") is None or shutil.which("bash") is None, reason="needs git and bash")
def test_ci_audit_commands_run(tmp_path, invoke, monkeypatch):
    """Each audit line of the CI examples, in a Git repository whose drafts/ folder holds reports, a README and a
    template: the file list picks the reports only, and audit writes what the next steps read."""
    drafts = tmp_path / "drafts"
    shutil.copytree(ROOT / "seeds", drafts, ignore=shutil.ignore_patterns("*.md"))
    (drafts / "README.md").write_text("# 草稿目录\n\n各单位的报告草稿放在这里。\n", encoding="utf-8")
    (drafts / "模板").mkdir()
    (drafts / "模板" / "年度报告提纲.txt").write_text("一、主要举措和成效\n【此处填写】\n", encoding="utf-8")
    for command in (["init", "-q"], ["add", "."]):
        subprocess.run(["git", *command], cwd=tmp_path, check=True, capture_output=True)
    monkeypatch.chdir(tmp_path)
    commands = [c for c in ci_commands("github") + ci_commands("gitlab") if PIPE in c]
    assert len(commands) == 3
    for command in commands:
        listing, audit = command.split(PIPE)
        found = subprocess.run(["bash", "-c", listing], cwd=tmp_path, capture_output=True, check=True).stdout
        files = sorted(found.decode("utf-8").strip("\0").split("\0"))
        assert files == sorted(f"drafts/{p.name}" for p in SEEDS), command
        result = invoke(*shlex.split(audit), *files)
        assert result.exit_code in (0, 1), (command, result.stderr)
    for name in ("audit.md", "audit.html", "audit.sarif", "audit.xml", "gl-code-quality-report.json"):
        assert (tmp_path / name).stat().st_size > 0, name
    assert_valid(schema("gitlab-codequality.json"),
                 json.loads((tmp_path / "gl-code-quality-report.json").read_text(encoding="utf-8")))


# --- configuration, waivers, directives ----------------------------------------------------------------------

def test_configuration_examples_load(tmp_path):
    from auditor.config import read_config
    from auditor.waivers import load_waivers

    for body in blocks_of("config"):
        path = tmp_path / ".audit.yaml"
        path.write_text(body.replace("waivers: audit-waivers.yaml", ""), encoding="utf-8")
        assert read_config(path)
    for body in blocks_of("pyproject"):
        path = tmp_path / "pyproject.toml"
        path.write_text(body, encoding="utf-8")
        assert read_config(path)
    for body in blocks_of("waivers"):
        path = tmp_path / "w.yaml"
        path.write_text(re.sub(r"expires: \d{4}-\d\d-\d\d", "expires: 2999-12-31", body), encoding="utf-8")
        assert load_waivers(str(path))


def test_pre_commit_example_names_the_shipped_hook():
    hooks = {h["id"] for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    for body in blocks_of("pre-commit"):
        for repo in yaml.safe_load(body)["repos"]:
            assert {"repo", "rev", "hooks"} <= set(repo)
            assert {h["id"] for h in repo["hooks"]} <= hooks


def project_extras() -> set[str]:
    try:
        import tomllib
    except ModuleNotFoundError:   # Python 3.10
        import tomli as tomllib
    return set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"])


def test_pre_commit_hook_installs_its_readers_as_the_project_extras():
    """The hook names extras of this project (pre-commit installs them with ``pip install .``), not a copy of
    their package lists that could drift; every format its ``files`` pattern selects has its reader."""
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    named = set()
    for dependency in hook["additional_dependencies"]:
        match = re.fullmatch(r"\.\[([\w,]+)\]", dependency)
        assert match, f"{dependency}: name an extra of this project ('.[extra]'), not a package"
        named |= set(match.group(1).split(","))
    assert named <= project_extras()
    readers = {"a.docx": "docx", "a.pdf": "pdf", "a.html": "html", "a.htm": "html"}
    needed = {extra for name, extra in readers.items() if re.search(hook["files"], name)}
    assert needed == {"docx", "pdf", "html"} and needed | {"zht"} <= named   # zht: traditional characters


def test_directive_example_parses(rulebook):
    from auditor.suppressions import find_comment_directives, suppressions

    for body in blocks_of("directive"):
        found, unusable = suppressions(find_comment_directives(body), [r.id for r in rulebook.rules], "README")
        assert found and not unusable and all(w.reason for w in found)


# --- shell blocks ---------------------------------------------------------------------------------------------

def shell_commands() -> list[str]:
    out = []
    for body in blocks_of("shell"):
        for line in body.splitlines():
            line = re.sub(r"\s+#\s.*$", "", line).strip()
            if line and not line.startswith("#"):
                out += [part.strip() for part in line.split("&&")]
    return out


def check_install(command: str) -> None:
    """``pip install '.[extras]'`` from the checkout: every extra must exist in pyproject.toml."""
    extras = project_extras()
    spec = shlex.split(command)[-1]
    match = re.fullmatch(r"\.\[([\w,]+)\]", spec)
    assert match, f"{command}: install from the checkout ('.[extra]'); auditor is not on a package index"
    assert set(match.group(1).split(",")) <= extras, command


def check_bench(command: str) -> None:
    args = shlex.split(command)
    script = ROOT / args[1]
    source = script.read_text(encoding="utf-8")
    for flag in (a for a in args[2:] if a.startswith("--")):
        assert f'"{flag}"' in source, f"{command}: {flag} is not an option of {args[1]}"


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    """A folder with the files the README's examples name (报告.txt, 报告.docx, seeds/, 目录/)."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds", ignore=shutil.ignore_patterns("*.md"))
    shutil.copytree(ROOT / "seeds", tmp_path / "目录", ignore=shutil.ignore_patterns("*.md"))
    shutil.copy(SEEDS[3], tmp_path / "报告.txt")
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in SEEDS[3].read_text(encoding="utf-8").split("\n"):
        document.add_paragraph(line)
    document.save(str(tmp_path / "报告.docx"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_every_shell_command_is_run_or_checked(workspace, invoke):
    ran = 0
    for command in shell_commands():
        words = shlex.split(command)
        if words[0] in ("audit", ".venv/bin/audit"):
            target = None
            if ">" in words:
                words, target = words[:words.index(">")], words[words.index(">") + 1]
            # audit serve would run until stopped: check that its options exist, do not start it
            result = invoke(*words[1:], *(["--help"] if words[1:2] == ["serve"] else []))
            assert result.exit_code in (0, 1), (command, result.stderr)
            if target:
                Path(target).write_text(result.stdout, encoding="utf-8")
            ran += 1
        elif words[:3] == ["python3", "-m", "venv"]:
            continue
        elif words[0].endswith("pip") and words[1] == "install":
            check_install(command)
        elif words[0].endswith("python") and words[1:] == ["-m", "pytest"]:
            continue   # this very test suite
        elif words[0].endswith("python") and words[1].startswith(("bench/", "tests/")):   # scripts: exist, options real
            check_bench(command)
        elif words[0].endswith("python") and words[1].startswith("tests/"):
            assert (ROOT / words[1]).is_file(), command   # a measuring script: it needs the corpus
        else:
            pytest.fail(f"README command not covered by a test: {command}")
    assert ran >= 10
    assert (workspace / "汇总.csv").read_text(encoding="utf-8").startswith("文件,")
