"""Reported-speech patterns on hand-built parses, in both label schemes."""

from __future__ import annotations

import parses_reporting
import pytest
from parses import (
    CLEAR_ACCORDING,
    CLEAR_AGREED_WITH,
    CLEAR_ASKED_FOR,
    CLEAR_BUT_THERE_IS,
    CLEAR_CALLED_FOR_IN_WEEKS,
    CLEAR_DECLARED_WINNER,
    CLEAR_HELD_IN_TEXAS_WHERE,
    CLEAR_POSTPOSED,
    CLEAR_REBUTTED_THAT_CRITICISM,
    CLEAR_SAID_AFTER_QUOTE,
    CLEAR_SAID_THAT,
    CLEAR_SAID_YES,
    CLEAR_WENT_ON_TO_SAY,
    CLEAR_WITH_PROMISING,
    UD_ACCORDING,
    UD_AFTER_PROMISING,
    UD_AGREED_WITH,
    UD_AS_NOTED,
    UD_ASKED_FOR,
    UD_ASKED_WHETHER,
    UD_BREAK_AFTER_CUE,
    UD_BREAK_BEFORE_SPEAKER,
    UD_BUT_THERE_IS,
    UD_CALLED_FOR_IN_WEEKS,
    UD_COMMA_ON_SPEAKER,
    UD_CONTENT_CONTINUES,
    UD_DEAL_ANNOUNCED,
    UD_DECLARED_WINNER,
    UD_DEMAND_THAT,
    UD_DENIED_INVOLVEMENT,
    UD_GROUP_BLAMED,
    UD_HELD_IN_TEXAS_WHERE,
    UD_MILITARY_IN_STATEMENT,
    UD_MISATTACHED_TAIL,
    UD_NAME_SPLIT_BY_PARSE,
    UD_NESTED_REPORT,
    UD_PARENTHETICAL,
    UD_POINTED_TO,
    UD_POSTPOSED,
    UD_QUOTE_THEN_MORE,
    UD_REBUTTED_THAT_CRITICISM,
    UD_REPORTED_QUOTING_THAT,
    UD_SAID_AFTER_QUOTE,
    UD_SAID_NO_ONE,
    UD_SAID_SO,
    UD_SAID_THAT,
    UD_SAID_YES,
    UD_SAYING,
    UD_SAYS_NO_THAT,
    UD_SOURCELESS,
    UD_SPEAKER_AS_APPOSITION,
    UD_SUBJECT_AS_OBJECT,
    UD_SUBJECT_LOST,
    UD_TOLD_REPORTERS,
    UD_TWO_SUBJECTS,
    UD_VOWED,
    UD_WARNED_SATURDAY_THAT,
    UD_WENT_ON_TO_SAY,
    UD_WITH_PROMISING,
    VOWED_SPACES,
)
from spacy.tokens import Span

from quotes.extraction.lexicon import Lexicon
from quotes.extraction.merging import quotes_from_doc
from quotes.extraction.quotemarks import find_quote_spans
from quotes.extraction.reported import find_reported

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


def test_a_conjunct_hung_on_the_cue_continues_the_content(make_doc):
    found = only(make_doc(UD_CONTENT_CONTINUES))
    assert (found.speaker.text, found.content.text) == ("Conway", "she recruited Bossie but has not decided")


@pytest.mark.parametrize("rows", [UD_BUT_THERE_IS, CLEAR_BUT_THERE_IS], ids=["ud", "clearnlp"])
def test_a_conjunct_with_an_expletive_subject_does_not_continue_the_content(make_doc, rows):
    found = only(make_doc(rows))
    assert (found.cue.text, found.content.text) == ("said", "they would help")


@pytest.mark.parametrize("rows", [UD_WENT_ON_TO_SAY, CLEAR_WENT_ON_TO_SAY], ids=["ud", "clearnlp"])
def test_a_conjunct_that_goes_on_to_report_does_not_continue_the_content(make_doc, rows):
    found = find_reported(make_doc(rows), LEXICON)
    joked = [a for a in found if a.cue.text == "joked"]
    assert [a.content.text for a in joked] == ["the bridge was old"]
    assert [a.content.text for a in found if a.cue.text == "say"] == ["the city would fix it"]


@pytest.mark.parametrize(
    ("rows", "word"),
    [(UD_SAID_YES, "yes"), (CLEAR_SAID_YES, "yes"), (UD_SAID_SO, "so")],
    ids=["ud-yes", "clearnlp-yes", "so"],
)
def test_a_proform_after_a_speech_verb_is_the_content(make_doc, rows, word):
    found = only(make_doc(rows))
    assert (found.rule, found.cue.text, found.content.text) == ("proform", "said", word)


