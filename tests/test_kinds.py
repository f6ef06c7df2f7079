"""Document kinds (auditor/text/kind.py): a report is audited even when only part 一 is there; the
look-alikes reviewers receive are recognised, with the line that shows it, and fail the gate.

Every text here is our own, modelled on the structures of real documents."""
from __future__ import annotations

import pytest

from auditor import audit_text

DRAFT = """某某镇2025年法治政府建设年度报告

2025年，某某镇坚持以习近平法治思想为指导，统筹推进法治政府建设，现将有关情况报告如下：
一、2025年推进法治政府建设的主要举措和成效
（一）规范行政执法。全年办理行政处罚案件27件，全部经过法制审核，案卷评查合格率100%，执法全过程记录实现全覆盖。
（二）化解矛盾纠纷。全年调解各类纠纷146件，调解成功率96%，健全镇村两级调解网络，培育法律明白人80名。
（三）规范重大决策。制定镇重大行政决策事项目录，全年作出重大决策3项，均经过公众参与、合法性审查和集体讨论决定。
（四）加强法治宣传。组织“法律进村居”活动18场，培养农村学法用法示范户60户，建成村级法治文化阵地5处。
"""

PERSONAL = """某某镇党委书记履行推进法治建设第一责任人职责情况的报告

今年以来，我认真履行推进法治建设第一责任人职责，把法治建设摆在全局工作的重要位置。现将本人履职情况报告如下：
一、履行第一责任人职责情况
我主持召开镇党委会议4次专题研究法治建设，亲自审定镇村法治建设工作要点，带头参加旁听庭审1次。
二、存在的不足
本人学法的系统性还不够，对基层执法工作的督促检查不够经常。
"""

PERSONAL_NO_TITLE = """一、履职情况
主持召开专题会议4次，研究解决综合执法改革、土地承包纠纷等问题，签署依法履职承诺书。
二、存在问题
学法用法的深度不够，对村级法治工作的指导不够具体。
"""

DISCLOSURE = """某某街道2024年政府信息公开工作年度报告

本报告根据《中华人民共和国政府信息公开条例》要求编制，包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等内容。
一、总体情况
2024年，某某街道坚持依法行政，推进政务公开，主动公开政府信息120条，办理依申请公开3件。
"""

DISCLOSURE_NO_TITLE = """根据《中华人民共和国政府信息公开条例》规定，特向社会公布某某街道2024年度政府信息公开工作年度报告。
一、总体情况
（一）主动公开。全年主动公开政府信息120条。
"""

WORK_POINTS = """某某镇2025年依法治镇工作要点

为深入推进法治政府建设，结合本镇实际，制定本要点。
一、加强党对法治建设的领导
1.各村（社区）要把法治建设纳入年度工作计划，明确专人负责。
2.镇党委每半年至少听取一次法治建设工作汇报。
二、推进严格规范公正文明执法
1.全面落实行政执法三项制度，确保执法案卷合格率达到95%以上。
"""

WORK_POINTS_FLAT = ("2025年依法治镇工作要点一、认真落实上级法治建设部署1、各村（社区）要对照考核指标开展自查，查漏补缺。"
                    "2、镇机关各部门要完善依法决策机制。二、加强法治政府建设1、健全镇便民服务中心制度。")

PUFA = """2024年，是“八五”普法承上启下的关键之年，一年来某某镇扎实开展“法律进乡村”“法律进学校”等普法活动。
（一）加强组织领导。调整普法工作领导小组，制定年度普法工作计划。
（二）丰富普法形式。举办普法讲座12场，发放宣传资料5000份。
"""

GOV_WORK = """某某镇政府工作报告

各位代表：
现在，我代表某某镇人民政府向大会报告工作，请予审议。
一、过去一年工作回顾
过去一年，全镇地区生产总值增长6%。
"""

NEWS = """本报讯（记者 某某）近日，某某市司法局发布2024年度法治政府建设年度报告评估结果。
《报告》指出，全市各区县均按时公开了年度报告，内容更加规范。
评估组认为，部分报告对存在的不足分析不够深入。
"""


