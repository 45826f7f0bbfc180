"""Speaker resolution: from the mention as written to a canonical entity.

Per document, in text order: a mention is looked up in the registry (after
normalising case, apostrophes, dashes and diacritics), then in the document's own
aliases (a parenthesised acronym, an earlier fuller name), then fuzzily; a
pronoun or a description (`he`, `the group`, `the post`) refers back to the most
recent compatible speaker; anything else becomes a canonical record of its own.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any

import numpy
from spacy.attrs import IDX, ORTH, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span

from quotes.errors import QuotesError
from quotes.records import Quote, ResolvedBy
from quotes.resources import read_json, schema_error
from quotes.speakers.registry import Entity, Registry, normalise_name


def _speaker_words() -> dict[str, Any]:
    data: dict[str, Any] = read_json("speaker_words.json")
    error = schema_error(data, "speaker_words.schema.json")
    if error is not None:
        raise QuotesError(f"invalid shipped speaker_words.json {error}")
    return data


_WORDS = _speaker_words()
PERSON_PRONOUNS = frozenset(_WORDS["person_pronouns"])
GROUP_PRONOUNS = frozenset(_WORDS["group_pronouns"])
#: Descriptions that stand for whoever issued the last statement.
STATEMENT_NOUNS = frozenset(_WORDS["statement_nouns"])
_NER_KINDS: Mapping[str, str] = MappingProxyType(dict(_WORDS["ner_kinds"]))


class Timeline:
    """Entities at offsets of a document, with look-ups in logarithmic time of the most recent
    compatible one before an offset. Scanning every earlier speaker for each pronoun made the
    resolution of a long document quadratic (minutes for a few hundred thousand characters).

    Among entities at the same offset the one added first counts, as it did in the scan."""

    def __init__(self, entries: Iterable[tuple[int, Entity]] = ()) -> None:
        self.entities: list[Entity] = []
        self._persons: list[tuple[int, int]] = []  # (offset, sequence), sorted
        self._others: list[tuple[int, int]] = []
        self._nouns: dict[str, list[tuple[int, int]]] = {}
        self._by_suffix: dict[str, int] = {}  # a proper suffix of a normalised name → the latest sequence
        for offset, entity in entries:
            self.add(offset, entity)

    def add(self, offset: int, entity: Entity) -> None:
        key = (offset, len(self.entities))
        self.entities.append(entity)
        insort(self._persons if entity.kind == "person" else self._others, key)
        for noun in entity.nouns:
            insort(self._nouns.setdefault(noun, []), key)
        name = normalise_name(entity.name)
        for start in range(1, len(name)):
            self._by_suffix[name[start:]] = key[1]

    def latest_before(self, before: int, person: bool | None = None, noun: str = "") -> Entity | None:
        """The most recent entity before ``before`` that is a person (``person``), not one
        (``not person``), or that ``noun`` may mean (its nouns; any non-person for a statement)."""
        candidates = []
        if person is not None:
            candidates.append(self._persons if person else self._others)
        if noun:
            candidates.append(self._nouns.get(noun, []))
            if noun in STATEMENT_NOUNS:
                candidates.append(self._others)
        found = [key for keys in candidates if (key := _latest_key(keys, before)) is not None]
        if not found:
            return None
        return self.entities[min(found, key=lambda key: (-key[0], key[1]))[1]]

    def latest_fuller_name(self, key: str) -> Entity | None:
        """The latest entity whose normalised name ends with ``key`` and is longer."""
        sequence = self._by_suffix.get(key) if key else None
        return None if sequence is None else self.entities[sequence]


def _latest_key(keys: list[tuple[int, int]], before: int) -> tuple[int, int] | None:
    """The first-added of the entries at the greatest offset below ``before``."""
    position = bisect_left(keys, (before, -1)) - 1
    if position < 0:
        return None
    return keys[bisect_left(keys, (keys[position][0], -1))]


@dataclass
class _DocumentState:
    """What one document has taught so far: its aliases, the registry entities it names,
    and its speakers, each with the offset where it appears."""

    registry: Registry
    aliases: dict[str, Entity] = field(default_factory=dict)
    mentions: Timeline = field(default_factory=Timeline)
    history: Timeline = field(default_factory=Timeline)


def resolve_speakers(doc: Doc, quotes: list[Quote], registry: Registry, text: str | None = None) -> list[Quote]:
    """Fill ``canonical``, ``id``, ``kind``, ``resolved_by`` (and ``affiliation``) of each speaker.

    ``text`` is ``doc.text`` when the caller has it (``Doc.text`` rebuilds the string on every call).
    Text and offsets of the quotes are never changed."""
    text = doc.text if text is None else text
    state = _DocumentState(
        registry, aliases=_acronyms(doc, text, registry), mentions=Timeline(_named_mentions(doc, text, registry))
    )
    resolved = []
    for quote in sorted(quotes, key=lambda q: q.speaker.start if q.speaker else q.start):
        if quote.speaker is None:
            resolved.append(quote)
            continue
        mention = doc.char_span(quote.speaker.start, quote.speaker.end, alignment_mode="expand")
        entity: Entity | None = None
        how: ResolvedBy = "unresolved"
        if mention is not None:
            entity, how = _resolve(mention, quote.speaker.text, registry, state)
        if entity is None:
            resolved.append(replace(quote, speaker=replace(quote.speaker, resolved_by="unresolved")))
            continue
        state.history.add(quote.speaker.start, entity)
        speaker = replace(
            quote.speaker,
            canonical=entity.name,
            id=entity.id,
            kind=entity.kind,
            resolved_by=how,
            affiliation=entity.affiliation,
        )
        resolved.append(replace(quote, speaker=speaker))
    return sorted(resolved, key=lambda q: (q.start, q.end))


def _resolve(mention: Span, text: str, registry: Registry, state: _DocumentState) -> tuple[Entity | None, ResolvedBy]:
    words = normalise_name(text).split()
    if len(words) == 1 and words[0] in PERSON_PRONOUNS | GROUP_PRONOUNS:
        return _refer_back(state, mention, person=words[0] in PERSON_PRONOUNS), "coreference"
    for name in _name_candidates(mention):
        known = registry.lookup(name)
        if known is not None:
            return known, "registry"
        alias = state.aliases.get(normalise_name(name))
        if alias is not None:
            return alias, "in_document_alias"
    for description in _descriptions(mention):  # `the group`, `a statement from the military`
        described = _refer_back(state, mention, noun=description)
        if described is not None:
            return described, "coreference"
    person = _appositive_person(mention)
    if person is not None:
        employer = _affiliation(mention.doc[mention.start : person.start], state, mention)
        return _unknown(person, "person", employer.id if employer else None), "apposition"
    for name in _name_candidates(mention):
        entity = registry.fuzzy(name)
        if entity is not None:
            return entity, "fuzzy"
    if mention[-1].pos_ == "NOUN":  # `US officials`, `Witnesses`: a description is its own name
        return _unknown(_without_determiners(mention), "group", None), "unresolved"
    heads = _head_runs(mention)
    if not heads:
        return None, "unresolved"
    head = heads[-1]
    earlier = _earlier_fuller_name(head.text, state)
    if earlier is not None:
        return earlier, "in_document_alias"
    descriptor = mention.doc[mention.start : head.start]
    kind = _NER_KINDS.get(head.root.ent_type_, "unknown")
    if kind == "unknown" and len(head) >= 2 and any(t.pos_ == "NOUN" for t in descriptor):
        kind = "person"  # a role before a full name: `press secretary Pat Ryder`
    employer = _affiliation(descriptor, state, mention) if len(descriptor) else None
    entity = _unknown(head, kind, employer.id if employer else None)
    state.aliases[normalise_name(head.text)] = entity
    return entity, "unresolved"


def _descriptions(mention: Span) -> list[str]:
    """Head nouns that may refer back: the mention's own (`the group`), or the one after
    `from`/`of` (`a statement from the military`)."""
    found = []
    if mention[0].lower_ in {"the", "this", "that"} and mention.root.pos_ == "NOUN":
        found.append(mention.root.lower_)
    for token in mention:
        if token.lower_ in {"from", "of"} and token.i + 1 < mention.end:
            rest = mention.doc[token.i + 1 : mention.end]
            if rest[0].lower_ == "the" and rest.root.pos_ == "NOUN":
                found.append(rest.root.lower_)
    if mention.root.lower_ in STATEMENT_NOUNS:
        found.append(mention.root.lower_)
    return found


def _without_determiners(mention: Span) -> Span:
    start = mention.start
    while start < mention.end - 1 and (mention.doc[start].pos_ in {"DET", "NUM"} or mention.doc[start].like_num):
        start += 1
    return mention.doc[start : mention.end]


def _affiliation(description: Span, state: _DocumentState, mention: Span) -> Entity | None:
    """Whom `A spokesman for the group` speaks for: a name in it, or what `the group` means."""
    for run in _proper_noun_runs(description):
        entity = state.aliases.get(normalise_name(run.text)) or state.registry.lookup(run.text)
        if entity is not None:
            return entity
    nouns = [t.lower_ for t in description if t.pos_ == "NOUN"]
    return _refer_back(state, mention, noun=nouns[-1]) if nouns else None


def _named_mentions(doc: Doc, text: str, registry: Registry) -> list[tuple[int, Entity]]:
    """Every registry entity the document names, where it names it (for `the group`)."""
    found = []
    words = _name_words(doc, text)
    for sentence in doc.sents:
        for run in _proper_noun_runs(sentence, words):
            for i in range(len(run)):
                entity = registry.lookup(run[i:].text) or registry.fuzzy(run[i:].text)
                if entity is not None:
                    found.append((run.start_char, entity))
                    break
    return found


def _acronyms(doc: Doc, text: str, registry: Registry) -> dict[str, Entity]:
    """`US Central Command (CENTCOM)` registers `CENTCOM` for the rest of the document."""
    aliases: dict[str, Entity] = {}
    for match in re.finditer(r"((?:[A-Z][\w’'.-]*\s+){1,6})\(([A-Z][A-Za-z]{1,9})\)", text):
        name, acronym = match.group(1).strip(), match.group(2)
        entity = registry.lookup(name) or registry.lookup(acronym)
        if entity is None:
            span = doc.char_span(match.start(1), match.start(1) + len(name), alignment_mode="expand")
            if span is None:
                continue
            entity = _unknown(span, _NER_KINDS.get(span.root.ent_type_, "organisation"), None)
        aliases[normalise_name(acronym)] = entity
    return aliases


def _refer_back(state: _DocumentState, mention: Span, person: bool | None = None, noun: str = "") -> Entity | None:
    """The most recent compatible speaker before the mention, else the most recent
    compatible named mention: speakers are what news text goes on talking about."""
    for timeline in (state.history, state.mentions):
        found = timeline.latest_before(mention.start_char, person, noun)
        if found is not None:
            return found
    return None


def _name_candidates(mention: Span) -> list[str]:
    """The mention, then the names inside it (`A statement from X` → X, `… (CENTCOM)`)."""
    candidates = [mention.text]
    for run in reversed(_head_runs(mention)):  # `US President Joe Biden` → … → `Joe Biden` → `Biden`
        candidates += [run[i:].text for i in range(len(run))]
    candidates += re.findall(r"\(([^)]+)\)", mention.text)
    trimmed = [t for t in mention if not (t.like_num or t.pos_ == "DET" or t.lower_ in {"one", "of"})]
    if trimmed:
        candidates.append(" ".join(t.text for t in trimmed))
    return candidates


def _head_runs(mention: Span) -> list[Span]:
    """The names that can be the speaker: the head's own name when the head is a name
    (`Pentagon press secretary Pat Ryder` → `Pat Ryder`), else every name in it."""
    runs = _proper_noun_runs(mention)
    head = [run for run in runs if run.start <= mention.root.i < run.end]
    return head if head and mention.root.pos_ == "PROPN" else runs


#: Name words: proper nouns, and capitalised words of these parts of speech (`Central` in
#: `US Central Command`). Joiners continue a run of them (`Kata’ib Hezbollah’s`, `Abu-Mahdi`).
_CAPITALISED_NAME_POS = ("ADJ", "NOUN", "NUM", "X")
_JOINERS = ("-", "’s")


@dataclass(frozen=True)
class _NameWords:
    """Per token of a document: is it a name word, is it a joiner."""

    names: list[bool]
    joiners: list[bool]


def _name_words(doc: Doc, text: str) -> _NameWords:
    """The name words of a whole document from token arrays: `_named_mentions` reads every
    sentence, and a ``Token`` object per word was most of its time."""
    pos, starts, orth = doc.to_array([POS, IDX, ORTH]).T
    names = pos == POS_IDS["PROPN"]
    capitalisable = numpy.flatnonzero(numpy.isin(pos, [POS_IDS[p] for p in _CAPITALISED_NAME_POS]))
    names[capitalisable] = [text[start].isupper() for start in starts[capitalisable].tolist()]
    joiners = numpy.isin(orth, [doc.vocab.strings[joiner] for joiner in _JOINERS])
    return _NameWords(names.tolist(), joiners.tolist())


def _token_name_words(mention: Span) -> _NameWords:
    """The same for the few tokens of one mention (index ``i - mention.start``)."""
    capitalisable = set(_CAPITALISED_NAME_POS)
    return _NameWords(
        [t.pos_ == "PROPN" or (t.pos_ in capitalisable and t.text[:1].isupper()) for t in mention],
        [t.text in _JOINERS for t in mention],
    )


def _proper_noun_runs(mention: Span, words: _NameWords | None = None) -> list[Span]:
    """Runs of name words; ``words`` are the document's, when the caller has read them."""
    first = 0
    if words is None:
        words, first = _token_name_words(mention), mention.start
    runs: list[Span] = []
    start = None
    for i in range(mention.start, mention.end):
        if words.names[i - first] or (start is not None and words.joiners[i - first]):
            start = i if start is None else start
        elif start is not None:
            runs.append(mention.doc[start:i])
            start = None
    if start is not None:
        runs.append(mention.doc[start : mention.end])
    return runs


def _appositive_person(mention: Span) -> Span | None:
    """`A spokesman for the group, Tahseen Alkhafaji` → `Tahseen Alkhafaji`."""
    if "," not in mention.text:
        return None
    tail = mention.doc.char_span(
        mention.start_char + mention.text.rindex(",") + 1, mention.end_char, alignment_mode="contract"
    )
    if tail is None:
        return None
    runs = _proper_noun_runs(tail)
    return runs[-1] if runs and len(runs[-1]) >= 2 else None


def _earlier_fuller_name(name: str, state: _DocumentState) -> Entity | None:
    """`Biden` after `President Joe Biden`: a surname or shortening of an earlier speaker."""
    return state.history.latest_fuller_name(normalise_name(name))


def _unknown(name: Span, kind: str, affiliation: str | None) -> Entity:
    """A canonical record for a speaker the registry does not know: stable across documents."""
    slug = re.sub(r"\s+", "-", normalise_name(name.text))
    return Entity(id=f"unknown:{slug}", name=name.text, kind=kind, affiliation=affiliation)
