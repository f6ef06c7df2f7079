"""Headings are found by their numbering marker, with the marker style actually used."""
from __future__ import annotations

from auditor.text.markers import cn_to_int, parse_marker
from auditor.text.normalize import normalize_text
from auditor.text.sections import parse_sections


def _sections(text):
    return parse_sections(normalize_text(text))


def test_four_levels():
    secs = _sections("一、工作情况\n（一）依法履职\n1.推进改革\n（1）完善制度\n")
    assert [(s.level, s.number) for s in secs] == [(1, 1), (2, 1), (3, 1), (4, 1)]


def test_marker_style_is_kept():
    secs = _sections("一、甲\n（一）乙\n(二)丙\n1、丁\n2.戊\n3、 2020年某某情况\n")
    assert [s.style for s in secs] == ["cn、", "（cn）", "(cn)", "num、", "num.", "num、"]
    assert secs[-1].number == 3


def test_enumerations_and_numbers_are_not_headings():
    secs = _sections("一是加强领导，二是完善制度。\n2020年，全区共办理案件。\n1.5万件案件已办结。\n")
    assert secs == ()


def test_run_in_heading_title_stops_at_the_full_stop():
    secs = _sections("1.规范依法决策程序。加强重大行政决策机制建设。\n")
    assert secs[0].title == "规范依法决策程序"
    assert secs[0].body_chars > 0


def test_a_space_ends_a_heading_only_when_body_text_follows_it():
    secs = _sections("二、存在问题 一是执法人员专业能力不足，培训不够系统。\n"
                     "三、2024年推进法治政府建设的主要安 排\n"
                     "（一）加强组织领导  构建依法治理工作新格局\n")
    assert [s.title for s in secs] == ["存在问题", "2024年推进法治政府建设的主要安排",
                                       "加强组织领导构建依法治理工作新格局"]


def test_span_ends_before_the_next_heading_of_same_or_higher_level():
    secs = _sections("一、甲\n（一）乙\n正文\n（二）丙\n正文\n二、丁\n正文\n")
    first, sub1, sub2, second = secs
    assert (first.line, first.end_line) == (1, 5)
    assert (sub1.line, sub1.end_line) == (2, 3)
    assert (second.line, second.end_line) == (6, 7)


def test_chinese_numerals():
    assert [cn_to_int(x) for x in ("一", "十", "十二", "二十", "二十三")] == [1, 10, 12, 20, 23]
    assert parse_marker("十一、其他") is not None
