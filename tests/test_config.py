"""Configuration: discovery by walking up, precedence, validation, ``audit config show``."""
from __future__ import annotations

import json
import re
import shutil

import pytest

from auditor.config import ConfigError, discover, find_config, resolve_settings

from .conftest import ROOT

# A seed that passes the gate by default (001 analyses a cause; 004 gives none, an error).
SEED = ROOT / "seeds" / "001.txt"


@pytest.fixture
def tree(tmp_path):
    """tmp/project/reports/2024/report.txt, with no configuration yet."""
    folder = tmp_path / "project" / "reports" / "2024"
    folder.mkdir(parents=True)
    shutil.copy(SEED, folder / "report.txt")
    return tmp_path / "project"


def test_yaml_found_by_walking_up_from_the_file(tree):
    (tree / ".audit.yaml").write_text("level: department\nfail_under: 60\n", encoding="utf-8")
    report = tree / "reports" / "2024" / "report.txt"
    settings = resolve_settings([str(report)], {}, cwd=str(tree.parent))
    assert settings.file == str(tree / ".audit.yaml")
    assert (settings.level, settings.fail_under) == ("department", 60.0)
    assert settings.origin("level") == str(tree / ".audit.yaml") and settings.origin("year") == "默认"


def test_pyproject_tool_audit_and_pyproject_without_it(tree):
    (tree / "pyproject.toml").write_text('[tool.audit]\nfail_level = "warning"\nignore = ["leadership."]\n',
                                         encoding="utf-8")
    (tree / "reports" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    found = find_config(tree / "reports" / "2024")
    assert found == str(tree / "pyproject.toml")
    settings = resolve_settings([str(tree / "reports")], {})
    assert settings.fail_level == "warning" and settings.ignore == ("leadership.",)
    assert settings.origin("ignore").endswith("pyproject.toml [tool.audit]")


@pytest.mark.parametrize("toml", [
    '[tool.audit]\nyear = 2020\n', '[ "tool" . \'audit\' ]\nyear = 2020\n', 'tool.audit.year = 2020\n',
    '"tool" . audit = { year = 2020 }\n', 'tool = { audit = { year = 2020 } }\n',
    '[tool]\naudit = { year = 2020 }\n', "[ 'tool' ]\n'audit'.year = 2020\n", '"tool"."\\u0061udit".year = 2020\n',
    '[project.scripts]\naudit = "x:y"\n[tool]\naudit.year = 2020\n',
])
def test_every_toml_spelling_of_tool_audit_is_found(tree, toml):
    (tree / "pyproject.toml").write_text(toml, encoding="utf-8")
    assert find_config(tree / "reports" / "2024") == str(tree / "pyproject.toml")
    assert resolve_settings([str(tree / "reports")], {}).year == 2020


@pytest.mark.parametrize("toml", [
    '[project.scripts]\naudit = "auditor.cli:main"\n[tool.ruff]\nline-length = 100\n',
    '[project]\ndependencies = ["pip-audit"]  # [tool.audit] is elsewhere\n',
])
def test_a_pyproject_that_only_mentions_audit_is_not_parsed(tree, toml):
    """Not even read as TOML (so broken TOML after it is no concern): nothing in it can declare [tool.audit]."""
    (tree / "pyproject.toml").write_text(toml + "[broken\n", encoding="utf-8")
    assert find_config(tree / "reports" / "2024") is None


def test_audit_yaml_wins_over_pyproject_in_the_same_folder(tree):
    (tree / "pyproject.toml").write_text("[tool.audit]\nyear = 2020\n", encoding="utf-8")
    (tree / ".audit.yaml").write_text("year: 2021\n", encoding="utf-8")
    assert resolve_settings([str(tree)], {}).year == 2021


def test_falls_back_to_the_working_directory(tree, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(SEED, elsewhere / "r.txt")
    (tree / ".audit.yaml").write_text("year: 2022\n", encoding="utf-8")
    assert discover([str(elsewhere / "r.txt")], cwd=str(tree)) == str(tree / ".audit.yaml")
    assert discover(["-"], cwd=str(tree / "reports")) == str(tree / ".audit.yaml")


def test_inputs_under_different_configurations_are_an_error(tree, tmp_path):
    (tree / ".audit.yaml").write_text("year: 2022\n", encoding="utf-8")
    other = tmp_path / "other"
    other.mkdir()
    (other / ".audit.yaml").write_text("year: 2023\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="不同的配置"):
        discover([str(tree), str(other)], cwd=str(tmp_path))


def test_command_line_overrides_the_file(tree):
    (tree / ".audit.yaml").write_text("level: township\nfail_under: 90\nselect: [part.]\n", encoding="utf-8")
    settings = resolve_settings([str(tree)], {"level": "government", "fail_under": None, "select": ()})
    assert settings.level == "government" and settings.origin("level") == "命令行"
    assert settings.fail_under == 90 and settings.select == ("part.",)


def test_relative_paths_are_relative_to_the_file(tree):
    (tree / "waivers.yaml").write_text("[]\n", encoding="utf-8")
    (tree / "book.yaml").write_text("id: x\n", encoding="utf-8")
    (tree / ".audit.yaml").write_text("waivers: waivers.yaml\nrulebook: book.yaml\n", encoding="utf-8")
    settings = resolve_settings([str(tree / "reports")], {})
    assert settings.waivers == str(tree / "waivers.yaml") and settings.rulebook == str(tree / "book.yaml")
    assert resolve_settings([str(tree)], {"rulebook": "national"}).rulebook == "national"


@pytest.mark.parametrize("text, fragment", [
    ("levle: department\n", "levle"),
    ("level: county\n", "level"),
    ("year: 1999\n", "year"),
    ("year: true\n", "year"),
    ("fail_under: 101\n", "fail_under"),
    ("fail_under: high\n", "fail_under"),
    ("fail_level: info\n", "fail_level"),
    ("select: {a: 1}\n", "select"),
    ("waivers: missing.yaml\n", "waivers"),
    ("rulebook: ''\n", "rulebook"),
    ("- a\n- b\n", "映射"),
    ("level: [unclosed\n", "YAML"),
])
def test_bad_values_are_errors_naming_the_file(tree, text, fragment):
    (tree / ".audit.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        resolve_settings([str(tree)], {})
    assert str(tree / ".audit.yaml") in str(info.value) and fragment in str(info.value)


def test_bad_pyproject_is_an_error_naming_the_file(tree):
    (tree / "pyproject.toml").write_text("[tool.audit\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="pyproject.toml"):
        resolve_settings([str(tree)], {})
    (tree / "pyproject.toml").write_text('[tool.audit]\ncolor = "red"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"pyproject.toml \[tool.audit\]: 未知的配置项 color"):
        resolve_settings([str(tree)], {})


def test_cli_uses_the_discovered_config(invoke, tree):
    report = tree / "reports" / "2024" / "report.txt"
    assert invoke("check", report, "-f", "json").exit_code == 0
    (tree / ".audit.yaml").write_text("fail_under: 100\n", encoding="utf-8")
    assert invoke("check", report, "-f", "json").exit_code == 1
    assert invoke("check", report, "-f", "json", "--fail-under", "0").exit_code == 0


def test_cli_ignore_and_select_make_checks_skip(invoke, tree, rulebook):
    report = tree / "reports" / "2024" / "report.txt"
    prefix = next(r.id for r in rulebook.rules if not r.id.startswith("part.")).split(".")[0] + "."
    (tree / ".audit.yaml").write_text(f"ignore: [{prefix}]\n", encoding="utf-8")
    checks = json.loads(invoke("check", report, "-f", "json").output)["reports"][0]["checks"]
    assert {c["status"] for c in checks if c["id"].startswith(prefix)} == {"skip"}
    assert any(c["status"] != "skip" for c in checks if not c["id"].startswith(prefix))
    result = invoke("check", report, "-f", "json", "--select", "part.order,part.plans", "--ignore", "part.other")
    statuses = {c["id"]: c["status"] for c in json.loads(result.output)["reports"][0]["checks"]}
    assert {k for k, v in statuses.items() if v != "skip"} == {"part.order", "part.plans"}


@pytest.mark.parametrize("text", ["bogus: 1\n", "ignore: [no.such_check]\n", "level: county\n"])
def test_cli_exits_2_on_a_bad_config(invoke, tree, text):
    (tree / ".audit.yaml").write_text(text, encoding="utf-8")
    result = invoke("check", tree / "reports" / "2024" / "report.txt")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(tree / ".audit.yaml") in lines[0]


def test_config_show_prints_values_and_sources(invoke, tree):
    (tree / "waivers.yaml").write_text("- check: part.order\n  reason: 本地模板\n", encoding="utf-8")
    (tree / ".audit.yaml").write_text("level: department\nwaivers: waivers.yaml\n", encoding="utf-8")
    result = invoke("config", "show", tree / "reports" / "2024" / "report.txt", "--config", tree / ".audit.yaml")
    assert result.exit_code == 0
    lines = {line.split()[0]: line for line in result.output.splitlines()[2:] if line.strip()}
    assert "department" in lines["level"] and str(tree / ".audit.yaml") in lines["level"]
    assert "默认" in lines["fail_level"] and "1 条" in lines["waivers"]
    (tree / ".audit.yaml").write_text("select: [nothing.here]\n", encoding="utf-8")
    assert invoke("config", "show", tree).exit_code == 2


def readme_block(first_line: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index(first_line)
    return text[start:text.index("```", start)]


def test_readme_config_and_waiver_examples_work(invoke, tree):
    (tree / ".audit.yaml").write_text(readme_block("# .audit.yaml"), encoding="utf-8")
    # The example's expiry is a real date; move it out of reach so the test does not expire with it.
    waivers = re.sub(r"expires: \d{4}-\d\d-\d\d", "expires: 2999-12-31", readme_block("# audit-waivers.yaml"))
    assert "2999-12-31" in waivers
    (tree / "audit-waivers.yaml").write_text(waivers, encoding="utf-8")
    result = invoke("config", "show", tree / "reports")
    assert result.exit_code == 0, result.stderr
    assert "2 条" in result.output
