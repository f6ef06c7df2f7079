"""Peers in one batch: percentile ranks within a level; passages copied between bodies."""
from __future__ import annotations

from auditor.peers import CopyFinder, clause_signature, percentile_ranks

SHARED = ("全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度，"
          "组织开展行政执法案卷评查，评查案卷一百二十卷，发现问题十八个并督促整改到位。")


def _report(name: str, *lines: str) -> str:
    return "\n".join([f"{name}2023年法治政府建设年度报告", *lines])


def _finder(texts: dict[str, tuple[str, str]]) -> CopyFinder:
    finder = CopyFinder()
    for path, (issuer, text) in texts.items():
        finder.add({"path": path, "issuer": issuer, "sha256": path, "is_report": True}, clause_signature(text))
    return finder


def test_a_paragraph_copied_between_two_bodies_is_found_with_its_lines():
    found = _finder({
        "a.txt": ("甲县司法局", _report("甲县司法局", "一、主要举措和成效", "甲县完善了权责清单。", SHARED)),
        "b.txt": ("乙县司法局", _report("乙县司法局", "一、主要举措和成效", SHARED, "乙县推进了调解工作。")),
    }).find()
    assert [(c.a, c.lines, c.b, c.other_lines) for c in found] == [("a.txt", (4, 4), "b.txt", (3, 3))]
    assert found[0].chars >= 60


def test_same_body_same_file_and_boilerplate_are_not_copies():
    text = _report("甲县司法局", SHARED)
    assert _finder({"a.txt": ("甲县司法局", text), "b.txt": ("北京市甲县司法局", text)}).find() == []
    many = {f"{n}.txt": (f"第{n}县司法局", _report(f"第{n}县司法局", SHARED)) for n in range(5)}
    assert _finder(many).find() == []   # five of five bodies write it: boilerplate, not copying


def test_percentile_ranks_are_within_a_level():
    records = [{"position": n, "level": level, "score": score, "is_report": True}
               for n, (level, score) in enumerate([("department", 60), ("department", 80), ("department", 80),
                                                    ("department", 90), ("township", 10)], 1)]
    ranks = percentile_ranks(records, lambda r: r["score"])
    assert ranks == {1: 12.5, 2: 50.0, 3: 50.0, 4: 87.5, 5: 50.0}
