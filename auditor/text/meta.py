"""Report metadata from the title and opening paragraph: title, issuer, year, level."""
from __future__ import annotations

import re
from collections import Counter

from ..models import Meta, Section
from .normalize import TextView

_YEAR = re.compile(r"(20\d\d)年")
_TITLE_WORDS = ("报告", "总结", "情况")
_TITLE_TOPIC = re.compile(r"法治|依法行政|法治政府")
_ISSUER_IN_TITLE = re.compile(r"^(.{2,40}?)(?:关于)?(?:20\d\d年|二〇|关于)")
_ORG_SUFFIX = "人民政府|政府|办事处|街道|司法局|局|委员会|办公室|厅|中心|镇|乡|县|区|市"
# "某区政府坚持以…" / "某区司法局坚持以…": an organisation name right before the verb that opens the report
_ISSUER_IN_OPENING = re.compile(
    rf"([\u4e00-\u9fff]{{2,24}}?(?:{_ORG_SUFFIX}))(?:坚持|深入|认真|全面|紧紧|始终|紧扣|围绕|聚焦|扎实|以|在)")
_TOWNSHIP = ("街道办事处", "办事处", "街道", "镇人民政府", "乡人民政府", "镇", "乡", "苏木")
_DEPARTMENT = ("局", "委员会", "委", "办公室", "办", "厅", "署", "中心", "院", "队")
_GOVERNMENT = ("人民政府", "政府", "区", "县", "市", "旗", "州", "盟", "省")
_JOINT = re.compile(r"(区委|县委|市委|党委|党工委).{0,12}(人民政府|政府|办事处)")


def extract_meta(view: TextView, sections: tuple[Section, ...]) -> Meta:
    """Infer title, issuer, year and level; ``None``/"unknown" where the text does not say."""
    first_heading = sections[0].line if sections else len(view.lines) + 1
    title, title_line, issuer_line = _find_title(view, first_heading)
    issuer = None
    if title:
        m = _ISSUER_IN_TITLE.match(title)
        if m and not m.group(1).startswith(("20", "关于")):
            issuer = m.group(1).strip()
    if issuer is None and issuer_line:
        issuer = view.norm[issuer_line - 1]
    opening = _opening(view, first_heading)
    if issuer is None and opening:
        m = _ISSUER_IN_OPENING.search(opening[:300])
        if m:
            issuer = m.group(1)
    year, year_source = _year(title, sections, opening, view)
    level, level_source = _level(issuer, title)
    return Meta(title, issuer, year, level, title_line, year_source, level_source)


def _find_title(view: TextView, first_heading: int) -> tuple[str | None, int | None, int | None]:
    """The title is a short line before the first heading that names the report."""
    previous = None
    for number in range(1, min(first_heading, 12)):
        text = view.norm[number - 1]
        if not text:
            continue
        if len(text) <= 80 and text.endswith(_TITLE_WORDS) and _TITLE_TOPIC.search(text):
            return text, number, previous
        if len(text) > 40:
            break   # the opening paragraph: there is no title line
        previous = number if len(text) <= 30 else None
    return None, None, None


def _opening(view: TextView, first_heading: int) -> str:
    for para in view.paragraphs:
        if para.lines[0] >= first_heading:
            return ""
        if len(para.text) > 40:
            return para.text
    return ""


def _year(title, sections, opening, view) -> tuple[int | None, str | None]:
    if title:
        m = _YEAR.search(title)
        if m:
            return int(m.group(1)), "title"
    for section in sections[:40]:
        if section.level == 1:
            m = _YEAR.search(section.title)
            if m and not any(w in section.title for w in ("安排", "计划", "思路", "打算", "要点")):
                return int(m.group(1)), "heading"
    if opening:
        m = _YEAR.search(opening[:200])
        if m:
            return int(m.group(1)), "opening"
    counts = Counter(int(y) for line in view.norm[:400] for y in _YEAR.findall(line))
    if counts:
        return counts.most_common(1)[0][0], "body"
    return None, None


def _level(issuer: str | None, title: str | None) -> tuple[str, str | None]:
    name = issuer or ""
    if not name:
        return "unknown", None
    for level, endings in (("township", _TOWNSHIP), ("department", _DEPARTMENT), ("government", _GOVERNMENT)):
        if name.endswith(endings):
            return level, f"issuer ends with {next(e for e in endings if name.endswith(e))}"
    if _JOINT.search(name):
        return "government", "joint party-government issuer"
    return "unknown", None
