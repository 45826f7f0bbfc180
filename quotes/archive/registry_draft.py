"""A registry draft from an archive: the speakers the registry did not know, grouped when they
are one entity, for a person to review and pass back with ``--registry``.

Across documents an unknown speaker's id comes from its name key (``unknown:<key>``), so most
spellings of a name already share one; what the key leaves apart is joined here:

- names that :func:`~quotes.speakers.name_keys.same_entity` takes for one (`Khaled`, `Khalid`);
- an acronym with the name that a document defined it for (`PFZ` and `Popular Front for Zorblax`);
- a person's surname alone with the one person of that surname, when their titles and
  affiliations do not disagree.

Only the summaries are read (one per distinct speaker), so memory is bounded by their number.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from quotes.archive.speakers import SpeakerSummary
from quotes.speakers.name_keys import blocking_words, id_key, same_entity
from quotes.speakers.registry import Registry, normalise_name

#: A group quoted in fewer documents is left out: one article's speaker seldom needs an entry.
MIN_DOCUMENTS = 2
#: A word key more unknown speakers share (`ministry`, `council`) picks no candidates.
COMMON_WORD_SPEAKERS = 50
#: Registry kinds; a speaker whose kind was never known is drafted as an organisation, and says so.
_REGISTRY_KINDS = frozenset({"person", "organisation", "government", "media", "group", "anonymous source"})
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,9}$")


@dataclass(frozen=True)
class DraftEntity:
    """One entity of the draft: its registry entry and what it was drafted from."""

    entry: dict[str, Any]
    ids: tuple[str, ...]
    quotes: int
    documents: int


def draft_entities(
    summaries: Iterable[SpeakerSummary], registry: Registry | None = None, min_documents: int = MIN_DOCUMENTS
) -> list[DraftEntity]:
    """The unknown speakers of ``summaries`` grouped into entities, most quoted first; ``registry``
    (the one extracted with) gives affiliations their ids and keeps its ids from being reused."""
    registry = registry or Registry.default()
    speakers = [s for s in summaries if s.unknown and s.canonical and s.kind != "anonymous source"]
    groups = _Groups(len(speakers))
    _join_spellings(speakers, groups)
    _join_acronyms(speakers, groups)
    _join_surnames(speakers, groups)
    _join_middle_names(speakers, groups)
    members: dict[int, list[SpeakerSummary]] = {}
    for index, speaker in enumerate(speakers):
        members.setdefault(groups.root(index), []).append(speaker)
    taken = set(registry.entities)
    kept = [g for g in members.values() if sum(s.documents for s in g) >= min_documents]
    kept.sort(key=lambda g: (-sum(s.quotes for s in g), min(s.id or "" for s in g)))
    drafted = [_drafted(group, taken) for group in kept]
    drafted_names = {
        normalise_name(name): entity.entry["id"]
        for entity in drafted
        for name in (entity.entry["name"], *entity.entry.get("aliases", ()))
    }
    for entity, group in zip(drafted, kept, strict=True):
        affiliation = _affiliation(group, registry, drafted_names)
        if affiliation is not None and affiliation != entity.entry["id"]:
            entity.entry["affiliation"] = affiliation
    return drafted


def consolidated_ids(summaries: Iterable[SpeakerSummary], registry: Registry | None = None) -> dict[str, str]:
    """Each unknown id → the id of the entity a draft (of every speaker, however rarely quoted)
    puts it in: what a reviewed draft passed back with ``--registry`` would give."""
    return {old: entity.entry["id"] for entity in draft_entities(summaries, registry, 1) for old in entity.ids}


def registry_draft(entities: list[DraftEntity]) -> dict[str, Any]:
    """Registry data (``registry.schema.json``) of the drafted entities."""
    return {
        "_comment": "Drafted by `quotes speakers --suggest-registry` from extracted records: review every "
        "entry (merge, split, correct kinds and names), then pass the file back with --registry.",
        "entities": [entity.entry for entity in entities],
    }


class _Groups:
    """Union–find over the speakers' positions."""

    def __init__(self, size: int) -> None:
        self._parent = list(range(size))

    def root(self, index: int) -> int:
        while self._parent[index] != index:
            self._parent[index] = self._parent[self._parent[index]]
            index = self._parent[index]
        return index

    def join(self, first: int, second: int) -> None:
        self._parent[self.root(second)] = self.root(first)


def _join_spellings(speakers: list[SpeakerSummary], groups: _Groups) -> None:
    """Names that are one name spelled otherwise, compared only with names sharing a rare word."""
    by_word: dict[str, list[int]] = {}
    for index, speaker in enumerate(speakers):
        for word in blocking_words(speaker.canonical or ""):
            by_word.setdefault(word, []).append(index)
    for index, speaker in enumerate(speakers):
        words = blocking_words(speaker.canonical or "")
        rare = [word for word in words if len(by_word[word]) <= COMMON_WORD_SPEAKERS] or sorted(words)
        for other in sorted({o for word in rare for o in by_word[word] if o > index}):
            if _same_kind(speaker, speakers[other]) and same_entity(
                speaker.canonical or "", speakers[other].canonical or "", person=speaker.kind == "person"
            ):
                groups.join(index, other)


def _join_acronyms(speakers: list[SpeakerSummary], groups: _Groups) -> None:
    """`PFZ` quoted alone joins the speaker whose mentions include `PFZ` (the document defined
    it), when that speaker is one entity."""
    holders: dict[str, set[int]] = {}
    for index, speaker in enumerate(speakers):
        for variant, _ in speaker.variants:
            if _ACRONYM.match(variant) and variant != speaker.canonical:
                holders.setdefault(variant, set()).add(index)
    for index, speaker in enumerate(speakers):
        if speaker.canonical and _ACRONYM.match(speaker.canonical):
            roots = {groups.root(other) for other in holders.get(speaker.canonical, ())}
            if len(roots) == 1:
                groups.join(roots.pop(), index)


