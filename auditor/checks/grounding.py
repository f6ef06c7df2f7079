"""Does a match report work done? Where a term stands decides it (used by the ``item`` checks).

A report shows that work was done in a body sentence of a work part: an actor, an action, figures,
results ("法律顾问全年共审查各类合同281份"). The same words prove nothing when they stand

- in a heading — "（三）维护司法权威" names a topic, the body may say nothing about it;
- inside the title of a cited document — "认真贯彻《重大行政决策程序暂行条例》" names a text. The
  title of a document the body made, issued or adopted is work done: "制定印发《某县2023年法治政府建设
  工作要点》", "审议并通过《……年度报告》";
- as one member of a list of fields, topics or tasks (``enumerations``) — "将……重大行政决策、行政执法、
  年终述法等工作纳入考核指标", "在行政执法、行政复议等各项工作中" name kinds of work, not work done;
- in a plan — a sentence about the future ("下一步，将进一步……", "拟……", "力争……").

``place_of`` names the place of a hit (``body`` or one of the others); ``grade`` ranks a hit for
evidence, best first: a body sentence with figures, a body sentence, then the rest.
Character rules only: segmentation with part-of-speech tags was measured and did not do better
(docs/grounding.md).
"""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

from .context import Context
from .enumerations import list_spans
from ..text.han import is_han
from ..text.matcher import Hit
from ..text.lazy import lazy_compile

PLACE_NAMES = {"heading": "标题", "title": "所引文件的标题", "list": "领域、事项或考核指标的列举", "plan": "今后的安排"}

# Marks that end a sentence or a clause (see ``_ends`` for the ASCII "?").
_SENTENCE_MARKS = lazy_compile(r"[。！？!;；\n?]")
_CLAUSE_MARKS = lazy_compile(r"[。！？!;；,，:：\n?]")
_HEADING_LIKE_MAX = 30
_RUN_IN_TITLE_MAX = 25
_COMMA = lazy_compile(r"[,，]")
_TITLE_SPAN_MAX = 80
# A document the body made, issued or adopted: the verb just before its title, or before a run of
# titles ("印发《A》《B》等文件"), or after it ("《……工作要点》经区政府常务会议审议通过")
_MADE_BEFORE = lazy_compile(r"(?:制定|制订|印发|出台|制发|审议(?:并)?通过|审议|修订|修改|编制|起草|发布|颁布|下发|形成|"
                            r"报送|提交|上报|公布|编印|出具|撰写)(?:了|并|和|及|完成|实施|出台|印发|完善)*$")
_MADE_AFTER = lazy_compile(r"(?:等[^，,。；;]{0,8}?)?(?:已|均|正式|先后)?(?:经[^，,。；;]{1,20}?)?"
                           r"(?:审议通过|印发|出台|制定|发布|颁布)(?![^，,。；;]{0,4}?(?:后|以来))")
_TITLE_JOIN = "、和及与"
# Future at the start of a sentence ("下一步，……") or near the start of a clause ("我局将继续……"; use .match).
_FUTURE_SENTENCE = lazy_compile(r"^.{0,6}?(?:下一步|下步|下一年度|下年度|明年|来年|今后|新的一年)")
_FUTURE_ADVERBS = ("继续|进一步|持续|着力|重点|全面|深入|不断|积极|努力|切实|加快|加大|大力|围绕|坚持|始终|扎实|认真|统筹|"
                   "推动|推进|强化|聚焦|抓好|做好|迅速|全力|坚定|统一|牢固|按照|结合|紧紧|紧密|在|于|加强|完善|健全|提高|提升|落实|注重")
_FUTURE_CLAUSE = lazy_compile(
      rf"[^将要拟计力]{{0,12}}?(?:将要|(?<![即必现])将(?={_FUTURE_ADVERBS})|拟(?=于|在|对|开展|制定|出台|启动|完成|推进|实施|建立|组织)|"
      rf"计划(?=于|在|对|开展|启动|完成|推进|实施|将)|力争(?=于|在|\d|到|年底|明年)|要(?={_FUTURE_ADVERBS}))")
# A figure with a unit: "281份" "100%" "1.5万元" "30余次" (years and dates are not figures).
_FIGURE = lazy_compile(r"\d+(?:\.\d+)?(?:%|‰|(?:万|亿)?(?:余|多)?(?:人次|件次|万元|亿元|个|件|次|家|项|名|条|份|起|宗|场|期"
                       r"|卷|部|篇|批|所|户|元|人|天|支|套|小时|余))|[两三四五六七八九十百千]+(?:个|件|次|家|项|名|条|份|场|期|批|支)"
                       r"(?!制度)")


def place_of(ctx: Context, hit: Hit) -> str:
    """``body``, ``heading``, ``title``, ``list`` or ``plan`` (see the module docstring)."""
    key = ("grounding", "place", hit.line, hit.start, hit.size)
    if key not in ctx.memo:
        ctx.memo[key] = _place(ctx, hit)
    return ctx.memo[key]