def test_a_determiner_no_is_no_proform(make_doc):
    found = only(make_doc(UD_SAID_NO_ONE))
    assert (found.rule, found.content.text) == ("clausal_complement", "no one came")


@pytest.mark.parametrize("rows", [UD_CALLED_FOR_IN_WEEKS, CLEAR_CALLED_FOR_IN_WEEKS], ids=["ud", "clearnlp"])
def test_a_time_phrase_is_not_part_of_a_nominal_content(make_doc, rows):
    doc = make_doc(rows)
    doc.ents = [Span(doc, 7, 9, label="DATE")]  # `recent weeks`
    found = only(doc)
    assert (found.rule, found.content.text) == ("topic", "new talks")


@pytest.mark.parametrize("rows", [UD_WITH_PROMISING, CLEAR_WITH_PROMISING], ids=["ud", "clearnlp"])
def test_the_object_of_a_with_absolute_is_not_reported(make_doc, rows):
    assert find_reported(make_doc(rows), LEXICON) == []


def test_the_object_of_a_participle_outside_a_with_clause_is_reported(make_doc):
    found = only(make_doc(UD_AFTER_PROMISING))
    assert (found.rule, found.content.text) == ("nominal_object", "new repairs")


@pytest.mark.parametrize("rows", [UD_REBUTTED_THAT_CRITICISM, CLEAR_REBUTTED_THAT_CRITICISM], ids=["ud", "clearnlp"])
def test_a_demonstrative_that_opens_no_clause(make_doc, rows):
    found = only(make_doc(rows))
    assert (found.cue.text, found.content.text) == ("rebutted", "criticism")


@pytest.mark.parametrize("rows", [UD_SAID_AFTER_QUOTE, CLEAR_SAID_AFTER_QUOTE], ids=["ud", "clearnlp"])
def test_the_words_after_a_cue_that_follows_a_quote_are_no_surface_clause(make_doc, rows):
    found = find_reported(make_doc(rows), LEXICON)
    assert not [a for a in found if a.rule == "surface_clause"]


@pytest.mark.parametrize("rows", [UD_DECLARED_WINNER, CLEAR_DECLARED_WINNER], ids=["ud", "clearnlp"])
def test_a_passive_cue_with_a_nominal_predicate_reports_the_small_clause(make_doc, rows):
    doc = make_doc(rows)
    doc.ents = [Span(doc, 0, 1, label="PERSON")]
    found = only(doc)
    assert (found.rule, found.content.text) == ("passive_subject", "Sanders was declared the winner")


@pytest.mark.parametrize("rows", [UD_HELD_IN_TEXAS_WHERE, CLEAR_HELD_IN_TEXAS_WHERE], ids=["ud", "clearnlp"])
def test_a_where_clause_after_a_comma_ends_the_content(make_doc, rows):
    found = only(make_doc(rows))
    assert (found.rule, found.content.text) == ("clausal_complement", "the vote would be held in Texas")


@pytest.mark.parametrize("rows", [UD_AGREED_WITH, CLEAR_AGREED_WITH], ids=["ud", "clearnlp"])
def test_what_was_agreed_with_is_the_topic(make_doc, rows):
    found = only(make_doc(rows))
    assert (found.rule, found.content.text) == ("topic", "the proposal")


@pytest.mark.parametrize("rows", [UD_ASKED_FOR, CLEAR_ASKED_FOR], ids=["ud", "clearnlp"])
def test_what_was_asked_for_is_the_topic(make_doc, rows):
    found = only(make_doc(rows))
    assert (found.rule, found.speaker.text, found.content.text) == ("topic", "Officials", "more time")


def test_a_sentence_break_right_after_the_cue_is_repaired(make_doc):
    doc = make_doc(UD_BREAK_AFTER_CUE)
    assert len(list(doc.sents)) == 2
    found = only(doc)
    assert (found.speaker.text, found.cue.text, found.content.text) == (
        "The Vatican",
        "says",
        "Pope Francis has no plans",
    )
    assert found.rule == "next_sentence"
    doc = make_doc(
        [
            *UD_BREAK_AFTER_CUE[:3],
            (".", 2, "punct", "PUNCT", ".", "."),
            *[(w, h + 1, *rest) for w, h, *rest in UD_BREAK_AFTER_CUE[3:]],
        ]
    )
    assert find_reported(doc, LEXICON) == []  # a full stop ends what was said


def test_a_run_of_proper_nouns_is_one_speaker_whatever_the_parse(make_doc):
    found = only(make_doc(UD_NAME_SPLIT_BY_PARSE))
    assert (found.speaker.text, found.cue.text) == ("Kata’ib Hezbollah", "said")


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


