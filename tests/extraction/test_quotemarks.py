"""Quote-mark scanning on raw text: pairing, apostrophes, paragraphs, stray marks."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quotes.extraction.quotemarks import find_quote_spans, word_count


def contents(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quote_spans(text)]


def test_straight_curly_and_single_quotes():
    text = '"One two three," he said. “Four five six,” she said. ‘Seven eight nine,’ they said.'
    assert contents(text) == ["One two three,", "Four five six,", "Seven eight nine,"]


def test_mismatched_pair_straight_open_curly_close():
    text = '"We hold them responsible for the repercussions,” he said.'
    assert contents(text) == ["We hold them responsible for the repercussions,"]


def test_apostrophes_are_not_quote_marks():
    text = "Kata’ib Hezbollah and Kata'ib said our forces’ safety and Iran’s army matter."
    assert contents(text) == []


def test_single_quotes_around_a_word_after_possessive():
    text = "The Pentagon said it bore the ‘footprints’ of the group, and forces’ bases were hit."
    assert contents(text) == ["footprints"]


def test_multi_paragraph_quote_continues():
    text = "It said: “First paragraph of the quote.\n“Second paragraph.\n“Last one.”\nNarration."
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == [
        "First paragraph of the quote.",
        "Second paragraph.",
        "Last one.",
    ]
    assert [s.continues for s in spans] == [True, True, False]
    assert [s.paragraph for s in spans] == [0, 1, 2]
    assert [s.closed for s in spans] == [False, False, True]


def test_stray_mark_does_not_derail_later_quotes():
    text = 'A stray ” mark.\nThen “a proper quote here,” he said, and 5" of rain.\n“Another one,” she said.'
    assert contents(text)[:2] == ["a proper quote here,", "Another one,"]


def test_quote_never_spans_a_paragraph_break():
    text = "He said “this never closes\nand this is narration."
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["this never closes"]
    assert not spans[0].continues


def test_nested_single_quotes_stay_inside_double():
    text = "“They called it ‘a clear aggression’ today,” he said."
    assert contents(text) == ["They called it ‘a clear aggression’ today,"]


def test_doubled_apostrophes_are_double_quote_marks():
    text = "''Revenues are up,'' said Mr. Ekovich, noting prices had ''cratered.'' Rock's ''n'' isn't one."
    assert contents(text) == ["Revenues are up,", "cratered.", "n"]


def test_doubled_apostrophes_around_a_nested_single_quote():
    opening = "''Part of my job is to say: 'Hey, he's one of us,''' Mr. English said."
    assert contents(opening) == ["Part of my job is to say: 'Hey, he's one of us,'"]
    continued = "''First paragraph.\n''Second paragraph,'' he said."
    spans = find_quote_spans(continued)
    assert spans[0].continues
    assert [continued[s.start : s.end] for s in spans] == ["First paragraph.", "Second paragraph,"]


def test_word_count_counts_hyphenated_names_once():
    assert word_count("radical Iran-backed groups") == 3
    assert word_count("Kata’ib Hezbollah") == 2


@given(st.lists(st.sampled_from([*"ab ,.\n\"“”‘’'«»", "''"]) | st.characters(), max_size=200).map("".join))
def test_spans_are_inside_the_text_and_exclude_marks(text):
    spans = find_quote_spans(text)
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert "\n" not in text[span.start : span.end]
        assert text[span.start : span.end] == text[span.start : span.end].strip()
    assert spans == sorted(spans, key=lambda s: s.start)
