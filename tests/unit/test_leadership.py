"""leadership.personal: the 第一责任人 part describes what the principal leader did."""
from __future__ import annotations

import pytest

from .minireport import outcome, report, status

RULE = "leadership.personal"


@pytest.mark.parametrize("text", [
    "区司法局党组高度重视法治建设，召开专题会议研究部署，将法治建设纳入年度工作要点，推动各项工作落实落地，取得良好成效。",
    "领导小组组长由副区长担任，领导小组办公室设在司法局，负责统筹推进全区法治政府建设各项工作，督促检查和考核评价。",
    # the leader named only inside a cited title, and 部署 as a noun
    "认真贯彻《党政主要负责人履行推进法治建设第一责任人职责规定》，全面落实市委市政府决策部署。",
    "全面落实上级工作部署，区长办公室统筹推进各项工作。",
])
def test_institutional_restatement_is_partial(text):
    result = outcome(RULE, report(leadership=text))
    assert result.status == "partial"
    assert result.evidence


@pytest.mark.parametrize("text", [
    "区长主持召开区政府常务会议6次专题研究法治政府建设，将法治建设纳入年度工作计划，推动各项任务落实。",
    "党政主要负责人坚持重要工作亲自部署、重大问题亲自过问，组织全体干部集中学习习近平法治思想。",
    "区长、主管副区长各出庭应诉1次，支持法院依法受理和审理行政案件，认真办理司法建议。",
    "局主要负责人全年参加重要法治建设会议、活动20余次，在全局干部大会上作法治专题讲话。",
    "镇党委书记出席宪法宣誓仪式并带领新任干部宣誓。",
])
def test_personal_actions_pass(text):
    result = outcome(RULE, report(leadership=text))
    assert result.status == "pass"
    assert result.evidence[0].line == 15


def test_missing_part_skips():
    text = report().replace("三、2023年党政主要负责人履行推进法治建设第一责任人职责情况\n", "")
    text = text.replace("县长主持召开县政府常务会议4次专题研究法治政府建设，带头出庭应诉2次，在年终述职中专题述法，亲自督办重大行政决策合法性审查工作。\n", "")
    assert status(RULE, text) == "skip"
