"""Shared passages between two texts (auditor/checks/copies.py)."""
from __future__ import annotations

from auditor.checks.copies import clauses, shared_passages

PASSAGE = "全面落实行政执法公示、执法全过程记录、重大执法决定法制审核制度，组织行政执法案卷评查，评查案卷210卷，发现问题36个并督促整改到位。"


def test_numbers_do_not_hide_a_copy():
    a = "开头不同的一句话。" + PASSAGE.replace("210", "245").replace("36", "29") + "结尾也不同。"
    b = "另一个开头。" + PASSAGE + "另一个结尾。"
    found = shared_passages(a, b, 50)
    assert len(found) == 1
    p = found[0]
    assert a[p.a_start:p.a_end].startswith("全面落实") and b[p.b_start:p.b_end].startswith("全面落实")


def test_one_changed_clause_still_counts():
    changed = PASSAGE.replace("组织行政执法案卷评查", "开展全县执法案卷集中评查")
    assert shared_passages(changed, PASSAGE, 50)


def test_short_common_phrases_are_not_copies():
    a = "坚持以习近平新时代中国特色社会主义思想为指导，深入推进依法行政。"
    b = "坚持以习近平新时代中国特色社会主义思想为指导，全面加强执法监督。"
    assert shared_passages(a, b, 50) == []


def test_clause_keys_mask_digits():
    assert [k for _, _, k, _ in clauses("共办理12件，纠错率8.88%")] == ["共办理##件", "纠错率#.##%"]


def test_linear_on_long_texts():
    import time

    a = (PASSAGE + "各有不同的第{}句。").format(1) * 20000
    start = time.perf_counter()
    shared_passages(a, PASSAGE * 2000, 50)
    assert time.perf_counter() - start < 5
