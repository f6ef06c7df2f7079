"""Web-page furniture around a report: navigation, widgets and the page's metadata list.

Crawled pages keep the site around the report: breadcrumbs ("当前位置：首页 > 政务公开 > …"), menus,
share and font-size widgets ("字体大小", "【打印】【关闭】"), a metadata list ("索 引 号：…",
"发布机构：…", "成文日期：…") and date/source/visit-count lines. Such rows are read here once:
their fields feed the metadata, and the rows themselves are blanked in the view the checks search,
so none of them can become a title, an issuer or evidence for a rule.
"""
from __future__ import annotations


from .markers import parse_marker
from .han import is_han
from .normalize import TextView
from .lazy import lazy_compile
from ..models import record

# plain patterns used below (compiled once per user, text.lazy)
_PROSE_MARK = lazy_compile(r"[，,。]")
_CLAUSE_MARK = lazy_compile(r"[。，,；;]")

# Labels of a page's metadata list, as folded (NFKC, spaces between Han characters removed, so
# "标 题" and "索 引 号" arrive as "标题" and "索引号"). Longest first so "发布时间" wins over "时间".
LABELS = tuple(sorted((
    "标题", "名称", "索引号", "信息索引号", "发布机构", "发文机关", "制发机构", "发布单位", "成文日期", "发文日期",
    "发布日期", "发布时间", "发表日期", "生成日期", "更新日期", "更新时间", "日期", "时间", "来源", "信息来源",
    "文号", "发文字号", "发文号", "主题分类", "体裁分类", "组配分类", "信息分类", "分类", "公开形式", "公开方式",
    "公开时限", "有效性", "时效", "关键词", "服务对象", "作者", "文件编码", "文件登记号", "浏览次数", "点击数",
    "访问次数", "阅读", "字号", "字体", "资源ID", "资源大小", "资源格式", "全文页数", "下载积分", "签发人",
), key=len, reverse=True))
_LABEL = "|".join(LABELS)
# A label, then ":" or a closing bracket: "发布时间：2023-01-11"  "[ 成文日期 ] 2026-01-22"
# "| 发文机关: | 东安县应急管理局 |"  "• 发布机构:". Folding removed the spaces between fields, so
# after the first one a label may follow a value directly ("10:44:25来源:广东省司法厅").
_FIELD = lazy_compile(rf"[\[【]?({_LABEL})[\]】]?\s*(?:[:：|]|(?<=[\]】]))")
_FIELD_START = lazy_compile(rf"^[\s|•·\-—*]*[\[【]?(?:{_LABEL})[\]】]?\s*(?:[:：|]|(?<=[\]】]))")
_LEAD_DATE = lazy_compile(r"^[\s•·\-—|]*(?:19|20)\d\d\s*(?:[-./]|年)\s*\d{1,2}\s*(?:[-./]|月)\s*\d{1,2}\s*日?")
_LABEL_ONLY = lazy_compile(rf"^[\s•·\-—*\[\]【】]*(?:{_LABEL})[\s\[\]【】:：]*$")   # not in a "|" table
_BULLET = lazy_compile(r"^[\s•·\-—|>]+")
# Breadcrumbs and site menus: "当前位置：首页 > 政务公开 > …", "首页>政务公开>…", "联系我们| 网站地图| 微信"
_NAV = lazy_compile(r"当前位置|当前的位置|当前所在|所在位置|您的位置|您现在|您当前|首页\s*[>＞»]|>>|(?:[>＞»][^>＞»]*){2}")
_MENU = lazy_compile(r"(?:[^|｜]{1,12}[|｜]){2,}")
# Widgets and site furniture (only on short rows): "字体大小" "【打印】【关闭】" "分享到" "无障碍" …
_WIDGET = lazy_compile(r"字体|字号|打印|关闭|分享|收藏|听全文|无障碍|长辈版|繁体版|简体版|网站地图|联系我们|IPv6|"
                       r"手机版|手机站|下载|登录|友情提示|相关文章|扫一扫|本站|首页|返回顶部|\[[大中小]\]|^[大中小]$")
_DATE = lazy_compile(r"((?:19|20)\d\d)\s*(?:[-./]|年)\s*(\d{1,2})\s*(?:[-./]|月)\s*(\d{1,2})")
# A page's own date row: "2022-03-22 11:35", "• 2024-01-23", "2021年03月22日 16时47分". A Chinese date
# without a time ("2022年1月5日") is a document's date (a signature), left to the metadata.
_BARE_DATE = lazy_compile(r"^[\s•·\-—|]*(?:(?:19|20)\d\d[-./]\d{1,2}[-./]\d{1,2}|"
                          r"(?:19|20)\d\d年\d{1,2}月\d{1,2}日?(?=\s*\d{1,2}[:时]))"
                          r"(?:\s*\d{1,2}\s*[:时]\s*\d{1,2}(?:\s*[:分]\s*\d{1,2})?\s*[秒分]?)?")
# a value row of a metadata list is never a document's title
_DOCUMENT = lazy_compile(r"报告|总结|关于|年度|方案|要点|通知")
_TAIL = 15           # rows at the end of a page where share/print widgets stand
_SHORT = 40          # a widget or bullet row longer than this is body text, not furniture
_FIELD_ROW = 120     # a metadata row longer than this is body text quoting a label


