"""Name keys: romanisation variants share a key, different people never match."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotes.evaluation.names import read_pairs, score_pairs
from quotes.resources import read_json
from quotes.speakers.name_keys import NameKeyRules, NameKeyRulesError, default_rules, name_key, same_entity
from quotes.speakers.registry import Registry, normalise_name

PAIRS = read_pairs(Path(__file__).parents[2] / "data" / "name_pairs.jsonl")
ALIASES = sorted({alias for entity in Registry.default().entities.values() for alias in entity.aliases})


def typographic_variant(name: str, choices: list[int]) -> str:
    """Apostrophe and dash style, case, spacing: what outlets vary without respelling."""
    apostrophe = ["'", "’", "ʼ", "ʿ", ""][choices[0] % 5]
    text = re.sub(r"['’](?!s\b)", apostrophe, name)  # a possessive keeps one: `Iraq's`, not `Iraqs`
    text = text.replace("-", ["-", " ", "‑"][choices[1] % 3]) if "-" in text else text
    text = [text.upper(), text.lower(), text.title(), text][choices[2] % 4]
    return text.replace(" ", "  ") if choices[3] % 2 else text


@given(st.sampled_from(ALIASES), st.lists(st.integers(0, 14), min_size=4, max_size=4))
def test_typographic_variants_of_every_registry_alias_share_a_key(alias, choices):
    assert name_key(typographic_variant(alias, choices)) == name_key(alias)


_VOWELS = frozenset("aeiou")


def respellings(alias: str) -> list[str]:
    """The alias with one letter group spelled as another convention spells it (`kh` as `k`,
    `q` or `gh`; `ou` as `u`), a consonant between vowels doubled, an accent added, `al-` as `el-`: variants
    an outlet may print."""
    rules = default_rules()
    spellings: dict[str, set[str]] = {}
    for written, spelled in rules.spellings.items():
        spellings.setdefault(spelled, {spelled}).add(written)
    found = []
    matched = set()
    for match in rules._spelling.finditer(alias.lower()):
        matched.update(range(match.start(), match.end()))
        for other in sorted(spellings[rules.spellings[match.group(0)]] - {match.group(0)}):
            found.append(_spliced(alias, match.start(), match.end(), other))
    for i, letter in enumerate(alias.lower()):
        consonant_y = letter == "y" and alias[i + 1 : i + 2] not in _VOWELS  # `Body` is no `Bodj`
        if i not in matched and letter in spellings and not consonant_y:  # `Sudani`, `Soudani`
            found.extend(_spliced(alias, i, i + 1, other) for other in sorted(spellings[letter] - {letter}))
    for i, letter in enumerate(alias):
        between_vowels = alias[i - 1 : i] in _VOWELS and alias[i + 1 : i + 2] in _VOWELS
        if letter in "bdflmnrst" and i > 0 and between_vowels:  # `Hasan`, `Hassan`
            found.append(alias[: i + 1] + letter + alias[i + 1 :])
        if letter in "ea":
            found.append(alias[:i] + {"e": "é", "a": "á"}[letter] + alias[i + 1 :])
    for article, other in (("al-", "el-"), ("Al-", "El-"), ("el-", "al-"), ("al-", "")):
        if article in alias:
            found.append(alias.replace(article, other, 1))
    return found


def _spliced(text: str, start: int, end: int, other: str) -> str:
    other = other.capitalize() if text[start].isupper() else other
    return text[:start] + other + text[end:]


#: What a registry look-up matches fuzzily: names of six letters or more, not acronyms.
RESPELLABLE = [
    (entity.id, alias, variant)
    for entity in Registry.default().entities.values()
    for alias in entity.aliases
    if not alias.isupper() and len(normalise_name(alias)) >= 6
    for variant in respellings(alias)
    if len(normalise_name(variant)) >= 6
]


def registry_id(name: str) -> str | None:
    registry = Registry.default()
    entity = registry.lookup(name) or registry.fuzzy(name)
    return entity.id if entity is not None else None


@given(st.sampled_from(RESPELLABLE))
def test_respelled_variants_of_every_registry_alias_get_its_id(respelling):
    entity_id, alias, variant = respelling
    assert registry_id(alias) == registry_id(variant) == entity_id, variant


def test_respelled_variants_of_every_registry_alias_get_its_id_exhaustively():
    """The property above over every variant of every alias: no alias shadows another's."""
    wrong = [(alias, variant) for entity_id, alias, variant in RESPELLABLE if registry_id(variant) != entity_id]
    assert len(RESPELLABLE) > 5000
    assert not wrong


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
        # a given name's Ukrainian or Belarusian form and its Russian one (`equivalent_words`), respelled too
        ("Serhiy Bondar", "Sergei Bondar", True),
        ("Mykola Azarchuk", "Nikolai Azarchuk", True),
        ("Uladzimir Makeyenko", "Vladimir Makeyenko", True),
        ("Hryhoriy Omelchenko", "Grigoriy Omelchenko", True),
        ("Oleksii Tkachuk", "Aleksey Tkachuk", True),
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
        ("Olena Tkachuk", "Olga Tkachuk", True),  # two given names, each with its Russian form
        ("Oleh Tkachuk", "Oleksii Tkachuk", True),
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
