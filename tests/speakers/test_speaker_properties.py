"""Properties of every speaker record (issue 16, schema 2.0), on generated news-like texts.

Texts are built from a grammar of fragments (invented names, titles, organisations, pronouns, cue
verbs, quote marks, datelines and newlines) mixed with arbitrary text. Whatever the resolver decides,
a speaker's ``canonical`` is a name: never across a newline, never a pronoun, never only title or
role words, never a possessive; and the mention and its antecedent are spans of the input.
"""

from __future__ import annotations

import re
from dataclasses import asdict

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quotes

PERSONS = [
    "Anna Berg",
    "Rafael Ortega Salinas",
    "Yusuf bin Tariq al-Qadiri",
    "Abu Karam al-Zuhayri",
    "Pieter van der Molen",
    "Park Min-seo",
    "Helen Achebe-Price",
    "Nguyen Thi Lan",
    "Kwame Asante-Boateng",
    "Inés Gallardo",
]
SURNAMES = ["Berg", "Ortega Salinas", "al-Qadiri", "Van der Molen", "Park", "Achebe-Price", "Gallardo"]
HONORIFICS = ["Mr", "Ms", "Dr", "Sheikh", "Mrs"]
ORGS = [
    "Water Agency",
    "Ministry of Water",
    "Bluewater Freight",
    "Nordvik Bank",
    "Council for Water Safety",
    "Eastern Dunes Brigade",
    "Harbour Gazette",
    "Department of Coastal Works",
]
ACRONYMS = [("Council for Water Safety", "CWS"), ("Federation of Inland Ports", "FIP")]
TITLES = [
    "Deputy Foreign Minister",
    "Health Minister",
    "spokeswoman",
    "spokesman",
    "spokesperson",
    "lawyer",
    "chief executive",
    "director",
    "Police Chief",
    "Foreign Secretary",
]
DESCRIPTIONS = ["the minister", "the company", "the group", "the ministry", "the statement", "the agency", "officials"]
PRONOUNS_USED = ["he", "she", "they", "it", "we", "He", "She", "They", "It", "We"]
CUES = ["said", "told reporters", "added", "warned", "said on Monday", "said in a statement"]
DATELINES = ["LISBON, 4 June – ", "SEOUL, March 3 — ", "NAIROBI (Harbour Wire) – ", "ROTTERDAM\n", ""]
CONTENTS = [
    "the bridge would be repaired",
    "the talks would resume after the holiday",
    "Omar Nasser had been told",
    "the ministry's plan was late",
    "he would appeal",
    "the company would hire 200 drivers",
]
OPEN_CLOSE = [("“", "”"), ('"', '"'), ("‘", "’")]

# What a canonical name must never be: these words alone (or with determiners) are not a name.
PRONOUNS = {
    "he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "his", "its", "their", "our",
    "who", "this", "that",
}  # fmt: skip
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our"}
TITLE_WORDS = {
    "minister", "deputy", "foreign", "health", "secretary", "spokeswoman", "spokesman", "spokesperson",
    "lawyer", "chief", "executive", "director", "police", "president", "official", "officials", "company",
    "group", "ministry", "agency", "statement", "mr", "ms", "mrs", "dr", "sheikh", "interior", "trade",
}  # fmt: skip


def noise() -> st.SearchStrategy[str]:
    return st.text(max_size=12)


@st.composite
def mention(draw) -> str:
    person = draw(st.sampled_from(PERSONS))
    org = draw(st.sampled_from(ORGS))
    title = draw(st.sampled_from(TITLES))
    name, acronym = draw(st.sampled_from(ACRONYMS))
    return draw(
        st.sampled_from(
            [
                person,
                f"{title} {person}",
                f"{draw(st.sampled_from(HONORIFICS))} {draw(st.sampled_from(SURNAMES))}",
                draw(st.sampled_from(SURNAMES)),
                org,
                f"the {org}",
                f"{org} {title} {person}",
                f"{person}, {title} of the {org},",
                f"{person}, a {title} for the {org},",
                f"{org}'s {title}, {person},",
                f"{org}’s {title}",
                f"A {title} for the {org}",
                f"The {title} of the {org}, {person},",
                f"{person} ({org})",
                f"{person}, {draw(st.sampled_from(PERSONS))}'s lawyer,",
                f"{person}, who runs the {org},",
                f"The {name} ({acronym})",
                f"{acronym}, the {name},",
                acronym,
                f"the {acronym}",
                f"A statement from the {org}",
                draw(st.sampled_from(DESCRIPTIONS)),
                draw(st.sampled_from(PRONOUNS_USED)),
            ]
        )
    )


@st.composite
def sentence(draw) -> str:
    who = draw(mention())
    cue = draw(st.sampled_from(CUES))
    content = draw(st.sampled_from(CONTENTS)) + draw(st.sampled_from(["", "", draw(noise())]))
    opening, closing = draw(st.sampled_from(OPEN_CLOSE))
    shape = draw(st.integers(0, 3))
    if shape == 0:
        return f"{who} {cue} that {content}."
    if shape == 1:
        return f"{opening}{content[:1].upper()}{content[1:]},{closing} {who} {cue}."
    if shape == 2:
        return f"According to {who.rstrip(',')}, {content}."
    return f"{who} {cue}: {opening}{content}.{closing}"


@st.composite
def article(draw) -> str:
    parts = [draw(st.sampled_from(DATELINES))]
    for _ in range(draw(st.integers(1, 4))):
        parts.append(draw(sentence()))
        parts.append(draw(st.sampled_from([" ", " ", "\n", f" {draw(noise())} ", "\n\n"])))
    return "".join(parts).strip() or "Anna Berg said the bridge would be repaired."


def is_only_role_words(canonical: str) -> bool:
    words = [w for w in re.split(r"[\s\-]+", canonical.lower().replace("’", "'")) if w]
    return all(w.strip(".,'") in TITLE_WORDS | DETERMINERS for w in words)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=article())
def test_speaker_records_hold_names_and_spans(nlp, text):
    try:
        found = quotes.extract(text, doc_id="prop", nlp=nlp)
    except quotes.InvalidDocumentError as error:
        assert "control characters" in error.reason
        return
    for quote in found:
        speaker = quote.speaker
        if speaker is None:
            continue
        where = f"\ntext: {text!r}\nquote: {quote.text!r}\nspeaker: {asdict(speaker)!r}"
        assert text[speaker.start : speaker.end] == speaker.text, f"speaker offsets do not give its text{where}"
        antecedent = speaker.antecedent
        if antecedent is not None:
            assert text[antecedent.start : antecedent.end] == antecedent.text, f"antecedent offsets wrong{where}"
        canonical = speaker.canonical
        if canonical is None:
            continue
        assert canonical.strip(), f"empty canonical{where}"
        assert "\n" not in canonical, f"canonical runs across a newline{where}"
        assert canonical.strip().lower() not in PRONOUNS, f"canonical is a pronoun{where}"
        assert not is_only_role_words(canonical), f"canonical is only title/role words{where}"
        assert not canonical.rstrip().endswith(("'s", "’s")), f"canonical is a possessive{where}"
