"""Chinese labels shared by the human-readable renderers (terminal, Markdown, HTML)."""
from __future__ import annotations

PART_LABELS = {"measures": "一、主要举措和成效", "shortcomings": "二、存在的不足和原因",
               "leadership": "三、第一责任人履职情况", "plans": "四、下一年度主要安排",
               "other": "五、其他需要报告的情况"}
SHORT_PART_LABELS = {"measures": "一 举措和成效", "shortcomings": "二 不足和原因", "leadership": "三 第一责任人履职",
                     "plans": "四 下一年度安排", "other": "五 其他情况"}
PART_STATUS = {"present": "已具备", "weak": "单薄", "missing": "缺失"}
CHECK_STATUS = {"pass": "符合", "partial": "部分", "fail": "缺失", "skip": "不适用", "error": "规则出错"}
SEVERITY = {"error": "错误", "warning": "警告", "info": "提示"}
LEVEL = {"government": "区县及以上政府", "department": "政府部门", "township": "乡镇（街道）", "unknown": "未识别"}
KIND = {"part": "结构", "item": "事项", "quality": "质量", "format": "格式"}


def status_label(status: str, kind: str) -> str:
    """"缺失" reads wrong for a quality finding; call it "不符合" there."""
    if status == "fail" and kind in ("quality", "format"):
        return "不符合"
    return CHECK_STATUS[status]


def gaps(results):
    """Failed and partial checks, most serious first (then by rulebook order)."""
    from ..scoring import severity_rank

    found = [r for r in results if r.status in ("fail", "partial") and not r.waived]
    order = {id(r): i for i, r in enumerate(results)}
    return sorted(found, key=lambda r: (-severity_rank(r.severity), r.status != "fail", order[id(r)]))
