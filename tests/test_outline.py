"""``audit outline`` (formerly ``audit init``): a drafting skeleton with the statutory parts in order, annotated from the rulebook."""
from __future__ import annotations

import os
import datetime
import re

import pytest

from auditor import audit_file
from auditor.api import audit_source
from auditor.read import read_bytes, read_path
from auditor.render.skeleton_docx import render_skeleton_docx
from auditor.skeleton import outline, render_skeleton_markdown

MANDATORY = ("measures", "shortcomings", "leadership", "plans")
RULE_ID = r"\b[a-z_]+\.[a-z_]+\b"   # e.g. enforcement.three_systems


def part_order(rulebook) -> list[str]:
    order = next(r.parts for r in rulebook.of_type("order"))
    return [p for p in order if p in {r.part for r in rulebook.of_type("part")}]


def test_markdown_skeleton_finds_every_part_in_order(tmp_path, invoke, rulebook):
    path = tmp_path / "draft.md"
    result = invoke("outline", path, "--year", 2023, "--issuer", "某某区人民政府")
    assert result.exit_code == 0, result.stderr
    audited = audit_file(str(path), rulebook)
    assert audited.is_report
    assert (audited.meta.year, audited.meta.level) == (2023, "government")
    parts = {p.id: p for p in audited.parts}
    for part in MANDATORY:
        assert parts[part].status in ("present", "weak"), part    # headings found; bodies are placeholders
        assert parts[part].heading is not None
    lines = [parts[p].line for p in part_order(rulebook) if parts[p].line]
    assert lines == sorted(lines)
    order = {r.rule_id: r.status for r in audited.results}
    assert order["part.order"] == "pass"


def test_docx_skeleton_finds_every_part_and_carries_comments(tmp_path, invoke, rulebook):
    docx = pytest.importorskip("docx")
    path = tmp_path / "draft.docx"
    result = invoke("outline", path, "--year", 2022, "--level", "department", "--issuer", "某某区司法局")
    assert result.exit_code == 0, result.stderr
    audited = audit_source(read_path(str(path)), rulebook)
    parts = {p.id: p.status for p in audited.parts}
    assert all(parts[p] in ("present", "weak") for p in MANDATORY)
    assert audited.meta.year == 2022
    document = docx.Document(str(path))
    comments = list(document.comments)
    assert len(comments) == 1 + len(part_order(rulebook))   # the preface plus one per part
    three_systems = next(r.title for r in rulebook.rules if r.id == "enforcement.three_systems")
    assert any(three_systems in c.text for c in comments)
    assert not any(re.search(RULE_ID, c.text) for c in comments)   # a clerk reads item names, not ids


@pytest.mark.parametrize("level", ["government", "department", "township"])
def test_notes_list_exactly_the_checks_that_apply(rulebook, level):
    year = 2020
    markdown = render_skeleton_markdown(outline(rulebook, year, level))
    listed = {line[2:] for line in markdown.splitlines() if line.startswith("- ")}
    expected = {r for r in rulebook.rules if r.type != "part" and r.applies_to(year, level) is None}
    assert len(listed) == len(expected)
    assert all(any(line.startswith(r.title + "（") for line in listed) for r in expected)
    for rule in rulebook.rules:
        if rule.type == "part" and rule.applies_to(year, level) is None:
            assert f"本部分：{rule.title}" in markdown
    assert not re.search(RULE_ID, markdown)


