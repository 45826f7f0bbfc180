"""Quotes as Doc annotations: records survive spaCy's serialisation and spans cover them."""

from __future__ import annotations

import json

import spacy
import srsly
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from quotes.nlp.annotations import CUES_KEY, QUOTES_KEY, SPEAKERS_KEY, USER_DATA_KEY, annotate, read_quotes
from quotes.records import Cue, Quote, Speaker

BLANK = spacy.blank("en")
#: News-like characters, with the whitespace and marks that make offsets fall between tokens.
ALPHABET = st.sampled_from([*"abcXYZ019 ,.;:!?-'’“”\"«»()", " ", "  ", "\n", "\n\n", "\t", "\u00a0"])


@st.composite
def offsets(draw: st.DrawFn, length: int) -> tuple[int, int]:
    start = draw(st.integers(0, length - 1))
    return start, draw(st.integers(start + 1, length))


@st.composite
def doc_with_quotes(draw: st.DrawFn) -> tuple[Doc, list[Quote]]:
    """A tokenized text and records at arbitrary offsets in it (not aligned to tokens)."""
    text = draw(st.lists(ALPHABET, min_size=1, max_size=60).map("".join))
    doc = BLANK.make_doc(text)
    found = []
    for _ in range(draw(st.integers(0, 4))):
        start, end = draw(offsets(len(text)))
        speaker = cue = None
        if draw(st.booleans()):
            s_start, s_end = draw(offsets(len(text)))
            speaker = Speaker(
                text[s_start:s_end],
                s_start,
                s_end,
                canonical=draw(st.text(max_size=8)),
                id=draw(st.none() | st.text(min_size=1, max_size=8)),
                kind=draw(st.none() | st.sampled_from(["person", "organisation", "group"])),
                resolved_by=draw(st.sampled_from(["mention", "registry", "unresolved"])),
                affiliation=draw(st.none() | st.text(max_size=8)),
            )
        if draw(st.booleans()):
            c_start, c_end = draw(offsets(len(text)))
            cue = Cue(text[c_start:c_end], draw(st.text(min_size=1, max_size=8)), c_start, c_end)
        found.append(
            Quote(
                doc_id="d",
                type=draw(st.sampled_from(["direct", "indirect", "mixed"])),
                text=text[start:end],
                start=start,
                end=end,
                speaker=speaker,
                cue=cue,
                sentence_index=draw(st.integers(0, 50)),
                paragraph_index=draw(st.integers(0, 50)),
                confidence=draw(st.floats(0, 1)),
                rule=draw(st.sampled_from(["direct_postposed", "clausal_complement"])),
            )
        )
    return doc, found


@settings(max_examples=200, deadline=None)
@given(doc_with_quotes())
def test_records_come_back_from_the_doc_and_its_bytes(case: tuple[Doc, list[Quote]]) -> None:
    doc, found = case
    annotate(doc, found, "d")
    assert read_quotes(doc) == found
    json.dumps(doc.user_data[USER_DATA_KEY])  # plain data, nothing spaCy cannot write
    copy = Doc(Vocab()).from_bytes(doc.to_bytes())  # a vocabulary without the labels
    assert read_quotes(copy) == found
    assert [span.label_ for span in copy.spans[QUOTES_KEY]] == [quote.type for quote in found]


@settings(max_examples=200, deadline=None)
@given(doc_with_quotes())
def test_spans_cover_every_word_character_of_their_quote(case: tuple[Doc, list[Quote]]) -> None:
    doc, found = case
    annotate(doc, found, "d")
    ranges = [
        *((q.start, q.end, doc.spans[QUOTES_KEY][i]) for i, q in enumerate(found)),
        *zip_ranges([q.speaker for q in found if q.speaker], doc.spans[SPEAKERS_KEY]),
        *zip_ranges([q.cue for q in found if q.cue], doc.spans[CUES_KEY]),
    ]
    for start, end, span in ranges:
        assert len(span) > 0
        assert all(span.start_char <= i < span.end_char for i in range(start, end) if not doc.text[i].isspace())


def zip_ranges(mentions: list[Speaker] | list[Cue], spans: object) -> list[tuple[int, int, Span]]:
    return [(mention.start, mention.end, span) for mention, span in zip(mentions, spans, strict=True)]  # type: ignore[call-overload]


def test_speaker_and_cue_spans_carry_kind_id_and_lemma() -> None:
    text = "“We will respond,” the group said."
    doc = BLANK.make_doc(text)
    speaker = Speaker(
        "the group", 19, 28, "Kata'ib Hezbollah", kind="organisation", id="kataib-hezbollah", resolved_by="coreference"
    )
    quote = Quote("d", "direct", text[1:17], 1, 17, speaker, Cue("said", "say", 29, 33), 0, 0, 0.95, "direct_postposed")
    annotate(doc, [quote], "d")
    (speaker_span,) = doc.spans[SPEAKERS_KEY]
    assert (speaker_span.text, speaker_span.label_, speaker_span.kb_id_) == (
        "the group",
        "organisation",
        "kataib-hezbollah",
    )
    assert [(span.text, span.label_) for span in doc.spans[CUES_KEY]] == [("said", "say")]
    assert srsly.msgpack_loads(srsly.msgpack_dumps(doc.user_data))[USER_DATA_KEY]["doc_id"] == "d"


def test_a_doc_the_component_never_saw_has_no_records() -> None:
    assert read_quotes(BLANK.make_doc("He said so.")) is None
