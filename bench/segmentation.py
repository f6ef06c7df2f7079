"""Does word segmentation (jieba, with part-of-speech tags) judge grounding and pairing better than characters?

Measured once for issue 9 and recorded in docs/grounding.md; run it again to check::

    .venv/bin/pip install jieba            # not a dependency of the project: only this script needs it
    .venv/bin/python bench/segmentation.py

1. Future tense (a plan is not work done): 110 clauses that hold 将/要/拟/计划/力争, drawn at random
   (seed 7) from ../shared/corpus and the seeds, labelled by hand. The labels name a clause by file,
   line and offset only (the corpus text stays in ../shared/corpus). Character rule: the tool's own
   (auditor.checks.grounding); jieba rule: the marker word followed by a verb, adverb or adjective.
2. Shortcoming ↔ plan pairing: every problem of the five seeds, with the plan item a reviewer pairs it
   with (or none). Bigram TF-IDF (the tool's) against the same TF-IDF over jieba words.
"""
from __future__ import annotations

import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT))

from auditor import load_rulebook  # noqa: E402
from auditor.api import build_context  # noqa: E402
from auditor.checks import closed_loop, similarity  # noqa: E402
from auditor.checks.grounding import _FUTURE_CLAUSE, _FUTURE_SENTENCE  # noqa: E402
from auditor.checks.points import split_points  # noqa: E402
from auditor.text.normalize import fold  # noqa: E402
from auditor.text.script import looks_traditional, simplifier  # noqa: E402

_CLAUSE = re.compile(r"[^。！？!?;；,，:：\n]+")
LABELS = (  # (file, line, clause start in the folded line, about the future?)
    ('t-012.txt', 4, 68, False), ('d-037.txt', 11, 96, False), ('t-028.txt', 4, 133, False), ('d-017.txt', 20, 274, False),
    ('d-022.txt', 6, 31, False), ('d-026.txt', 4, 100, False), ('t-024.txt', 4, 118, True), ('d-019.txt', 1, 0, False),
    ('002.txt', 30, 101, False), ('g-025.txt', 4, 58, False), ('d-013.txt', 3, 189, False), ('d-025.txt', 14, 121, False),
    ('t-038.txt', 8, 183, False), ('t-037.txt', 15, 166, False), ('d-021.txt', 13, 40, False), ('g-030.txt', 15, 117, False),
    ('d-025.txt', 20, 17, False), ('t-038.txt', 2, 76, False), ('d-020.txt', 1, 147, False), ('d-034.txt', 4, 30, False),
    ('g-026.txt', 5, 49, False), ('d-020.txt', 5, 22, False), ('t-028.txt', 5, 86, False), ('d-017.txt', 20, 295, False),
    ('001.txt', 61, 0, False), ('d-030.txt', 10, 239, False), ('d-009.txt', 14, 53, False), ('t-002.txt', 9, 20, False),
    ('t-038.txt', 5, 95, False), ('d-021.txt', 1, 40, False), ('d-036.txt', 4, 160, False), ('g-023.txt', 1, 193, False),
    ('d-022.txt', 4, 115, False), ('g-038.txt', 5, 188, False), ('002.txt', 30, 220, False), ('t-004.txt', 6, 67, False),
    ('d-040.txt', 1, 125, False), ('t-003.txt', 24, 11, False), ('t-031.txt', 7, 61, False), ('t-017.txt', 1, 143, False),
    ('002.txt', 32, 48, True), ('d-018.txt', 1, 214, False), ('t-005.txt', 17, 132, False), ('000.txt', 43, 111, False),
    ('t-011.txt', 6, 17, False), ('004.txt', 27, 43, False), ('g-011.txt', 13, 64, False), ('004.txt', 42, 894, False),
    ('t-001.txt', 13, 184, False), ('t-021.txt', 1, 113, False), ('d-012.txt', 1, 205, False), ('t-003.txt', 24, 50, False),
    ('d-011.txt', 1, 226, False), ('t-010.txt', 3, 251, False), ('d-029.txt', 11, 94, False), ('g-035.txt', 9, 127, False),
    ('t-048.txt', 5, 72, True), ('g-038.txt', 5, 14, False), ('003.txt', 73, 0, False), ('t-027.txt', 1, 218, False),
    ('g-001.txt', 10, 26, False), ('g-029.txt', 15, 94, False), ('t-005.txt', 17, 231, False), ('g-028.txt', 13, 27, False),
    ('g-009.txt', 36, 108, False), ('d-036.txt', 6, 165, False), ('003.txt', 79, 37, False), ('002.txt', 28, 29, False),
    ('t-047.txt', 5, 192, True), ('t-019.txt', 4, 109, False), ('t-027.txt', 3, 56, False), ('d-034.txt', 3, 10, False),
    ('d-013.txt', 3, 224, False), ('t-004.txt', 8, 13, False), ('t-035.txt', 1, 49, True), ('g-038.txt', 4, 116, False),
    ('g-034.txt', 1, 157, False), ('g-005.txt', 9, 332, False), ('t-023.txt', 3, 116, False), ('002.txt', 28, 118, False),
    ('d-036.txt', 4, 90, False), ('t-009.txt', 1, 122, False), ('d-012.txt', 3, 100, True), ('001.txt', 1, 174, False),
    ('g-037.txt', 18, 75, True), ('001.txt', 44, 282, False), ('d-024.txt', 18, 66, False), ('t-028.txt', 4, 86, False),
    ('d-022.txt', 6, 279, False), ('g-032.txt', 17, 22, False), ('t-026.txt', 1, 153, False), ('d-009.txt', 14, 28, False),
    ('t-015.txt', 5, 236, False), ('003.txt', 63, 0, False), ('002.txt', 16, 189, False), ('t-047.txt', 5, 26, True),
    ('t-038.txt', 5, 74, False), ('t-025.txt', 7, 167, False), ('t-019.txt', 2, 121, False), ('g-006.txt', 7, 151, False),
    ('t-007.txt', 5, 0, False), ('t-039.txt', 3, 0, False), ('t-047.txt', 5, 111, True), ('t-037.txt', 15, 211, True),
    ('d-012.txt', 3, 28, False), ('d-015.txt', 13, 24, False), ('d-035.txt', 13, 0, False), ('g-030.txt', 5, 126, False),
    ('t-014.txt', 2, 71, False), ('t-041.txt', 1, 290, False),
)
# The plan line each problem of a seed is answered by (None: no plan answers it), problems in order.
PAIRS = {"000": [None, 45], "001": [60, 52, 62, 58], "002": [35, 37], "003": [95, 99, 103], "004": [54, 55, 55]}