@record
class PageField:
    """One labelled value of a page's metadata list, e.g. ("发布日期", "2026-02-10", 14)."""

    label: str
    value: str
    line: int


@record
class Page:
    """The furniture rows of a page (1-based) and the fields read from them."""

    rows: frozenset[int]
    fields: tuple[PageField, ...]
    dates: tuple[tuple[str, int], ...]     # bare dates on furniture rows: (ISO date, line)

    def first(self, *labels: str) -> PageField | None:
        """The first field with one of ``labels`` (in the order given) that has a value."""
        for label in labels:
            for f in self.fields:
                if f.label == label and f.value:
                    return f
        return None


def read_page(view: TextView) -> Page:
    """Find the furniture rows of ``view`` and read the page's fields from them.

    A metadata list and bullet menus are looked for only in the page's head, before the report's
    first heading or sentence, so a Markdown list item in a draft ("- 开展执法人员轮训") stays
    report text; breadcrumbs, widget rows and page date rows are furniture wherever they stand.
    """
    rows: set[int] = set()
    fields: list[PageField] = []
    dates: list[tuple[str, int]] = []
    pending: list[int] = []          # a label alone on its row waits for its value on the next row
    in_head = True
    for number in range(1, len(view.norm) + 1):
        text = view.norm[number - 1]
        if not text:
            continue
        found = _fields(text, number) if in_head and len(text) <= _FIELD_ROW else []
        if found:
            rows.add(number)
            # a label alone on its row ("• [ 成文日期 ]") takes its value from the next row
            pending = [len(fields)] if _LABEL_ONLY.match(text) else []
            fields.extend(found)
            dates.extend((iso, number) for f in found for iso in [to_iso(f.value)] if iso and _dated(f.label))
            lead = _LEAD_DATE.match(text)
            if lead:       # "2022年01月18日来源：1"
                dates.append((to_iso(lead.group(0)), number))
            continue
        if pending and len(text) <= _SHORT and not _DOCUMENT.search(text):
            value = _BULLET.sub("", text).strip()
            fields[pending[0]] = PageField(fields[pending[0]].label, value, number)
            if _dated(fields[pending[0]].label) and to_iso(value):
                dates.append((to_iso(value), number))
            pending = []
            rows.add(number)
            continue
        pending = []
        if is_furniture(text, in_head or number > len(view.norm) - _TAIL):
            rows.add(number)
            bare = _BARE_DATE.match(text)
            if bare:
                dates.append((to_iso(bare.group(0)), number))
        elif in_head and _body(text):
            in_head = False
    return Page(frozenset(rows), tuple(fields), tuple(d for d in dates if d[0]))


def _body(text: str) -> bool:
    """The report has begun: a heading, or a sentence longer than a title."""
    return bool(parse_marker(text)) or (len(text) > _SHORT and bool(_PROSE_MARK.search(text)))


def is_furniture(text: str, edge: bool = True) -> bool:
    """True for a folded row that is site furniture, never report text. Widget rows ("分享到：")
    and bullet menu items count only at the page's ``edge`` (its head or its last rows)."""
    if _NAV.search(text) and not text.endswith("。"):
        return True
    if len(text) > _SHORT:
        return False
    if _BARE_DATE.match(text) and len(_BARE_DATE.match(text).group(0)) >= len(text) - 12:
        return True
    stripped = _BULLET.sub("", text)
    if not any(is_han(c) or c.isascii() and c.isalnum() for c in stripped):
        return True          # "| | | |", "-", "•"
    if not edge:
        return False
    if _MENU.fullmatch(text.strip() + "|") or _WIDGET.search(stripped):
        return not _CLAUSE_MARK.search(stripped) and not parse_marker(stripped)
    # a bullet menu item: "• 开题报告", "• 2024-01-23", "• 来源：广州市司法局"
    if stripped == text.lstrip():
        return False
    return (len(stripped) <= 24 and not _PROSE_MARK.search(stripped)) or not any(map(is_han, stripped))


def to_iso(text: str) -> str | None:
    """The first full date in ``text`` as YYYY-MM-DD, or None ("2022年1月5日" → "2022-01-05")."""
    m = _DATE.search(text)
    if not m:
        return None
    year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _fields(text: str, number: int) -> list[PageField]:
    matches = list(_FIELD.finditer(text))
    if not matches:
        return []
    if not _FIELD_START.match(text):
        # only a page date may stand after other furniture ("…门户网站 www.… 发布时间：2025-12-31");
        # "…，来源：…" inside a sentence is not a field
        dated = [m for m in matches if _dated(m.group(1)) and to_iso(text[m.end():m.end() + 24])]
        if (not dated and not _LEAD_DATE.match(text)) or "。" in text:
            return []
        if not dated:
            dated = matches
        matches = matches[matches.index(dated[0]):]
    out = []
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        value = text[m.end():end].strip(" |[]【】•:：\t")
        out.append(PageField(m.group(1), value, number))
    return out


def _dated(label: str) -> bool:
    return label.endswith(("日期", "时间"))
