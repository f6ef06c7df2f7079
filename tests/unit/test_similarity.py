"""Passage similarity over character bigrams and concepts (auditor/checks/similarity.py)."""
from __future__ import annotations

from auditor.checks.similarity import Corpus, concepts_of, features, ignored_bigrams

CONCEPTS = concepts_of([["法治思维", "法治意识", "法治观念"], "行政复议"])


def test_features_count_bigrams_and_concepts():
    counts = features("提升法治意识，办理行政复议", CONCEPTS)
    assert counts["法治"] == 1 and counts["T:法治思维"] == 1 and counts["T:行政复议"] == 1


def test_synonyms_make_passages_alike():
    corpus = Corpus(["加强干部法治观念培训", "推进行政复议体制改革"], CONCEPTS)
    best = corpus.query(corpus.vector_of("工作人员法治思维仍需提升"), 1)
    assert best[0][0] == 0


def test_generic_words_are_ignored():
    ignore = ignored_bigrams(["进一步", "加强"])
    assert "加强" not in features("进一步加强执法", (), ignore)


def test_shared_names_the_synonym_in_the_text():
    corpus = Corpus(["加强干部法治观念培训"], CONCEPTS)
    vec = corpus.vector_of("工作人员法治思维仍需提升")
    assert corpus.shared(vec, corpus.vectors[0], 3, "工作人员法治思维仍需提升")[0] == "法治思维"
