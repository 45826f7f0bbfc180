"""Who is quoted, how often: the canonical speakers of an archive, counted as records stream by.

What is held grows with the number of distinct speakers, not of records: per speaker its
counts, the document it was last seen in (a document's records are written together) and at
most :data:`MAX_FORMS` distinct spellings, titles and affiliations (more are counted, not kept).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

#: Distinct mention names, titles or affiliations kept per speaker; the rest are only counted.
MAX_FORMS = 50


@dataclass
class _Forms:
    """A counter that keeps :data:`MAX_FORMS` forms and counts the rest as ``other``."""

    counts: Counter[str] = field(default_factory=Counter)
    other: int = 0

    def add(self, form: str | None) -> None:
        if not form:
            return
        if form in self.counts or len(self.counts) < MAX_FORMS:
            self.counts[form] += 1
        else:
            self.other += 1

    def most_common(self) -> tuple[tuple[str, int], ...]:
        return tuple(sorted(self.counts.items(), key=lambda item: (-item[1], item[0])))


@dataclass
class _Speaker:
    quotes: int = 0
    documents: int = 0
    last_document: str | None = None
    canonicals: _Forms = field(default_factory=_Forms)
    kinds: Counter[str] = field(default_factory=Counter)
    variants: _Forms = field(default_factory=_Forms)
    titles: _Forms = field(default_factory=_Forms)
    affiliations: _Forms = field(default_factory=_Forms)

    def count(self, document: str) -> None:
        """One more quote; records come document by document, so a new id is one more document."""
        self.quotes += 1
        if document != self.last_document:
            self.documents += 1
            self.last_document = document


@dataclass(frozen=True)
class SpeakerSummary:
    """One canonical speaker of the archive. ``id`` None gathers the unresolved speakers."""

    id: str | None
    canonical: str | None
    kind: str
    quotes: int
    documents: int
    #: The names its mentions gave (`Kataeb Hezbollah`, `KH`), most frequent first, with counts.
    variants: tuple[tuple[str, int], ...] = ()
    titles: tuple[tuple[str, int], ...] = ()
    affiliations: tuple[tuple[str, int], ...] = ()

    @property
    def unknown(self) -> bool:
        """Not in the registry the records were extracted with."""
        return self.id is not None and self.id.startswith("unknown:")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "canonical": self.canonical,
            "kind": self.kind,
            "quotes": self.quotes,
            "documents": self.documents,
            "variants": dict(self.variants),
            "titles": dict(self.titles),
            "affiliations": dict(self.affiliations),
        }


@dataclass
class SpeakerTally:
    """Counts the speakers of records fed to it one by one (:meth:`add`)."""

    records: int = 0
    without_speaker: int = 0
    _speakers: dict[str | None, _Speaker] = field(default_factory=dict)
    _no_speaker: _Speaker = field(default_factory=_Speaker)

    def add(self, record: dict[str, Any]) -> None:
        self.records += 1
        speaker = record.get("speaker")
        document = str(record.get("doc_id"))
        if not isinstance(speaker, dict):
            self.without_speaker += 1
            self._no_speaker.count(document)
            return
        key = speaker.get("id") or None
        seen = self._speakers.setdefault(key, _Speaker())
        seen.count(document)
        if key is None:
            return  # unresolved: one count for all, their mentions are pronouns and descriptions
        seen.canonicals.add(speaker.get("canonical"))
        seen.kinds[speaker.get("kind") or "unknown"] += 1
        seen.variants.add(speaker.get("name"))
        seen.titles.add(speaker.get("title"))
        seen.affiliations.add(speaker.get("affiliation"))

    def add_all(self, records: Iterable[dict[str, Any]]) -> SpeakerTally:
        for record in records:
            self.add(record)
        return self

    def __len__(self) -> int:
        return len(self._speakers)

    def summaries(self) -> list[SpeakerSummary]:
        """Most quoted first (then by id, so that equal counts keep one order)."""
        found = [_summary(key, seen) for key, seen in self._speakers.items()]
        return sorted(found, key=lambda s: (-s.quotes, s.id is None, s.id or ""))

    def no_speaker(self) -> SpeakerSummary | None:
        """The quotes without a speaker (kind ``none``), counted so that the listing adds up to every record."""
        seen = self._no_speaker
        return SpeakerSummary(None, None, "none", seen.quotes, seen.documents) if seen.quotes else None


def _summary(key: str | None, seen: _Speaker) -> SpeakerSummary:
    canonicals = seen.canonicals.most_common()
    kinds = [kind for kind, _ in seen.kinds.most_common() if kind != "unknown"]
    return SpeakerSummary(
        key,
        canonicals[0][0] if canonicals else None,
        kinds[0] if kinds else "unknown",
        seen.quotes,
        seen.documents,
        seen.variants.most_common(),
        seen.titles.most_common(),
        seen.affiliations.most_common(),
    )
