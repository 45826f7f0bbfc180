"""A registry draft: unknown speakers grouped into entities, valid registry data."""

from __future__ import annotations

from quotes.archive.registry_draft import draft_entities, registry_draft
from quotes.archive.speakers import SpeakerSummary
from quotes.resources import schema_error
from quotes.speakers.name_keys import id_key
from quotes.speakers.registry import Registry


def unknown(name: str, kind: str = "person", documents: int = 1, **forms: tuple) -> SpeakerSummary:
    return SpeakerSummary("unknown:" + id_key(name), name, kind, quotes=documents, documents=documents, **forms)


def grouped(*summaries: SpeakerSummary) -> list[set[str]]:
    return [{name for name in (e.entry["name"], *e.entry.get("aliases", ()))} for e in draft_entities(summaries)]


def test_spellings_of_one_name_are_one_entity():
    assert grouped(unknown("Khaled Zorbani"), unknown("Khalid al-Zurbani")) == [{"Khaled Zorbani", "Khalid al-Zurbani"}]


def test_different_people_stay_apart():
    draft = grouped(
        unknown("Anna Kovalev", documents=2),
        unknown("Anna Kovaleva", documents=2),  # a gendered ending
        unknown("Abu Ali Zorbani", documents=2),
        unknown("Abu Alaa Zorbani", documents=2),
    )
    assert len(draft) == 4


def test_an_acronym_joins_the_name_a_document_defined_it_for():
    front = unknown("Popular Front for Zorblax", "organisation", variants=(("PFZ", 2),))
    assert grouped(front, unknown("PFZ", "organisation")) == [{"Popular Front for Zorblax", "PFZ"}]


def test_an_acronym_two_entities_were_called_joins_neither():
    first = unknown("Popular Front for Zorblax", "organisation", documents=2, variants=(("PFZ", 1),))
    second = unknown("Party of Free Zorblaxians", "organisation", documents=2, variants=(("PFZ", 1),))
    assert len(grouped(first, second, unknown("PFZ", "organisation", documents=2))) == 3


def test_a_surname_joins_the_one_person_of_that_name_whose_titles_agree():
    full = unknown("Anna Zorbani", documents=2, titles=(("water minister", 3),))
    assert grouped(full, unknown("Zorbani", titles=(("minister", 1),))) == [{"Anna Zorbani", "Zorbani"}]
    other = unknown("Zorbani", documents=2, titles=(("goalkeeper", 1),))
    assert len(grouped(full, other)) == 2
    sister = unknown("Maria Zorbani", documents=2)
    assert len(grouped(full, sister, unknown("Zorbani", documents=2))) == 3  # which of the two?


def test_a_speaker_of_one_document_is_left_out_and_known_speakers_are_never_drafted():
    known = SpeakerSummary("reuters", "Reuters", "media", 9, 9)
    anonymous = SpeakerSummary("unknown:witnesses", "witnesses", "anonymous source", 5, 5)
    assert draft_entities([known, anonymous, unknown("Anna Zorbani")]) == []
    assert len(draft_entities([unknown("Anna Zorbani")], min_documents=1)) == 1


def test_the_draft_is_valid_registry_data_with_fresh_ids_and_known_affiliations():
    drafted = draft_entities(
        [
            unknown("Reuters Zorbani", documents=3, affiliations=(("Reuters", 2),), titles=(("editor", 2),)),
            unknown("Tahseen Alkhafaji", kind="unknown", documents=2),
        ],
        Registry.default(),
    )
    data = registry_draft(drafted)
    assert schema_error(data, "registry.schema.json") is None
    first, second = data["entities"]
    assert (first["id"], first["affiliation"], first["titles"]) == ("reuters-zorbani", "reuters", ["editor"])
    assert "3 quotes in 3 documents" in first["notes"]
    assert second["kind"] == "organisation" and "kind never known" in second["notes"]
    loaded = Registry.from_dict(data)
    assert loaded.lookup("Reuters Zorbani").id == "reuters-zorbani"
    again = draft_entities([unknown("Joe Biden", documents=2)], Registry.default())
    assert again[0].entry["id"] == "joe-biden-2"  # the registry's own id is never reused


def test_a_middle_name_joins_only_on_a_shared_role():
    """`Luis Manuel Zorbano` is `Luis Zorbano` when both were the federation's president; a
    father and son (`Ahmad Shah Zorbani`, `Ahmad Zorbani`) differ in name so too."""
    longer = unknown("Luis Manuel Zorbano", documents=2, titles=(("president", 1),))
    shorter = unknown("Luis Zorbano", documents=2, titles=(("former president", 2),))
    assert grouped(longer, shorter) == [{"Luis Manuel Zorbano", "Luis Zorbano"}]
    father = unknown("Ahmad Shah Zorbani", documents=2, titles=(("commander", 1),))
    son = unknown("Ahmad Zorbani", documents=2, titles=(("leader", 1),), affiliations=(("National Front", 1),))
    assert len(grouped(father, son)) == 2
    assert len(grouped(father, unknown("Ahmad Zorbani", documents=2))) == 2  # no role to share
