"""Splitting a part into its points (auditor/checks/points.py)."""
from __future__ import annotations

from auditor.api import build_context
from auditor.checks.points import split_points

from .minireport import RULEBOOK, report


def labels(text: str, part: str) -> list[str]:
    return [p.label for p in split_points(build_context(text, RULEBOOK), part)]


def test_enumerated_clauses_are_points():
    text = report(shortcomings="虽然取得一定成绩，但仍存在以下问题：一是执法不够规范，案卷质量不高。二是公开不够及时。")
    assert labels(text, "shortcomings") == ["一是执法不够规范", "二是公开不够及时"]


def test_sub_headings_are_points():
    found = labels(report(), "plans")
    assert [label[:8] for label in found] == ["（一）开展基层执", "（二）为各乡镇配"]


def test_semicolons_split_a_single_paragraph():
    text = report(plans="2024年，将深化行政执法体制改革，完善基层执法力量配置；健全学法用法制度，组织法治专题培训；推动行政复议规范化建设。")
    assert len(labels(text, "plans")) == 3


def test_plain_paragraphs_are_points_and_introductions_are_not():
    text = report(plans="重点做好以下工作：\n深化行政执法体制改革，完善基层执法力量配置。\n健全学法用法制度，组织法治专题培训。")
    assert labels(text, "plans") == ["深化行政执法体制改革", "健全学法用法制度"]


def test_missing_part_has_no_points():
    assert split_points(build_context(report().split("四、2024年")[0], RULEBOOK), "plans") == []
