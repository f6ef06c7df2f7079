"""Small synthetic reports for the quality-check unit tests: every part present, one part varied."""
from __future__ import annotations

from auditor import load_rulebook
from auditor.api import build_context
from auditor.engine import run_rule

RULEBOOK = load_rulebook()

MEASURES = """（一）规范行政决策
严格落实重大行政决策程序，全年审查重大行政决策事项12件，公开征求意见期限均不少于30日，合法性审查率100%。
（二）推进严格规范公正文明执法
全面落实行政执法公示、执法全过程记录、重大执法决定法制审核制度，评查案卷210卷，发现问题36个并督促整改到位。
（三）化解矛盾纠纷
全年办理行政复议案件85件，纠错率7.1%；行政机关负责人出庭应诉率达到100%，办理司法建议3件。"""

SHORTCOMINGS = "一是基层执法队伍专业化程度不高，主要原因是执法人员多为转岗人员。二是乡镇合法性审查力量薄弱，由于缺少专职法律人员，审查质量不高。"
LEADERSHIP = "县长主持召开县政府常务会议4次专题研究法治政府建设，带头出庭应诉2次，在年终述职中专题述法，亲自督办重大行政决策合法性审查工作。"
PLANS = """（一）开展基层执法人员全员轮训，提升执法队伍专业化水平。
（二）为各乡镇配备专职法律顾问，健全乡镇合法性审查机制。"""


def report(year: int = 2023, *, title: str | None = None, opening: str | None = None, measures: str = MEASURES,
           measures_heading: str | None = None, shortcomings: str = SHORTCOMINGS, leadership: str = LEADERSHIP,
           plans: str = PLANS, plans_heading: str | None = None) -> str:
    """A complete short report for ``year``; any part can be replaced."""
    title = title if title is not None else f"某县{year}年法治政府建设年度报告"
    opening = opening if opening is not None else f"{year}年，某县坚持以习近平法治思想为指导，扎实推进法治政府建设，现将有关情况报告如下。"
    measures_heading = measures_heading or f"一、{year}年推进法治政府建设的主要举措和成效"
    plans_heading = plans_heading or f"四、{year + 1}年推进法治政府建设的主要安排"
    return "\n".join([
        title, "", opening, "", measures_heading, measures,
        f"二、{year}年推进法治政府建设存在的不足和原因", shortcomings,
        f"三、{year}年党政主要负责人履行推进法治建设第一责任人职责情况", leadership,
        plans_heading, plans, "",
    ])


def outcome(rule_id: str, text: str, previous: str | None = None):
    """Run one rule of the national rulebook on ``text`` (``previous``: last year's report)."""
    ctx = build_context(text, RULEBOOK)
    if previous is not None:
        ctx.previous = build_context(previous, RULEBOOK)
    return run_rule(RULEBOOK.get(rule_id), ctx)


def status(rule_id: str, text: str, previous: str | None = None) -> str:
    return outcome(rule_id, text, previous).status
