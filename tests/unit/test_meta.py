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


def test_web_page_metadata_list_is_read_not_taken_as_title():
    m = _meta("当前位置：首页 > 政务公开 > 法治政府建设\n- 标 题：某某县司法局2023年法治政府建设年度报告\n"
              "- 发布机构：某某县司法局\n- 成文日期：2024-02-20\n- 发布日期：2024-02-26\n\n"
              "2023年，某某县司法局坚持依法行政，推进法治政府建设。\n一、主要举措和成效\n")
    assert (m.title, m.title_line) == ("某某县司法局2023年法治政府建设年度报告", 2)
    assert (m.issuer, m.level, m.year) == ("某某县司法局", "department", 2023)
    assert (m.published, m.published_line, m.signed) == ("2024-02-26", 5, "2024-02-20")


def test_issuer_from_the_opening_sentence_with_its_line():
    m = _meta("2021年以来，某某市公安局按照市委、市政府部署，扎实推进法治公安建设，取得明显成效。\n一、主要举措和成效\n")
    assert (m.issuer, m.issuer_line, m.issuer_source, m.level) == ("某某市公安局", 1, "opening", "department")


def test_signature_block_gives_issuer_date_and_the_year_before():
    m = _meta("关于法治政府建设情况的报告\n\n今年以来，全区上下坚持依法行政，推进法治政府建设，取得积极成效。\n"
              "一、主要举措和成效\n推进严格规范公正文明执法，评查案卷100卷。\n\n某某区人民政府\n2022年1月5日\n")
    assert (m.issuer, m.issuer_source, m.level) == ("某某区人民政府", "signature", "government")
    assert (m.signed, m.published, m.year, m.year_source) == ("2022-01-05", "2022-01-05", 2021, "signature")


def test_a_report_dated_in_december_is_about_that_year():
    m = _meta("关于法治政府建设工作情况的报告\n\n全局上下坚持依法行政，推进法治政府建设，取得积极成效。\n"
              "一、主要举措和成效\n\n某某县教育局\n2019年12月18日\n")
    assert (m.year, m.level) == (2019, "department")


def test_a_phrase_such_as_this_term_of_government_is_no_issuer():
    m = _meta("本届政府以来，坚持依法行政，推进法治政府建设，取得积极成效，现将有关情况报告如下：\n一、主要举措和成效\n")
    assert m.issuer is None


def test_level_from_how_the_report_speaks_of_itself():
    m = _meta("2023年，在区委、区政府的坚强领导下，我镇坚持以习近平法治思想为指导，推进法治政府建设。\n一、主要举措和成效\n")
    assert (m.issuer, m.level) == (None, "township")


def test_navigation_junk_never_becomes_title_or_issuer():
    m = _meta("首页 > 政务公开 > 某某局 > 年度报告\n字体大小：【大 中 小】 【打印】【关闭】\n分享到：\n\n"
              "2024年，某某县应急管理局坚持依法行政，推进法治政府建设。\n一、主要举措和成效\n")
    assert (m.title, m.issuer) == (None, "某某县应急管理局")


def test_a_title_split_over_two_lines():
    m = _meta("某某乡人民政府\n关于法治政府建设的情况报告\n2025年，是纲要实施的收官之年，全乡推进法治政府建设。\n一、主要举措\n")
    assert (m.title, m.issuer, m.level, m.year) == ("某某乡人民政府关于法治政府建设的情况报告", "某某乡人民政府",
                                                   "township", 2025)


def test_years_in_cited_titles_and_ranges_do_not_date_the_report():
    m = _meta("根据《法治政府建设实施纲要(2021—2025年)》和上级要求，现将我局2022年度法治政府建设情况报告如下：\n"
              "一、主要举措和成效\n")
    assert m.year == 2022


def test_a_clause_that_ends_in_a_place_name_is_no_issuer():
    m = _meta("日前，市人大常委会调研组到某某区调研法治政府建设情况。\n"
              "调研组充分肯定了某某区法治政府建设取得的成绩，并指出要进一步总结经验。\n")
    assert m.issuer is None
    m = _meta("2023年，有序推动全镇法治建设工作，坚持依法行政，取得积极成效。\n一、主要举措和成效\n")
    assert m.issuer is None


def test_plausible_names_are_organisations():
    from auditor.text.issuer import plausible_name

    for name in ("某某市人力资源和社会保障局", "某某县市场监督管理局", "中共某某县委全面依法治县委员会办公室",
                 "某某市某某区人民政府某某街道办事处", "景德镇市"):
        assert plausible_name(name), name
    for name in ("调研组充分肯定了某某区", "有序推动全镇", "成立中共某某市委", "区政府各部门及各街道",
                 "协助区委编办", "某" * 31 + "局", "某某法治建设"):
        assert not plausible_name(name), name


def test_a_generic_name_is_qualified_by_the_full_name_the_text_gives():
    text = ("2023年，区交通运输局坚持以习近平法治思想为指导，全面推进依法行政，各项工作取得成效。\n"
            "一、主要举措和成效\n"
            "（一）完善制度。制定《某某市青石区交通运输局2023年依法行政工作要点》，明确分工。\n")
    m = _meta(text)
    assert (m.issuer, m.issuer_line, m.level) == ("某某市青石区交通运输局", 3, "department")


def test_a_clause_before_a_generic_name_never_qualifies_it():
    text = ("2023年，省水利厅坚持依法行政，推进全省法治政府建设和省水利厅机关法治建设，取得成效。\n"
            "一、主要举措和成效\n")
    assert _meta(text).issuer == "省水利厅"


def test_a_lead_sentence_citing_the_title_gives_title_and_issuer():
    m = _meta("《某某市人民政府2019年度法治政府建设情况报告》是2020年某某市人民政府发布的报告。\n"
              "2019年，我市坚持依法行政，推进法治政府建设。\n一、主要举措和成效\n")
    assert (m.title, m.issuer, m.year) == ("某某市人民政府2019年度法治政府建设情况报告", "某某市人民政府", 2019)


def test_a_flattened_page_whose_title_runs_into_the_opening():
    m = _meta("某某县交通运输局2024年度法治政府建设情况报告2024 年，某某县交通运输局坚持依法行政，推进法治政府建设，"
              "取得明显成效。一、主要举措和成效（一）完善制度。全年制定规范性文件3件，全部经过合法性审查。\n")
    assert (m.title, m.title_line, m.issuer, m.year) == ("某某县交通运输局2024年度法治政府建设情况报告", 1,
                                                         "某某县交通运输局", 2024)
