"""The matching view: folding, residue, hard-wrap joining, and the map back to original lines."""
from __future__ import annotations

from auditor.text.normalize import fold, normalize_text


def test_full_width_and_cjk_digit_spaces_are_folded():
    assert fold("２０２０ 年，共 24 件") == "2020年,共24件"
    assert fold("（一）依法行政") == "(一)依法行政"


def test_latin_words_keep_their_spaces():
    assert fold("rule of law") == "rule of law"


def test_residue_is_removed_but_remembered():
    view = normalize_text("第一行\n（2） [bookmark: _GoBack]统筹推进法治政府建设\n")
    assert view.norm[1] == "(2)统筹推进法治政府建设"
    assert view.residue == ((2, "[bookmark: _GoBack]"),)


def test_hard_wrapped_sentence_is_joined_and_keeps_both_lines():
    text = "1. 落实重大行政决策程序。认真贯彻《重大行政决策程序暂\n\n行条例》，严格落实各项程序要求。\n"
    view = normalize_text(text)
    joined = [p for p in view.paragraphs if "暂行条例" in p.text]
    assert len(joined) == 1
    para = joined[0]
    assert para.lines == (1, 3)
    assert para.line_at(para.text.index("行条例")) == 3


def test_titles_and_bare_headings_are_not_joined():
    view = normalize_text("北京市某区人民政府2020年法治政府建设年度报告\n2020年，某区坚持依法行政。\n"
                          "（三）持续提升科学、民主、依法决策水平\n制定决策程序规定。\n")
    assert [p.lines for p in view.paragraphs] == [(1,), (2,), (3,), (4,)]


def test_excerpt_quotes_the_original_line():
    text = "前言\n区政府共审核规范性文件 24 件，提出意见。\n"
    view = normalize_text(text)
    start = view.norm[1].index("24件")
    excerpt = view.excerpt(2, start, start + 3)
    assert "24 件" in excerpt
    assert excerpt in text.split("\n")[1]


def test_ellipsis_expansion_keeps_the_map_exact():
    # NFKC turns "…" into "..." (one char → three): offsets after it must still map back.
    text = "引言\n一是……二是强化执法监督。\n"
    view = normalize_text(text)
    start = view.norm[1].index("执法监督")
    assert view.excerpt(2, start, start + 4, width=4) == "执法监督"


def test_crlf_and_lf_give_the_same_view():
    a = normalize_text("一、工作情况\n正文。\n")
    b = normalize_text("一、工作情况\r\n正文。\r\n".replace("\r\n", "\n"))
    assert a.norm == b.norm


def test_replacement_character_is_neutral_for_matching_but_quoted():
    # U+FFFD marks bytes the reader could not decode; a term split by one must still match.
    text = "引言\n加快推进“放管\ufffd服”改革。\n"
    view = normalize_text(text)
    assert view.norm[1] == "加快推进“放管服”改革。"
    start = view.norm[1].index("放管服")
    assert view.excerpt(2, start, start + 3, width=3) == "放管\ufffd服"