def test_misattached_reporting_clause_is_still_postposed(make_doc):
    found = only(make_doc(UD_MISATTACHED_TAIL))
    assert (found.speaker.text, found.cue.text, found.content.text) == (
        "the US military",
        "added",
        "The strike killed a commander",
    )


def test_complement_read_from_the_words_when_the_parse_misses_it(make_doc):
    found = only(make_doc(UD_WARNED_SATURDAY_THAT))
    assert (found.speaker.text, found.content.text, found.rule) == (
        "Hendler",
        "the move damaged the party",
        "surface_clause",
    )


def test_noun_phrase_object_of_a_speech_verb(make_doc):
    found = only(make_doc(UD_DENIED_INVOLVEMENT))
    assert (found.speaker.text, found.content.text, found.rule) == (
        "Tehran",
        "involvement in the attack",
        "nominal_object",
    )


def test_listener_is_not_content(make_doc):
    assert find_reported(make_doc(UD_TOLD_REPORTERS), LEXICON) == []


def test_speaker_mention_drops_the_medium(make_doc):
    assert only(make_doc(UD_MILITARY_IN_STATEMENT)).speaker.text == "The military"


def test_as_clause_reports_the_main_clause(make_doc):
    found = only(make_doc(UD_AS_NOTED))
    assert (found.speaker.text, found.cue.text, found.content.text, found.rule) == (
        "the Times",
        "noted",
        "Clinton raised money",
        "as_clause",
    )


def test_speech_noun_with_that_clause(make_doc):
    found = only(make_doc(UD_DEMAND_THAT))
    assert (found.speaker.text, found.cue.text, found.content.text, found.rule) == (
        "DOJ",
        "demand",
        "HB2 be dropped",
        "speech_noun",
    )


def test_apposition_parsed_as_two_subjects_is_one_speaker(make_doc):
    assert only(make_doc(UD_TWO_SUBJECTS)).speaker.text == "A faction of the forces, Kata’ib Hezbollah"


def test_speaker_next_to_the_verb_when_the_parse_lost_the_subject(make_doc):
    found = only(make_doc(UD_SUBJECT_LOST))
    assert (found.speaker.text, found.content.text) == ("CENTCOM", "it ended")


def test_clause_without_that_read_from_the_words(make_doc):
    found = only(make_doc(UD_SAYS_NO_THAT))
    assert (found.speaker.text, found.content.text, found.rule) == ("Clinton", "many doubted her", "surface_clause")


def test_reporting_clause_between_commas_splits_the_content(make_doc):
    doc = make_doc(UD_PARENTHETICAL)
    found = find_reported(doc, LEXICON)
    assert [(a.speaker.text, a.cue.text, a.content.text, a.rule) for a in found] == [
        ("she", "said", "A wall would stop criminals", "parenthetical"),
        ("she", "said", "but also drugs", "parenthetical"),
    ]
    records = quotes_from_doc(doc, "d", LEXICON)
    assert {r.cue.start for r in records} == {doc[7].idx}  # one cue: one attribution in two parts


@pytest.mark.parametrize(
    ("rows", "sentences", "expected"),
    [
        (UD_COMMA_ON_SPEAKER, (0,), ("an official", "Growth slowed", "postposed")),
        (UD_BREAK_BEFORE_SPEAKER, (0, 4), ("Carson", "Troops would help", "postposed")),
        (UD_ASKED_WHETHER, (0,), ("Conroy", "whether the questions were fair", "embedded_question")),
        (UD_POINTED_TO, (0,), ("She", "the polls", "topic")),
        (UD_SUBJECT_AS_OBJECT, (0,), ("He", "the law unfairly targets gays", "clausal_complement")),
        (UD_REPORTED_QUOTING_THAT, (0,), ("Al Arabiya", "a drone hit a car", "that_clause")),
        (UD_SPEAKER_AS_APPOSITION, (0,), ("Fiorina", "Trump leads Bill Clinton", "postposed")),
    ],
    ids=[
        "comma-attached-to-the-speaker",
        "sentence-break-at-the-comma",
        "embedded-question",
        "topic-of-speech",
        "complement-subject-parsed-as-object",
        "that-clause-on-a-citing-participle",
        "speaker-parsed-as-apposition",
    ],
)
def test_repairs_and_nominal_contents(make_doc, rows, sentences, expected):
    found = only(make_doc(rows, sentences=sentences))
    assert (found.speaker.text, found.content.text, found.rule) == expected


def test_passive_subject_of_a_proposition_verb_but_not_of_a_judgement(make_doc):
    found = only(make_doc(UD_DEAL_ANNOUNCED))
    assert (found.speaker, found.content.text, found.rule) == (None, "The deal", "passive_subject")
    assert find_reported(make_doc(UD_GROUP_BLAMED), LEXICON) == []