def _join_surnames(speakers: list[SpeakerSummary], groups: _Groups) -> None:
    """A person quoted by surname alone joins the one person whose full names end in it, unless
    their titles or affiliations disagree; two such people, and it joins neither."""
    by_surname: dict[str, set[int]] = {}
    for index, speaker in enumerate(speakers):
        words = id_key(speaker.canonical or "").split("-")
        if speaker.kind == "person" and len(words) >= 2:
            by_surname.setdefault(words[-1], set()).add(index)
    for index, speaker in enumerate(speakers):
        surname = id_key(speaker.canonical or "")
        if speaker.kind != "person" or "-" in surname or surname not in by_surname:
            continue
        candidates = by_surname[surname]
        roots = {groups.root(other) for other in candidates}
        if len(roots) == 1 and all(_agree(speaker, speakers[other]) for other in candidates):
            groups.join(roots.pop(), index)


def _join_middle_names(speakers: list[SpeakerSummary], groups: _Groups) -> None:
    """`Luis Manuel Rubiales` and `Luis Rubiales`: the same given name and surname, one with
    middle names. Fathers and sons differ so too (`Ahmad Shah Massoud`, `Ahmad Massoud`), so
    only on evidence: a title's head word or an affiliation's word that both were given."""
    by_ends: dict[tuple[str, str], list[tuple[int, int]]] = {}  # given name, surname → (speaker, words)
    for index, speaker in enumerate(speakers):
        words = id_key(speaker.canonical or "").split("-")
        if speaker.kind == "person" and len(words) >= 2:
            by_ends.setdefault((words[0], words[-1]), []).append((index, len(words)))
    for members in by_ends.values():
        for (first, length), (second, other_length) in combinations(members, 2):
            if length != other_length and _share_role(speakers[first], speakers[second]):
                groups.join(first, second)


def _share_role(first: SpeakerSummary, second: SpeakerSummary) -> bool:
    """Whether both were given one role (`president`) or one organisation's word (`football`)."""
    heads = [{normalise_name(t).rpartition(" ")[2] for t, _ in s.titles} - {""} for s in (first, second)]
    words = [{w for a, _ in s.affiliations for w in normalise_name(a).split() if len(w) > 3} for s in (first, second)]
    return bool(heads[0] & heads[1]) or bool(words[0] & words[1])


def _same_kind(first: SpeakerSummary, second: SpeakerSummary) -> bool:
    """People with people, organisations of any kind with each other; unknown with either."""
    return "unknown" in (first.kind, second.kind) or (first.kind == "person") == (second.kind == "person")


def _agree(first: SpeakerSummary, second: SpeakerSummary) -> bool:
    """Titles and affiliations that share a word, or that one side lacks."""
    return all(
        not a or not b or bool(a & b)
        for a, b in (
            (_words(first.titles), _words(second.titles)),
            (_words(first.affiliations), _words(second.affiliations)),
        )
    )


def _words(forms: tuple[tuple[str, int], ...]) -> set[str]:
    return {word for form, _ in forms for word in normalise_name(form).split()}


def _drafted(group: list[SpeakerSummary], taken: set[str]) -> DraftEntity:
    group = sorted(group, key=lambda s: (-s.quotes, s.id or ""))
    name = group[0].canonical or ""
    known_kinds = [s.kind for s in group if s.kind in _REGISTRY_KINDS]
    kind = known_kinds[0] if known_kinds else "organisation"
    aliases: list[str] = []
    for speaker in group:
        for form in (speaker.canonical or "", *(variant for variant, _ in speaker.variants)):
            if form and normalise_name(form) != normalise_name(name) and form not in aliases:
                aliases.append(form)
    quotes, documents = sum(s.quotes for s in group), sum(s.documents for s in group)
    ids = tuple(s.id or "" for s in group)
    notes = f"{quotes} quotes in {documents} documents; extracted as {', '.join(ids)}"
    entry: dict[str, Any] = {"id": _new_id(name, taken), "name": name, "kind": kind}
    if aliases:
        entry["aliases"] = aliases
    titles = sorted({t for s in group for t, _ in s.titles}, key=lambda t: (-_count(group, t), t))
    if kind == "person" and titles:
        entry["titles"] = titles[:5]
    entry["notes"] = notes if known_kinds else notes + "; kind never known: check it"
    return DraftEntity(entry, ids, quotes, documents)


def _count(group: list[SpeakerSummary], title: str) -> int:
    return sum(count for s in group for t, count in s.titles if t == title)


def _affiliation(group: list[SpeakerSummary], registry: Registry, drafted: dict[str, str]) -> str | None:
    """The id of the affiliation its quotes gave most often that the registry or the draft knows."""
    counts: dict[str, int] = {}
    for speaker in group:
        for affiliation, count in speaker.affiliations:
            counts[affiliation] = counts.get(affiliation, 0) + count
    for affiliation in sorted(counts, key=lambda a: (-counts[a], a)):
        entity = registry.lookup(affiliation)
        if entity is not None or normalise_name(affiliation) in drafted:
            return entity.id if entity is not None else drafted[normalise_name(affiliation)]
    return None


def _new_id(name: str, taken: set[str]) -> str:
    """A registry id from the name (`Ahmad al-Zorbani` → `ahmad-al-zorbani`), unused so far."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "entity"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate
