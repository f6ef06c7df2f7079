"""Chinese labels and one-line definitions of the scorecard indicators (full text: docs/scorecard.md)."""
from __future__ import annotations

import statistics

from .labels import LEVEL

ON_TIME = {"on_time": "按时", "late": "逾期", "unknown": "未知"}
CAUSES = {"pass": "有", "partial": "部分", "fail": "无", "skip": "不适用"}

# (indicator, definition, source) — shown in the workbook's 指标说明 sheet and the dashboard.
INDICATORS = (
    ("按时公开", "报告年度次年 3 月 31 日（含）之前公开为“按时”，之后为“逾期”（网页发布日期，没有时用落款日期；"
     "即规则集的按时公开检查 meta.published_on_time）；报告中没有可识别的日期时为“未知”。",
     "《法治政府建设与责任落实督察工作规定》第二十四条（每年 4 月 1 日之前向社会公开）；"
     "中国社会科学院法学研究所《“法治政府建设年度报告”发布情况第三方评估报告（2019）》以按时发布为评估项"),
    ("要素齐全", "四个法定部分（已具备计 1，单薄计 0.5）和报告名称、报告主体、报告年度，共七项中具备的比例（0–100）。",
     "督察规定规定的报告内容（五项，第五项“其他”可选）；各地年度报告工作指引对报告名称的要求；"
     "明天（2017）对 25 份省级报告“结构不统一”的评价"),
    ("具体程度（每千字）", "每个部分和全文中，带单位的数字（件、人次、%等）、案例（“典型案例”“例如”等）和引用文件（《》书名、文号）的个数，"
     "折算为每千字（不计空白）的个数；“同级百分位”是与本批同一层级主体相比的位置（0–100，越高越具体）。",
     "明天（2017）指出报告“运用事例少”；深圳市《法治政府建设年度报告事项指引》指出报告内容易“遗漏、泛化”"),
    ("原因分析", "“存在的不足和原因”部分是否分析了原因：规则集中原因分析检查（shortcomings.no_causes）的结论，"
     "有 / 部分 / 无。", "督察规定要求报告“存在的不足和原因”；评审中常见问题：只列问题、不分析原因"),
    ("上年安排落实", "上一年度报告“下一年度主要安排”中，在本年度报告工作部分有对应内容的条目所占比例（0–100）；"
     "审查时没有提供上一年度报告时为空。", "督察规定要求报告下一年度主要安排；"
     "年度报告制度的闭环要求：上年安排应在次年报告中说明落实情况（连续性检查 continuity.unfollowed_plan）"),
    ("同级百分位", "得分在本批同一层级（区县及以上政府、政府部门、乡镇街道）报告中的百分位：低于它的比例加上与它相同的比例的一半。",
     "第三方评估按层级分别排名（例如中国社会科学院法学研究所对省级政府、国务院部门、较大的市分别评估）"),
)


def tally(values, labels: dict[str, str], known: tuple[str, ...]) -> str:
    """How many of ``values`` take each value, e.g. "按时 2，逾期 0，未知 3": the ``known`` values
    always (a real zero is news), the others only when present; "—" when no value is ``known``,
    so a batch where nothing could be established never reads as a row of noes."""
    values = list(values)
    if not any(v in known for v in values):
        return "—"
    shown = [*known, *sorted({v for v in values if v not in known}, key=str)]
    return "，".join(f"{labels.get(v, v)} {values.count(v)}" for v in shown)


LEVEL_HEAD = ("层级", "份数", "通过", "得分中位数", "按时公开", "要素齐全中位数", "具体程度中位数（每千字）",
              "原因分析", "上年安排落实中位数")


def level_rows(reports: list[dict]) -> list[list]:
    """The batch by level, one row per level present (columns ``LEVEL_HEAD``): counts, medians over
    the reports where the indicator is known (``None`` when none is), and the 按时公开 and 原因分析
    outcomes as ``tally`` strings, so unknown never counts as "no"."""
    rows = []
    for level in LEVEL:
        group = [r for r in reports if r["level"] == level]
        if not group:
            continue
        cards = [r.get("scorecard") or {} for r in group]
        rows.append([LEVEL[level], len(group), sum(1 for r in group if r["passed"]),
                     median(r["score"] for r in group),
                     tally((c.get("on_time", {}).get("value", "unknown") for c in cards), ON_TIME, ("on_time", "late")),
                     median(c.get("complete", {}).get("value") for c in cards),
                     median(c.get("concreteness", {}).get("per_1000") for c in cards),
                     tally((c.get("causes", "skip") for c in cards), CAUSES, ("pass", "partial", "fail")),
                     median(c.get("follow_up", {}).get("value") for c in cards)])
    return rows


def median(values) -> float | None:
    """The median of the values that are not ``None``, to one decimal; ``None`` when there are none."""
    found = [v for v in values if v is not None]
    return round(statistics.median(found), 1) if found else None


def fmt_number(value) -> str:
    """A number for display ("—" when missing, no trailing .0)."""
    if value is None:
        return "—"
    return f"{value:g}" if isinstance(value, float) else str(value)
