"""Speaker mentions: the noun phrase that spoke, as written."""

from __future__ import annotations

import pytest
from parses_mentions import (
    AS_CLAUSE_AS_COMPLEMENT,
    CLEAR_AGENT_OF_BEING,
    CLEAR_BEFORE_ADDING,
    CLEAR_DATELINE,
    CLEAR_HEAD_OF_AGENCY_IN_CITY,
    CLEAR_LIKELY_TO_SAY,
    CLEAR_NAME_WITH_PLACE,
    CLEAR_OPENING_PHRASE_THEN_CUE,
    CLEAR_PARTICIPLE_AS_COMPLEMENT,
    CLEAR_PERSON_ANNOUNCED,
    CLEAR_RELATIVE_CUE,
    CLEAR_REPORT_HUNG_ON_SAID,
    CLEAR_REPORTED_GERUND,
    CLEAR_SUBJECT_AS_PREPOSITION,
    HYPHENATED_NAME,
    HYPHENATED_NAME_SPACES,
    QUIPPED_HOST,
    UD_AGENT_OF_BEING,
    UD_BEFORE_ADDING,
    UD_DATELINE,
    UD_HEAD_OF_AGENCY_IN_CITY,
    UD_LIKELY_TO_SAY,
    UD_NAME_WITH_PLACE,
    UD_OPENING_PHRASE_THEN_CUE,
    UD_PARTICIPLE_AS_COMPLEMENT,
    UD_PERSON_ANNOUNCED,
    UD_RELATIVE_CUE,
    UD_REPORT_HUNG_ON_SAID,
    UD_REPORTED_GERUND,
    UD_SUBJECT_AS_PREPOSITION,
)
from spacy.tokens import Span

from quotes.extraction.lexicon import Lexicon
from quotes.extraction.mentions import mention_span
from quotes.extraction.merging import quotes_from_doc
from quotes.extraction.reported import find_reported

LEXICON = Lexicon.default()


@pytest.mark.parametrize("rows", [UD_HEAD_OF_AGENCY_IN_CITY, CLEAR_HEAD_OF_AGENCY_IN_CITY], ids=["ud", "clearnlp"])
def test_a_mention_never_ends_on_a_preposition_whose_object_was_cut(make_doc, rows):
    [found] = find_reported(make_doc(rows), LEXICON)
    assert (found.speaker.text, found.content.text) == ("The head of the agency", "it ended")


@pytest.mark.parametrize("rows", [UD_REPORT_HUNG_ON_SAID, CLEAR_REPORT_HUNG_ON_SAID], ids=["ud", "clearnlp"])
def test_a_report_parsed_inside_the_report_it_quotes_is_rehung(make_doc, rows):
    found = sorted((a.cue.text, a.speaker.text, a.content.text) for a in find_reported(make_doc(rows), LEXICON))
    assert found == [
        ("reported", "a local paper", "The rebel group on Monday said the government will pay"),
        ("said", "The rebel group", "the government will pay"),
    ]


@pytest.mark.parametrize("rows", [UD_DATELINE, CLEAR_DATELINE], ids=["ud", "clearnlp"])
def test_a_dateline_before_a_dash_is_not_the_speaker(make_doc, rows):
    [found] = find_reported(make_doc(rows), LEXICON)
    assert (found.speaker.text, found.content.text) == ("The bank's chairman", "he resigned")


def test_the_cue_is_never_part_of_the_speaker(make_doc):
    [record] = quotes_from_doc(make_doc(QUIPPED_HOST), "d", LEXICON)
    assert (record.type, record.speaker.text, record.cue.text) == ("direct", "host Jo Bell", "quipped")


def test_a_hyphenated_name_is_one_speaker_however_it_was_parsed(make_doc):
    [record] = quotes_from_doc(make_doc(HYPHENATED_NAME, spaces=HYPHENATED_NAME_SPACES), "d", LEXICON)
    assert (record.type, record.speaker.text) == ("direct", "Anna Keller-Sutter")


