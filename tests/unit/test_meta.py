"""Title, issuer, year and level from the title line and the opening paragraph."""
from __future__ import annotations

from auditor.text.meta import extract_meta
from auditor.text.normalize import normalize_text
from auditor.text.sections import parse_sections


def _meta(text):
    view = normalize_text(text)
    return extract_meta(view, parse_sections(view))


def test_title_issuer_year_level_from_title():
    m = _meta("某市某区人民政府2022年法治政府建设年度报告\n\n2022年，全区坚持依法行政，推进法治政府建设。\n一、主要举措和成效\n")
    assert (m.issuer, m.year, m.level) == ("某市某区人民政府", 2022, "government")


def test_township_and_department_levels():
    assert _meta("某区某某街道办事处2024年法治政府建设年度报告\n一、举措\n").level == "township"
    assert _meta("某某镇人民政府2024年法治政府建设年度报告\n一、举措\n").level == "township"
    assert _meta("某区市场监督管理局\n2021年法治政府建设年度报告\n一、举措\n").level == "department"


def test_no_title_line_infers_from_opening():
    m = _meta("2021年，某县司法局坚持以习近平法治思想为指导，全面推进依法行政工作，取得明显成效。现报告如下：\n一、主要举措和成效\n")
    assert m.title is None
    assert (m.issuer, m.year, m.level) == ("某县司法局", 2021, "department")


def test_unknown_when_nothing_says():
    m = _meta("一、工作情况\n做了很多工作。\n")
    assert (m.title, m.issuer, m.level) == (None, None, "unknown")
