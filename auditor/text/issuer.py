"""Names of reporting bodies: find one in a title or an opening sentence, and tell its level.

Levels follow the body's name: a 镇/乡/街道 (办事处) is ``township``; a 局/委/办/厅/部/中心 or other
body of a government is ``department``; a region (省/市/区/县/旗/州/盟) or its 人民政府 is
``government``. A joint party-government issuer ("中共某某县委 某某县人民政府") takes the level of
its government; a party committee alone ("中共某某镇委员会") the level of its region.
"""
from __future__ import annotations

import re

from .han import is_han, strip_pinyin
from .lazy import lazy_compile

# plain patterns used below (compiled once per user, text.lazy)
_SPACES = lazy_compile(r"\s+")
_LIST_MARK = lazy_compile(r"[、\s]")
_COMMA = lazy_compile(r"[，,]")
_PARTY_BEFORE_GOVERNMENT = lazy_compile(r"(?:党委|党工委)、?(?=(?:人民)?政府$|办事处$)")
_NAME_SEPARATORS = lazy_compile(r"[、\s]+")

_HAN = "\u4e00-\u9fff"
_TOWNSHIP = ("街道办事处", "办事处", "街道", "镇人民政府", "乡人民政府", "镇政府", "乡政府", "镇", "乡", "苏木", "街")
_DEPARTMENT = ("管理委员会", "管委会", "委员会", "局", "委", "办公室", "办", "厅", "署", "中心", "院", "队", "部",
               "总队", "支队", "站", "所")
_GOVERNMENT = ("人民政府", "政府", "自治区", "自治州", "自治县", "省", "市", "区", "县", "旗", "州", "盟")
# A party committee or leading group reporting for its body: "中共某某镇委员会", "某某局党组"
_PARTY = lazy_compile(r"^中共|(?:党组|党委|党工委)$|(?<=[省市县区州旗盟镇乡])委(?:员会)?$")
# Words that open a name without naming anything: "市司法局", "我局", "全省各级行政机关"
_GENERIC_START = tuple("省市县区镇乡州旗盟我本该全各") + ("上级", "街道")
_TAGS = lazy_compile(r"^(?:【[^】]{0,12}】|\[[^\]]{0,30}\]|〔[^〕]{0,30}〕)+")
_FILE = lazy_compile(r"\.(?:docx?|wps|pdf|txt)$", re.IGNORECASE)
# Besides Han characters, what a name may hold ("某某区（某某）管理委员会", "某某·某某中心")
_NAME_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789（）()·")
# Not names: self-references and time phrases ("我镇", "本届政府", "一年来我镇")
_NOT_NAME = lazy_compile(r"我|本届|本级|以来|年来|^[本该全各今去一及将为对在]|^(?:根据|按照|召开|围绕)|^乡镇$")
# Words of a clause, never of a body's name: particles and verbs ("调研组充分肯定了某区", "有序推动全镇",
# "成立中共某市委"). Names hold words like 管理/服务/保障/监督 ("市场监督管理局"), so only these count.
_CLAUSE_WORDS = lazy_compile(r"[了的着各]|肯定|推进|推动|坚持|成立|协助|充分|认真|深入|召开|开展|加强|落实|贯彻|"
                             r"指出|强调|要求|表示|听取|调研|有序|积极|取得")
_ONE_NAME_MAX = 30     # characters of one body's name; longer only as a joint "A、B" or "A B"
# A clause that sets the scene before the subject: "2020年是…完整年度，某某局认真贯彻…"
_CONTEXT = lazy_compile(r"^(?:(?:19|20)\d\d年|为|按照|根据|在|今年|一年|自|随着|围绕|截至)")
# A title names its body before "关于" or the year: "某某区司法局关于2021年度…", "某某镇2023年…"
# (a year counts where 年 or another Han character follows; tested in ``name_in_title``)
_TITLE_SPLIT = lazy_compile(r"关于|发布|印发|(?<!\d)(?:19|20)\d\d年?")
# Verbs (and the like) that follow the subject of a report's opening sentence
_VERBS = ("坚持", "深入", "认真", "全面", "紧紧", "始终", "紧扣", "围绕", "聚焦", "扎实", "以习近平", "按照", "根据",
          "高度", "积极", "持续", "切实", "着力", "不断", "牢固", "严格", "立足", "锚定", "紧密", "贯彻", "把", "将",
          "全力", "大力", "进一步", "主动", "在", "以", "法治政府建设", "依法行政", "领导班子", "党组", "党委", "党工委",
          "于", "对", "抓", "强化", "加强", "推进", "落实", "不折不扣", "统筹", "自觉", "一以贯之", "继续")
