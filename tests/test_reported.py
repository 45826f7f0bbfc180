"""Reported-speech patterns on hand-built parses, in both label schemes."""

from __future__ import annotations

import pytest
from parses import (
    CLEAR_ACCORDING,
    CLEAR_POSTPOSED,
    CLEAR_SAID_THAT,
    UD_ACCORDING,
    UD_POSTPOSED,
    UD_SAID_THAT,
    UD_SAYING,
    UD_SOURCELESS,
    UD_VOWED,
    VOWED_SPACES,
)

from quotes.extract import quotes_from_doc
from quotes.lexicon import Lexicon
from quotes.quotemarks import find_quote_spans
from quotes.reported import find_reported

LEXICON = Lexicon.default()


def only(doc):
    found = find_reported(doc, LEXICON, [(s.start, s.end) for s in find_quote_spans(doc.text)])
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("rows", [UD_SAID_THAT, CLEAR_SAID_THAT], ids=["ud", "clearnlp"])
def test_said_that_clause(make_doc, rows):
    found = only(make_doc(rows))
    assert (found.speaker.text, found.cue.text, found.content.text) == (
        "CENTCOM",
        "said",
        "the strike killed a commander",
    )
    assert found.rule == "clausal_complement"


@pytest.mark.parametrize("rows", [UD_POSTPOSED, CLEAR_POSTPOSED], ids=["ud", "clearnlp"])
def test_postposed_reporting_clause(make_doc, rows):
    found = only(make_doc(rows))
    assert (found.speaker.text, found.cue.text, found.content.text) == (
        "the US military",
        "added",
        "There is no evidence",
    )
    assert found.rule == "postposed"


@pytest.mark.parametrize("rows", [UD_ACCORDING, CLEAR_ACCORDING], ids=["ud", "clearnlp"])
def test_according_to(make_doc, rows):
    found = only(make_doc(rows))
    assert (found.speaker.text, found.cue.text, found.content.text) == ("Reuters", "According to", "it ended")
    assert found.rule == "source_phrase"


def test_participle_takes_main_clause_speaker(make_doc):
    found = only(make_doc(UD_SAYING))
    assert (found.speaker.text, found.cue.text, found.content.text) == (
        "CENTCOM",
        "saying",
        "the attack was a response",
    )


def test_nominal_object_without_quote_is_not_reported(make_doc):
    doc = make_doc(UD_SAYING)
    assert all(a.cue.text != "claimed" for a in find_reported(doc, LEXICON))


def test_infinitive_with_quoted_fragment_is_mixed(make_doc):
    doc = make_doc(UD_VOWED, spaces=VOWED_SPACES)
    assert doc.text == "Biden vowed to “respond”."
    (quote,) = quotes_from_doc(doc, "t", LEXICON)
    assert (quote.type, quote.text, quote.speaker.text, quote.cue.lemma) == (
        "mixed",
        "to “respond”",
        "Biden",
        "vow",
    )


def test_sourceless_passive_has_no_speaker(make_doc):
    found = only(make_doc(UD_SOURCELESS))
    assert found.speaker is None
    assert found.content.text == "to lead it"


def test_cue_inside_a_direct_quote_is_skipped(make_doc):
    doc = make_doc(UD_SAID_THAT)
    assert find_reported(doc, LEXICON, direct_quotes=[(0, len(doc.text))]) == []
