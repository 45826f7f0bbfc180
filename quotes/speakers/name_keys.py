"""Name keys: one key for the ways news romanises one name, and when two names are one entity.

`Kata'ib`, `Kataib`, `Kataeb` and `Ketaib Hezbollah`; `Mohammed`, `Muhammad` and `Mohamed bin
Salman`; `Medvedev` and `Medwedew`; `al-Sudani` and `al-Soudani` are spelled from the same
sounds with different conventions. A key drops what the conventions vary (case, diacritics,
apostrophe and ayin/hamza marks, hyphens, the `al-` article, doubled letters, `o` and `u` against
`a`) and rewrites the letter groups they spell differently (``quotes/data/name_keys.json``); `i`
stays apart from `a` (`Abu Ali` is not `Abu Alaa`), and `e`, which stands for either, stays `e`.

:func:`same_entity` adds the rest: `e` read both ways, people matched on their surname and a
compatible given name or initial, a long word that differs a little (Jaro–Winkler on keys), but
never by a gendered ending (`Lavrov`, `Lavrova`) or a syllable in front (`Qiang`, `Keqiang`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

import jellyfish

from quotes.errors import QuotesError
from quotes.resources import read_json, schema_error

#: Word keys at least this similar (Jaro–Winkler) spell one word, when both are long enough.
WORD_SIMILARITY = 0.92
#: Shorter word keys must be equal: `ali` and `ala` are two names.
MIN_FUZZY_LENGTH = 5
#: Given names must be longer still: relatives' names differ in a letter or two.
MIN_FUZZY_GIVEN_LENGTH = 7

_MARKS = re.compile(r"[’'‘ʼʻʿʾ`´]")
#: A possessive ending is no part of the name (`Iraq's`, `Irak's`).
_POSSESSIVE = re.compile(r"(?<=\w)[’'‘ʼ`´]s\b")
_VOWELS = frozenset("aeiou")
_DOUBLED = re.compile(r"(.)\1+")
#: `i` and a `y` after a letter are one vowel; `a`, `o` and `u` another (`e` is either).
_VOWEL_CLASS = {"y": "i", "o": "a", "u": "a"}


class NameKeyRulesError(QuotesError, ValueError):
    """A name-key rules file that does not follow its schema."""


@dataclass(frozen=True, eq=False)
class NameKeyRules:
    """The transliteration knowledge keys are built with (data, not code)."""

    compounds: Mapping[str, str]
    hyphenated_particles: frozenset[str]
    particles: frozenset[str]
    #: One word in two forms (`ibn`: `bin`; `dmytro`: `dmitry`), as written.
    equivalent_words: Mapping[str, str]
    spellings: Mapping[str, str]
    letters: Mapping[str, str]
    endings: Mapping[str, str]
    _compound: re.Pattern[str] = field(init=False, repr=False)
    _spelling: re.Pattern[str] = field(init=False, repr=False)
    _particle: re.Pattern[str] = field(init=False, repr=False)
    _letters: dict[int, str] = field(init=False, repr=False)
    _ending: re.Pattern[str] = field(init=False, repr=False)
    _equivalents: dict[str, str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        particles = "|".join(sorted(self.hyphenated_particles, key=len, reverse=True))
        object.__setattr__(self, "_compound", _alternation(self.compounds, whole_words=True))
        object.__setattr__(self, "_spelling", _alternation(self.spellings, whole_words=False))
        object.__setattr__(self, "_particle", re.compile(rf"\b(?:{particles})-(?=\w)"))
        object.__setattr__(self, "_letters", str.maketrans(dict(self.letters)))
        endings = "|".join(map(re.escape, sorted(self.endings, key=len, reverse=True)))
        object.__setattr__(self, "_ending", re.compile(rf"(?:{endings})$"))
        equivalents = {_spelled(word, self): _spelled(other, self) for word, other in self.equivalent_words.items()}
        object.__setattr__(self, "_equivalents", equivalents)  # respelled: `Dmitro` is `Dmytro`

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> NameKeyRules:
        problem = schema_error(data, "name_keys.schema.json")
        if problem:
            raise NameKeyRulesError(f"name-key rules: {problem}")
        return cls(
            dict(data["compounds"]),
            frozenset(data["hyphenated_particles"]),
            frozenset(data["particles"]),
            dict(data["equivalent_words"]),
            dict(data["spellings"]),
            dict(data["letters"]),
            dict(data["endings"]),
        )


@cache
def default_rules() -> NameKeyRules:
    return NameKeyRules.from_dict(read_json("name_keys.json"))


def _alternation(table: Mapping[str, str], *, whole_words: bool) -> re.Pattern[str]:
    """One pattern for all keys of ``table``, longest first (so `kh` wins over `k`)."""
    keys = sorted(table, key=len, reverse=True)
    if not whole_words:
        return re.compile("|".join(re.escape(key) for key in keys))
    body = "|".join(r"[\s-]+".join(map(re.escape, key.split())) for key in keys)  # `abd al`: `Abd al-`
    return re.compile(rf"\b(?:{body})")  # at a word's start: `Abdelaziz` is `Abdel Aziz`


def folded(name: str, rules: NameKeyRules | None = None) -> str:
    """Lower case, no diacritics, no possessive ending, no apostrophe or ayin/hamza marks."""
    casefolded = unicodedata.normalize("NFKD", name).casefold()  # `𝐀` is `A` before it is `a`
    text = "".join(c for c in unicodedata.normalize("NFKD", casefolded) if not unicodedata.combining(c))
    return _MARKS.sub("", _POSSESSIVE.sub("", text)).translate((rules or default_rules())._letters)


def key_words(name: str, rules: NameKeyRules | None = None) -> tuple[str, ...]:
    """The keys of a name's words, in order (`Abd al-Mahdi` → `abdal mahdi`). An `e` stays
    `e`: it stands for `a` as often as for `i` (`Mohammed`, `Muhammad`; `Khaled`, `Khalid`), so
    those variants have two keys, and :func:`same_entity` matches them."""
    return _spelled_words(name, rules or default_rules())


def blocking_words(name: str, rules: NameKeyRules | None = None) -> frozenset[str]:
    """The keys of a name's words with `e` read both ways: a name can only be another's
    spelling when they share one (so a registry compares a name with a few aliases)."""
    return _blocking_words(name, rules or default_rules())


@lru_cache(maxsize=100_000)
def _blocking_words(name: str, rules: NameKeyRules) -> frozenset[str]:
    return frozenset(_with_e_as(word, vowel) for word in _spelled_words(name, rules) for vowel in "ia")


def name_key(name: str, rules: NameKeyRules | None = None) -> str:
    """The key of a whole name: equal keys are taken for one name, in any document."""
    return " ".join(key_words(name, rules))


def id_key(name: str, rules: NameKeyRules | None = None) -> str:
    """The key an entity the registry does not know is identified by (``unknown:<key>``): the
    name key with `e` read as `a`, so that `Mohammed`, `Muhammad` and `Mohamed` share it. One
    spelling per undecided `e` is a choice (`Khaled` and `Khalid` still differ): what the key
    does not join, :func:`same_entity` does, when a corpus's speakers are consolidated."""
    return _id_key(name, rules or default_rules())


