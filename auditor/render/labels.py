"""Chinese labels shared by the human-readable renderers (terminal, Markdown, HTML, Word comments)."""
from __future__ import annotations

from ..text.lazy import lazy_compile

from ..rulebook.basis import plain_basis  # noqa: F401  (re-exported: every renderer's basis)

PART_LABELS = {"measures": "一、主要举措和成效", "shortcomings": "二、存在的不足和原因",
               "leadership": "三、第一责任人履职情况", "plans": "四、下一年度主要安排",
               "other": "五、其他需要报告的情况"}
SHORT_PART_LABELS = {"measures": "一 举措和成效", "shortcomings": "二 不足和原因", "leadership": "三 第一责任人履职",
                     "plans": "四 下一年度安排", "other": "五 其他情况"}
PART_STATUS = {"present": "已具备", "weak": "单薄", "missing": "缺失"}
# A check of content that should be there (a part, an item) is 缺失 when the content is absent; a
# check of a property of the text (order, quality, format) is 不符合 when the text does not have it.
CHECK_STATUS = {"pass": "符合", "partial": "部分", "fail": "缺失", "skip": "不适用", "error": "规则出错"}
PROPERTY_STATUS = {**CHECK_STATUS, "partial": "部分符合", "fail": "不符合"}
PROPERTY_KINDS = ("quality", "format")
OPTIONAL_ABSENT = "未单列（可选）"   # the optional fifth part, left out: not a gap
SEVERITY = {"error": "错误", "warning": "警告", "info": "提示"}
LEVEL = {"government": "区县及以上政府", "department": "政府部门", "township": "乡镇（街道）", "unknown": "未识别"}
SHORT_LEVEL = {"government": "政府", "department": "部门", "township": "乡镇", "unknown": "未识别"}   # narrow columns
KIND = {"part": "结构", "item": "事项", "quality": "质量", "format": "格式"}
DOCUMENT_KIND = {"report": "法治政府建设年度报告", "info_disclosure_report": "政府信息公开工作年度报告",
                 "work_plan": "工作计划（要点、方案）", "personal_report": "个人述法（述职）报告",
                 "pufa_summary": "普法工作总结", "gov_work_report": "政府工作报告", "news": "新闻报道", "other": "其他文件"}
PUBLISHED_SOURCE = {"page": "网页发布日期", "signature": "落款日期"}


def status_label(status: str, kind: str) -> str:
    """The status in words for a check of ``kind``: "缺失"/"部分" for content (part, item), "不符合"/"部分符合"
    for a property of the text (quality, format)."""
    return (PROPERTY_STATUS if kind in PROPERTY_KINDS else CHECK_STATUS).get(status, status)


_LINE_REF = lazy_compile(r"第(\d+)(?:[–-](\d+))?行")


def in_source_terms(text: str, source_format: str) -> str:
    """Messages count lines; a .docx is read one paragraph a line, so there "第35行" reads "第35段"."""
    if source_format != "docx":
        return text
    return _LINE_REF.sub(lambda m: f"第{m.group(1)}" + (f"–{m.group(2)}" if m.group(2) else "") + "段", text)


def quote_text(e) -> str:
    """An evidence quote with "…" where its line goes on."""
    return ("…" if e.more_before else "") + e.text + ("…" if e.more_after else "")


def place_text(e, source_format: str) -> str:
    """Where a piece of evidence is, in the terms of the source: "第12行", "第3页第12行", or for Word
    "第一部分（三）第2段（全文第37段，段首“开展行政执法…”）"."""
    if source_format == "docx":
        overall = f"全文第{e.line}段"
        if not e.place:
            return f"第{e.line}段"
        lead = f"，段首“{e.lead}”" if e.lead and e.more_before else ""
        return f"{e.place}（{overall}{lead}）"
    return (f"第{e.page}页" if e.page else "") + f"第{e.line}行"


def evidence_text(e, source_format: str) -> str:
    """"第12行：…quote…" in the terms of the source (see ``place_text``)."""
    return f"{place_text(e, source_format)}：{quote_text(e)}"


def gaps(results):
    """Failed and partial checks, most serious first (then by rulebook order)."""
    from ..scoring import severity_rank

    found = [r for r in results if r.status in ("fail", "partial") and not r.waived]
    order = {id(r): i for i, r in enumerate(results)}
    return sorted(found, key=lambda r: (-severity_rank(r.severity), r.status != "fail", order[id(r)]))


# What a command-line option names, for readers who never see the command line (the workbook).
OPTION_WORDS = {"--year": "报告年度", "--level": "主体层级", "--previous-dir": "上一年度报告所在的文件夹",
                "--previous": "上一年度报告", "--config": "配置文件"}
_OPTION = lazy_compile(r"[ \t]?(可?用\s*)?(--[a-z][a-z-]*)(\s*指定(?:年度|层级)?)?[ \t]?")


def without_options(text: str) -> str:
    """``text`` with command-line options said in words: "（可用 --year 指定）" → "（可在审查时指定报告年度）",
    "--previous-dir 中没有…" → "上一年度报告所在的文件夹中没有…". An option not in ``OPTION_WORDS`` is kept."""
    def say(m):
        words = OPTION_WORDS.get(m.group(2))
        if words is None:
            return m.group()
        return f"可在审查时指定{words}" if m.group(1) or m.group(3) else words
    return _OPTION.sub(say, text) if text else text
