"""The shipped pipeline: tokenization of news names, paragraph sentences, loading errors."""

from __future__ import annotations

import pytest
import spacy

import quotes
from quotes.pipeline import prepare_pipeline


@pytest.mark.parametrize("name", ["Kata’ib", "Kata'ib", "al-Sa’edi", "KATA’IB", "al-Hamidawi", "bin-Laden"])
def test_news_names_are_one_token(nlp, name):
    assert nlp.make_doc(f"{name} Hezbollah said.")[0].text == name


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("our forces’ safety", ["our", "forces", "’", "safety"]),
        ("Iran’s army", ["Iran", "’s", "army"]),
        ("al-Qaeda’s leader", ["al-Qaeda", "’s", "leader"]),
        ("U.S. forces", ["U.S.", "forces"]),
        ("at 9.30pm (US)", ["at", "9.30pm", "(", "US", ")"]),
        ("“We hold,” he said", ["“", "We", "hold", ",", "”", "he", "said"]),
        ('"It is," she said', ['"', "It", "is", ",", '"', "she", "said"]),
    ],
)
def test_tokenizer_splits_what_it_should(nlp, text, tokens):
    assert [t.text for t in nlp.make_doc(text)] == tokens


def test_prepared_tokenizer_can_be_saved(tmp_path):
    prepare_pipeline(spacy.blank("en")).to_disk(tmp_path / "prepared")
    assert [t.text for t in spacy.load(tmp_path / "prepared").make_doc("al-Sa’edi said")] == ["al-Sa’edi", "said"]


def test_newlines_always_break_sentences(nlp):
    doc = nlp("Who are Kata’ib Hezbollah\nCairo\nThe group said it would respond to the attack")
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences == [
        "Who are Kata’ib Hezbollah",
        "Cairo",
        "The group said it would respond to the attack",
    ]


def test_no_sentence_break_inside_a_name():
    nlp = prepare_pipeline(spacy.blank("en"))
    doc = nlp.make_doc("Kata’ib Hezbollah said")
    doc[0].tag_ = doc[1].tag_ = "NNP"
    doc = nlp.get_pipe("paragraph_breaks")(doc)
    assert doc[1].is_sent_start is False


def test_parse_of_a_reporting_sentence(nlp):
    doc = nlp("CENTCOM said the strike killed a commander.")
    said, killed = doc[1], doc[4]
    assert said.dep_ == "ROOT" and doc[0].dep_ == "nsubj" and doc[0].head.i == said.i
    assert killed.head.i == said.i and killed.dep_ in {"ccomp", "parataxis"}
    assert doc[6].head.i == killed.i


def test_our_pipeline_has_every_component(news_nlp):
    for component in ("tagger", "morphologizer", "paragraph_breaks", "parser", "ner", "trainable_lemmatizer"):
        assert component in news_nlp.pipe_names
    assert news_nlp("The officials said it.")[2].lemma_ == "say"
    assert news_nlp.pipe_names.index("entity_repair") == news_nlp.pipe_names.index("ner") + 1
    assert news_nlp.get_pipe("entity_repair").gazetteer.places  # the gazetteer was saved with the model


@pytest.mark.parametrize("name", ["Kata’ib", "al-Sa’edi"])
def test_news_names_are_one_token_in_our_pipeline_too(news_nlp, name):
    assert news_nlp.make_doc(f"{name} Hezbollah said.")[0].text == name


def test_prepare_pipeline_adds_paragraph_breaks_to_any_pipeline():
    nlp = prepare_pipeline(spacy.blank("en"))
    assert nlp.pipe_names == ["paragraph_breaks"]
    doc = nlp("one\ntwo")
    assert doc[2].is_sent_start


def test_unknown_model_is_a_clear_error():
    with pytest.raises(quotes.ModelNotFoundError, match="no_such_model"):
        quotes.load_pipeline("no_such_model")


def test_non_english_pipeline_is_refused(tmp_path):
    spacy.blank("de").to_disk(tmp_path / "de")
    with pytest.raises(quotes.ModelNotFoundError, match="not English"):
        quotes.load_pipeline(tmp_path / "de")