@pytest.mark.parametrize("rows", [UD_RELATIVE_CUE, CLEAR_RELATIVE_CUE], ids=["ud", "clearnlp"])
def test_a_cue_in_a_relative_clause_reports_no_further_than_its_closing_comma(make_doc, rows):
    [found] = find_reported(make_doc(rows), LEXICON)
    assert found.content.text == "the deal was fair"


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (UD_BEFORE_ADDING, ("The senator", "he would run")),
        (CLEAR_BEFORE_ADDING, ("The senator", "he would run")),
        (UD_LIKELY_TO_SAY, ("Voters", "the economy is weak")),
        (CLEAR_LIKELY_TO_SAY, ("Voters", "the economy is weak")),
    ],
    ids=["before-adding-ud", "before-adding-clearnlp", "likely-to-say-ud", "likely-to-say-clearnlp"],
)
def test_a_cue_under_a_preposition_or_an_adjective_speaks_for_the_clause_subject(make_doc, rows, expected):
    [found] = find_reported(make_doc(rows), LEXICON)
    assert (found.speaker.text, found.content.text) == expected


@pytest.mark.parametrize("rows", [UD_SUBJECT_AS_PREPOSITION, CLEAR_SUBJECT_AS_PREPOSITION], ids=["ud", "clearnlp"])
def test_a_subjectless_complement_takes_the_phrase_the_parser_hung_on_the_cue(make_doc, rows):
    [found] = find_reported(make_doc(rows), LEXICON)
    assert (found.speaker.text, found.content.text) == ("The office", "about half of it reflected losses")


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (UD_REPORTED_GERUND, ("The campaign", "raising nine million dollars")),
        (CLEAR_REPORTED_GERUND, ("The campaign", "raising nine million dollars")),
    ],
    ids=["gerund-ud", "gerund-clearnlp"],
)
def test_a_gerund_clause_is_what_was_reported(make_doc, rows, expected):
    [found] = find_reported(make_doc(rows), LEXICON)
    assert (found.speaker.text, found.content.text, found.rule) == (*expected, "nominal_object")


@pytest.mark.parametrize(
    "rows",
    [AS_CLAUSE_AS_COMPLEMENT, UD_PARTICIPLE_AS_COMPLEMENT, CLEAR_PARTICIPLE_AS_COMPLEMENT],
    ids=["as-clause", "participle-ud", "participle-clearnlp"],
)
def test_an_adverbial_clause_or_a_bare_participle_is_not_what_was_said(make_doc, rows):
    assert find_reported(make_doc(rows), LEXICON) == []


def test_a_name_alone_before_the_colon_that_opens_a_quote_said_it(make_doc):
    rows = [
        ("Senator", 1, "compound", "PROPN", "Senator"),
        ("Jo", 2, "compound", "PROPN", "Jo"),
        ("Bell", 2, "ROOT", "PROPN", "Bell"),
        (":", 2, "punct", "PUNCT", ":"),
        ("“", 7, "punct", "PUNCT", "“"),
        ("We", 7, "nsubj", "PRON", "we"),
        ("will", 7, "aux", "AUX", "will", "MD"),
        ("win", 7, "ROOT", "VERB", "win", "VB"),
        ("this", 9, "det", "DET", "this"),
        ("race", 7, "obj", "NOUN", "race"),
        (".", 7, "punct", "PUNCT", "."),
        ("”", 7, "punct", "PUNCT", "”"),
    ]
    [record] = quotes_from_doc(make_doc(rows, sentences=(0, 4)), "d", LEXICON)
    expected = ("Senator Jo Bell", "We will win this race.", "direct_headline")
    assert (record.speaker.text, record.text, record.rule) == expected