def clause(name: str, line: int, start: int) -> str:
    folder = ROOT / "seeds" if name[0].isdigit() else CORPUS
    text = fold((folder / name).read_text(encoding="utf-8").split("\n")[line - 1].strip())
    found = _CLAUSE.match(text, start).group(0)
    return simplifier()(found) if looks_traditional(found) else found


def char_future(text: str) -> bool:
    return bool(_FUTURE_SENTENCE.search(text) or _FUTURE_CLAUSE.match(text))


def jieba_future(text: str) -> bool:
    import jieba.posseg as pseg

    words = list(pseg.cut(text))
    for i, w in enumerate(words[:-1]):
        if w.word in ("将", "要", "拟", "力争", "计划", "将要") and (i == 0 or words[i - 1].word not in ("现", "即")):
            flag = words[i + 1].flag
            if flag[0] in "vda" and not flag.startswith("vn"):
                return True
    return False


def score_future(rule, clauses) -> str:
    started = time.perf_counter()
    said = [rule(c) for c in clauses]
    ms = (time.perf_counter() - started) * 1000
    truth = [label[3] for label in LABELS]
    tp = sum(s and t for s, t in zip(said, truth))
    fp = sum(s and not t for s, t in zip(said, truth))
    right = sum(s == t for s, t in zip(said, truth))
    return (f"accuracy {right}/{len(truth)} = {right / len(truth):.3f}, future found {tp}/{sum(truth)}, "
            f"wrongly called future {fp} ({ms:.0f} ms)")


def score_pairs() -> str:
    rulebook = load_rulebook()
    rule = rulebook.get("plans.unaddressed_shortcoming")
    right = total = 0
    for stem, truth in PAIRS.items():
        ctx = build_context((ROOT / "seeds" / f"{stem}.txt").read_text(encoding="utf-8"), rulebook)
        rows = closed_loop.pair_points(rule, split_points(ctx, "shortcomings"), split_points(ctx, "plans"))
        right += sum(row["plan_line"] == want for row, want in zip(rows, truth))
        total += len(truth)
    return f"{right}/{total} problems paired as a reviewer pairs them"


def use_jieba_words() -> None:
    import jieba

    ignore = set(load_rulebook().get("plans.unaddressed_shortcoming").params.get("ignore", ()))

    def words(text, terms=(), ignored=frozenset()):
        counts = Counter(w for w in jieba.lcut(text) if len(w) >= 2 and "\u4e00" <= w[0] <= "\u9fff" and w not in ignore)
        if terms:
            pattern, head_of = similarity._concept_pattern(terms)
            counts.update(head_of[m.group(0)] for m in pattern.finditer(text))
        return counts
    similarity.features = closed_loop.features = words


def main() -> int:
    if not CORPUS.is_dir():
        print(f"需要 {CORPUS}（语料）"); return 2
    try:
        import jieba
    except ImportError:
        print("需要 jieba：.venv/bin/pip install jieba"); return 2
    clauses = [clause(*label[:3]) for label in LABELS]
    print("future, characters:", score_future(char_future, clauses))
    print("pairing, bigrams:  ", score_pairs())
    jieba.setLogLevel(60)
    started = time.perf_counter()
    jieba.initialize()
    print(f"jieba dictionary load: {time.perf_counter() - started:.2f} s")
    print("future, jieba:     ", score_future(jieba_future, clauses))
    use_jieba_words()
    print("pairing, jieba:    ", score_pairs())
    return 0


if __name__ == "__main__":
    sys.exit(main())
