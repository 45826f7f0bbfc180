"""One entity of an article (a cluster of its mentions) and one mention of it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span

from quotes.records import SpeakerKind
from quotes.speakers.anatomy import MentionParts
from quotes.speakers.name_keys import id_key
from quotes.speakers.registry import Entity, normalise_name
from quotes.speakers.words import SpeakerWords


@dataclass(frozen=True)
class Occurrence:
    """One mention of a cluster: offsets, sentence, and whether it is a subject or a speaker."""

    start: int
    end: int
    text: str
    cluster: int
    sentence: int
    subject: bool = False
    speaker: bool = False


@dataclass
class Cluster:
    """One entity of the article, mutable while the article is read."""

    index: int
    kind: SpeakerKind
    entity: Entity | None = None
    names: list[str] = field(default_factory=list)
    #: Names the entity recogniser took for a person's (not `Hermoso Kiss`, a headline's noun phrase).
    person_names: set[str] = field(default_factory=set)
    nouns: set[str] = field(default_factory=set)
    gender: str | None = None
    affiliation: int | None = None
    #: Whether the kind rests on more than the recogniser's label (a registry entry, a role,
    #: an honorific, a word of the name): a pronoun may overrule a bare label.
    certain: bool = False

    @property
    def canonical(self) -> str | None:
        """The registry's name, else the fullest name the article gives (the first of equals)."""
        if self.entity is not None:
            return self.entity.name
        names = [n for n in self.names if n in self.person_names] if self.person and self.person_names else self.names
        if not names:
            return None
        return max(names, key=lambda name: (len(name.split()), not name.isupper(), -self.names.index(name)))

    @property
    def id(self) -> str | None:
        """The registry's id; else ``unknown:`` and the name key, so that an archive's spellings
        of one name share it (an anonymous source's description is no name: its words)."""
        if self.entity is not None:
            return self.entity.id
        canonical = self.canonical
        if canonical is None:
            return None
        key = id_key(canonical) if self.kind != "anonymous source" else ""
        return "unknown:" + (key or re.sub(r"\s+", "-", normalise_name(canonical)))

    @property
    def person(self) -> bool:
        return self.kind == "person"

    @property
    def weak(self) -> bool:
        """One bare word whose kind only the recogniser gave (`Paris`, which may be a person)."""
        return not self.certain and self.entity is None and all(" " not in name for name in self.names)


def ner_kind(words: SpeakerWords, span: Span) -> SpeakerKind | None:
    """The kind the recogniser's label gives a name (its last labelled word: a name's head)."""
    labels = [t.ent_type_ for t in span if t.ent_type_]
    return words.ner_kinds.get(labels[-1]) if labels else None


def kind_of(words: SpeakerWords, parts: MentionParts) -> tuple[SpeakerKind, bool]:
    """The kind of a named mention, and whether it is certain: a role or honorific makes a
    person, a word of the name (`Ministry`, `Gazette`) an organisation of that kind; the
    recogniser's label alone is not certain."""
    if parts.honorific is not None or (parts.title is not None and parts.title[-1].lower_ in words.title_words):
        return "person", True
    assert parts.name is not None
    for token in parts.name:
        if token.lower_ in words.name_word_kinds:
            return words.name_word_kinds[token.lower_], True
    return ner_kind(words, parts.name) or "unknown", False


def is_name_part(short: list[str], long: list[str]) -> bool:
    """`berg` or `anna` of `anna berg`; `jong un` is not enough, `kim` is."""
    if not short or len(short) >= len(long):
        return False
    return long[: len(short)] == short or long[-len(short) :] == short
