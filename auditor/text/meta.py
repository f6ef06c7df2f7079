"""Report metadata from every place it appears: title, issuer, year, level, publication date.

Each field keeps the line it came from. Places, in the order they are trusted: the title line (or a
title split over two lines, or the page's "标题" field); the page's metadata list (发布机构,
发布日期 …, see ``text.page``); the opening sentence ("2021年以来，某某市公安局按照…"); the
signature block ("某某区人民政府 / 2022年1月5日"). Page furniture never becomes a title or an
issuer. The report year is the year reported on, not the publication year: a report signed in
2022年1月 is about 2021, one dated 2019年12月18日 about 2019.
"""
from __future__ import annotations

import re
from collections import Counter

from ..models import Meta, Section
from .issuer import (clean_name, is_generic, level_of, name_in_title, own_document_name, qualified_name, self_reference,
                     subject_of)
from .han import is_han
from .normalize import TextView
from .page import Page, read_page, to_iso
from .lazy import lazy_compile

# plain patterns used below (compiled once per user, text.lazy)
_FILE_SUFFIX = lazy_compile(r"\.(?:docx?|wps|pdf|txt)$", re.IGNORECASE)
_COMMA = lazy_compile(r"[,，]")
_ABOUT_OR_YEAR = lazy_compile(r"^(?:关于|(?:19|20)\d\d)")
_PROSE_MARK = lazy_compile(r"[，,。]")
_BULLET = lazy_compile(r"^[•·\-\s]+")
_SENTENCE_END = lazy_compile(r"[。；;]")

_YEAR = lazy_compile(r"(?<![\d-])(?:19|20)\d\d")   # a year where a Han character follows ("2023年", "2023度")
_DOC_WORDS = lazy_compile(r"报告|总结|情况|要点|方案|计划|意见|通知|规划|目录|清单|汇报|年报|讲话|述法|述职")
# Years that do not date the report: cited titles 《…》, brackets, ranges "2021—2025年", full dates
_NOT_DATING = lazy_compile(r"《[^》]{0,80}》|\([^)]{0,60}\)|（[^）]{0,60}）|(?:19|20)\d\d\s*[-—–~至]\s*(?:19|20)?\d\d年?|"
                           r"(?:19|20)\d\d年\d{1,2}月(?:\d{1,2}日)?")
# A date alone on its row, as under a signature: "2022年1月5日"; a template may leave it blank "2014年 月 日"
_START_YEAR = lazy_compile(r"^((?:19|20)\d\d)年(?!\d{1,2}月)")
_CN_DATE = lazy_compile(r"^((?:19|20)\d\d)年\s*(\d{1,2})?\s*月\s*(\d{1,2})?\s*日$")
_PLAN_WORDS = ("安排", "计划", "思路", "打算", "要点", "下一步", "下一年", "下年度", "展望")
_PUBLISHED = ("发布日期", "发布时间", "发表日期", "日期", "时间", "生成日期", "更新日期", "更新时间")
_SIGNED = ("成文日期", "发文日期")
_PUBLISHER = ("发布机构", "发文机关", "制发机构", "发布单位")
# A report's own title cited at the very start of the first row
_LEAD_TITLE = lazy_compile(r"^《([^《》]{0,60}(?:19|20)\d\d[^《》]{0,40}(?:报告|总结))》")
_GLUED_TITLE = lazy_compile(r"^([^，,。：:《》]{6,60}?(?:报告|总结))(?=\s*(?:(?:19|20)\d\d\s*年|[一二三四五六七八九十]+、|现将|根据|按照))")
_REPORT_WORDS = lazy_compile(r"法治|依法行政")
MAX_TITLE = 90
OPENING_ROWS = 40


def extract_meta(view: TextView, sections: tuple[Section, ...], page: Page | None = None) -> Meta:
    """Title, issuer, year, level and dates of a report; ``None``/"unknown" where the text does not say.

    ``page`` is the page furniture already blanked in ``view`` (see ``TextView.blanked``); when not
    given it is read from ``view`` and blanked here.
    """
    if page is None:
        page = read_page(view)
        view = view.blanked(page.rows)
    first_heading = next((s.line for s in sections if s.line not in page.rows), len(view.lines) + 1)
    title, title_line, author = _find_title(view, page, first_heading)
    openings = _openings(view, page, first_heading)
    issuer, issuer_line, issuer_source = _issuer(title, title_line, author, openings, view, page)
    signed = _signature(view, page)
    published = _published(page, signed if signed and signed[0] else None)
    year, year_line, year_source = _year(title, title_line, sections, openings, view, signed, published)
    level, level_source, level_line = _level(issuer, issuer_line, openings)
    return Meta(title, issuer, year, level, title_line, year_source, level_source,
                issuer_line=issuer_line, issuer_source=issuer_source, year_line=year_line, level_line=level_line,
                published=published[0] if published else None, published_line=published[1] if published else None,
                published_source=published[2] if published else None,
                signed=signed[0] if signed else None, signed_line=signed[1] if signed and signed[0] else None,
                signed_source=signed[3] if signed and signed[0] else None)


def _find_title(view: TextView, page: Page, first_heading: int):
    """(title, its line, the author line above or below it) — the first short row naming a document."""
    previous = None
    wrapped = {n for para in view.paragraphs if len(para.lines) > 1 for n in para.lines}
    for number in range(1, min(first_heading, OPENING_ROWS + 1)):
        text = view.norm[number - 1]
        if not text or number in page.rows or text.startswith(("•", "-", "|")):
            continue
        candidate = _FILE_SUFFIX.sub("", text)
        if len(candidate) <= MAX_TITLE and "。" not in candidate and not candidate.endswith((":", "：")) \
                and _DOC_WORDS.search(candidate) and number not in wrapped \
                and (not _COMMA.search(candidate) or _DOC_WORDS.search(candidate[-4:])):
            if previous and _split_title(candidate):      # "某某乡人民政府" / "关于法治政府建设的情况报告"
                return view.norm[previous - 1] + candidate, number, previous
            return candidate, number, _author_below(view, page, number)
        first = previous is None and number == _first_row(view, page)
        lead = (_LEAD_TITLE.match(text) or _GLUED_TITLE.match(text)) if first else None
        if lead and _REPORT_WORDS.search(lead.group(1)):
            # a page's added lead "《某某市2018年度…报告》是…发布的…", or a flattened page whose title
            # runs into the opening: "某某县2025年度法治政府建设情况报告2025年，全县…"
            return lead.group(1).strip(), number, None
        if len(text) > 40 and ("。" in text or "，" in text or "," in text):
            break                         # the opening paragraph: there is no title line
        name = clean_name(text) if len(text) <= 40 else None
        previous = number if name else None
    field = page.first("标题", "名称")
    if field and _DOC_WORDS.search(field.value):
        return field.value, field.line, None
    return None, None, None


def _first_row(view: TextView, page: Page) -> int:
    return next((n for n, t in enumerate(view.norm, 1) if t and n not in page.rows), 0)


def _split_title(title: str) -> bool:
    """A title that starts without its body: "关于2021年度…", "2022年度法治政府建设报告"."""
    return bool(_ABOUT_OR_YEAR.match(title))


def _author_below(view: TextView, page: Page, number: int):
    for below in range(number + 1, min(number + 3, len(view.norm) + 1)):
        text = view.norm[below - 1]
        if not text or below in page.rows:
            continue
        return below if len(text) <= 40 and not text.endswith((":", "：")) and clean_name(text) else None
    return None


def _openings(view: TextView, page: Page, first_heading: int) -> list[tuple[str, int]]:
    """The first long paragraphs (text, first line): the opening and the start of part 一."""
    out = []
    for para in view.paragraphs:
        if para.lines[0] in page.rows or len(para.text) <= 20 or not _PROSE_MARK.search(para.text):
            continue
        out.append((_BULLET.sub("", para.text), para.lines[0]))
        if len(out) >= 3 or para.lines[0] > first_heading + 12:
            break
    return out


def _issuer(title, title_line, author, openings, view, page):
    candidates = []
    if author:
        candidates.append((clean_name(view.norm[author - 1]), author, "author"))
    if title:
        candidates.append((name_in_title(title), title_line, "title"))
    for text, line in openings:
        for sentence in _SENTENCE_END.split(text)[:2]:
            candidates.append((subject_of(sentence), line, "opening"))
    field = page.first(*_PUBLISHER)
    if field:
        candidates.append((clean_name(field.value), field.line, "page"))
    sign = _signature_name(view, page)
    if sign:
        candidates.append(sign)
    candidates = [c for c in candidates if c[0]]
    if not any(not is_generic(c[0]) for c in candidates):
        own = _own_document(view, openings)
        if own:
            candidates.insert(0, own)
    if not candidates:
        return None, None, None
    named = [c for c in candidates if not is_generic(c[0])] or candidates
    best = named[0]
    for other in named[1:]:     # the fuller form of the same name: "某区生态环境局" → "某市某区生态环境局"
        if other[0].endswith(best[0]) and len(other[0]) > len(best[0]):
            best = other
    if is_generic(best[0]):     # "区城市管理局", named in full in a document it issued
        full = qualified_name(best[0], "\n".join(view.norm[:OPENING_ROWS * 3]))
        if full:
            return full, next(i for i, t in enumerate(view.norm, 1) if full in t), "document"
    return best


def _own_document(view: TextView, openings):
    """The name heading a document the body issued, when the report calls itself "我局"/"我镇"."""
    for text, line in openings:
        found = self_reference(text)
        if found and found[1].startswith(("我", "本", "全")):
            name = own_document_name("".join(view.norm[:300]), found[1])
            if not name:
                return None
            return name, next((i for i, t in enumerate(view.norm, 1) if name in t), line), "document"
    return None


def _signature(view: TextView, page: Page) -> tuple[str | None, int, int, str] | None:
    """The document's own date as (ISO date or None when left blank, line, year, source): a row holding only a
    Chinese date ("2022年1月5日"), the last one wins; else the page's 成文日期."""
    for number in range(len(view.norm), 0, -1):
        m = _CN_DATE.match(view.norm[number - 1])
        if m and number not in page.rows:
            iso = to_iso(m.group(0)) if m.group(2) and m.group(3) else None
            return iso, number, _year_before(iso) if iso else int(m.group(1)) - 1, "signature"
    field = page.first(*_SIGNED)
    if field and to_iso(field.value):
        iso = to_iso(field.value)
        return iso, field.line, _year_before(iso), "page"
    return None


def _signature_name(view: TextView, page: Page):
    """The body named right above a signature date."""
    for number in range(len(view.norm), 1, -1):
        if _CN_DATE.match(view.norm[number - 1]):
            for above in (number - 1, number - 2):
                text = view.norm[above - 1] if above >= 1 else ""
                if text and above not in page.rows:
                    name = clean_name(text) if len(text) <= 60 else None
                    if name:
                        return name, above, "signature"
                    break
    return None


def _published(page: Page, signed) -> tuple[str, int, str] | None:
    """The page's publication date (发布日期/发布时间 …, or a date row by the title), else the document's date."""
    field = page.first(*_PUBLISHED)
    if field and to_iso(field.value):
        return to_iso(field.value), field.line, "page"
    bare = [(iso, line, "page") for iso, line in page.dates if not any(f.line == line for f in page.fields
                                                                      if f.label in _SIGNED)]
    if bare:
        return bare[0]
    return (signed[0], signed[1], "signature") if signed else None   # the document's own date


def _year(title, title_line, sections, openings, view, signed, published):
    """(year reported on, line, where it came from)."""
    if title:
        found = _years(title)
        if found:
            return found[0], title_line, "title"
    for text, line in openings:
        found = _START_YEAR.match(text)    # "2023年，…" / "2021年以来，…" / "2025年，是…"
        if found:
            return int(found.group(1)), line, "opening"
    for section in sections[:40]:
        if section.level == 1 and not any(w in section.title for w in _PLAN_WORDS):
            found = _years(section.title)
            if found:
                return found[0], section.line, "heading"
    for text, line in openings:
        found = _years(text[:200])
        if found:
            return found[0], line, "opening"
    if signed:      # a report dated in the first half of a year is about the year before
        return signed[2], signed[1], "signature"
    counts = Counter(y for text in view.norm[:400] for y in _years(text))
    if counts:
        year = counts.most_common(1)[0][0]
        line = next(i for i, text in enumerate(view.norm, 1) if year in _years(text))
        return year, line, "body"
    if published:
        return _year_before(published[0]), published[1], "published"
    return None, None, None


def _years(text: str) -> list[int]:
    text = _NOT_DATING.sub("", text)
    return [int(m.group(0)) for m in _YEAR.finditer(text) if m.end() < len(text) and is_han(text[m.end()])]


def _year_before(iso: str) -> int:
    """The year a document dated ``iso`` reports on: the year before when dated in the first half."""
    year, month = int(iso[:4]), int(iso[5:7])
    return year - 1 if month <= 6 else year


def _level(issuer, issuer_line, openings):
    """A named body decides; else how the report speaks of itself ("我局"); else a name such as "市司法局"."""
    if issuer and not is_generic(issuer):
        level, ending = level_of(issuer)
        return level, f"主体名称以“{ending}”结尾", issuer_line
    for text, line in openings:
        found = self_reference(text)
        if found:
            return found[0], f"报告自称“{found[1]}”", line
    if issuer:
        level, ending = level_of(issuer)
        return level, f"主体名称以“{ending}”结尾", issuer_line
    return "unknown", None, None
