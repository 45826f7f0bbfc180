"""Speaker identity, specified as a table of short news cases (issue 16, schema 2.0).

Each case in ``data/speaker_cases.json`` names one quote of its text (by a substring of the quote's
content) and pins only the speaker fields that have one clearly right answer: ``text``, ``name``,
``title``, ``affiliation``, ``canonical``, ``kind`` and ``antecedent`` (compared by its text, or
null). ``same_as`` names another quote of the same text whose speaker must be the same entity:
equal ``canonical`` and equal ``id``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import asdict
from pathlib import Path

import pytest

import quotes

CASES_PATH = Path(__file__).parent / "data" / "speaker_cases.json"
CASES = json.loads(CASES_PATH.read_text(encoding="utf8"))

FIELDS = {"text", "name", "title", "affiliation", "canonical", "kind", "antecedent"}
KINDS = {"person", "organisation", "government", "media", "group", "anonymous source", "unknown"}

# Every pattern the table must cover, each with several cases.
PATTERNS = [
    # a description of an entity the article never names: no canonical, but its antecedent
    "description_without_name",
    # anatomy of one mention
    "title_name",
    "org_title_name",
    "name_title_of_org",
    "name_org_possessive_title",
    "org_possessive_title_name",
    "title_of_org_name",
    "name_who_clause",
    "name_paren_org",
    "name_description",
    "name_possessive_lawyer",
    "honorifics_particles",
    "dateline",
    "according_to",
    "anonymous_spokesperson",
    # in-document clusters
    "surname_after_full_name",
    "first_name_after_full_name",
    "honorific_surname",
    "acronym",
    "title_tied_to_person",
    "description_tied_to_org",
    "statement_issuer",
    "same_entity_spellings",
    # a name spelled otherwise later in the article (`Ms Volkova` after `Katarina Wolkowa`)
    "respelled_name",
    # pronouns
    "interview_first_person",
    # `I`, `we`, `you`: the previous one of the same form is the antecedent
    "voice_chain",
    "pronoun_recency",
    "pronoun_number",
    "pronoun_person_vs_org",
    "pronoun_gender",
    "pronoun_not_in_quote_content",
    "pronoun_no_candidate",
    "pronoun_lawyer",
]
MIN_CASES_PER_PATTERN = 3


def collapse(value: object) -> object:
    """Strings compare with runs of whitespace collapsed to one space and the ends stripped."""
    return re.sub(r"\s+", " ", value).strip() if isinstance(value, str) else value


def describe(case: dict, speaker: object) -> str:
    record = asdict(speaker) if speaker is not None else None
    return (
        f"\ncase {case['id']} ({case['pattern']})"
        f"\ntext: {case['text']!r}"
        f"\nquote: {case['quote']!r}"
        f"\nexpect: {json.dumps(case['expect'], ensure_ascii=False)}"
        f"\nspeaker: {record!r}"
    )


def find_quote(case: dict, found: list[quotes.Quote], needle: str) -> quotes.Quote:
    hits = [q for q in found if needle in q.text]
    if not hits:
        pytest.fail(
            f"case {case['id']}: no quote whose content contains {needle!r}"
            f"\ntext: {case['text']!r}\nquotes found: {[q.text for q in found]!r}"
        )
    return hits[0]


def with_known_failures(cases: list[dict]) -> list:
    """Cases the small pipeline's parse defeats stay in the table as strict expected failures,
    so that a better parse or rule shows up as an unexpected pass."""
    return [
        pytest.param(case, marks=pytest.mark.xfail(strict=True, reason=case["known_failure"]))
        if "known_failure" in case
        else case
        for case in cases
    ]


@pytest.mark.parametrize("case", with_known_failures(CASES), ids=[case["id"] for case in CASES])
def test_speaker_case(case, nlp):
    text = case["text"]
    found = quotes.extract(text, nlp=nlp)
    quote = find_quote(case, found, case["quote"])
    speaker = quote.speaker
    assert speaker is not None, f"no speaker for the quote{describe(case, speaker)}"
    where = describe(case, speaker)

    # The mention and its antecedent are always spans of the input.
    assert text[speaker.start : speaker.end] == speaker.text, f"speaker offsets do not give its text{where}"
    antecedent = speaker.antecedent
    if antecedent is not None:
        assert text[antecedent.start : antecedent.end] == antecedent.text, f"antecedent offsets wrong{where}"
    assert speaker.kind in KINDS, f"kind {speaker.kind!r} not one of {sorted(KINDS)}{where}"

    record = {
        "text": speaker.text,
        "name": speaker.name,
        "title": speaker.title,
        "affiliation": speaker.affiliation,
        "canonical": speaker.canonical,
        "kind": speaker.kind,
        "antecedent": None if antecedent is None else antecedent.text,
    }
    wrong = {}
    for field, expected in case["expect"].items():
        actual = record[field]
        if collapse(actual) != collapse(expected):
            wrong[field] = (actual, expected)
    assert not wrong, (
        "fields differ (actual, expected): "
        + "; ".join(f"{field}: {actual!r} != {expected!r}" for field, (actual, expected) in wrong.items())
        + where
    )

    if "same_as" in case:
        other = find_quote(case, found, case["same_as"]).speaker
        assert other is not None, f"no speaker for the same_as quote {case['same_as']!r}{where}"
        assert (speaker.canonical, speaker.id) == (other.canonical, other.id), (
            f"not the same entity as the speaker of {case['same_as']!r}: {asdict(other)!r}{where}"
        )


def test_table_is_large_and_covers_every_pattern():
    assert len(CASES) >= 60, f"only {len(CASES)} cases"
    assert sum("known_failure" in case for case in CASES) <= len(CASES) // 20, "more than 5% known failures"
    ids = [case["id"] for case in CASES]
    assert len(ids) == len(set(ids)), f"duplicate ids: {sorted(i for i, n in Counter(ids).items() if n > 1)}"
    counts = Counter(case["pattern"] for case in CASES)
    assert not set(counts) - set(PATTERNS), f"unknown patterns: {sorted(set(counts) - set(PATTERNS))}"
    thin = {pattern: counts[pattern] for pattern in PATTERNS if counts[pattern] < MIN_CASES_PER_PATTERN}
    assert not thin, f"patterns with fewer than {MIN_CASES_PER_PATTERN} cases: {thin}"


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_case_is_well_formed(case):
    assert set(case) <= {"id", "pattern", "text", "quote", "expect", "same_as", "known_failure"}, case["id"]
    assert case["quote"] in case["text"], f"{case['id']}: quote substring not in the text"
    assert case.get("same_as", case["quote"]) in case["text"], f"{case['id']}: same_as substring not in the text"
    assert case["expect"] and set(case["expect"]) <= FIELDS, f"{case['id']}: expect fields {sorted(case['expect'])}"
    assert case["expect"].get("kind", "person") in KINDS, case["id"]
    assert "\n\n" not in case["text"] and 1 <= case["text"].count("\n") + 1 <= 4, case["id"]
    if case["expect"].get("text") is not None:
        assert case["expect"]["text"] in case["text"], f"{case['id']}: expected mention text not in the text"
    if case["expect"].get("antecedent") is not None:
        assert case["expect"]["antecedent"] in case["text"], f"{case['id']}: expected antecedent not in the text"
