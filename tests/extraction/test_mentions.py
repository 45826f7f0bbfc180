"""Speaker mentions: the noun phrase that spoke, as written."""

from __future__ import annotations

import pytest
from parses_mentions import CLEAR_HEAD_OF_AGENCY_IN_CITY, UD_HEAD_OF_AGENCY_IN_CITY

from quotes.extraction.lexicon import Lexicon
from quotes.extraction.reported import find_reported

LEXICON = Lexicon.default()


@pytest.mark.parametrize("rows", [UD_HEAD_OF_AGENCY_IN_CITY, CLEAR_HEAD_OF_AGENCY_IN_CITY], ids=["ud", "clearnlp"])
def test_a_mention_never_ends_on_a_preposition_whose_object_was_cut(make_doc, rows):
    [found] = find_reported(make_doc(rows), LEXICON)
    assert (found.speaker.text, found.content.text) == ("The head of the agency", "it ended")
