"""``text.phrase.clip``: a shortened quote ends at a phrase stop with "…", or is not shortened."""
from __future__ import annotations

from hypothesis import given, strategies as st

from auditor.text.phrase import ELLIPSIS, STOPS, clip

PIECES = st.lists(st.sampled_from(["加强", "行政执法", "监督", "，", "、", "；", "工作", "2020年", "（二）"]),
                  min_size=1, max_size=40)


@given(PIECES, st.integers(min_value=4, max_value=40))
def test_a_clipped_text_is_a_prefix_ending_where_a_phrase_ends(pieces, limit):
    text = "".join(pieces)
    shown = clip(text, limit)
    if shown == text.strip():
        assert len(text) <= limit or not any(ch in STOPS for ch in text[max(1, limit // 2):2 * limit])
        return
    assert shown.endswith(ELLIPSIS)
    body = shown[:-1]
    assert text.startswith(body) and text[len(body)] in STOPS and len(body) <= 2 * limit


def test_a_heading_cut_after_its_first_phrase():
    assert clip("充分发挥管理职能，全面推进司法行政工作进程", 16) == "充分发挥管理职能" + ELLIPSIS
    assert clip("推进法治政府建设第一责任人职责落实情况报告", 10) == "推进法治政府建设第一责任人职责落实情况报告"
