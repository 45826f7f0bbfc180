"""Speaker resolution: normalisation, registry, fuzzy variants, document aliases, coreference."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quotes
from quotes.speakers.name_keys import id_key
from quotes.speakers.names import name_words, proper_noun_runs
from quotes.speakers.registry import Registry, normalise_name

REGISTRY = Registry.default()
ALIASES = sorted({alias for e in REGISTRY.entities.values() for alias in e.aliases})


def variant(alias: str, draw_choice: list[int]) -> str:
    """A typographic variant: apostrophe style, case and spacing changed."""
    apostrophe = ["'", "’", "ʼ", "`"][draw_choice[0] % 4]
    text = alias.replace("'", apostrophe)
    text = [text.upper(), text.lower(), text.title(), text][draw_choice[1] % 4]
    return ("  " if draw_choice[2] % 2 else "") + text.replace(" ", "  " if draw_choice[3] % 2 else " ")


@given(st.text(max_size=60))
def test_normalisation_is_idempotent(text):
    assert normalise_name(normalise_name(text)) == normalise_name(text)


@given(st.sampled_from(ALIASES), st.lists(st.integers(0, 7), min_size=4, max_size=4))
def test_typographic_variants_resolve_to_the_same_entity(alias, choices):
    written = variant(alias, choices)
    if normalise_name(alias) in REGISTRY.acronyms and not written.isupper():
        assert REGISTRY.lookup(written) is None  # an acronym in lower case is a word: `who`, `us`
    else:
        assert REGISTRY.lookup(written) == REGISTRY.lookup(alias)


@pytest.mark.parametrize(("word", "acronym"), [("who", "WHO"), ("us", "US"), ("Who", "WHO")])
def test_words_spelled_like_acronyms_are_not_them(word, acronym):
    assert REGISTRY.lookup(word) is None
    assert REGISTRY.lookup(acronym) is not None


def test_translations_match_as_written_and_are_never_respelled():
    """`Hezbollah Brigades` is Kata'ib Hezbollah's name in English words: found as written (case
    and typography aside), but a respelling of a translation is no spelling of the name."""
    registry = Registry.from_dict(
        {
            "entities": [
                {
                    "id": "kh",
                    "name": "Kata'ib Hezbollah",
                    "kind": "organisation",
                    "translations": ["Hezbollah Brigades"],
                    "titles": ["armed group"],
                }
            ]
        }
    )
    assert registry.lookup("the HEZBOLLAH BRIGADES").id == "kh"
    assert registry.lookup("Hizbullah Brigades") is None and registry.fuzzy("Hizbullah Brigades") is None
    assert registry.fuzzy("Kataeb Hizbollah").id == "kh"  # the name itself is respelled
    assert registry.entities["kh"].titles == ("armed group",)


def test_an_alias_in_capitals_and_in_letters_matches_both_ways():
    registry = Registry.from_dict(
        {"entities": [{"id": "interpol", "name": "Interpol", "kind": "organisation", "aliases": ["INTERPOL"]}]}
    )
    assert registry.lookup("Interpol").id == registry.lookup("INTERPOL").id == "interpol"


@pytest.fixture(scope="module")
def resolved(nlp):
    text = (
        "A statement from the US Central Command (CENTCOM) confirmed the strike.\n"
        "It said: “We will not hesitate to hold responsible all those who threaten our forces.”\n"
        "Kaitab Hezbollah said it had suspended operations against US forces.\n"
        "A spokesman for the group, Tahseen Alkhafaji, called it a “clear aggression and violation”.\n"
        "“We hold American forces responsible for the repercussions,” he said.\n"
        "US officials said the attack bore “the hallmark” of the group."
    )
    return text, quotes.extract(text, doc_id="t", nlp=nlp)


def speakers_of(found):
    return [(q.speaker.text, q.speaker.id, q.speaker.resolved_by) for q in found if q.speaker]


def test_registry_descriptions_pronouns_and_appositions(resolved):
    _, found = resolved
    assert speakers_of(found) == [
        ("A statement from the US Central Command (CENTCOM)", "centcom", "registry"),
        ("It", "centcom", "coreference"),
        ("Kaitab Hezbollah", "kataib-hezbollah", "fuzzy"),
        ("A spokesman for the group, Tahseen Alkhafaji", "unknown:" + id_key("Tahseen Alkhafaji"), "mention"),
        ("he", "unknown:" + id_key("Tahseen Alkhafaji"), "coreference"),
        ("US officials", "unknown:us-officials", "mention"),  # a description, not a name
    ]
    spokesman = next(q.speaker for q in found if q.speaker and q.speaker.text.startswith("A spokesman"))
    assert (spokesman.canonical, spokesman.name, spokesman.title, spokesman.kind, spokesman.affiliation) == (
        "Tahseen Alkhafaji",
        "Tahseen Alkhafaji",
        "spokesman",
        "person",
        "Kata'ib Hezbollah",
    )
    pronoun = next(q.speaker for q in found if q.speaker and q.speaker.text == "he")
    assert pronoun.antecedent is not None and pronoun.antecedent.text == "Tahseen Alkhafaji"


def test_resolution_never_moves_text_or_offsets(resolved):
    text, found = resolved
    for quote in found:
        assert text[quote.start : quote.end] == quote.text
        assert text[quote.speaker.start : quote.speaker.end] == quote.speaker.text


def test_user_registry_is_merged(tmp_path, nlp):
    path = tmp_path / "registry.json"
    path.write_text(
        json.dumps(
            {
                "entities": [
                    {
                        "id": "acme",
                        "name": "Acme Corp",
                        "kind": "organisation",
                        "aliases": ["Acme"],
                        "nouns": ["company"],
                    }
                ]
            }
        ),
        encoding="utf8",
    )
    registry = Registry.load(path)
    found = quotes.extract("Acme said profits fell. Reuters said shares rose.", nlp=nlp, registry=registry)
    assert [q.speaker.id for q in found] == ["acme", "reuters"]
    alone = Registry.load(path, only=True)
    assert alone.lookup("Reuters") is None and alone.lookup("ACME").id == "acme"
    assert Registry.load(None) is Registry.default()


def test_unknown_speaker_gets_the_same_id_in_every_document(nlp):
    first = quotes.extract("Tahseen Alkhafaji said the attack was a clear aggression.", doc_id="a", nlp=nlp)
    second = quotes.extract("Later, Tahseen Alkhafaji said that talks were over for now.", doc_id="b", nlp=nlp)
    assert first[0].speaker.id == second[0].speaker.id == "unknown:" + id_key("Tahseen Alkhafaji")


@pytest.mark.parametrize(
    ("first_name", "second_name"),
    [
        ("Mohammed al-Zorbani", "Muhammad al-Zourbani"),  # vowels, doubled letters, `ou`
        ("Khaled Qadourah", "Khaled Kaddoura"),  # `q` / `k`, final `h`
        ("Yevgeny Prokhorenko", "Evgeni Prokorenko"),
    ],
)
def test_unknown_speaker_spelled_otherwise_gets_the_same_id(nlp, first_name, second_name):
    """Not in the registry, spelled two ways in two articles: one `unknown:` id, from the name key."""
    first = quotes.extract(f"{first_name} said the attack was a clear aggression.", doc_id="a", nlp=nlp)
    second = quotes.extract(f"Later, {second_name} said that talks were over.", doc_id="b", nlp=nlp)
    assert (first[0].speaker.canonical, second[0].speaker.canonical) == (first_name, second_name)
    assert first[0].speaker.id == second[0].speaker.id
    assert first[0].speaker.id.startswith("unknown:")


def test_surname_resolves_to_the_full_name_used_earlier(nlp):
    text = (
        "Pentagon press secretary Pat Ryder said the strike was lawful.\n"
        "Ryder added that more strikes were possible in the coming days."
    )
    first, second = quotes.extract(text, nlp=nlp)
    assert first.speaker.canonical == second.speaker.canonical == "Pat Ryder"
    assert (first.speaker.kind, first.speaker.affiliation) == ("person", "US Department of Defense")
    assert second.speaker.resolved_by == "in_document_alias"


def test_name_runs_read_from_arrays_are_those_read_from_tokens(nlp, seed_texts):
    """`_named_mentions` reads a document's name words from arrays; other callers from tokens."""
    names = set()
    for text in seed_texts.values():
        doc = nlp(text)
        words = name_words(doc, text)
        runs = [run for sentence in doc.sents for run in proper_noun_runs(sentence, words)]
        assert runs == [run for sentence in doc.sents for run in proper_noun_runs(sentence)]
        names |= {run.text for run in runs}
    assert {"Kata’ib Hezbollah", "Abu Baqir", "Baghdad"} <= names
