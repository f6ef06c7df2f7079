"""Traditional characters: detect them and convert to simplified for matching only.

Conversion is per line (a paragraph): a simplified report with one paragraph pasted in traditional
characters has that paragraph converted, and nothing else. Taiwan phrasing (檔案 for 文件, 資訊 for
信息, 程式 for 程序) is turned back with OpenCC's Taiwan-to-mainland phrase tables (``tw2sp``) only on
lines written that way — a line that OpenCC's ``s2twp`` would produce from its own ``t2s`` form —
because those tables also rewrite words that mainland traditional text uses (建立 → 创建).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Callable

from ..extras import missing
from .lazy import lazy_compile

# Frequent characters whose simplified and traditional forms differ, as (simplified, traditional)
# pairs. A text is traditional when the traditional forms clearly outnumber the simplified ones,
# so a simplified report quoting a traditional name or title is left alone.
_PAIRS = (
    "这這 们們 国國 会會 发發 说說 对對 时時 为爲 为為 个個 来來 区區 机機 关關 构構 设設 务務 审審 执執 决決 "
    "议議 报報 据據 点點 处處 规規 则則 与與 当當 体體 单單 职職 责責 权權 范範 总總 监監 开開 将將 实實 现現 "
    "认認 识識 积積 极極 应應 习習 领領 导導 组組 织織 头頭 标標 准準 进進 动動 经經 济濟 问問 题題 长長 门門 "
    "县縣 乡鄉 镇鎮 业業 员員 传傳 讯訊 证證 护護 险險 观觀 讲講 计計 训訓 记記 论論 访訪 诉訴 诺諾 课課 调調 "
    "谈談 请請 质質 购購 费費 资資 赔賠 违違 运運 还還 连連 选選 递遞 邮郵 释釋 铁鐵 银銀 间間 闻聞 阅閱 队隊 "
    "阶階 际際 陆陸 随隨 难難 电電 须須 顺順 项項 顾顧 预預 频頻 风風 验驗 术術 简簡 约約 纪紀 纳納 线線 练練 "
    "细細 终終 结結 给給 统統 继繼 续續 维維 综綜 编編 网網 罚罰 义義 书書 买買 争爭 亲親 亿億 仅僅 从從 优優 "
    "众衆 众眾 价價 侦偵 债債 儿兒 党黨 兴興 养養 写寫 军軍 农農 况況 创創 别別 钱錢 销銷 错錯 阵陣 页頁 颁頒 "
    "额額 饭飯 齐齊 龄齡"
)
_SIMPLIFIED = frozenset(pair[0] for pair in _PAIRS.split())
_TRADITIONAL = frozenset(pair[1] for pair in _PAIRS.split())
_SAMPLE = 50000
_ANY_TRADITIONAL = lazy_compile("[" + "".join(sorted(_TRADITIONAL - _SIMPLIFIED)) + "]")


def looks_traditional(text: str) -> bool:
    """True when traditional forms of frequent characters clearly outnumber simplified forms."""
    sample = text[:_SAMPLE]
    # str.count per character that occurs (C speed) instead of a Python loop over every character
    traditional = sum(sample.count(ch) for ch in _TRADITIONAL.intersection(sample))
    if traditional < 5:
        return False
    simplified = sum(sample.count(ch) for ch in _SIMPLIFIED.intersection(sample))
    return traditional > 3 * simplified


def traditional_converter(text: str) -> Callable[[str], str] | None:
    """The converter for the matching view of ``text``, or None when it has no traditional characters.

    A mostly traditional text has every line converted; otherwise only the lines that hold
    traditional characters. Raises ``AuditorError`` when conversion is needed and OpenCC is missing.
    """
    if looks_traditional(text):
        return simplifier()
    if not _ANY_TRADITIONAL.search(text):
        return None
    convert = simplifier()
    return lambda line: convert(line) if _ANY_TRADITIONAL.search(line) else line


@lru_cache(maxsize=1)
def simplifier() -> Callable[[str], str]:
    """Traditional → simplified for one line, with mainland phrasing (the ``zht`` extra: OpenCC)."""
    try:
        import opencc
    except ImportError:
        raise missing("zht", "这份报告含繁体字，繁简转换") from None
    t2s, tw2sp, s2twp = (opencc.OpenCC(config).convert for config in ("t2s", "tw2sp", "s2twp"))

    def convert(line: str) -> str:
        plain = t2s(line)
        if plain == line or s2twp(plain) != line:   # not written in Taiwan phrasing
            return plain
        mainland = tw2sp(line)
        return plain if mainland == plain else _aligned(line, mainland, t2s)

    return convert


def _aligned(line: str, target: str, fallback: Callable[[str], str]) -> str:
    """``target`` where it replaces ``line`` one character for one (檔案 → 文件), ``fallback`` of the
    rest, so the matching view keeps a character-for-character map to the original."""
    import difflib

    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, line, target, autojunk=False).get_opcodes():
        out.append(target[j1:j2] if tag == "equal" or i2 - i1 == j2 - j1 else fallback(line[i1:i2]))
    return "".join(out)
