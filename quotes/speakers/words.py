"""The word lists speaker resolution reads (``quotes/data/speaker_words.json``), validated once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from quotes.errors import QuotesError
from quotes.records import SpeakerKind
from quotes.resources import read_json, schema_error


@dataclass(frozen=True)
class SpeakerWords:
    person_pronouns: frozenset[str]
    masculine_pronouns: frozenset[str]
    feminine_pronouns: frozenset[str]
    interview_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    voice_pronouns: frozenset[str]
    masculine_honorifics: frozenset[str]
    feminine_honorifics: frozenset[str]
    neutral_honorifics: frozenset[str]
    name_particles: frozenset[str]
    title_words: frozenset[str]
    title_modifiers: frozenset[str]
    personal_roles: frozenset[str]
    person_nouns: frozenset[str]
    anonymous_nouns: frozenset[str]
    spokesperson_words: frozenset[str]
    statement_nouns: frozenset[str]
    organisation_nouns: frozenset[str]
    media_nouns: frozenset[str]
    media_products: frozenset[str]
    name_word_kinds: Mapping[str, SpeakerKind]
    ner_kinds: Mapping[str, SpeakerKind]

    @property
    def pronouns(self) -> frozenset[str]:
        return self.person_pronouns | self.interview_pronouns | self.group_pronouns

    @property
    def honorifics(self) -> frozenset[str]:
        return self.masculine_honorifics | self.feminine_honorifics | self.neutral_honorifics


@cache
def speaker_words() -> SpeakerWords:
    """The shipped lists; an invalid file is a packaging error, raised on first use."""
    data = read_json("speaker_words.json")
    error = schema_error(data, "speaker_words.schema.json")
    if error is not None:
        raise QuotesError(f"invalid shipped speaker_words.json {error}")
    lists = {key: frozenset(value) for key, value in data.items() if isinstance(value, list)}
    abbreviations = lists.pop("title_abbreviations", frozenset())
    lists["title_words"] |= abbreviations | {f"{word}." for word in abbreviations}  # `Sen.`, `Lt`
    return SpeakerWords(
        **lists,
        name_word_kinds=MappingProxyType(dict(data["name_word_kinds"])),
        ner_kinds=MappingProxyType(dict(data["ner_kinds"])),
    )