def _place(ctx: Context, hit: Hit) -> str:
    if _in_heading(ctx, hit):
        return "heading"
    text, start, end = _sentence(ctx, hit)
    if _inside_title(text, start, end):
        return "title"
    if _inside_list(text, start, end):
        return "list"
    if _is_future(text, start):
        return "plan"
    return "body"


def grade(ctx: Context, hit: Hit) -> int:
    """0 a body sentence with figures, 1 another body sentence, 2 anywhere else (for evidence order)."""
    if place_of(ctx, hit) != "body":
        return 2
    return 0 if _has_figure(_sentence(ctx, hit)[0]) else 1


@lru_cache(maxsize=512)
def _has_figure(sentence: str) -> bool:
    return bool(_FIGURE.search(sentence))


def grounded(ctx: Context, hits: list[Hit]) -> list[Hit]:
    """The hits that stand in a body sentence reporting work (document order kept)."""
    return [h for h in hits if place_of(ctx, h) == "body"]


def best_first(ctx: Context, hits: list[Hit]) -> list[Hit]:
    """``hits`` ordered for evidence: a term naming the whole item before one of its parts ("三项制度"
    before "法制审核"), then figures first, then body sentences, then headings and the rest."""
    return sorted(hits, key=lambda h: (h.group >= 0, grade(ctx, h), h.line, h.start))


def places_text(ctx: Context, hits: list[Hit], limit: int = 3) -> str:
    """"标题（第13行）、考核指标或任务的列举（第43行）" for the places of ungrounded ``hits``."""
    by_place: dict[str, list[int]] = {}
    for h in hits:
        lines = by_place.setdefault(place_of(ctx, h), [])
        if h.line not in lines:
            lines.append(h.line)
    return "、".join(f"{PLACE_NAMES.get(p, p)}（" + "、".join(f"第{n}行" for n in lines[:limit]) + "）"
                    for p, lines in by_place.items())


# ── where a hit stands ──────────────────────────────────────────────────────

def _heading_ends(ctx: Context) -> dict[int, int]:
    """First line of a paragraph → offset in the paragraph's text where its heading ends (absent: no heading)."""
    key = ("grounding", "headings")
    if key not in ctx.memo:
        ends: dict[int, int] = {}
        paragraphs = _paragraphs(ctx)
        for s in ctx.sections:
            para = paragraphs.get(s.line)
            if para is None or para.lines[0] != s.line:
                continue
            text = para.text
            at = text.find(s.title) if s.title else -1
            end = at + len(s.title) if at >= 0 else len(text)
            stop = _first_end(text, end)   # a hard-wrapped title goes on to the full stop
            end = stop if stop is not None and at >= 0 and _first_end(text, at, end) is None else end
            # "（3）全面监督落实行政执法“三项制度”，督促……。全区共……": a long first sentence with a
            # comma, followed by more text, is a sentence of the body, not a title.
            title = text[at if at >= 0 else 0:end]
            # run on into the body, or a whole sentence of its own (a PDF wrapped right after its "。")
            run_in = len(text.rstrip("。 ")) > end + 1 or text.rstrip().endswith("。")
            if not (run_in and (len(title) > _RUN_IN_TITLE_MAX or _COMMA.search(title))):
                ends[s.line] = end
        for part in ctx.parts.values():
            para = paragraphs.get(part.line) if part.line and part.heading else None
            if para is not None and para.lines[0] not in ends:
                ends[para.lines[0]] = _first_sentence_end(para.text)
        title_para = paragraphs.get(ctx.meta.title_line) if ctx.meta.title_line else None
        if title_para is not None:
            ends.setdefault(title_para.lines[0], len(title_para.text))
        for para in ctx.view.paragraphs:   # a short line of its own without a full stop: "加强督察考核"
            if len(para.lines) == 1 and para.lines[0] not in ends and _heading_like(para.text):
                ends[para.lines[0]] = len(para.text)
        ctx.memo[key] = ends
    return ctx.memo[key]


def _heading_like(text: str) -> bool:
    text = text.strip()
    return 2 <= len(text) <= _HEADING_LIKE_MAX and _first_end(text.rstrip("。")) is None \
        and not text.endswith("。") and not _FIGURE.search(text)


def _first_sentence_end(norm: str) -> int:
    stop = _first_end(norm)
    return len(norm) if stop is None else stop


def _ends(marks, text: str, pos: int = 0, endpos: int | None = None):
    """Offsets in ``text[pos:endpos]`` of the ``marks`` that end a sentence or clause. An ASCII "?"
    between two Chinese characters stands for a character lost in decoding ("文明行?促进"), not for
    the end of a question. (A per-character test: a regex class over the Han block costs 2.5 ms to compile.)"""
    endpos = len(text) if endpos is None else endpos
    for m in marks.finditer(text, pos, endpos):
        i = m.start()
        if text[i] != "?" or not (0 < i and i + 1 < endpos and is_han(text[i - 1]) and is_han(text[i + 1])):
            yield i


def _first_end(text: str, pos: int = 0, endpos: int | None = None) -> int | None:
    """The first sentence end in ``text[pos:endpos]`` (see ``_ends``), or None."""
    return next(_ends(_SENTENCE_MARKS, text, pos, endpos), None)


