"""Parts on real wording (auditor/checks/parts.py), on our own sentences modelled on real reports."""
from __future__ import annotations

from auditor import audit_text
from auditor.checks.points import split_points

from .minireport import RULEBOOK, build_context


def _parts(text):
    return {p.id: p for p in audit_text(text, RULEBOOK).parts}


FLAT = ("某某街道2024年法治政府建设工作总结\n"
        "2024年，某某街道坚持依法行政，推进法治政府建设，现将有关情况总结如下：一、工作开展情况（一）强化组织领导。"
        "街道党工委召开专题会议3次研究法治建设，一是健全议事规则，二是加强制度建设，修订街道合法性审查办法，全年审查合同36份，"
        "审查率100%，办理行政处罚案件12件，案卷评查合格率100%。（二）规范行政执法。全年开展联合执法检查46次，"
        "查处违法建设18处，拆除违法建筑面积3200平方米，受理群众投诉举报件210件，按期办结率100%。（三）化解矛盾纠纷。"
        "健全街道、社区两级调解组织，全年调解纠纷320件，调解成功率97%，开展法律援助咨询150人次。"
        "二、存在问题 一是执法人员专业能力不足，主要原因是新进人员多、培训不够系统；二是基层法治宣传方式单一，"
        "群众参与度不高，原因是宣传阵地建设投入有限。三、下一步工作计划 一是将开展执法人员轮训，全年培训不少于40学时；"
        "二是将完善合法性审查机制，6月底前修订审查办法；三是将创新普法形式，开展以案释法活动不少于10场。\n")


def test_a_flattened_page_is_cut_into_parts_that_keep_their_line():
    parts = _parts(FLAT)
    assert {k: (p.status, p.line) for k, p in parts.items() if k != "leadership" and k != "other"} == {
        "measures": ("present", 2), "shortcomings": ("present", 2), "plans": ("present", 2)}
    ctx = build_context(FLAT, RULEBOOK)
    problems = [p.label for p in split_points(ctx, "shortcomings")]
    assert problems and not any("制度建设" in label for label in problems)   # an achievement of part 一


MERGED = """某某县教育局2023年法治政府建设年度报告
一、2023年推进法治政府建设的主要举措和成效
（一）规范行政决策。全年对规范性文件和重大决策进行合法性审查28件，公开征求意见均不少于30日，审查率100%。
（二）推进依法治校。完成全县中小学法治副校长选聘，开展校园法治讲座120场，处理教育行政复议案件2件。
（三）加强执法监督。开展民办学校专项检查4次，评查行政执法案卷30卷，发现问题8个并整改到位，执法公示率100%。
二、党政主要负责人履行推进法治建设第一责任人职责情况
局主要负责人主持召开党组会议4次专题研究法治建设，带头旁听庭审1次，在年终述职中专题述法，督办法制审核工作。
三、存在的不足及下一步打算
一是执法人员专业力量不足，主要原因是专职法制人员只有2名。
二是依法治校发展不平衡，农村学校法治教育资源较少。
（一）将开展执法人员全员培训，全年培训不少于40学时。
（二）将推进依法治校示范校创建，年底前新创建示范校5所。
"""


def test_one_heading_naming_two_parts_counts_for_both_and_the_plans_start_at_the_future_run():
    parts = _parts(MERGED)
    assert (parts["shortcomings"].line, parts["plans"].line) == (8, 8)
    assert parts["plans"].spans == ((11, 12),) and parts["shortcomings"].spans == ((8, 10),)
    # with one heading for both, shortcomings still come before plans (here without a 第一责任人 part)
    no_leader = "\n".join(line for n, line in enumerate(MERGED.split("\n"), 1) if n not in (6, 7))
    result = audit_text(no_leader, RULEBOOK)
    assert {r.rule_id: r.status for r in result.results}["part.order"] == "pass"


