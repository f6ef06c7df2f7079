"""Document kinds: is this an annual rule-of-law report, or one of the look-alikes reviewers receive?

Kinds (the ids the labelled corpus uses):

- ``report`` — a 法治政府建设年度报告, complete or not: its title or opening names a 法治政府建设
  (年度/情况/工作) 报告, or, without a title, it reports a year's 法治政府建设 work under numbered parts.
  Audited even when only part 一 is there; the missing parts are reported missing.
- ``info_disclosure_report`` — a 政府信息公开工作年度报告 (a different statutory report).
- ``work_plan`` — 工作要点 / 工作计划 / 实施方案 / 实施意见, or a notice issuing one: plans, not a report.
- ``personal_report`` — one leader's 述法/述职 report on his or her own duties as 第一责任人, in the
  first person (我, 本人).
- ``pufa_summary`` — a 普法 / 依法治理 summary (七五普法, 八五普法, 法律进…).
- ``gov_work_report`` — a 政府工作报告 to the people's congress.
- ``news`` — a news item or commentary about reports (记者, 日电, 近日, 《报告》指出, 政策解读); a
  解读/答记者问 of a cited 《…报告》 even when it has numbered headings of its own.
- ``other`` — anything else (a disclosure catalogue, a notice, a 调查/调研/研究报告, an academic article
  with 摘要/关键词, an unrelated page).

Only ``report`` is audited item by item; every other kind fails the gate with its reason and the
line that shows it ("标题为‘…工作要点’：这是工作计划，不是年度报告").
"""
from __future__ import annotations


from ..models import DocumentKind, Evidence, Meta, PartFinding, Section
from .han import is_han
from .normalize import TextView
from .lazy import lazy_compile

# plain patterns used below (compiled once per user, text.lazy)
_CLAUSE_END = lazy_compile(r"[，,。:：；;]")

REPORT = "report"
_NAMES = {"info_disclosure_report": "政府信息公开工作年度报告", "work_plan": "工作计划（要点、方案）",
          "personal_report": "个人述法（述职）报告", "pufa_summary": "普法工作总结", "gov_work_report": "政府工作报告",
          "news": "新闻报道", "other": "其他文件"}
_NOT_REPORT = "不是法治政府建设年度报告，未逐项审查"

# Title tests, in order: the first that fits decides.
_TITLE_KINDS = (
    ("info_disclosure_report", lazy_compile(r"信息公开[^，,。]{0,12}(?:年度报告|年报|工作报告)")),
    ("gov_work_report", lazy_compile(r"政府工作报告")),
    ("personal_report", lazy_compile(r"述法|述职|述责|(?:主要负责人|第一责任人)[^，,。]{0,24}职责[^，,。]{0,6}情况的?报告")),
    ("other", lazy_compile(r"调查报告|调研报告|研究报告|实证研究|制度研究")),
    ("news", lazy_compile(r"发布|评估|综述|解读|答记者问|新闻|观察")),
    ("work_plan", lazy_compile(r"要点|计划|方案|意见|规划|印发|实施办法|安排$")),
    ("pufa_summary", lazy_compile(r"普法|法治宣传教育|依法治理|法律[七六八]进|法律进")),
)
# A page about a cited document, whatever its headings: "《某区2024年法治政府建设情况的报告》文件解读"
_ABOUT = lazy_compile(r"解读|图解|答记者问|起草说明")
_REPORT_TITLE = lazy_compile(r"(?:法治政府|依法行政|法治建设|法治[^\s，,。]{0,4}建设)[^，,。]{0,20}(?:报告|总结|情况|年报)")
_OTHER_TITLE = lazy_compile(r"目录|通知|公告|清单|名单|通报|简报")
_REPORTED = lazy_compile(r"报告|总结|情况")
# Body cues (opening paragraphs and top-level headings)
_INFO_BODY = lazy_compile(r"政府信息公开条例[\s\S]{0,300}(?:年度报告|本报告|年报|工作报告)")
_GOV_WORK_BODY = lazy_compile(r"各位代表|政府工作报告")
# A plan named in the first clause of the text, outside any cited title: "2023年依法治镇工作要点…"
_PLAN_HEAD = lazy_compile(r"要点|工作计划|实施方案|工作方案|实施意见")
_CITED = lazy_compile(r"《[^》]{0,80}》")
_TAGS = lazy_compile(r"^(?:【[^】]{0,12}】|\[[^\]]{0,30}\])+")
_NEWS_BODY = lazy_compile(r"记者|通讯员|日电|讯\s|据[^。]{0,20}消息|近日|日前|《报告》(?:指出|显示|提出)|会上[，,]")
_SAID = lazy_compile(r"(?:强调|指出)[:：]")   # after a speaker of two or three Han characters ("某某强调：")
_FIRST_PERSON = lazy_compile(r"(?<!自)我(?!们|局|镇|乡|县|市|区|省|委|厅|部|街|国|校|院|单位|办|所|站|中心|司|处|旗|州|盟|村|社区)|本人")
_PERSONAL_HEADING = lazy_compile(r"^(?:个人|本人)?履职(?:尽责)?情况$")
_PUFA_BODY = lazy_compile(r"[七八六五]五普法|普法|法律[七六八]?进")
_PLAN_HEADINGS = lazy_compile(r"指导思想|总体要求|工作目标|创建目标|基本原则|主要任务|重点任务|保障措施|工作措施|实施步骤|"
                              r"组织保障|工作要求|进度安排")
