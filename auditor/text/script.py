"""Traditional-character reports: detect them and convert to simplified for matching only."""
from __future__ import annotations

from functools import lru_cache
from typing import Callable

from ..errors import AuditorError

# Characters common in these reports that exist only in traditional writing.
_TRADITIONAL = set("這們國會發與說對時為個於來區機關構設務審執決議報據點處規則與當體僅單職責權範總監訊開"
                   "將實現認識積極應習領導組織頭標準")


def looks_traditional(text: str) -> bool:
    """True when traditional-only characters make up a noticeable share of the Han text."""
    sample = text[:20000]
    hits = sum(1 for ch in sample if ch in _TRADITIONAL)
    return hits >= 20 and hits * 200 >= sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff")


@lru_cache(maxsize=1)
def simplifier() -> Callable[[str], str]:
    """OpenCC's traditional → simplified converter (the ``zht`` extra)."""
    try:
        import opencc
    except ImportError:
        raise AuditorError("这份报告是繁体字，需要繁简转换组件：请运行 pip install 'auditor[zht]'") from None
    return opencc.OpenCC("t2s").convert
