"""Texts to records: bad input, long documents parsed in pieces, streams of documents."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schema import assert_valid_record
from spacy.tokens import Doc

import quotes
from quotes.extraction.document import _kept, paragraph_chunks

NEWS = (
    "“We will not hesitate to act,” the command said on Tuesday.\n"
    "US officials said the attack bore “the hallmark” of the group.\n"
    "According to two security sources, the commander was killed in the strike.\n"
    "He said: “The strike was a response to the attacks on our forces.”"
)


def test_record_fields_and_offsets(nlp):
    found = quotes.extract(NEWS, doc_id="news", nlp=nlp)
    assert [q.type for q in found] == ["direct", "mixed", "indirect", "direct"]
    for quote in found:
        assert_valid_record(quote.to_dict(), NEWS)
    first = found[0]
    assert (first.text, first.speaker.text, first.cue.lemma) == (
        "We will not hesitate to act,",
        "the command",
        "say",
    )
    assert first.paragraph_index == 0 and found[3].paragraph_index == 3
    assert found[2].speaker.text == "two security sources" and found[2].cue.text == "According to"


def test_quote_ids_are_stable_and_unique(nlp):
    first = [q.quote_id for q in quotes.extract(NEWS, doc_id="news", nlp=nlp)]
    again = [q.quote_id for q in quotes.extract(NEWS, doc_id="news", nlp=nlp)]
    assert first == again and len(set(first)) == len(first)
    assert all(qid.startswith("news:") for qid in first)


@pytest.mark.parametrize("text", ["", "   \n\t "])
def test_empty_text_is_a_clear_error(nlp, text):
    with pytest.raises(quotes.InvalidDocumentError, match="'empty-doc'"):
        quotes.extract(text, doc_id="empty-doc", nlp=nlp)


def test_non_text_is_a_clear_error(nlp):
    with pytest.raises(quotes.InvalidDocumentError, match="must be a str"):
        quotes.extract(b"bytes", doc_id="x", nlp=nlp)  # type: ignore[arg-type]


def test_text_without_quotes_gives_nothing(nlp):
    assert quotes.extract("The weather was fine in Baghdad on Sunday.", nlp=nlp) == []


def test_control_characters_keep_offsets(nlp):
    text = "\x00\x07“We will respond to every attack on our forces,”\x0b the group said.\x1b"
    found = quotes.extract(text, nlp=nlp)
    assert found and all(text[q.start : q.end] == q.text for q in found)


def test_long_document_is_chunked_with_global_offsets(nlp):
    paragraph = "“We will not hesitate to hold responsible all those who threaten us,” the command said.\n"
    text = paragraph * 40
    original = nlp.max_length
    nlp.max_length = 1000
    try:
        found = quotes.extract(text, doc_id="long", nlp=nlp)
    finally:
        nlp.max_length = original
    assert len(found) == 40
    assert [q.paragraph_index for q in found] == list(range(40))
    for quote in found:
        assert_valid_record(quote.to_dict(), text)


def test_paragraph_chunks_cover_the_text_once():
    text = "aaa\nbbbb\ncc\n" * 50 + "x" * 300
    chunks = list(paragraph_chunks(text, 100))
    assert "".join(text[a:b] for a, b in chunks) == text
    assert all(b - a <= 100 for a, b in chunks)


def test_extract_many_streams_and_isolates_bad_documents(nlp):
    items = [("good", NEWS), ("empty", ""), ("plain", "No quotes here."), ("bad", None)]
    results = list(quotes.extract_many(items, nlp=nlp))  # type: ignore[arg-type]
    assert [r.doc_id for r in results] == ["good", "empty", "plain", "bad"]
    assert [r.ok for r in results] == [True, False, True, False]
    assert len(results[0].quotes) == 4 and results[2].quotes == []
    assert "empty" in results[1].error


def test_extract_many_numbers_bare_texts(nlp):
    results = list(quotes.extract_many(["One text.", "Two texts."], nlp=nlp))
    assert [r.doc_id for r in results] == ["doc-0", "doc-1"]


NEWSLIKE = st.text(
    alphabet=st.sampled_from(list("abcdefgh XYZ,.;:!?-\n\"“”‘’'()\t")) | st.characters(codec="utf-8"),
    max_size=400,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=NEWSLIKE)
def test_any_text_gives_valid_records_or_a_clear_error(nlp, text):
    try:
        found = quotes.extract(text, doc_id="prop", nlp=nlp)
    except quotes.errors.InvalidDocumentError as error:
        assert not text.strip() or "control characters" in error.reason
        return
    for quote in found:
        assert_valid_record(quote.to_dict(), text)


def test_binary_like_text_is_a_clear_error(nlp):
    with pytest.raises(quotes.errors.InvalidDocumentError, match="not text: 40 control characters"):
        quotes.extract("\x01\x02\x03\x04" * 10 + " the group said.", nlp=nlp)


def test_the_input_text_stands_for_doc_text_only_with_spacys_tokenizer(nlp):
    text = "He said  it.\n"
    assert _kept(text, nlp) == text == nlp(text).text  # spaCy's tokenizer never changes the text
    custom = spacy.blank("en")
    custom.tokenizer = lambda words: Doc(custom.vocab, words=words.split())  # drops the double space and newline
    assert _kept(text, custom) is None


def test_a_failed_documents_traceback_is_logged_at_debug_level(nlp, monkeypatch, caplog):
    import logging
    import sys

    def broken(*args, **kwargs):
        raise RuntimeError("rule engine broke")

    monkeypatch.setattr(sys.modules["quotes.extraction.document"], "quotes_from_doc", broken)
    with caplog.at_level(logging.DEBUG, logger="quotes"):
        results = list(quotes.extract_many([("a1", "“We will respond,” he said.")], nlp=nlp))
    assert results[0].error == "RuntimeError: rule engine broke"
    failure = next(r for r in caplog.records if r.levelno == logging.DEBUG and "'a1' failed" in r.getMessage())
    assert failure.exc_info and failure.exc_info[0] is RuntimeError