_OBLIGATION = lazy_compile(r"(?<![主重需必纲提概])要(?![求点素件])")
_PAPER = lazy_compile(r"摘\s*要[:：]|关键词[:：]|研究方向")
# The opening of a year's report: "2023年，某某局坚持…" / "2021年以来，…" / "一年来，…"
_YEAR_OPENING = lazy_compile(r"^(?:(?:19|20)\d\d年(?:度|以来)?|一年来|今年以来)[，,]?")
_FRAMING = lazy_compile(r"(?:报告|总结|汇报)如下|现将[^。]{0,60}(?:报告|总结|汇报)|法治政府建设(?:工作)?(?:取得|情况|主要)")
_TOPIC = lazy_compile(r"法治政府|依法行政|法治建设")


def recognise_kind(view: TextView, meta: Meta, sections: tuple[Section, ...],
                   parts: tuple[PartFinding, ...]) -> DocumentKind:
    """What ``view`` is, with the reason and the line that shows it."""
    if meta.title:
        found = _by_title(meta.title, meta.title_line, view, sections, parts)
        if found:
            return found
    return _by_body(view, sections, parts)


def describe(kind: DocumentKind) -> str:
    """One line for a reader: the kind, why, and whether it was audited."""
    where = f"（见第{kind.evidence.line}行）" if kind.evidence else ""
    if kind.id == REPORT:
        return kind.reason + where
    return f"{kind.reason}：这是{_NAMES[kind.id]}，{_NOT_REPORT}{where}。"


def _by_title(title: str, line: int | None, view, sections, parts) -> DocumentKind | None:
    evidence = Evidence(line, view.excerpt(line, width=80)) if line else None
    said = f"标题为“{title}”"
    title = _TAGS.sub("", title)         # "【权威发布】…": a site's tag, not the document's words
    structured = _structured(sections, parts)
    for kind, pattern in _TITLE_KINDS:
        m = pattern.search(title)
        if not m:
            continue
        if kind == "news" and not _about_cited(title) and (structured or not (_TOPIC.search(title) or "报告" in title)):
            continue           # a report reproduced under a news headline keeps its parts
        if kind == "work_plan" and _REPORTED.search(title) and "印发" not in title:
            continue           # "…情况报告及2024年工作方案" is a report
        if kind == "pufa_summary" and _TOPIC.search(title):
            continue
        if kind == "personal_report" and "述" not in m.group(0) and not _first_person(view):
            continue           # a body's report on its leaders' duties is not one person's
        return DocumentKind(kind, f"{said}（“{m.group(0)}”）", evidence)
    paper = _PAPER.search(_opening(view)[0])
    if paper:              # an article about reports: "法治政府建设报告制度…" with 关键词/摘要
        return DocumentKind("other", f"{said}，开头有学术文章的体例（“{paper.group(0)}”）", evidence)
    if _REPORT_TITLE.search(title):
        return DocumentKind(REPORT, f"{said}：法治政府建设年度报告", evidence)
    if _OTHER_TITLE.search(title):
        return DocumentKind("other", said, evidence)
    return None


def _about_cited(title: str) -> bool:
    """A title about a document it cites: "《某区2024年法治政府建设情况的报告》文件解读"."""
    return bool(_CITED.search(title) and _ABOUT.search(_CITED.sub("", title)))


