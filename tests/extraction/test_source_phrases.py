"""`According to X, <clause>` and `<clause>, according to X`: X is the speaker and the whole
clause the content, whatever kind of clause it is and whatever modifies X, in both label
schemes (the parses are the models' own, of sentences written for these tests)."""

from __future__ import annotations

import parses_sources as parses
import pytest

from quotes.extraction.lexicon import Lexicon
from quotes.extraction.merging import quotes_from_doc
from quotes.extraction.reported import find_reported

LEXICON = Lexicon.default()

CASES = {
    "ACCORDING_COPULAR": ("two border officials", "the driver stopped at the gate was Peter Novak"),
    "ACCORDING_PARTICIPLE": ("three engineers", "the dam was never inspected"),
    "ACCORDING_EXISTENTIAL": ("the fire service", "there were two blasts near the harbour"),
    "ACCORDING_RELATIVE": ("nurses", "the ward was left without power"),
    "ACCORDING_APPOSITION": ("Ana Ruiz", "the library will close in May"),
    "ACCORDING_PASSIVE_PARTICIPLE": ("residents", "the two families had quarrelled for years"),
    "ACCORDING_FINAL": ("a notice", "The museum was closed for a week"),
    "ACCORDING_COORDINATED": ("the report", "Sales rose, and profits fell"),
}


@pytest.mark.parametrize("scheme", ["UD", "CLEAR"])
@pytest.mark.parametrize("name", list(CASES))
def test_source_phrase_gives_the_source_and_the_whole_clause(make_doc, scheme, name):
    doc = make_doc(getattr(parses, f"{scheme}_{name}"))
    speaker, content = CASES[name]
    (found,) = [a for a in find_reported(doc, LEXICON) if a.rule == "source_phrase"]
    assert found.cue.text.lower() == "according to"
    assert found.speaker is not None and found.speaker.text.startswith(speaker)
    assert found.content.text == content


@pytest.mark.parametrize("scheme", ["UD", "CLEAR"])
def test_source_phrase_record(make_doc, scheme):
    doc = make_doc(getattr(parses, f"{scheme}_ACCORDING_COPULAR"))
    (quote,) = quotes_from_doc(doc, "d", LEXICON)
    assert (quote.type, quote.text, quote.cue and quote.cue.text) == (
        "indirect",
        "the driver stopped at the gate was Peter Novak",
        "According to",
    )
    assert quote.speaker is not None and quote.speaker.text == "two border officials"


@pytest.mark.parametrize("scheme", ["UD", "CLEAR"])
def test_phrase_closing_a_report_reports_all_of_it(make_doc, scheme):
    doc = make_doc(getattr(parses, f"{scheme}_ACCORDING_OVER_REPORT"))
    found = {a.rule: a for a in find_reported(doc, LEXICON)}
    assert (found["source_phrase"].speaker.text, found["source_phrase"].content.text) == (
        "two engineers",
        "The mayor told them that the bridge was safe",
    )
    assert found["clausal_complement"].content.text.startswith("the bridge was safe")


@pytest.mark.parametrize("scheme", ["UD", "CLEAR"])
def test_a_demonstrative_before_the_phrase_is_the_content(make_doc, scheme):
    (found,) = find_reported(make_doc(getattr(parses, f"{scheme}_THAT_IS_ACCORDING")), LEXICON)
    assert (found.speaker.text, found.content.text) == ("two engineers", "That")