def _in_heading(ctx: Context, hit: Hit) -> bool:
    para, offset = _paragraph_offset(ctx, hit)
    end = _heading_ends(ctx).get(para.lines[0]) if para is not None else None
    return end is not None and offset < end


def _sentence(ctx: Context, hit: Hit) -> tuple[str, int, int]:
    """The sentence holding ``hit`` (within its paragraph) and the hit's offsets in it."""
    key = ("grounding", "sentence", hit.line, hit.start, hit.size)
    if key in ctx.memo:
        return ctx.memo[key]
    para, offset = _paragraph_offset(ctx, hit)
    text = para.text if para is not None else ctx.view.norm[hit.line - 1]
    size = hit.size or hit.end - hit.start
    ends = _sentence_ends(text)
    i = bisect_right(ends, offset) - 1            # the last sentence end at or before the hit
    lo = ends[i] + 1 if i >= 0 else 0
    j = bisect_right(ends, offset + size - 1)     # the first sentence end after the hit
    hi = ends[j] if j < len(ends) else len(text)
    found = (text[lo:hi], offset - lo, offset - lo + size)
    ctx.memo[key] = found
    return found


@lru_cache(maxsize=256)
def _sentence_ends(text: str) -> tuple[int, ...]:
    """Offsets of the sentence-ending marks of a paragraph."""
    return tuple(_ends(_SENTENCE_MARKS, text))


def _paragraphs(ctx: Context) -> dict:
    """line → the paragraph holding it."""
    key = ("grounding", "paragraphs")
    if key not in ctx.memo:
        ctx.memo[key] = {line: p for p in ctx.view.paragraphs for line in p.lines}
    return ctx.memo[key]


def _paragraph_offset(ctx: Context, hit: Hit):
    """(paragraph or None, offset of the hit in the paragraph's text — or in its line, without one)."""
    para = _paragraphs(ctx).get(hit.line)
    if para is None:
        return None, hit.start
    return para, para.starts[para.lines.index(hit.line)] + hit.start


def _inside_title(text: str, start: int, end: int) -> bool:
    """Does the hit start inside 《…》 of a cited document ("贯彻《重大行政决策程序暂行条例》"), not
    one the body made ("制定印发《2023年法治政府建设工作要点》")?"""
    opened = text.rfind("《", 0, start + 1)
    if opened < 0 or text.rfind("》", 0, start) > opened or start - opened > _TITLE_SPAN_MAX:
        return False
    closed = text.find("》", start)
    return closed != -1 and not _made(text, opened, closed)


def _made(text: str, opened: int, closed: int) -> bool:
    """Is the title at ``text[opened:closed + 1]`` one the body made, issued or adopted?"""
    first = opened
    while True:                     # back over the titles listed before it: "印发《A》、《B》《C》"
        before = first
        while before > 0 and text[before - 1] in _TITLE_JOIN:
            before -= 1
        if before == 0 or text[before - 1] != "》" or text.rfind("《", 0, before) < 0:
            break
        first = text.rfind("《", 0, before)
    if _MADE_BEFORE.search(text, max(0, first - 12), first):
        return True
    last = closed
    while text.startswith("《", last + 1) or (text[last + 1:last + 2] in _TITLE_JOIN and text.startswith("《", last + 2)):
        nxt = text.find("》", last + 1)
        if nxt < 0:
            break
        last = nxt
    return bool(_MADE_AFTER.match(text, last + 1))


def _inside_list(text: str, start: int, end: int) -> bool:
    """Is the hit one member of a list of fields, topics, tasks or indicators (``enumerations``)?"""
    return any(lo <= start and end <= hi for lo, hi in list_spans(text))


def _is_future(sentence: str, start: int) -> bool:
    """Is the sentence about the future, or the clause holding ``start`` from a marker before it?"""
    whole, regions = _future_regions(sentence)
    return whole or any(lo <= start < hi for lo, hi in regions)


@lru_cache(maxsize=512)
def _future_regions(sentence: str) -> tuple[bool, tuple[tuple[int, int], ...]]:
    """(the whole sentence is a plan, spans from a clause's future marker to the clause's end)."""
    if _FUTURE_SENTENCE.search(sentence):
        return True, ()
    regions = []
    lo = 0
    for hi in (*_ends(_CLAUSE_MARKS, sentence), len(sentence)):
        found = _FUTURE_CLAUSE.match(sentence, lo, hi)     # from the clause's start (a short subject first)
        if found:
            if lo == 0:
                return True, ()          # "我局将继续深化……，推进……": the first clause sets the tense
            regions.append((found.start(), hi))
        lo = hi + 1
    return False, tuple(regions)


def line_part(ctx: Context, line: int) -> str | None:
    """The statutory part a line belongs to (its id), or None outside every part."""
    key = ("grounding", "part_lines")
    if key not in ctx.memo:
        spans = sorted((lo, hi, p.id) for p in ctx.parts.values() if p.status != "missing" for lo, hi in p.spans)
        ctx.memo[key] = ([lo for lo, _, _ in spans], spans)
    lows, spans = ctx.memo[key]
    i = bisect_right(lows, line) - 1
    return spans[i][2] if i >= 0 and line <= spans[i][1] else None
