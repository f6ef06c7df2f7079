"""How alike two passages are: TF-IDF over Han character bigrams plus the rulebook's domain terms.

Character bigrams need no word segmentation (jieba would cost about a second of start-up and
splits domain words such as 行政执法 anyway); terms named in the rule's ``params`` ("行政复议",
"出庭应诉") count as extra, heavier features. IDF is computed over the passages being compared,
so words every passage shares (工作、进一步、加强) weigh almost nothing. Queries go through an
inverted index, never through all pairs of passages.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from functools import lru_cache
from operator import add
from ..text.lazy import compile_stored, lazy_compile

_HAN_RUN = lazy_compile(r"[\u4e00-\u9fff]{2,}")
TERM_WEIGHT = 2.0          # a shared domain term counts like two shared bigrams
MAX_QUERY_FEATURES = 60    # a query uses its most distinctive features only
SMALL_CORPUS = 64          # up to this many passages a query needs no inverted index
_TF = [0.0] + [1 + math.log(c) for c in range(1, 64)]


Concepts = tuple[tuple[str, ...], ...]


def concepts_of(spec) -> Concepts:
    """Rule params → concepts: a plain term, or a list of synonyms counted as one feature
    (e.g. ``[法治思维, 法治意识, 法治观念]``)."""
    out = []
    for item in spec or ():
        group = (item,) if isinstance(item, str) else tuple(item)
        if group:
            out.append(group)
    return tuple(out)


def features(text: str, terms: Concepts = (), ignore: frozenset[str] = frozenset()) -> Counter:
    """Bigram counts of the Han text plus ``T:concept`` counts for the domain concepts found in it."""
    counts: Counter = Counter()
    for run in _HAN_RUN.findall(text):
        counts.update(map(add, run, run[1:]))
    for gram in ignore & counts.keys():
        del counts[gram]
    if terms:
        pattern, head_of = _concept_pattern(terms)
        for m in pattern.finditer(text):
            counts[head_of[m.group(0)]] += 1
    return counts


@lru_cache(maxsize=32)
def _concept_pattern(terms: Concepts) -> tuple[re.Pattern, dict[str, str]]:
    """One regex for every synonym (longest first, so 教育培训 wins over 培训) and its concept key."""
    head_of = {t: "T:" + group[0] for group in terms for t in group}
    # compile_stored: built from the per-user store of compiled regexes after the first run (text.lazy)
    return compile_stored("|".join(re.escape(t) for t in sorted(head_of, key=len, reverse=True))), head_of


def ignored_bigrams(words) -> frozenset[str]:
    """The bigrams of generic words (加强、进一步、工作) that should not make passages alike."""
    out = set()
    for word in words:
        out.update(word[i:i + 2] for i in range(len(word) - 1))
    return frozenset(out)


class Corpus:
    """Weighted, length-normalised vectors of a list of passages, with an inverted index.

    ``vocabulary`` (the features the queries will use) limits the index, which keeps a corpus of
    a whole long report cheap when only a few passages are looked up in it."""

    def __init__(self, texts: list[str], terms: Concepts = (), ignore: frozenset[str] = frozenset(),
                 background: list[str] = (), vocabulary: set[str] | None = None):
        self.terms, self.ignore = terms, ignore
        self.heads = tuple("T:" + g[0] for g in terms)
        counted = [features(t, terms, ignore) for t in texts]
        df: Counter = Counter()
        for c in counted:
            df.update(c.keys())
        for text in background:      # extra passages that only inform how common a feature is
            df.update(features(text, terms, ignore).keys())
        n = len(counted) + len(background)
        self.n = n
        self.idf = {k: math.log((n + 1) / (d + 0.5)) for k, d in df.items()}
        self.vectors = [self.weigh(c) for c in counted]
        self.vocabulary = vocabulary
        self._index: dict[str, list[tuple[int, float]]] | None = None

    @property
    def index(self) -> dict[str, list[tuple[int, float]]]:
        """feature → [(passage, weight)], built on first use."""
        if self._index is None:
            self._index = defaultdict(list)
            for i, vec in enumerate(self.vectors):
                for k, w in vec.items():
                    if self.vocabulary is None or k in self.vocabulary:
                        self._index[k].append((i, w))
        return self._index

    def weigh(self, counts: Counter) -> dict[str, float]:
        """Sub-linear tf × idf (concepts × ``TERM_WEIGHT``), unit length; unknown features get the
        highest idf. Every idf is positive: log((n + 1) / (df + 0.5)) with df ≤ n."""
        top = math.log(self.n + 2)
        idf = self.idf
        vec = {k: (_TF[c] if c < len(_TF) else 1 + math.log(c)) * idf.get(k, top) for k, c in counts.items()}
        for head in self.heads:
            if head in vec:
                vec[head] *= TERM_WEIGHT
        scale = 1.0 / (math.hypot(*vec.values()) or 1.0)
        return {k: w * scale for k, w in vec.items()}

    def vector_of(self, text: str) -> dict[str, float]:
        return self.weigh(features(text, self.terms, self.ignore))

    def query(self, vec: dict[str, float], limit: int = 3) -> list[tuple[int, float]]:
        """The ``limit`` most similar passages as (index, cosine), best first."""
        top = sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_QUERY_FEATURES]
        scores: dict[int, float] = defaultdict(float)
        if len(self.vectors) <= SMALL_CORPUS:      # a few plan items: direct dot products are cheaper
            for i, other in enumerate(self.vectors):
                score = sum(w * other.get(k, 0.0) for k, w in top)
                if score > 0:
                    scores[i] = score
        else:
            for k, w in top:
                for i, v in self.index.get(k, ()):
                    scores[i] += w * v
        return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]

    def shared(self, a: dict[str, float], b: dict[str, float], limit: int = 4, text: str = "") -> list[str]:
        """The features that contribute most to the similarity of ``a`` and ``b`` (concepts first,
        each shown by the synonym that occurs in ``text``, e.g. "轮训" for the 教育培训 concept)."""
        common = sorted(a.keys() & b.keys(), key=lambda k: (-(a[k] * b[k]), k))
        terms = [self._member(k[2:], text) for k in common if k.startswith("T:")]
        grams = [k for k in common if not k.startswith("T:") and not any(k in t for t in terms)]
        return (terms + grams)[:limit]

    def _member(self, head: str, text: str) -> str:
        group = next((g for g in self.terms if g[0] == head), (head,))
        return next((t for t in group if t in text), head)
