"""Traditional-character reports: detect them and convert to simplified for matching only."""
from __future__ import annotations

from functools import lru_cache
from typing import Callable

from ..errors import AuditorError

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


def looks_traditional(text: str) -> bool:
    """True when traditional forms of frequent characters clearly outnumber simplified forms."""
    sample = text[:_SAMPLE]
    # str.count per character that occurs (C speed) instead of a Python loop over every character
    traditional = sum(sample.count(ch) for ch in _TRADITIONAL.intersection(sample))
    if traditional < 5:
        return False
    simplified = sum(sample.count(ch) for ch in _SIMPLIFIED.intersection(sample))
    return traditional > 3 * simplified


@lru_cache(maxsize=1)
def simplifier() -> Callable[[str], str]:
    """OpenCC's traditional → simplified converter (the ``zht`` extra)."""
    try:
        import opencc
    except ImportError:
        raise AuditorError("这份报告是繁体字，需要繁简转换组件：请运行 pip install 'auditor[zht]'") from None
    return opencc.OpenCC("t2s").convert