@lru_cache(maxsize=100_000)
def _id_key(name: str, rules: NameKeyRules) -> str:
    return "-".join(_with_e_as(word, "a") for word in _spelled_words(name, rules))


@lru_cache(maxsize=100_000)
def _spelled_words(name: str, rules: NameKeyRules) -> tuple[str, ...]:
    """The name's words respelled, with `e` still undecided (see :func:`_with_e_as`)."""
    text = rules._compound.sub(
        lambda m: rules.compounds[" ".join(re.split(r"[\s-]+", m.group(0)))], folded(name, rules)
    )
    text = re.sub(r"[\W_]+", " ", rules._particle.sub("", text)).strip()
    words = text.split()
    if len(words) > 1:
        words = [word for word in words if word not in rules.particles] or words
    spelled = (_spelled(word, rules) for word in words)
    return tuple(rules._equivalents.get(word, word) for word in spelled)


def _spelled(word: str, rules: NameKeyRules) -> str:
    """`muhammad`, `mohammed` → `mahamed`; `medwedew` → `medvedev`; `zelenskyy` → `zelenski`."""
    spelled = _DOUBLED.sub(r"\1", rules._spelling.sub(lambda m: rules.spellings[m.group(0)], word))
    spelled = rules._ending.sub(lambda m: rules.endings[m.group(0)], spelled) if len(spelled) > 3 else spelled
    if word.startswith("ye"):  # written so: `Jeb` and `Jens` keep their first sound
        spelled = spelled[1:]  # `Yevgeny`, `Evgeny`
    elif len(spelled) > 1 and spelled[0] == "y" and spelled[1] in _VOWELS:
        spelled = "i" + spelled[1:]  # `Yuri`, `Iouri`
    return _DOUBLED.sub(
        r"\1", "".join(_VOWEL_CLASS.get(c, c) if c != "y" or i > 0 else c for i, c in enumerate(spelled))
    )