def test_year_is_filled_in_and_defaults_to_last_year(tmp_path, invoke, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("outline")
    assert result.exit_code == 0, result.stderr
    last_year = datetime.date.today().year - 1
    made = list(tmp_path.glob("*.md"))
    assert len(made) == 1 and str(last_year) in made[0].name
    text = read_path(str(made[0])).text
    assert f"{last_year}年" in text.split("\n")[0]
    assert f"{last_year + 1}年" in text   # the plans part is about the following year


def test_old_name_init_still_writes_the_outline_with_a_notice(tmp_path, invoke):
    result = invoke("init", tmp_path / "draft.md", "--year", 2023)
    assert result.exit_code == 0 and (tmp_path / "draft.md").is_file()
    assert "audit outline" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "init" not in invoke("-h").output.split("命令")[-1].split()


def test_refuses_to_overwrite_without_force(tmp_path, invoke):
    path = tmp_path / "draft.md"
    path.write_text("我的草稿", encoding="utf-8")
    result = invoke("outline", path)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert path.read_text(encoding="utf-8") == "我的草稿"
    assert invoke("outline", path, "--force").exit_code == 0
    assert path.read_text(encoding="utf-8") != "我的草稿"


def test_unknown_suffix_is_refused(tmp_path, invoke):
    result = invoke("outline", tmp_path / "draft.pdf")
    assert result.exit_code == 2 and not (tmp_path / "draft.pdf").exists()


def test_skeleton_follows_the_loaded_rulebook(tmp_path, rulebook):
    """A rulebook with other part titles gives other headings: nothing is hard-coded."""
    import yaml

    from auditor.rulebook.loader import load_rulebook

    source = yaml.safe_load(open(_national_path(), encoding="utf-8"))
    source.pop("include", None)
    for rule in source["rules"]:
        if rule.get("id") == "part.plans":
            rule["title"] = "第四部分：下一年度法治政府建设工作计划"
    custom = tmp_path / "custom.yaml"
    custom.write_text(yaml.safe_dump(source, allow_unicode=True), encoding="utf-8")
    markdown = render_skeleton_markdown(outline(load_rulebook(str(custom)), 2023, "government"))
    assert "## 四、2024年法治政府建设工作计划" in markdown


def test_markdown_comments_are_not_report_text_and_keep_line_numbers():
    text = "# 标题\n<!--\n三项制度\n-->\n## 一、举措\n正文"
    source = read_bytes(text.encode("utf-8"), "a.md")
    assert source.lines == ["标题", "", "", "", "一、举措", "正文"]


def test_docx_bytes_are_a_pure_function_of_the_outline(rulebook):
    pytest.importorskip("docx")
    plan = outline(rulebook, 2021, "township", "某某镇人民政府")
    data = render_skeleton_docx(plan)
    text = read_bytes(data, "x.docx").text
    assert [line for line in text.split("\n") if line.startswith(("一、", "二、", "三、", "四、"))] == \
        [p.heading for p in plan.parts[:4]]


def _national_path() -> str:
    from auditor.rulebook.loader import rules_dir

    return os.path.join(rules_dir(), "national.yaml")


def _placeholder_quotes(audited, rulebook) -> dict[str, list[str]]:
    """Rule id → its message, evidence and details that hold a template placeholder (by the rulebook's patterns)."""
    marks = [r.match for r in rulebook.rules if r.params.get("placeholder")]
    assert marks, "the rulebook names its placeholder patterns"
    found = {}
    for result in audited.results:
        texts = [result.message, *(e.text for e in result.evidence), repr(result.details)]
        quoted = [t for t in texts if any(m.matches(t) for m in marks)]
        if quoted:
            found[result.rule_id] = quoted
    return found


@pytest.mark.parametrize("suffix", [".md", ".docx"])
def test_untouched_outline_placeholders_are_reported_once(tmp_path, invoke, rulebook, suffix):
    if suffix == ".docx":
        pytest.importorskip("docx")
    path = tmp_path / f"draft{suffix}"
    assert invoke("outline", path, "--year", 2023, "--issuer", "某某区人民政府").exit_code == 0
    audited = audit_source(read_path(str(path)), rulebook)
    status = {r.rule_id: r.status for r in audited.results}
    assert status["hygiene.placeholder"] == "fail"
    assert set(_placeholder_quotes(audited, rulebook)) == {"hygiene.placeholder"}
    # an empty 不足 part has no problems to analyse or to pair with plans
    assert status["shortcomings.no_causes"] == "skip"
    assert status["plans.unaddressed_shortcoming"] == "skip"


def test_placeholder_left_beside_real_problems_is_not_one_of_them(tmp_path, rulebook):
    text = render_skeleton_markdown(outline(rulebook, 2023, "government", "某某区人民政府"))
    heading = next(line for line in text.split("\n") if "存在的不足和原因" in line)
    problem = "基层执法人员的业务能力有待提高，部分案卷文书不够规范。"
    text = text.replace(heading + "\n", f"{heading}\n\n{problem}\n", 1)
    path = tmp_path / "draft.md"
    path.write_text(text, encoding="utf-8")
    audited = audit_file(str(path), rulebook)
    causes = next(r for r in audited.results if r.rule_id == "shortcomings.no_causes")
    assert causes.status == "fail"
    assert [e.line for e in causes.evidence] == [text.split("\n").index(problem) + 1]
    assert set(_placeholder_quotes(audited, rulebook)) == {"hygiene.placeholder"}
