"""The output records: one :class:`Quote` per attribution, serialised as one JSON line."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

QuoteType = Literal["direct", "indirect", "mixed"]
ResolvedBy = Literal["mention", "registry", "fuzzy", "in_document_alias", "coreference", "unresolved"]
SpeakerKind = Literal["person", "organisation", "government", "media", "group", "anonymous source", "unknown"]

#: Bumped whenever a field is added, removed or changes meaning.
SCHEMA_VERSION = "2.1"


@dataclass(frozen=True)
class Mention:
    """A stretch of the input: ``input[start:end] == text``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Speaker:
    """Who is quoted: the mention as written, its parts, and its canonical identity.

    ``canonical`` is None when the mention could not be resolved (a pronoun with no
    compatible antecedent): no name is better than a wrong one."""

    text: str
    start: int
    end: int
    canonical: str | None
    name: str | None = None
    title: str | None = None
    affiliation: str | None = None
    kind: SpeakerKind | None = None
    id: str | None = None
    resolved_by: ResolvedBy = "mention"
    #: The mention a pronoun or description was resolved to.
    antecedent: Mention | None = None


@dataclass(frozen=True)
class Cue:
    """The reporting word or phrase (`said`, `According to`)."""

    text: str
    lemma: str
    start: int
    end: int


@dataclass(frozen=True)
class Quote:
    """One attribution; ``text == input[start:end]`` always holds."""

    doc_id: str
    type: QuoteType
    text: str
    start: int
    end: int
    speaker: Speaker | None
    cue: Cue | None
    sentence_index: int
    paragraph_index: int
    confidence: float
    rule: str
    quote_id: str = field(default="")
    #: The probability that the speaker is right, if the record is a real attribution (None without a speaker).
    speaker_confidence: float | None = None

    def __post_init__(self) -> None:
        if not self.quote_id:
            object.__setattr__(self, "quote_id", make_quote_id(self.doc_id, self.start, self.end))

    def to_dict(self) -> dict[str, Any]:
        record = dict(vars(self))  # every leaf is immutable: no deep copy (`asdict`) needed
        if self.speaker is not None:
            antecedent = self.speaker.antecedent
            record["speaker"] = vars(self.speaker) | {"antecedent": dict(vars(antecedent)) if antecedent else None}
        if self.cue is not None:
            record["cue"] = dict(vars(self.cue))
        order = ["doc_id", "quote_id", "type", "text", "start", "end", "speaker", "cue"]
        return {key: record[key] for key in order} | {key: value for key, value in record.items() if key not in order}

    @classmethod
    def from_dict(cls, record: dict[str, Any]) -> Quote:
        """Read a record back from its JSON form."""
        fields = dict(record)
        speaker = fields.pop("speaker", None)
        cue = fields.pop("cue", None)
        if speaker and speaker.get("antecedent"):
            speaker = speaker | {"antecedent": Mention(**speaker["antecedent"])}
        return cls(speaker=Speaker(**speaker) if speaker else None, cue=Cue(**cue) if cue else None, **fields)


def make_quote_id(doc_id: str, start: int, end: int) -> str:
    """Stable across runs and machines: a hash of the document id and the offsets."""
    digest = hashlib.blake2b(f"{doc_id}\x1f{start}\x1f{end}".encode(), digest_size=6).hexdigest()
    return f"{doc_id}:{start}-{end}:{digest}"