_LEAD = lazy_compile(r"^(?:[^，,。]{0,16}(?:年度|以来|年来|年)[，,]?)")
_UNDER = lazy_compile(r"^(?:在[^。]{2,80}?(?:领导|指导|监督|支持|关心|帮助|指引|关怀)下[，,]?)+")
_CLAUSE = lazy_compile(r"^(?:为[^，,。]{2,60}[，,]|按照[^，,。]{2,60}[，,]|根据[^，,。]{2,60}[，,])")
# After a year at the head of a title, the body before the topic: "2021年某某街道政府信息公开…"
_NAME_BEFORE_TOPIC = lazy_compile(rf"[{_HAN}]{{2,20}}?(?:{'|'.join(_TOWNSHIP + _DEPARTMENT + _GOVERNMENT)})"
                                  r"(?=法治|政府信息|依法|普法)")
# The body a self-reference stands for: "我局" → 局, "本街道" → 街道
_SELF_WORD = lazy_compile(rf"[我本全](街道|[{_HAN}])")
# How a body speaks of itself: "我局" "本局" "局党组" · "我镇" "街道党工委" · "我市" "全省各级行政机关"
SELF = (
    ("department", lazy_compile(r"我(?:局|厅|委|办|部|署|中心|院)|本(?:局|厅|委|部)|(?:局|厅|部|委)党(?:组|委)|"
                                r"(?:^|[，,。])(?:县|市|区)?局(?:始终|坚持|深入|认真|高度)")),
    ("township", lazy_compile(r"我(?:镇|乡|街道)|本(?:镇|乡|街道)|全(?:镇|乡|街道)|(?:镇|乡)党委(?:、|和)?(?:镇|乡)?政府|街道党工委|"
                              r"(?:^|[，,。])(?:街道|镇|乡)(?:始终|坚持|按照|深入|认真|高度|积极)")),
    ("government", lazy_compile(r"我(?:市|县|区|省|州|旗)|本(?:市|县|区|省)|全(?:市|县|区|省|州)各级(?:行政机关|政府)|"
                                r"(?:市|县|区|省)政府(?:始终|坚持|深入|认真|高度|常务会议)")),
)


def clean_name(text: str) -> str | None:
    """A body's name as written, or None when ``text`` is not one (too long, a sentence, no type)."""
    name = strip_pinyin(_TAGS.sub("", text.strip()))
    name = _FILE.sub("", name).strip(" ：:，,")
    name = _SPACES.sub("", name)
    if not _name_shaped(name) or _NOT_NAME.search(name) or not plausible_name(name):
        return None
    return name


def _name_shaped(name: str) -> bool:
    """2–60 Han characters, Latin letters, digits, brackets or "·"; or a joint issuer of 2–20 Han
    characters + 委、 + 1–20 + 政府 ("某某县委、某某县人民政府"). ``name`` holds no whitespace."""
    if 2 <= len(name) <= 60 and all(is_han(c) or c in _NAME_CHARS for c in name):
        return True
    party, _, government = name.partition("委、")
    return (2 <= len(party) <= 20 and 3 <= len(government) <= 22 and government.endswith("政府")
            and all(map(is_han, party + government)))


def plausible_name(name: str) -> bool:
    """Can ``name`` be an organisation's name: no word of a clause in it, not too long for one body,
    ending like a body ("某某县人民政府", "某某市司法局")? When unsure, no: a report with no issuer is
    better than one whose issuer is a fragment of a sentence."""
    if _CLAUSE_WORDS.search(name):
        return False
    if len(name) > _ONE_NAME_MAX and not _LIST_MARK.search(name):
        return False
    return level_of(name)[0] != "unknown"


def name_in_title(title: str) -> str | None:
    """The body a title names before "关于"/"发布" or its year: "某某县教育局2021年度…" → 某某县教育局."""
    text = strip_pinyin(_TAGS.sub("", title.strip().lstrip("《")))
    m = next((m for m in _TITLE_SPLIT.finditer(text) if not m.group(0)[-1].isdigit()
              or m.end() < len(text) and is_han(text[m.end()])), None)
    if m and m.start() >= 2:
        return clean_name(text[: m.start()])
    if m and m.start() == 0 and m.group(0)[0].isdigit():     # "2021年某某街道政府信息公开工作年度报告"
        rest = text[m.end():].lstrip("度")
        found = _NAME_BEFORE_TOPIC.match(rest)
        return clean_name(found.group(0)) if found else None
    return None