def test_a_colon_after_a_clause_is_no_headline_but_introduces_its_subject(make_doc):
    rows = [
        ("He", 1, "nsubj", "PRON", "he"),
        ("had", 1, "ROOT", "VERB", "have", "VBD"),
        ("one", 3, "nummod", "NUM", "one"),
        ("word", 1, "obj", "NOUN", "word"),
        (":", 1, "punct", "PUNCT", ":"),
        ("“", 8, "punct", "PUNCT", "“"),
        ("We", 8, "nsubj", "PRON", "we"),
        ("will", 8, "aux", "AUX", "will", "MD"),
        ("win", 8, "ROOT", "VERB", "win", "VB"),
        (".", 8, "punct", "PUNCT", "."),
        ("”", 8, "punct", "PUNCT", "”"),
    ]
    records = quotes_from_doc(make_doc(rows, sentences=(0, 5)), "d", LEXICON)
    assert [(r.speaker.text if r.speaker else None, r.rule) for r in records] == [("He", "direct_introduced")]


@pytest.mark.parametrize("rows", [UD_AGENT_OF_BEING, CLEAR_AGENT_OF_BEING], ids=["ud", "clearnlp"])
def test_a_preposition_with_a_clause_is_not_part_of_the_speaker(make_doc, rows):
    doc = make_doc(rows)
    assert mention_span(doc[5]).text == "the army"


@pytest.mark.parametrize("rows", [UD_NAME_WITH_PLACE, CLEAR_NAME_WITH_PLACE], ids=["ud", "clearnlp"])
def test_a_place_after_in_belongs_to_the_proper_name_it_follows(make_doc, rows):
    doc = make_doc(rows)
    doc.ents = [Span(doc, 4, 5, label="GPE")]
    assert mention_span(doc[2]).text == "The Islamic Resistance in Iraq"
    doc.ents = []
    assert mention_span(doc[2]).text == "The Islamic Resistance"


@pytest.mark.parametrize("rows", [UD_OPENING_PHRASE_THEN_CUE, CLEAR_OPENING_PHRASE_THEN_CUE], ids=["ud", "clearnlp"])
def test_an_opening_phrase_before_a_reporting_clause_is_not_a_part_of_its_own(make_doc, rows):
    found = find_reported(make_doc(rows), LEXICON)
    assert [(a.speaker.text, a.content.text, a.rule) for a in found] == [("Jo", "voters left", "parenthetical")]


def test_a_name_after_a_heading_dash_before_the_colon_said_it(make_doc):
    rows = [
        ("POLLS", 4, "nmod", "NOUN", "poll"),
        ("-", 4, "punct", "PUNCT", "-"),
        ("Jo", 4, "compound", "PROPN", "Jo"),
        ("Bell", 4, "compound", "PROPN", "Bell"),
        ("Smith", 4, "ROOT", "PROPN", "Smith"),
        (":", 4, "punct", "PUNCT", ":"),
        ("“", 9, "punct", "PUNCT", "“"),
        ("We", 9, "nsubj", "PRON", "we"),
        ("will", 9, "aux", "AUX", "will", "MD"),
        ("win", 9, "ROOT", "VERB", "win", "VB"),
        (".", 9, "punct", "PUNCT", "."),
        ("”", 9, "punct", "PUNCT", "”"),
    ]
    [record] = quotes_from_doc(make_doc(rows, sentences=(0, 6)), "d", LEXICON)
    assert (record.speaker.text, record.text, record.rule) == ("Jo Bell Smith", "We will win.", "direct_headline")


@pytest.mark.parametrize("rows", [UD_PERSON_ANNOUNCED, CLEAR_PERSON_ANNOUNCED], ids=["ud", "clearnlp"])
def test_a_person_is_never_the_passive_subject_content_of_a_cue(make_doc, rows):
    doc = make_doc(rows)
    assert [a.content.text for a in find_reported(doc, LEXICON)] == ["Jo Bell"]
    doc.ents = [Span(doc, 0, 2, label="PERSON")]
    assert find_reported(doc, LEXICON) == []
