"""Speaker mentions: the noun phrase that spoke, as written."""

from __future__ import annotations

import pytest
from parses_mentions import (
    CLEAR_HEAD_OF_AGENCY_IN_CITY,
    CLEAR_REPORT_HUNG_ON_SAID,
    UD_HEAD_OF_AGENCY_IN_CITY,
    UD_REPORT_HUNG_ON_SAID,
)

from quotes.extraction.lexicon import Lexicon
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