def subject_of(sentence: str) -> str | None:
    """The body an opening sentence is about: "2021年以来，某某市公安局按照…" → 某某市公安局.

    Leading time phrases, "在…领导下" and "为/按照/根据…，" clauses are skipped, and each of the
    first clauses is tried ("2020年是…的第一个完整年度，某某市税务局认真贯彻…"). A phrase such as
    "本届政府以来" or "县委、县政府" names no body and gives None; a name that does not say which
    body it is ("市司法局") is returned, to be ranked after proper names (see ``is_generic``).
    """
    text = _UNDER.sub("", _LEAD.sub("", sentence, count=1), count=1)
    first = sentence.split("，")[0].split(",")[0]
    for index, clause in enumerate(_COMMA.split(text)[:4]):
        context = _CONTEXT.match(first if index == 0 else clause)
        for pattern in (_LEAD, _UNDER, _CLAUSE):
            clause = pattern.sub("", clause, count=1)
        best = None
        for verb in _VERBS:
            at = clause.find(verb, 2)
            if 2 <= at <= 40 and (best is None or at < best):
                best = at
        name = clean_name(clause[:best]) if best is not None else None
        if name:
            return name
        if not context:
            break
    return None


_HAN_RUN_AT_END = lazy_compile(rf"[{_HAN}]{{1,16}}$")
_NOT_PLACE = lazy_compile(r"[和与及或的全进在是对将把了各本我该]|法治|建设|政府|工作")
_PLACES = lazy_compile(rf"^(?:[{_HAN}]{{2,8}}?(?:自治区|自治州|自治县|省|市|州|盟|县|区|旗))+$")


def qualified_name(generic: str, text: str) -> str | None:
    """The full name the text gives elsewhere to a body it calls by a generic name: "区城市管理局"
    with "…制定《某某市某某区城市管理局2025年…》" → 某某市某某区城市管理局. The characters before the
    generic name must be place names ("某某市某某" + "区"); the longest such name wins; None when the
    text never names the place."""
    if not generic.startswith(tuple("省市县区州旗盟")):
        return None
    best = None
    for m in re.finditer(re.escape(generic), text):
        run = _HAN_RUN_AT_END.search(text[max(0, m.start() - 16):m.start()])
        for start in range(len(run.group(0)) - 1) if run else ():
            place = run.group(0)[start:]
            if _PLACES.match(place + generic[0]) and not _NOT_PLACE.search(place):
                name = clean_name(place + generic)
                if name:
                    best = name if best is None or len(name) > len(best) else best
                    break
    return best


def is_generic(name: str) -> bool:
    """True for a name that does not say which body it is ("市司法局", "县政府")."""
    return name.startswith(_GENERIC_START)


def level_of(name: str) -> tuple[str, str | None]:
    """(level, the ending that decided it) for a body's name; ("unknown", None) when none fits."""
    if not name:
        return "unknown", None
    name = _PARTY_BEFORE_GOVERNMENT.sub("", name)   # "某镇党委政府" → "某镇政府"
    parts = _NAME_SEPARATORS.split(name)
    last = parts[-1] if parts[-1] else name
    if len(parts) > 1 and _PARTY.search(parts[0]) and not _PARTY.search(last):
        return level_of(last)                     # "中共某某县委 某某县人民政府" → the government
    core = _PARTY.sub("", _PARTY.sub("", last))   # "中共某某镇委员会" → "某某镇"
    core = core or last
    for level, endings in (("township", _TOWNSHIP), ("department", _DEPARTMENT), ("government", _GOVERNMENT)):
        for ending in endings:
            if core.endswith(ending) and len(core) > len(ending):
                if level == "department" and core.endswith(("街道办", "镇办")):
                    return "township", ending
                return level, ending
    return "unknown", None


_ISSUED = lazy_compile(r"(?:印发|制定|出台|制发|通过|修订|编制)了?《([^》]{4,60})》")


def own_document_name(text: str, word: str) -> str | None:
    """The body's name as it heads a document it issued, when the report only says "我局" (``word``):
    "我局…印发《某某市交通运输局制定规范性文件工作规程》" → 某某市交通运输局.

    The name must end like the self-reference ("我局" → …局, "我镇" → …镇, "全市各级…" → …市).
    """
    m = _SELF_WORD.match(word)
    if not m:
        return None
    own = m.group(1)
    endings = ("委员会", "委") if own == "委" else (own,)
    if own == "街道":
        endings = ("街道", "街道办事处")
    for m in _ISSUED.finditer(text[:6000]):
        cited = m.group(1)
        for end in range(3, len(cited) + 1):
            name = cited[:end]
            if name.endswith(endings) and not is_generic(name):
                found = clean_name(name)
                if found and (end == len(cited) or cited[end] not in "县市区镇乡"):
                    return found
    return None


def self_reference(text: str) -> tuple[str, str] | None:
    """(level, words) from how a report speaks of its own body ("我局" → department), or None."""
    for level, pattern in SELF:
        m = pattern.search(text)
        if m:
            return level, m.group(0).strip("，,。")
    return None