def test_quote_the_report_goes_on_after_is_a_mixed_content(make_doc):
    doc = make_doc(UD_QUOTE_THEN_MORE)
    [record] = quotes_from_doc(doc, "d", LEXICON)
    assert (record.type, record.speaker.text, record.rule) == ("mixed", "Lawyers", "clausal_complement")
    assert record.text.startswith("“") and record.text.endswith("that Cruz qualifies")


def test_a_report_inside_a_report_keeps_both(make_doc):
    records = quotes_from_doc(make_doc(UD_NESTED_REPORT), "d", LEXICON)
    found = sorted((r.cue.text, r.speaker.text, r.text) for r in records)
    assert found == [
        ("reported", "Alsumaria", "Hezbollah said the US will pay"),
        ("said", "Hezbollah", "the US will pay"),
    ]


@pytest.mark.parametrize("scheme", ["UD", "CLEAR"])
@pytest.mark.parametrize(
    ("name", "speaker", "cue", "parts"),
    [
        ("FRONTED_WITH_PHRASE", "the minister", "said", ["The budget was cut", "by a third"]),
        ("FRONTED_WITH_LISTENER", "the operator", "told", ["The ferry will resume", "within two days"]),
    ],
)
def test_what_follows_a_parenthetical_cue_goes_on_with_the_content(make_doc, scheme, name, speaker, cue, parts):
    """`<clause>, X said, <phrase>`: the phrase the parser hung on the cue is the content's end."""
    found = find_reported(make_doc(getattr(parses_reporting, f"{scheme}_{name}")), LEXICON)
    assert [(a.speaker.text, a.cue.text, a.content.text, a.rule) for a in found] == [
        (speaker, cue, part, "parenthetical") for part in parts
    ]


@pytest.mark.parametrize("scheme", ["UD", "CLEAR"])
def test_a_proform_may_be_followed_by_a_phrase(make_doc, scheme):
    found = only(make_doc(getattr(parses_reporting, f"{scheme}_SAID_SO_IN_MAY")))
    assert (found.rule, found.speaker.text, found.content.text) == ("proform", "Half", "so")


@pytest.mark.parametrize(
    ("name", "speaker", "content"),
    [
        ("CLEAR_TANGLED_CLOSING", "she", "Rents rose for families"),
        ("UD_CLOSING_WITH_LISTENER", "the minister", "This covers two towns"),
        ("CLEAR_CLOSING_WITH_LISTENER", "the minister", "This covers two towns"),
        ("UD_CLOSING_APPOSITION", "Jo Hale, the mayor", "Two towns flooded"),
        ("CLEAR_CLOSING_APPOSITION", "Jo Hale, the mayor", "Two towns flooded"),
    ],
)
def test_a_closing_reporting_clause_is_read_from_the_words(make_doc, name, speaker, content):
    """`<clause>, she said.` however the parser tangled the two: the words before the comma."""
    found = [
        a for a in find_reported(make_doc(getattr(parses_reporting, name)), LEXICON) if a.cue.text in {"said", "told"}
    ]
    assert [(a.speaker.text, a.content.text, a.rule) for a in found] == [(speaker, content, "postposed")]


def test_a_closing_verb_with_an_object_reports_nothing_before_it(make_doc):
    rows = [
        row if row[0] != "told" else ("said", 1, "conj", "VERB", "say", "VBD")
        for row in parses_reporting.UD_CLOSING_WITH_LISTENER
    ]
    found = find_reported(make_doc(rows), LEXICON)
    assert [a.content.text for a in found if a.cue.text == "said"] == ["a panel Wednesday"]  # `said a panel`


@pytest.mark.parametrize("scheme", ["UD", "CLEAR"])
def test_a_closing_verb_before_its_subject_reports_all_before_the_comma(make_doc, scheme):
    found = find_reported(make_doc(getattr(parses_reporting, f"{scheme}_INVERTED_CLOSING")), LEXICON)
    assert [(a.content.text, a.rule) for a in found] == [("A win for the union", "postposed")]
    assert found[0].speaker.text.startswith("Ana Ruiz")


@pytest.mark.parametrize("scheme", ["UD", "CLEAR"])
def test_what_was_tweeted_is_the_content(make_doc, scheme):
    found = only(make_doc(getattr(parses_reporting, f"{scheme}_TWEETED_OBJECT")))
    assert (found.speaker.text, found.content.text, found.rule) == ("She", "her thanks to the nurses", "nominal_object")


def test_a_tag_name_in_markup_is_no_cue(make_doc):
    assert find_reported(make_doc(parses_reporting.CLEAR_TWEET_MARKUP), LEXICON) == []
