"""The assertions of quotes.testing and the pytest plugin, run as a user's project would run them."""

from __future__ import annotations

import pytest
from conftest import SEEDS

from quotes.testing import (
    QuoteAssertionError,
    assert_not_quoted,
    assert_quoted,
    assert_speakers,
    seed_articles,
    seed_quotes,
)

RECORDS = [
    {
        "type": "direct",
        "text": "We will respond to every attack on our forces,",
        "speaker": {"text": "the group", "canonical": "Kata'ib Hezbollah", "id": "kataib-hezbollah"},
    },
    {
        "type": "indirect",
        "text": "the strike killed a commander",
        "speaker": {"text": "CENTCOM", "canonical": "US Central Command", "id": "centcom"},
    },
    {"type": "direct", "text": "Nobody knows who did it.", "speaker": None},
]


def test_assert_quoted_matches_mention_canonical_name_or_id():
    assert_quoted(RECORDS, speaker="the group", contains="every attack")
    assert_quoted(RECORDS, speaker="KATA’IB HEZBOLLAH", contains="We will  RESPOND", type="direct")
    assert_quoted(RECORDS, speaker="centcom", type="indirect")


def test_failure_shows_the_closest_candidates():
    with pytest.raises(QuoteAssertionError) as failure:
        assert_quoted(RECORDS, speaker="Kataib Hezbollah", contains="respond to each attack")
    message = str(failure.value)
    assert "no quote by 'Kataib Hezbollah' containing 'respond to each attack' among 3 quotes" in message
    assert message.index("1. [direct] Kata'ib Hezbollah (as 'the group')") < message.index("US Central Command")


def test_assert_not_quoted_lists_what_matched():
    assert_not_quoted(RECORDS, speaker="CENTCOM", type="direct")
    with pytest.raises(QuoteAssertionError, match=r"found 1:\n  1. \[indirect\] US Central Command"):
        assert_not_quoted(RECORDS, contains="killed a commander")


def test_assert_speakers_as_a_set_or_with_counts():
    assert_speakers(RECORDS, {"Kata'ib Hezbollah", "centcom"})
    assert_speakers(RECORDS, {"kataib-hezbollah": 1, "US Central Command": 1})
    with pytest.raises(QuoteAssertionError) as failure:
        assert_speakers(RECORDS, {"Kataib Hezbolah": 2, "Pentagon": 1})
    message = str(failure.value)
    assert "missing speaker 'Pentagon'" in message
    assert "missing speaker 'Kataib Hezbolah' (closest: \"Kata'ib Hezbollah\")" in message
    assert "unexpected speaker 'US Central Command' (1 quotes)" in message


def test_bundled_seeds_are_the_repository_seeds():
    articles = seed_articles()
    assert articles == {path.stem: path.read_text(encoding="utf8") for path in sorted(SEEDS.glob("*.txt"))}
    gold = seed_quotes()
    assert {record["doc_id"] for record in gold} == set(articles)
    assert all(articles[r["doc_id"]][r["start"] : r["end"]] == r["text"] for r in gold)


PLUGIN_USER_TESTS = """
from quotes.testing import assert_quoted, assert_speakers

STORY = "“We will respond to every attack on our forces,” Kata’ib Hezbollah said in a statement."


def test_story(extract_quotes):
    records = extract_quotes(STORY)
    assert_quoted(records, speaker="Kataib Hezbollah", contains="every attack", type="direct")
    assert_speakers(records, {"Kata'ib Hezbollah"})


def test_seeds(seed_articles, seed_quotes, quotes_nlp):
    assert len(seed_articles) == 5 and quotes_nlp.lang == "en"
    assert_quoted(seed_quotes, speaker="CENTCOM", type="direct")


def test_wrong_speaker_fails_readably(extract_quotes):
    assert_quoted(extract_quotes(STORY), speaker="Pentagon", contains="every attack")
"""


def test_plugin_in_a_users_project(pytester):
    pytester.makepyfile(test_story=PLUGIN_USER_TESTS)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*QuoteAssertionError: no quote by 'Pentagon' containing 'every attack' among 1 quotes.",
            "*Closest candidates:",
            "*1. ?direct? Kata'ib Hezbollah*We will respond to every attack on our forces,*",
        ]
    )


def test_plugin_fixtures_are_listed(pytester):
    result = pytester.runpytest_subprocess("--fixtures", "-p", "no:cacheprovider")
    result.stdout.fnmatch_lines(["*quotes_nlp*", "*extract_quotes*", "*seed_articles*", "*seed_quotes*"])