LEADERSHIP_FIRST = """某某县卫生健康局2024年法治政府建设年度报告
一、压实主体责任，筑牢依法行政基础
局党政主要负责人严格履行法治建设第一责任人职责，主持召开党组会议4次专题研究法治建设，带头参加旁听庭审1次，亲自督办重大执法决定法制审核。
二、突出重点领域，推进依法行政
（一）规范执法行为。全年办理行政处罚案件56件，全部经过法制审核，案卷评查合格率100%，执法全过程记录全覆盖。
（二）优化政务服务。推行医疗机构执业登记网上办理，办理时限压缩60%，全年办理审批事项1200件，群众满意率99%。
"""


def test_a_first_part_about_responsibility_opening_with_the_leader_is_the_leadership_part():
    parts = _parts(LEADERSHIP_FIRST)
    assert (parts["leadership"].line, parts["leadership"].placement) == (2, "heading")
    assert parts["measures"].line == 4


def test_a_thematic_first_part_is_part_one():
    text = LEADERSHIP_FIRST.replace("压实主体责任，筑牢依法行政基础", "强化组织领导，提升法治意识")
    parts = _parts(text)
    assert parts["measures"].line == 2
    assert parts["leadership"].status != "missing" and parts["leadership"].placement == "content"


PLANS_BY_POSITION = """某某镇2023年法治政府建设年度报告
一、2023年推进法治政府建设的主要举措和成效
（一）规范行政执法。全年办理行政处罚案件27件，全部经过法制审核，案卷评查合格率100%，执法全过程记录实现全覆盖。
（二）化解矛盾纠纷。全年调解各类纠纷146件，调解成功率96%，健全镇村两级调解网络，培育法律明白人80名。
（三）规范重大决策。制定镇重大行政决策事项目录，全年作出重大决策3项，均经过公众参与、合法性审查和集体讨论决定。
二、存在的问题
一是执法人员专业能力不足，主要原因是新进人员多、培训不系统。二是普法形式比较单一，群众参与度不高。
下一步，我镇将重点做好以下工作：
（一）持续加强执法队伍建设，将开展执法人员全员轮训，全年培训不少于40学时。
（二）全面创新普法形式，力争全年开展以案释法活动不少于10场。
"""


def test_future_measures_after_the_shortcomings_are_the_plans_part_weak():
    parts = _parts(PLANS_BY_POSITION)
    assert (parts["plans"].status, parts["plans"].placement, parts["plans"].line) == ("weak", "content", 9)
    assert parts["shortcomings"].end_line == 8


def test_top_level_arabic_numbering_and_parts_numbered_in_words():
    text = PLANS_BY_POSITION.replace("一、2023年推进", "1、2023年推进").replace("二、存在的问题", "2、存在的问题")
    assert {p: _parts(text)[p].line for p in ("measures", "shortcomings")} == {"measures": 2, "shortcomings": 6}
    text = PLANS_BY_POSITION.replace("一、2023年推进", "第一部分 2023年推进").replace("二、存在的问题", "第二部分 存在的问题")
    assert {p: _parts(text)[p].line for p in ("measures", "shortcomings")} == {"measures": 2, "shortcomings": 6}


def test_last_years_problems_rectified_are_not_this_years_shortcomings():
    text = PLANS_BY_POSITION.replace("二、存在的问题", "二、上年度问题整改落实“回头看”情况")
    assert _parts(text)["shortcomings"].line != 6


def test_a_numbered_line_that_runs_on_is_text_not_a_part_heading():
    # Page-chunk numbers of a copied document ("2、" at a line start) continue the "1、" before 一、, and
    # the line runs on with a sentence that happens to say 重点工作: no plans part.
    text = ("1、2024年度某某镇法治政府建设情况报告区政府：根据法治政府建设实施纲要的规定和区法治政府建设规划的要求，"
            "某某镇依法全面履行政府职能，切实抓好法治政府建设各项工作。现将本镇2024年度法治政府建设工作的主要情况报告如下："
            "一、基本情况2024年，某某镇在区委、区政府的领导下，紧紧围绕依法全面履行政府职能、完善依法行政制度体系、"
            "强化行政权力的制约和监督、依\n"
            "2、法化解矛盾纠纷、开展法治宣传等重点工作，不断夯实基层法治基础。二、主要做法（一）加强政务公开一是完善公开制度。"
            "设立信息公开受理点，配备专职人员。\n")
    assert _parts(text)["plans"].status == "missing"
