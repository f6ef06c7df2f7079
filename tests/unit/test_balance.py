"""balance.*: 报喜不报忧 and 泛化, with numbers (auditor/checks/balance.py)."""
from __future__ import annotations

from .minireport import MEASURES, outcome, report, status

LONG_MEASURES = MEASURES + "\n" + "\n".join(
    f"（{n}）专项工作\n深入推进依法行政，完善工作机制，强化监督检查，全年办理事项{k}件，群众满意率达到9{k % 10}%，各项工作取得明显成效。"
    for n, k in zip("四五六七八九十", range(11, 18)))


def test_tiny_shortcomings_part_fails_with_the_ratio():
    result = outcome("balance.shortcomings_share", report(measures=LONG_MEASURES, shortcomings="执法不够规范，原因是培训少。"))
    assert result.status == "fail"
    details = dict(result.details)
    assert details["ratio"] < 0.1 and details["measures_lines"] > details["shortcomings_lines"]


def test_proportionate_shortcomings_pass():
    assert status("balance.shortcomings_share", report()) == "pass"


def test_measures_without_figures_fail():
    measures = ("（一）规范行政决策\n严格落实重大行政决策程序，不断提升决策科学化、民主化、法治化水平，取得明显成效。\n"
                "（二）推进严格规范公正文明执法\n全面落实行政执法三项制度，执法规范化水平进一步提升，群众满意度不断提高。\n"
                "（三）化解矛盾纠纷\n依法办理行政复议案件，行政机关负责人积极出庭应诉，矛盾纠纷化解成效明显。")
    result = outcome("balance.quantified", report(measures=measures))
    assert result.status == "fail" and dict(result.details)["figures"] == 0


def test_measures_with_figures_pass():
    result = outcome("balance.quantified", report())
    assert result.status == "pass" and dict(result.details)["figures"] >= 5


def test_mostly_propaganda_and_party_building_fails():
    measures = ("（一）深入开展普法宣传\n开展“八五”普法，举办法治讲座，开展民法典宣传月、宪法宣传周活动，推动法治宣传教育进社区。\n"
                "（二）坚持党建引领\n组织党员干部开展主题教育，各党支部开展专题学习，党组织作用充分发挥。\n"
                "（三）依法决策\n落实重大行政决策程序。")
    result = outcome("balance.core_areas", report(measures=measures))
    assert result.status == "fail"
    assert dict(result.details)["peripheral_share"] > 0.5


def test_core_areas_pass():
    assert status("balance.core_areas", report()) == "pass"
