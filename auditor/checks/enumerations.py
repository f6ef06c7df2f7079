"""Lists that name work without reporting it (used by ``grounding``).

A term that is one member of a list of fields, topics or tasks names a kind of work, it does not
say any was done:

- the object of an assessment or plan: "将重大行政决策、行政执法、年终述法等工作纳入考核指标";
- an enumeration of domains or topics closed by 等 and a head noun: "在行政执法、行政复议、法律服务等
  各项工作中……", "专题研究行政立法、行政复议体制改革等重点难点问题15个", "……等12项重点任务";
- what something touches on: "清理涉及行政复议、行政执法的规范性文件".

A list whose sentence goes on to report handling with a figure ("……等工作，全年受理复议案件35件")
is work done after all, and is no list here. ``list_spans`` gives the spans of the members.
"""
from __future__ import annotations

from functools import lru_cache
from ..text.lazy import lazy_compile

_MEMBER = r"[^。;；,，:：、等]{1,30}"
# 将/把 + what + 纳入/列入 + an assessment or plan: "将街道依法行政制度……纳入区绩效考核指标"
_INCLUDE = lazy_compile(r"(?:将|把)(?P<obj>[^。;；]{2,150}?)(?:纳入|列入|列为)[^。;；]{0,24}?"
                        r"(?:考核|考评|评价|评估|指标|目标|要点|计划|规划|责任制)")
# members + 等 + (各项|12项|…) + qualifiers + a head noun naming fields, topics or tasks; not a list of
# rules or systems that were set up ("……等工作制度", "……等工作规定") or of a body's remit ("……等工作职能")
_ENUMERATION = lazy_compile(
      rf"(?P<obj>{_MEMBER}(?:、{_MEMBER})+)等(?:各项|各类|多项|多个|一批|一系列)?[\d一二三四五六七八九十两]*(?:项|个|类|大)?"
      r"(?:重点|难点|重要|重大|主要|具体|突出|热点|核心|关键|相关|日常)*"
      r"(?:工作|领域|方面|问题|事项|内容|环节|业务|行业|任务|指标|考核内容|评价内容|议题|课题|难题)"
      r"(?!制度|机制|规定|规则|职能|职责|指引|办法|细则|方案|清单|流程|标准|规范|体系)")
# 涉及 + members, up to 的/等 or the clause's end: "涉及行政复议、行政执法的规范性文件"
_TOUCHING = lazy_compile(r"涉及(?P<obj>[^。;；,，:：、等的]{1,30}(?:、[^。;；,，:：、等的]{1,30})+)")
# A lead-in before the first member: "专题研究|行政立法、……", "在|行政执法、……", "融入|经济发展、……"
_LEAD_IN = lazy_compile(r".*(?:研究|围绕|涉及|包括|聚焦|结合|针对|做好|破解|解决|推进|推动|加强|开展|落实|融入|贯穿|"
                        r"覆盖|在|对|就|将|把|从)")
# Handling with a figure after the list: "……等工作，全年受理行政复议案件35件，审结30件"
_DEED = lazy_compile(r"(?:办理|办结|审结|受理|审理|化解|调处|调解|答复|纠错|纠正|查处|处罚|立案|结案|审查|审核|出庭|评查)"
                     r"[^。;；，,]{0,12}?\d")


@lru_cache(maxsize=512)
def list_spans(sentence: str) -> tuple[tuple[int, int], ...]:
    """(start, end) in ``sentence`` of each listed member (of the whole object, for an assessment list)."""
    if "、" not in sentence and not any(w in sentence for w in ("纳入", "列入", "列为")):
        return ()
    spans = [m.span("obj") for m in _INCLUDE.finditer(sentence)]
    for pattern in (_ENUMERATION, _TOUCHING):
        for m in pattern.finditer(sentence):
            if _DEED.search(sentence, m.end()):
                continue
            spans.extend(_members(sentence, *m.span("obj")))
    return tuple(spans)


def _members(sentence: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The spans of the members of ``sentence[lo:hi]``, the first one without its lead-in. A member
    naming a document is a particular piece of work, not a field ("《某某条例》立法后评估"): left out."""
    out, start = [], lo
    for part in sentence[lo:hi].split("、"):
        out.append((start, start + len(part)))
        start += len(part) + 1
    first = _LEAD_IN.match(sentence, out[0][0], out[0][1])
    if first:
        out[0] = (first.end(), out[0][1])
    return [(a, b) for a, b in out if "《" not in sentence[a:b]]
