"""The outcome of an audit in words a clerk cannot misread — one pure function behind every report header.

``verdict(result)`` counts what must be fixed before the report can be submitted (the checks that
fail the gate) and what is only suggested (every other unwaived gap), and says it in one line:
"未通过：2 项必须修改，14 项建议补充" or "可以报送：另有 6 项建议补充，3 项已豁免". The terminal header, the
Markdown, HTML and Word summaries, the workbook and the JSON ``verdict`` object all come from here; ``passed`` is
the gate itself (``AuditResult.passed``, the exit code), never recomputed differently.
"""
from __future__ import annotations


from .models import AuditResult, Result, record
from .scoring import severity_rank


@record
class Verdict:
    """The gate and what stands between the report and submission.

    ``passed`` — the gate (``AuditResult.passed``); ``must_fix`` — unwaived failed checks at or above
    the gate's severity (``AuditResult.fail_level``, ``error`` by default): each alone fails the gate;
    ``suggested`` — every other unwaived failed or partial check; ``waived`` — failed or partial checks
    accepted by a waiver (they count for neither, but are never silent); ``text`` — the one-line
    Chinese statement of all of them.
    """

    passed: bool
    must_fix: int
    suggested: int
    text: str
    waived: int = 0


def must_fix(r: Result, fail_level: str = "error") -> bool:
    """Does ``r`` fail the gate by itself (failed, not waived, severity at or above ``fail_level``)?"""
    return r.status == "fail" and not r.waived and severity_rank(r.severity) >= severity_rank(fail_level)


def verdict(result: AuditResult) -> Verdict:
    """The ``Verdict`` of one audited report (pure: reads ``result`` only)."""
    if not result.is_report:
        return Verdict(False, 0, 0, "未审查：不是法治政府建设年度报告，没有逐项审查")
    fixes = sum(1 for r in result.results if must_fix(r, result.fail_level))
    gaps = sum(1 for r in result.results if r.status in ("fail", "partial") and not r.waived)
    waived = sum(1 for r in result.results if r.status in ("fail", "partial") and r.waived)
    suggested = gaps - fixes
    accepted = [f"{waived} 项已豁免"] if waived else []
    if result.passed:
        if suggested:
            text = "可以报送：" + "，".join([f"另有 {suggested} 项建议补充", *accepted])
        elif waived:   # gaps remain, all accepted by a waiver: never "nothing to fix"
            text = f"可以报送：没有未豁免的问题（{waived} 项已豁免）"
        else:
            text = "可以报送：没有需要修改或补充的问题"
        return Verdict(True, fixes, suggested, text, waived)
    reasons = [f"{fixes} 项必须修改"] if fixes else []
    if result.score < result.fail_under:
        reasons.append(f"得分 {result.score:g} 低于要求的 {result.fail_under:g} 分")
    if suggested:
        reasons.append(f"{suggested} 项建议补充")
    text = "未通过：" + ("，".join(reasons) or "未达到报送要求") + "".join(f"，{w}" for w in accepted)
    return Verdict(False, fixes, suggested, text, waived)
