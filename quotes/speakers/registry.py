"""The speaker registry: known entities, their aliases, and how a name is matched to one.

Names are compared after normalising case, apostrophes, dashes, diacritics and a leading
`the`, then by Jaro–Winkler similarity for spelling variants. The registry is data
(``quotes/data/registry.json``, schema ``registry.schema.json``); a user file is merged
over it, or replaces it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import jellyfish

from quotes.errors import QuotesError
from quotes.resources import read_json, schema_error

#: Jaro–Winkler similarity above which a name is taken as a spelling variant of an
#: alias (`Kaitab Hezbollah` ~ `Kataib Hezbollah`); chosen on tests/speakers/data/name_pairs.json.
FUZZY_THRESHOLD = 0.93
#: Names whose lengths differ more than this cannot reach the threshold (Jaro–Winkler ≤
#: 0.4 + 0.6 · Jaro, and Jaro ≤ (2 + shorter/longer) / 3), so they are not compared at all.
MIN_LENGTH_RATIO = 0.64
#: Fuzzy look-ups remembered (a name recurs across an archive); least recently used go first.
FUZZY_MEMO_SIZE = 100_000


@lru_cache(maxsize=65_536)
def normalise_name(text: str) -> str:
    """Case, apostrophe and dash style, diacritics, spacing and a leading `the` do not matter.

    Pure and called for every name of every document: memoised, with a bound."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    folded = re.sub(r"[’'‘ʼ`´]", "", folded.casefold())
    folded = re.sub(r"[\W_]+", " ", folded).strip()
    return re.sub(r"^the ", "", folded)


class RegistryError(QuotesError, ValueError):
    """A speaker registry file that cannot be read or does not follow its schema."""


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    affiliation: str | None = None
    wikidata: str | None = None


@dataclass(frozen=True)
class Registry:
    """Known entities, indexed by normalised alias."""

    entities: Mapping[str, Entity]
    index: Mapping[str, str] = field(default_factory=dict)
    #: The normalised aliases, shortest first: with a name, the key of the fuzzy memo.
    aliases: tuple[str, ...] = field(init=False, compare=False, repr=False)
    #: The first word of every normalised alias: a name that starts otherwise is none of them.
    first_words: frozenset[str] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "aliases", tuple(sorted(self.index, key=lambda alias: (len(alias), alias))))
        object.__setattr__(self, "first_words", frozenset(alias.split()[0] for alias in self.index if alias))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Registry:
        """Build from registry JSON; raises :class:`RegistryError` naming what is wrong."""
        _validate(data, "speaker registry")
        entities = {}
        for item in data["entities"]:
            fields = {k: v for k, v in item.items() if k in Entity.__dataclass_fields__}
            fields["aliases"] = (*item.get("aliases", ()), item["name"])
            fields["nouns"] = tuple(item.get("nouns", ()))
            entities[item["id"]] = Entity(**fields)
        index = {normalise_name(alias): e.id for e in entities.values() for alias in e.aliases}
        return cls(entities, index)

    @classmethod
    def default(cls) -> Registry:
        return default_registry()

    @classmethod
    def load(cls, path: str | Path | None = None, *, only: bool = False) -> Registry:
        """The shipped registry; with `path`, that file merged over it, or (`only`) instead of it."""
        if not path:
            return cls.default()
        return cls.from_dict(merge_registry_data(read_json("registry.json"), read_registry_file(path), only=only))

    def may_start(self, word: str) -> bool:
        """Whether an alias may begin with ``word`` (`the` is no word of an alias)."""
        key = normalise_name(word)
        return not key or key.split()[0] in self.first_words

    def lookup(self, name: str) -> Entity | None:
        entity_id = self.index.get(normalise_name(name))
        return self.entities[entity_id] if entity_id else None

    def fuzzy(self, name: str) -> Entity | None:
        key = normalise_name(name)
        if len(key) < 6:
            return None  # short names and acronyms are too easy to confuse
        alias = closest_alias(key, self.aliases)
        return self.entities[self.index[alias]] if alias else None


@lru_cache(maxsize=FUZZY_MEMO_SIZE)
def closest_alias(key: str, aliases: tuple[str, ...]) -> str | None:
    """The alias most like `key` by Jaro–Winkler, if it reaches :data:`FUZZY_THRESHOLD`; only
    aliases of a length that can reach it are compared (``aliases`` are shortest first).

    Pure, so memoised with a bound: the registry itself never changes."""
    first = bisect_left(aliases, len(key) * MIN_LENGTH_RATIO, key=len)
    last = bisect_right(aliases, len(key) / MIN_LENGTH_RATIO, key=len)
    score, best = max(
        ((jellyfish.jaro_winkler_similarity(key, alias), alias) for alias in aliases[first:last]), default=(0.0, "")
    )
    return best if score >= FUZZY_THRESHOLD else None


@cache
def default_registry() -> Registry:
    """The shipped registry, built once (read-only)."""
    return Registry.from_dict(read_json("registry.json"))


def _validate(data: Any, name: str) -> None:
    error = schema_error(data, "registry.schema.json")
    if error is not None:
        raise RegistryError(f"invalid {name} {error}")


def read_registry_file(path: str | Path) -> dict[str, Any]:
    """A registry file's data, validated; :class:`RegistryError` names the file and what is wrong."""
    try:
        data: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf8"))
    except (OSError, ValueError) as error:
        raise RegistryError(f"cannot read speaker registry {path}: {error}") from error
    _validate(data, f"speaker registry {path}")
    return data


def merge_registry_data(shipped: dict[str, Any], own: dict[str, Any] | None, *, only: bool) -> dict[str, Any]:
    """Registry data: ``shipped`` without ``own``; ``own`` alone with ``only``; else both, an
    own entity replacing the shipped one with its id. ``own`` is validated on its own first,
    so that an error points into it."""
    if own is None:
        return shipped
    _validate(own, "speaker registry")
    if only:
        return own
    ids = {entity["id"] for entity in own["entities"]}
    return {"entities": [*(e for e in shipped["entities"] if e["id"] not in ids), *own["entities"]]}
