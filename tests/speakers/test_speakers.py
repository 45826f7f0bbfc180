"""Speaker resolution: normalisation, registry, fuzzy variants, document aliases, coreference."""

from __future__ import annotations

import json
from pathlib import Path

import jellyfish
import pytest
from hypothesis import given
from hypothesis import strategies as st

import quotes
from quotes.speakers.names import name_words, proper_noun_runs
from quotes.speakers.registry import FUZZY_THRESHOLD, Registry, closest_alias, normalise_name

REGISTRY = Registry.default()
ALIASES = sorted({alias for e in REGISTRY.entities.values() for alias in e.aliases})
PAIRS = json.loads((Path(__file__).parent / "data" / "name_pairs.json").read_text(encoding="utf8"))


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
    assert REGISTRY.lookup(variant(alias, choices)) == REGISTRY.lookup(alias)


@given(st.sampled_from(ALIASES + [a for pair in PAIRS["variants"] + PAIRS["different"] for a in pair]))
def test_fuzzy_look_up_compares_every_alias_that_could_match(name):
    key = normalise_name(name)
    scores = [(jellyfish.jaro_winkler_similarity(key, alias), alias) for alias in REGISTRY.aliases]
    score, best = max(scores)
    assert closest_alias(key, REGISTRY.aliases) == (best if score >= FUZZY_THRESHOLD else None)


def test_fuzzy_threshold_on_labelled_pairs():
    def same(a: str, b: str) -> bool:
        return jellyfish.jaro_winkler_similarity(normalise_name(a), normalise_name(b)) >= FUZZY_THRESHOLD

    true_positive = sum(same(a, b) for a, b in PAIRS["variants"])
    false_positive = sum(same(a, b) for a, b in PAIRS["different"])
    precision = true_positive / max(1, true_positive + false_positive)
    recall = true_positive / len(PAIRS["variants"])
    print(f"fuzzy matching at {FUZZY_THRESHOLD}: precision {precision:.2f}, recall {recall:.2f}")
    assert precision >= 0.9 and recall >= 0.6


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
        ("A spokesman for the group, Tahseen Alkhafaji", "unknown:tahseen-alkhafaji", "mention"),
        ("he", "unknown:tahseen-alkhafaji", "coreference"),
        ("US officials", "unknown:us-officials", "mention"),
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
    assert first[0].speaker.id == second[0].speaker.id == "unknown:tahseen-alkhafaji"


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
