"""The speaker registry: known entities, their aliases, and how a name is matched to one.

Names are compared after normalising case, apostrophes, dashes, diacritics and a leading
`the`, then as spellings of one name (:mod:`quotes.speakers.name_keys`). The registry is data
(``quotes/data/registry.json``, the seeds' cast, and ``registry_general.json``, reusable news
sources; schema ``registry.schema.json``); a user file is merged over it, or replaces it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from quotes.errors import QuotesError
from quotes.resources import read_json, schema_error
from quotes.speakers.name_keys import blocking_words, folded, same_entity

#: A word key that this many aliases share (`government`, `ministry`) does not pick candidates
#: for a fuzzy look-up, unless the name has no other.
COMMON_WORD_ALIASES = 20


@lru_cache(maxsize=65_536)
def normalise_name(text: str) -> str:
    """Case, apostrophe and dash style, diacritics, a possessive ending, spacing and a leading
    `the` do not matter (:func:`~quotes.speakers.name_keys.folded`, then words).

    Pure and called for every name of every document: memoised, with a bound."""
    return re.sub(r"^the ", "", re.sub(r"[\W_]+", " ", folded(text)).strip())


class RegistryError(QuotesError, ValueError):
    """A speaker registry file that cannot be read or does not follow its schema."""


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    #: The name translated (`Hezbollah Brigades`): matched as written, never as a respelling.
    translations: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    #: Offices held, for readers of the registry; not matched, as offices change hands.
    titles: tuple[str, ...] = ()
    affiliation: str | None = None
    wikidata: str | None = None


@dataclass(frozen=True)
class Registry:
    """Known entities, indexed by normalised alias."""

    entities: Mapping[str, Entity]
    index: Mapping[str, str] = field(default_factory=dict)
    #: Every word key of every alias (`e` read both ways) → the aliases holding it, with their
    #: entity: the few aliases a name in another spelling is compared with.
    by_word: Mapping[str, tuple[tuple[str, str], ...]] = field(init=False, compare=False, repr=False)
    #: Normalised aliases written only in capitals, one word (`WHO`, `KH`): `who` is not one of them.
    acronyms: frozenset[str] = field(init=False, compare=False, repr=False)
    #: The first word of every normalised alias: a name that starts otherwise is none of them.
    first_words: frozenset[str] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        by_word: dict[str, set[tuple[str, str]]] = {}
        capitals, in_letters = set(), set()  # `WHO`; `Interpol` besides `INTERPOL`
        for entity in self.entities.values():
            for alias in entity.aliases:
                for word in blocking_words(alias):
                    by_word.setdefault(word, set()).add((alias, entity.id))
                if not alias.isupper():
                    in_letters.add(normalise_name(alias))
                elif " " not in alias.strip():
                    capitals.add(normalise_name(alias))
        object.__setattr__(self, "by_word", {word: tuple(sorted(found)) for word, found in by_word.items()})
        object.__setattr__(self, "acronyms", frozenset(capitals - in_letters))
        object.__setattr__(self, "first_words", frozenset(alias.split()[0] for alias in self.index if alias))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Registry:
        """Build from registry JSON; raises :class:`RegistryError` naming what is wrong."""
        _validate(data, "speaker registry")
        entities = {}
        for item in data["entities"]:
            fields = {k: v for k, v in item.items() if k in Entity.__dataclass_fields__}
            fields["aliases"] = (*item.get("aliases", ()), item["name"])
            for name in ("translations", "nouns", "titles"):
                fields[name] = tuple(item.get(name, ()))
            entities[item["id"]] = Entity(**fields)
        index = {normalise_name(name): e.id for e in entities.values() for name in (*e.aliases, *e.translations)}
        return cls(entities, index)

    @classmethod
    def default(cls) -> Registry:
        return default_registry()

    @classmethod
    def load(cls, path: str | Path | None = None, *, only: bool = False) -> Registry:
        """The shipped registry; with `path`, that file merged over it, or (`only`) instead of it."""
        if not path:
            return cls.default()
        return cls.from_dict(merge_registry_data(shipped_registry_data(), read_registry_file(path), only=only))

    def may_start(self, word: str) -> bool:
        """Whether an alias may begin with ``word`` (`the` is no word of an alias)."""
        key = normalise_name(word)
        return not key or key.split()[0] in self.first_words

    def lookup(self, name: str) -> Entity | None:
        """The entity with this alias; an acronym alias (`WHO`) only when written in capitals too."""
        key = normalise_name(name)
        entity_id = self.index.get(key)
        if not entity_id or (key in self.acronyms and not name.strip().isupper()):
            return None
        return self.entities[entity_id]

    def fuzzy(self, name: str) -> Entity | None:
        """The entity one of whose aliases is ``name`` in another spelling (`Moammar Gadhafi`,
        `Kaitab Hezbollah`, `Medwedew`): :func:`~quotes.speakers.name_keys.same_entity` on the
        aliases that share a word with it."""
        if len(normalise_name(name)) < 6:
            return None  # short names and acronyms are too easy to confuse
        words = blocking_words(name)
        rare = [word for word in words if len(self.by_word.get(word, ())) <= COMMON_WORD_ALIASES] or words
        candidates = sorted({pair for word in rare for pair in self.by_word.get(word, ())})
        return next(
            (
                self.entities[entity_id]
                for alias, entity_id in candidates
                if same_entity(name, alias, person=self._person_name(alias, entity_id))
            ),
            None,
        )

    def _person_name(self, alias: str, entity_id: str) -> bool:
        """Whether ``alias`` is matched as a person's full name. A one-word alias of a person
        (`Medvedev`) is matched word for word: a surname alone never names one person across
        documents, unless the registry makes it unique by listing it."""
        return self.entities[entity_id].kind == "person" and len(alias.split()) > 1


@cache
def default_registry() -> Registry:
    """The shipped registry, built once (read-only)."""
    return Registry.from_dict(shipped_registry_data())


def shipped_registry_data() -> dict[str, Any]:
    """The seeds' cast (``registry.json``) and reusable news sources (``registry_general.json``:
    agencies and outlets, heads of state and government, government bodies, militaries,
    international organisations, armed groups), as one registry's data (a new object)."""
    seeds, general = read_json("registry.json"), read_json("registry_general.json")
    return {"entities": [*seeds["entities"], *general["entities"]]}


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