def _by_body(view: TextView, sections, parts) -> DocumentKind:
    opening, line = _opening(view)
    evidence = Evidence(line, view.excerpt(line, width=80)) if line else None
    structured = _structured(sections, parts)
    top = [s for s in sections if s.level == 1]
    m = _INFO_BODY.search(opening)
    if m:
        return DocumentKind("info_disclosure_report", "开头引用《政府信息公开条例》编制年度报告", evidence)
    if _GOV_WORK_BODY.search(opening):
        return DocumentKind("gov_work_report", "开头为向人民代表大会所作的报告（“各位代表”）", evidence)
    personal = [s for s in top if _PERSONAL_HEADING.match(s.title)]
    if personal or _first_person(view):
        where = personal[0].line if personal else line
        why = f"第{where}行标题“{personal[0].title}”" if personal else "通篇以第一人称（我、本人）叙述"
        return DocumentKind("personal_report", f"{why}：一位负责人本人的履职述法",
                            Evidence(where, view.excerpt(where, width=80)) if where else None)
    cue = _news_cue(opening)
    if cue and not structured:
        return DocumentKind("news", f"开头有新闻报道用语（“{cue.strip()}”），且没有报告的组成部分", evidence)
    plan = [s for s in top + [s for s in sections if s.level == 2] if _PLAN_HEADINGS.search(s.title)]
    head = _CLAUSE_END.split(_CITED.sub("", opening[:120]))[0]    # the first clause
    planned = None if _REPORTED.search(head) else _PLAN_HEAD.search(head)
    if len(plan) >= 2 or planned or (len(_OBLIGATION.findall(opening)) >= 3 and not _FRAMING.search(opening)):
        where = plan[0].line if plan else line
        words = list(dict.fromkeys(_PLAN_HEADINGS.search(s.title).group(0) for s in plan))
        why = (f"有“{'”“'.join(words[:3])}”等计划的标题" if plan else
               f"开头写的是“{planned.group(0)}”" if planned else "通篇是“要……”的部署")
        return DocumentKind("work_plan", why, Evidence(where, view.excerpt(where, width=80)) if where else evidence)
    pufa = len(_PUFA_BODY.findall(opening))
    if pufa and pufa >= len(_TOPIC.findall(opening)):
        return DocumentKind("pufa_summary", "开头讲普法（法律进……）工作，不讲法治政府建设", evidence)
    m = _PAPER.search(opening)
    if m:
        return DocumentKind("other", f"开头有学术文章的体例（“{m.group(0)}”）", evidence)
    named = [p for p in parts if p.status != "missing" and p.placement in ("heading", "embedded")
             and p.id in ("shortcomings", "leadership", "plans")]
    year_opening = any(_YEAR_OPENING.match(text) and _TOPIC.search(text[:200]) for text in _paragraphs(view))
    if _TOPIC.search(opening) and (_FRAMING.search(opening) or year_opening or named):
        how = ("开头报告本年度法治政府建设情况" if _FRAMING.search(opening) or year_opening else
               f"第{named[0].line}行有年度报告的组成部分（“{named[0].heading}”）")
        return DocumentKind(REPORT, how, evidence)
    return DocumentKind("other", "没有找到“法治政府建设”年度报告的标题、开头或组成部分", evidence)


def _opening(view: TextView) -> tuple[str, int | None]:
    """The first paragraphs (about 600 characters) and the line where they start."""
    texts, first = [], None
    for para in view.paragraphs:
        if not para.text:
            continue
        first = first or para.lines[0]
        texts.append(para.text)
        if sum(len(t) for t in texts) >= 600:
            break
    return "\n".join(texts), first


def _paragraphs(view: TextView, count: int = 3) -> list[str]:
    """The first ``count`` paragraphs of body text (over 20 characters), without bullets."""
    out = []
    for para in view.paragraphs:
        if len(para.text) > 20:
            out.append(para.text.lstrip("•·-— "))
            if len(out) >= count:
                break
    return out


def _news_cue(text: str) -> str | None:
    """The first wording of a news report in ``text`` (``_NEWS_BODY``, or a speaker's words:
    "某某强调："), or None. The speaker's name is tested per character: a regex class over the
    Han block costs ``re`` 1.5 ms to compile."""
    found = _NEWS_BODY.search(text)
    for said in _SAID.finditer(text):
        q = said.start()
        start = next((q - k for k in (3, 2) if q >= k and all(map(is_han, text[q - k:q]))), None)
        if start is not None:
            if found is None or start < found.start():
                return text[start:said.end()]
            break
    return found.group(0) if found else None


def _first_person(view: TextView) -> bool:
    text, _ = _opening(view)
    return len(_FIRST_PERSON.findall(text)) >= 2


def _structured(sections, parts) -> bool:
    """Has the shape of a report: a statutory part under a heading, or at least two top-level parts."""
    headed = any(p.status != "missing" and p.placement in ("heading", "embedded") and p.id != "other" for p in parts)
    return headed or sum(1 for s in sections if s.level == 1) >= 2
