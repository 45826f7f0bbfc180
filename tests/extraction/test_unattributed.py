"""Direct quotes no reporting verb introduces: a byline after the quote, the sentence before
it that introduces its speaker, the opening parts of a quote named in its last paragraph."""

from __future__ import annotations

import pytest
from parses_unattributed import (
    CLEAR_BYLINE,
    CLEAR_DASH_SENTENCE,
    CLEAR_QUOTE_AFTER_NAME,
    CLEAR_QUOTE_AFTER_PERSON,
    CLEAR_QUOTE_AFTER_QUOTE,
    CLEAR_QUOTE_AFTER_THING,
    UD_BYLINE,
    UD_DASH_SENTENCE,
    UD_QUOTE_AFTER_NAME,
    UD_QUOTE_AFTER_PERSON,
    UD_QUOTE_AFTER_QUOTE,
    UD_QUOTE_AFTER_THING,
)
from spacy.tokens import Span

import quotes
from quotes.extraction.lexicon import Lexicon
from quotes.extraction.merging import quotes_from_doc
from quotes.records import Quote

LEXICON = Lexicon.default()


def _the_quote(records: list[Quote], content: str) -> Quote:
    [record] = [r for r in records if r.text == content]
    return record


def _attribution(record: Quote) -> tuple[str | None, str]:
    return (record.speaker.text if record.speaker else None, record.rule)


@pytest.mark.parametrize("rows", [UD_BYLINE, CLEAR_BYLINE], ids=["ud", "clearnlp"])
def test_a_name_after_a_dash_signs_the_quote(make_doc, rows):
    records = quotes_from_doc(make_doc(rows, sentences=(0, 7)), "d", LEXICON)
    record = _the_quote(records, "We need more staff.")
    assert _attribution(record) == ("Dr. Jo Hale of the clinic", "direct_byline")
    assert record.cue is None


@pytest.mark.parametrize("rows", [UD_DASH_SENTENCE, CLEAR_DASH_SENTENCE], ids=["ud", "clearnlp"])
def test_a_dash_going_on_with_a_sentence_signs_nothing(make_doc, rows):
    records = quotes_from_doc(make_doc(rows, sentences=(0, 7)), "d", LEXICON)
    assert _attribution(_the_quote(records, "We need more staff.")) == (None, "direct_unattributed")


@pytest.mark.parametrize("rows", [UD_QUOTE_AFTER_PERSON, CLEAR_QUOTE_AFTER_PERSON], ids=["ud", "clearnlp"])
def test_a_sentence_about_a_person_introduces_the_quote_after_it(make_doc, rows):
    records = quotes_from_doc(make_doc(rows, sentences=(0, 8)), "d", LEXICON)
    record = _the_quote(records, "We need more staff.")
    assert _attribution(record) == ("The nurse", "direct_introduced")
    assert record.cue is None


@pytest.mark.parametrize("rows", [UD_QUOTE_AFTER_NAME, CLEAR_QUOTE_AFTER_NAME], ids=["ud", "clearnlp"])
def test_a_named_person_introduces_the_quote_only_when_recognised(make_doc, rows):
    doc = make_doc(rows, sentences=(0, 8))
    assert _attribution(_the_quote(quotes_from_doc(doc, "d", LEXICON), "We need more staff.")) == (
        None,
        "direct_unattributed",
    )
    doc.ents = [Span(doc, 1, 2, label="PERSON")]
    record = _the_quote(quotes_from_doc(doc, "d", LEXICON), "We need more staff.")
    assert record.rule == "direct_introduced"
    assert record.speaker is not None and "Vellmar" in record.speaker.text


@pytest.mark.parametrize("rows", [UD_QUOTE_AFTER_THING, CLEAR_QUOTE_AFTER_THING], ids=["ud", "clearnlp"])
def test_a_sentence_about_a_thing_introduces_no_speaker(make_doc, rows):
    records = quotes_from_doc(make_doc(rows, sentences=(0, 8)), "d", LEXICON)
    assert _attribution(_the_quote(records, "We need more staff.")) == (None, "direct_unattributed")


@pytest.mark.parametrize("rows", [UD_QUOTE_AFTER_QUOTE, CLEAR_QUOTE_AFTER_QUOTE], ids=["ud", "clearnlp"])
def test_a_sentence_with_a_quote_of_its_own_introduces_no_speaker(make_doc, rows):
    records = quotes_from_doc(make_doc(rows, sentences=(0, 9)), "d", LEXICON)
    assert _attribution(_the_quote(records, "We need more staff.")) == (None, "direct_unattributed")


