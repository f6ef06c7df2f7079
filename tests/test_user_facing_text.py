"""What a clerk, a reviewer or a CI page shows is in their words: no rulebook caveats in the basis
(those stay in the rulebook's own listings — ``rules show``, ``rules list``'s "（待核实）" mark, docs/rules.md —
and the JSON), status words that fit the rule (不符合 for a property of
the text, 缺失 for absent content), Chinese labels in ``audit explain``."""
from __future__ import annotations

import json
import re
import zipfile

import pytest

from auditor.render import RENDERERS
from auditor.render.outputs import FILE_ONLY
from auditor.rulebook.basis import CAVEATS, plain_basis

# Our own short draft: parts out of order, a template placeholder, problems without causes, and
# little content, so checks of every kind fail (many of them on rules whose basis carries caveats).
DRAFT = """某某区2023年法治政府建设年度报告
一、2023年推进法治政府建设的主要举措和成效
（一）完善制度建设。全年审查规范性文件12件，清理文件8件。
二、党政主要负责人履行推进法治建设第一责任人职责情况
区长主持召开常务会议3次，研究法治政府建设工作。
三、存在的不足和原因
一是执法队伍力量不足。二是20XX年度考核指标不够细化。
四、2024年工作安排
继续加强执法队伍建设。
"""
PROPERTY_STATUS = {"fail": "不符合", "partial": "部分符合"}


@pytest.fixture(scope="module")
def draft(tmp_path_factory):
    path = tmp_path_factory.mktemp("draft") / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def checked(draft):
    from auditor import audit_file

    return audit_file(str(draft))


def caveats_in(text: str) -> list[str]:
    return [word for word in CAVEATS if word in text]


def archive_text(path) -> str:
    with zipfile.ZipFile(path) as z:
        return "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))


def test_the_draft_fails_checks_whose_basis_carries_caveats(checked):
    """The precondition of the test below: the JSON (which keeps the caveats) has some to leak."""
    gaps = [r for r in checked.results if r.status in ("fail", "partial")]
    assert [r.rule_id for r in gaps if caveats_in(r.basis)]
    assert all(not caveats_in(plain_basis(r.basis)) for r in checked.results)


def test_no_output_but_json_and_rules_show_carries_the_rulebook_caveats(draft, invoke, tmp_path, checked):
    shown = {}
    for fmt in RENDERERS:
        result = invoke("check", draft, "-f", fmt, "--no-color")
        assert result.exit_code in (0, 1), (fmt, result.stderr)
        shown[fmt] = result.output
    assert caveats_in(shown["json"]) and caveats_in(shown["jsonl"])
    for fmt in FILE_ONLY:
        pytest.importorskip({"xlsx": "openpyxl", "dashboard": "matplotlib", "docx": "docx"}[fmt])
        out = tmp_path / f"out.{'html' if fmt == 'dashboard' else fmt}"
        assert invoke("check", draft, "-f", "json", "-o", f"{fmt}:{out}").exit_code in (0, 1)
        shown[fmt] = out.read_text(encoding="utf-8") if fmt == "dashboard" else archive_text(out)
    shown["verbose"] = invoke("check", draft, "-v", "--no-color", "--width", "400").output
    for r in checked.results:
        if caveats_in(r.basis):
            shown[f"explain {r.rule_id}"] = invoke("explain", r.rule_id, draft).output
            assert caveats_in(invoke("explain", r.rule_id, draft, "-f", "json").output)
    for suffix in ("md", "docx"):
        outline = tmp_path / f"outline.{suffix}"
        assert invoke("outline", "--year", "2023", outline).exit_code == 0
        shown[f"outline .{suffix}"] = archive_text(outline) if suffix == "docx" else outline.read_text(encoding="utf-8")
    leaks = {name: caveats_in(text) for name, text in shown.items() if name not in ("json", "jsonl")}
    assert {name: words for name, words in leaks.items() if words} == {}
    assert caveats_in(invoke("rules", "show", next(r.rule_id for r in checked.results if caveats_in(r.basis))).output)


def test_property_checks_read_not_met_and_absent_content_reads_missing(draft, invoke, checked, tmp_path):
    gaps = {r.rule_id: r for r in checked.results if r.status in ("fail", "partial")}
    properties = {i for i, r in gaps.items() if r.kind in ("quality", "format")}
    content = {i for i, r in gaps.items() if r.kind in ("part", "item") and r.status == "fail"}
    assert {"part.order", "hygiene.placeholder", "shortcomings.no_causes"} <= properties and content
    labels = {}
    # SARIF carries the label per result; the annotation formats and JUnit say it after the title.
    sarif = json.loads(invoke("check", draft, "-f", "sarif").output)
    for result in sarif["runs"][0]["results"]:
        labels.setdefault("sarif", {})[result["ruleId"]] = result["properties"]["statusLabel"]
    for line in invoke("check", draft, "-f", "github").output.splitlines():
        rule_id = re.search(r"title=([\w.]+) ", line).group(1)
        labels.setdefault("github", {})[rule_id] = re.search(r"::.*?（([^（）]*)）：", line).group(1)
    markdown = invoke("check", draft, "-f", "markdown").output
    for label, rule_id in re.findall(r"^\| \S+ (\S+) \| [^|]+ \| `([\w.]+)` \|", markdown, re.M):
        labels.setdefault("markdown", {})[rule_id] = label
    html = invoke("check", draft, "-f", "html").output
    for label, rule_id in re.findall(r'<span class="badge \w+">([^<]+)</span></td><td>[^<]*<span class="id">([\w.]+)</span>', html):
        labels.setdefault("html", {})[rule_id] = label
    assert set(labels) == {"sarif", "github", "markdown", "html"}
    for fmt, found in labels.items():
        for rule_id in properties:
            assert found[rule_id] == PROPERTY_STATUS[gaps[rule_id].status], (fmt, rule_id)
        for rule_id in content:
            assert found[rule_id] == "缺失", (fmt, rule_id)


def test_explain_speaks_the_reports_labels(draft, invoke, checked):
    internal = re.compile(r"\b(?:pass|partial|fail|skip|error|warning|info|government|department|township|"
                          r"match|measures|shortcomings|leadership|plans)\b|re:|\(partial\)|（partial）")
    for rule_id in ("part.order", "part.shortcomings", "enforcement.three_systems", "hygiene.placeholder"):
        text = invoke("explain", rule_id, draft).output
        first = text.splitlines()[0]
        assert rule_id in first                        # the id a user configures stays
        assert internal.findall(text.replace(rule_id, "")) == [], rule_id


def test_every_basis_names_a_document_not_a_finding(rulebook):
    """A basis names a regulation or document (and its article or section); evaluation findings and
    review practice belong in the description or the severity reason."""
    findings = re.compile(r"(?<!后)评估|审阅要点|指出|事例|参考资料|明天|§")
    document = re.compile(r"《[^》]+》|国办发〔\d{4}〕|规定|办法|责任制")
    wrong = []
    for rule in rulebook.rules:
        for clause in plain_basis(rule.basis).split("；"):
            if findings.search(clause) or not document.search(clause):
                wrong.append((rule.id, clause))
    assert wrong == []