@cache
def _keyed_particles(rules: NameKeyRules) -> frozenset[str]:
    """The articles as they look inside a respelled word (`el` of `elbaradai`)."""
    return frozenset(_spelled(particle, rules) for particle in rules.particles | rules.hyphenated_particles)


@lru_cache(maxsize=100_000)
def _with_e_as(spelled: str, vowel: str) -> str:
    return _DOUBLED.sub(r"\1", spelled.replace("e", vowel))


def _alike(first: str, second: str) -> bool:
    """One spelling once `e` is read as `i`, or as `a`, in both (`Khaled`, `Khalid`; `Ahmed`, `Ahmad`)."""
    return any(_with_e_as(first, vowel) == _with_e_as(second, vowel) for vowel in "ia")


def _same_word(first: str, second: str) -> bool:
    """Two respelled words for one word: alike, or one with the article joined in front
    (`ElBaradei`), or long, close and not one gendered form of the other."""
    if _alike(first, second):
        return True
    longer, shorter = sorted((first, second), key=len, reverse=True)
    if longer.endswith(shorter):  # `ElBaradei`, `Baradei`; but `Keqiang` is not `Qiang`
        return longer[: -len(shorter)] in _keyed_particles(default_rules())
    first, second = _with_e_as(first, "i"), _with_e_as(second, "i")
    if min(len(first), len(second)) < MIN_FUZZY_LENGTH or _gendered_forms(first, second):
        return False
    return jellyfish.jaro_winkler_similarity(first, second) >= WORD_SIMILARITY


def _gendered_forms(first: str, second: str) -> bool:
    """`lavrav`/`lavrava`, `navalni`/`navalnaia`, `karim`/`karima`: one stem, and one of
    them ends in `a` (the feminine ending of Slavic and Arabic names)."""
    return first.rstrip("ai") == second.rstrip("ai") and first.endswith("a") != second.endswith("a")


def _compatible_given_names(first: str, second: str) -> bool:
    """One given (or middle) name, or an initial for it (`D.` for `Dmitry`). A short one must
    be spelled alike: relatives' names are close (`Salman`, `Sultan`; `Masoud`, `Masrour`)."""
    if len(first) == 1 or len(second) == 1:
        return first[:1] == second[:1]
    if min(len(first), len(second)) < MIN_FUZZY_GIVEN_LENGTH:
        return _alike(first, second)
    return _same_word(first, second)  # `Alexander`, `Aleksandr`


@lru_cache(maxsize=200_000)
def same_entity(first: str, second: str, *, person: bool) -> bool:
    """Whether two full names name one entity (pure, so memoised with a bound: a registry asks
    it of the same names and aliases document after document). People: the same surname (last word), a
    compatible given name or initial, and middle names that agree (one side may add
    initials); a person's name of one word is never enough (across documents, a surname is
    shared). Organisations: word for word."""
    a, b = _spelled_words(first, default_rules()), _spelled_words(second, default_rules())
    if not a or not b:
        return False
    if _alike("".join(a), "".join(b)):
        return True  # `Xi Jinping`, `Xi Jin-ping`
    if not person:
        return len(a) == len(b) and all(_same_word(x, y) for x, y in zip(a, b, strict=True))
    if len(a) < 2 or len(b) < 2 or not _same_word(a[-1], b[-1]) or not _compatible_given_names(a[0], b[0]):
        return False
    middle_a, middle_b = a[1:-1], b[1:-1]
    if len(middle_a) != len(middle_b):
        longer = middle_a if len(middle_a) > len(middle_b) else middle_b
        return not (middle_a and middle_b) and all(len(word) == 1 for word in longer)
    return all(_compatible_given_names(x, y) for x, y in zip(middle_a, middle_b, strict=True))