INTERPRETATION = """《某某县人民政府关于2024年度法治政府建设情况的报告》政策解读

一、起草背景
按照上级要求，县政府每年第一季度报告上一年度法治政府建设情况，并向社会公开。
二、起草过程
县司法局汇总各单位材料后形成初稿，经征求意见、修改完善，报县政府审定。
三、主要内容
报告分为主要举措和成效、存在的不足和原因、下一年度主要安排等部分。
"""


ARTICLE = """法治政府建设年度报告的质量与改进

摘要：本文以若干份市县法治政府建设年度报告为样本，分析报告在结构、数据和问题分析方面的不足。
关键词：法治政府；年度报告；文本分析
一、问题的提出
年度报告制度实施以来，各地报告的完整性逐年提高，但对不足和原因的分析仍然偏少。
"""

SURVEY = """关于某某区法治政府建设情况的调研报告

为了解基层法治政府建设情况，课题组走访了某某区的五个街道和十个部门，现将调研情况报告如下。
一、基本情况
各单位普遍建立了合法性审查机制，但基层执法力量仍显不足。
"""


def test_a_title_and_part_one_only_is_audited_with_three_parts_missing(rulebook):
    result = audit_text(DRAFT, rulebook)
    assert result.is_report and result.kind.id == "report"
    assert result.kind.evidence.line == 1
    parts = {p.id: p.status for p in result.parts}
    assert parts == {"measures": "present", "shortcomings": "missing", "leadership": "missing",
                     "plans": "missing", "other": "missing"}
    checks = {r.rule_id: r.status for r in result.results}
    assert [checks[f"part.{p}"] for p in ("shortcomings", "leadership", "plans")] == ["fail"] * 3
    assert result.passed is False


@pytest.mark.parametrize("text, kind, line", [
    (PERSONAL, "personal_report", 1),
    (PERSONAL_NO_TITLE, "personal_report", 1),
    (DISCLOSURE, "info_disclosure_report", 1),
    (DISCLOSURE_NO_TITLE, "info_disclosure_report", 1),
    (WORK_POINTS, "work_plan", 1),
    (WORK_POINTS_FLAT, "work_plan", 1),
    (PUFA, "pufa_summary", 1),
    (GOV_WORK, "gov_work_report", 1),
    (NEWS, "news", 1),
    (INTERPRETATION, "news", 1),
    (ARTICLE, "other", 1),
    (SURVEY, "other", 1),
], ids=["personal", "personal-no-title", "disclosure", "disclosure-no-title", "work-points",
        "work-points-flat", "pufa", "gov-work", "news", "interpretation", "article", "survey"])
def test_look_alikes_are_recognised_with_the_line_and_fail_the_gate(text, kind, line, rulebook):
    result = audit_text(text, rulebook)
    assert result.kind.id == kind
    assert result.kind.evidence is not None and result.kind.evidence.line == line
    assert result.kind.reason
    assert (result.is_report, result.passed, result.results) == (False, False, ())
    assert result.notes           # the reader is told what was recognised and why


def test_a_report_reproduced_under_a_news_headline_is_still_a_report(rulebook):
    text = "某某市应急管理局发布2024年法治政府建设年度报告\n\n据某某市应急管理局消息，具体内容如下：\n" + DRAFT.split("\n", 2)[2]
    assert audit_text(text, rulebook).kind.id == "report"


def test_a_report_citing_work_points_is_a_report(rulebook):
    text = DRAFT.replace("坚持以习近平法治思想为指导", "围绕年度法治政府建设工作要点")
    assert audit_text(text, rulebook).kind.id == "report"


def test_unrelated_text_is_other(rulebook):
    result = audit_text("会议通知\n\n定于下周一上午召开全体职工大会，请准时参加。\n", rulebook)
    assert (result.kind.id, result.passed) == ("other", False)
