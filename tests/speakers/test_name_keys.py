"""Name keys: romanisation variants share a key, different people never match."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotes.evaluation.names import read_pairs, score_pairs
from quotes.resources import read_json
from quotes.speakers.name_keys import NameKeyRules, NameKeyRulesError, default_rules, name_key, same_entity
from quotes.speakers.registry import Registry

PAIRS = read_pairs(Path(__file__).parents[2] / "data" / "name_pairs.jsonl")
ALIASES = sorted({alias for entity in Registry.default().entities.values() for alias in entity.aliases})


def typographic_variant(name: str, choices: list[int]) -> str:
    """Apostrophe and dash style, case, spacing: what outlets vary without respelling."""
    apostrophe = ["'", "’", "ʼ", "ʿ", ""][choices[0] % 5]
    text = name.replace("'", apostrophe).replace("’", apostrophe)
    text = text.replace("-", ["-", " ", "‑"][choices[1] % 3]) if "-" in text else text
    text = [text.upper(), text.lower(), text.title(), text][choices[2] % 4]
    return text.replace(" ", "  ") if choices[3] % 2 else text


@given(st.sampled_from(ALIASES), st.lists(st.integers(0, 14), min_size=4, max_size=4))
def test_typographic_variants_of_every_registry_alias_share_a_key(alias, choices):
    assert name_key(typographic_variant(alias, choices)) == name_key(alias)


@given(st.text(max_size=40))
def test_keys_of_any_text_are_lower_case_words(text):
    key = name_key(text)
    assert key == key.strip() and "  " not in key
    assert all(word.isalnum() or "_" not in word for word in key.split())


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Muhammad", "Mohammad"),  # `o` / `u`, doubled letters
        ("Mohamed", "Muhammed"),
        ("Kadhim", "Kadim"),  # dh / d
        ("Khalil", "Kalil"),  # kh / k
        ("Qasim", "Kasim"),  # q / k
        ("Al-Masri", "al Masri"),  # particle, hyphen or space
        ("El-Sayed", "Sayed"),
        ("Abd al-Rahman", "Abdul Rahman"),  # compounds
        ("Abdel Rahman", "Abdul Rahman"),
        ("Yekaterina", "Ekaterina"),  # initial ye / e
        ("Yulia", "Iulia"),  # initial y / i
        ("Tereshchenko", "Tereshtchenko"),
        ("Kovalskyi", "Kovalsky"),  # -skyi / -sky
        ("Rustavi", "Rustawi"),  # -avi / -awi
        ("Oussama", "Usama"),  # ou / u, doubled letters
        ("Philippos", "Filipos"),  # ph / f
        ("Aleksandr", "Alexandr"),  # ks / x
        ("Djamel", "Jamel"),  # dj / j
    ],
)
def test_romanisation_variants_share_a_key(first, second):
    assert name_key(first) == name_key(second)


@pytest.mark.parametrize(
    ("first", "second", "person"),
    [
        ("Yusuf Ali", "Yousef Aly", True),
        ("Mohammed Nasser", "Muhammad Nasir", True),  # `e` read as `a`, then as `i`
        ("Raed Saleh", "Raid Salih", True),
        ("Khaled Abdel Rahman", "Khalid Abdulrahman", True),
        ("Xi Jinping", "Xi Jin-ping", True),  # the same letters, spaced otherwise
        ("D. Kovalenko", "Dmytro Kovalenko", True),  # an initial for the given name
        ("Olena Kovalenko", "Olena M. Kovalenko", True),  # a middle initial on one side only
        ("Hizbullah Movement", "Hezbollah Movement", False),  # fuzzy, word for word
    ],
)
def test_same_entity(first, second, person):
    assert same_entity(first, second, person=person)


@pytest.mark.parametrize(
    ("first", "second", "person"),
    [
        ("Abu Ali", "Abu Alaa", True),  # short words must be equal
        ("Kim Jong Un", "Kim Jong Il", True),
        ("Sergei Kovalev", "Anna Kovaleva", True),  # another given name
        ("Kovalev", "Kovaleva", True),  # a surname alone never matches across documents
        ("Anna Kovalev", "Anna Kovaleva", True),  # a gendered ending
        ("Irina Petrovskaya", "Irina Petrovsky", True),
        ("Olena M. Kovalenko", "Olena V. Kovalenko", True),  # middle initials that disagree
        ("Hassan Nouri", "Hussein Nouri", True),  # different names, though one vowel class
        ("Brigades of Hezbollah", "Brigades of Hamas", False),
    ],
)
def test_different_entities(first, second, person):
    assert not same_entity(first, second, person=person)


def test_no_pair_of_different_entities_in_the_pair_set_ever_matches():
    different = [p for p in PAIRS if not p.same and not p.homonym]
    assert len(different) >= 200
    assert not [(p.first, p.second) for p in different if same_entity(p.first, p.second, person=p.person)]


def test_pair_set_size_and_targets():
    """≥ 500 labelled pairs; precision ≥ 0.99 and recall ≥ 0.90 (issue 17's targets)."""
    assert len(PAIRS) >= 500
    report = score_pairs(PAIRS)
    assert report.by_split["all"].precision >= 0.99
    assert report.by_split["all"].recall >= 0.90
    assert report.by_split["held-out"].precision >= 0.99


def test_pair_split_is_stable_and_symmetric():
    pair = PAIRS[0]
    swapped = type(pair)(pair.second, pair.first, pair.same, pair.person, pair.family, pair.why)
    assert pair.split == swapped.split
    assert {p.split for p in PAIRS} == {"tune", "held-out"}


def default_rules_data() -> dict:
    return dict(read_json("name_keys.json"))


def test_rules_file_is_validated():
    with pytest.raises(NameKeyRulesError, match="spellings"):
        NameKeyRules.from_dict(
            {
                "compounds": {},
                "hyphenated_particles": [],
                "particles": [],
                "equivalent_words": {},
                "spellings": [["Kh"]],
            }
        )
    assert default_rules().spellings["kh"] == "k"