def _extracted(text: str, nlp) -> list[tuple[str | None, str]]:
    return [_attribution(q) for q in quotes.extract(text, nlp=nlp) if q.type == "direct"]


@pytest.mark.parametrize(
    ("line", "speaker"),
    [
        ("“Nobody here expected the waiting list to shrink so fast.” —Priya Nand", "Priya Nand"),
        (
            "“Nobody here expected the waiting list to shrink so fast.” – Tomas Berg, a pharmacist",
            "Tomas Berg, a pharmacist",
        ),
        ('"Nobody here expected the waiting list to shrink so fast." - Priya Nand', "Priya Nand"),
    ],
    ids=["em-dash", "en-dash-and-description", "hyphen-and-straight-marks"],
)
def test_byline_end_to_end(nlp, line, speaker):
    assert _extracted(f"The clinic reopened in May.\n\n{line}\n", nlp) == [(speaker, "direct_byline")]


def test_a_dash_inside_a_sentence_is_no_byline(nlp):
    text = "The clinic called the plan “a burden for every family on this street” — Priya Nand disagreed.\n"
    assert all(q.rule != "direct_byline" for q in quotes.extract(text, nlp=nlp))


@pytest.mark.parametrize(
    ("opening", "speaker"),
    [("The mayor looked tired at the briefing.", "The mayor"), ("She stood by the flooded road for an hour.", "She")],
    ids=["description", "pronoun"],
)
def test_introduced_quote_end_to_end(nlp, opening, speaker):
    text = f"{opening} “Nobody told us the dam would open before the weekend.”\n"
    assert _extracted(text, nlp) == [(speaker, "direct_introduced")]


@pytest.mark.parametrize(
    "opening",
    ["The river rose overnight.", "The mayor called the report “deeply flawed.”"],
    ids=["no-person", "own-quote"],
)
def test_quote_after_a_sentence_that_introduces_no_one_stays_unattributed(nlp, opening):
    text = f"{opening} “Nobody told us the dam would open before the weekend.”\n"
    assert _extracted(text, nlp) == [(None, "direct_unattributed")]


def test_opening_paragraphs_of_a_quote_take_the_speaker_named_in_the_last(nlp):
    text = (
        "“We counted the boats at dawn.\n\n“Then the wind turned.\n\n"
        "“We searched the coast again before noon,” said Tomas Berg, a harbour master.\n"
    )
    found = [q for q in quotes.extract(text, nlp=nlp) if q.type == "direct"]
    speaker = "Tomas Berg, a harbour master"
    expected = [(speaker, "direct_continued")] * 2 + [(speaker, "direct_postposed")]
    assert [_attribution(q) for q in found] == expected
    assert [q.cue.text if q.cue else None for q in found] == ["said"] * 3


def test_a_quote_that_names_its_speaker_overrides_the_sentence_before_it(nlp):
    text = (
        "The mayor looked tired at the briefing. “We counted the boats at dawn.\n\n"
        "“We searched the coast again before noon,” said Tomas Berg, a harbour master.\n"
    )
    speaker = "Tomas Berg, a harbour master"
    assert _extracted(text, nlp) == [(speaker, "direct_continued"), (speaker, "direct_postposed")]


def test_a_quote_introduced_over_two_paragraphs_keeps_its_speaker(nlp):
    text = (
        "The mayor looked tired at the briefing. “We counted the boats at dawn.\n\n"
        "“Then the wind turned and we searched the coast again.”\n"
    )
    assert _extracted(text, nlp) == [("The mayor", "direct_introduced"), ("The mayor", "direct_continued")]


@pytest.mark.parametrize(
    ("heading", "speaker"),
    [
        ("Statement from Harbour Master Jo Hale:", "Harbour Master Jo Hale"),
        ("From the Harbour Authority:", "the Harbour Authority"),
    ],
    ids=["statement-from", "from"],
)
def test_a_heading_names_the_speaker_of_the_quote_after_it(nlp, heading, speaker):
    text = f"{heading} “The port will stay closed until the storm has passed.”\n"
    assert _extracted(text, nlp) == [(speaker, "direct_headline")]
