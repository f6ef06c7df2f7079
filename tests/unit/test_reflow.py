"""Flattened lines are cut at their inline headings; every row keeps its original line number."""
from __future__ import annotations

from auditor.text.reflow import reflow

FLAT = ("某某街道2024年法治政府建设工作总结 2024年，某某街道坚持依法行政，推进法治政府建设，现将有关情况总结如下："
        "一、工作开展情况（一）强化组织领导。街道党工委召开专题会议3次研究法治建设。二是加强制度建设，修订议事规则。"
        "（二）规范行政执法。全年办理行政处罚案件12件。二、存在问题 执法人员专业能力不足，主要原因是培训不够。"
        "三、下一步工作计划 一是将开展执法人员轮训；二是将完善合法性审查机制。")


def test_a_flattened_line_is_cut_before_each_inline_heading():
    rows = reflow("标题行\n" + FLAT + "\n")
    pieces = rows.text.split("\n")
    starts = [p[:6] for p in pieces]
    assert starts[2:] == ["一、工作开展", "（一）强化组", "（二）规范行", "二、存在问题", "三、下一步工", ""]
    assert rows.origin == (1, 2, 2, 2, 2, 2, 2, 3)
    assert [rows.line(n) for n in (1, 4, 8)] == [1, 2, 3]


def test_enumerations_and_ordinary_lines_are_not_cut():
    text = "一、主要举措和成效\n（一）加强领导。一是健全机制，二是压实责任。\n短行：一、不切。\n"
    rows = reflow(text)
    assert rows.origin is None and rows.text == text


def test_numbers_must_run_in_order():
    # the first inline heading may continue an earlier line ("二、" after a line with "一、");
    # after it, only the next number is a heading
    line = "情况如下：" + "甲" * 200 + "。二、第二部分标题。正文继续说明。一、不是标题的引用。三、第三部分标题" + "乙" * 20
    assert [p[:2] for p in reflow(line).text.split("\n")] == ["情况", "二、", "三、"]
