"""Where a reported content ends, and who speaks a report hung on another one, in both label
schemes (the parses are the models' own, of sentences written for these tests)."""

from __future__ import annotations

import parses_boundaries as parses
import pytest

from quotes.extraction.lexicon import Lexicon
from quotes.extraction.merging import quotes_from_doc

LEXICON = Lexicon.default()
SCHEMES = ["UD", "CLEAR"]


def records(make_doc, scheme, name):
    doc = make_doc(getattr(parses, f"{scheme}_{name}"))
    return [
        (q.type, q.speaker and q.speaker.text, q.cue and q.cue.text, q.text) for q in quotes_from_doc(doc, "d", LEXICON)
    ]


@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_relative_clause_on_the_last_noun_is_the_narrators(make_doc, scheme):
    assert records(make_doc, scheme, "RELATIVE_TAIL") == [
        ("indirect", "The mayor", "said", "the council approved a new budget for the harbour")
    ]


@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_participle_reports_its_object(make_doc, scheme):
    assert records(make_doc, scheme, "GERUND_OBJECT") == [
        ("indirect", "The senator", "announcing", "her support for the bill")
    ]


@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_postposed_report_stops_at_a_colon(make_doc, scheme):
    assert records(make_doc, scheme, "COLON_BEFORE_POSTPOSED") == [
        ("indirect", "the chairman", "said", "the committee never met")
    ]


@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_further_report_is_cut_from_the_content_and_keeps_the_speaker(make_doc, scheme):
    assert records(make_doc, scheme, "ADDED_QUOTE") == [
        ("indirect", "The minister", "said", "the plant would close"),
        ("direct", "The minister", "added", "We will find new jobs."),
    ]
    assert records(make_doc, scheme, "CONJOINED_REPORT") == [
        ("indirect", "The coach", "said", "the team had trained hard"),
        ("indirect", "The coach", "insisted", "the referee was unfair"),
    ]


@pytest.mark.parametrize("scheme", SCHEMES)
def test_an_as_clause_with_its_own_object_tells_when_not_what(make_doc, scheme):
    found = records(make_doc, scheme, "TEMPORAL_AS")
    assert ("indirect", "the singer", "announced", "The band released a single") not in found
    assert all(text != "The band released a single" for *_, text in found)
