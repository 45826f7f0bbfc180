"""CoNLL-U documents with entity and coreference brackets (GUM's ``Entity=``), as text with offsets.

A file holds UD sentences (``# newdoc id``, ``# newpar``) whose MISC column carries ``SpaceAfter=No``
and the entity brackets ``Entity=``: ``(3-person-…`` opens a mention of cluster 3, ``3)`` closes the
latest open mention of 3, ``(3-…)`` is a one-word mention; several may open and close on one word,
nested. The fields of an opening follow the document's ``# global.Entity``
(``GRP-etype-infstat-salience-centering-minspan-link-identity``): ``etype`` is the entity type,
``identity`` its Wikipedia title. The text is rebuilt one paragraph per line (``# newpar``), sentences
joined by a space (or nothing after ``SpaceAfter=No``), words by their ``SpaceAfter``, a multiword
token (``Trump's``) written once with its words' offsets inside it. Every word keeps its offsets, part
of speech and syntactic head; every mention its offsets, cluster, type and words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from urllib.parse import unquote

ENTITY_FIELDS = "GRP-etype-infstat-salience-centering-minspan-link-identity"
_BRACKET = re.compile(r"\((?P<open>[^()]+)(?P<single>\))?|(?P<close>[^()]+)\)")


@dataclass(frozen=True)
class Word:
    """One syntactic word with its character span in the document's text."""

    form: str
    upos: str
    start: int
    end: int
    index: int = 0  # in the document
    head: int = -1  # the index of its syntactic head; -1 for a sentence's root
    deprel: str = ""


@dataclass(frozen=True)
class Mention:
    """A gold mention: its span, cluster, entity type, head words and Wikipedia title."""

    cluster: str
    entity: str
    start: int
    end: int
    text: str
    words: tuple[Word, ...]
    link: str | None = None

    @property
    def head(self) -> Word:
        """Its syntactic head: the first word whose head is outside the mention."""
        inside = {w.index for w in self.words}
        return next((w for w in self.words if w.head not in inside), self.words[0])

    @property
    def kind(self) -> str:
        """`pronoun`, `name` or `description`, by the part of speech of its head."""
        return {"PRON": "pronoun", "PROPN": "name"}.get(self.head.upos, "description")


@dataclass(frozen=True)
class CorefDocument:
    """A document's rebuilt text and its gold mentions, by start."""

    id: str
    text: str
    mentions: tuple[Mention, ...]
    words: tuple[Word, ...] = ()

    @cached_property
    def clusters(self) -> dict[str, tuple[Mention, ...]]:
        """Every cluster's mentions, by cluster id."""
        clusters: dict[str, list[Mention]] = {}
        for mention in self.mentions:
            clusters.setdefault(mention.cluster, []).append(mention)
        return {cluster: tuple(mentions) for cluster, mentions in clusters.items()}

    def cluster(self, cluster: str) -> tuple[Mention, ...]:
        return self.clusters.get(cluster, ())


@dataclass
class _Builder:
    """The mutable state of one document while its lines are read."""

    id: str
    fields: list[str] = field(default_factory=lambda: ENTITY_FIELDS.split("-"))
    parts: list[str] = field(default_factory=list)
    length: int = 0
    space: str = ""
    new_paragraph: bool = True
    sentence: int = 0  # the index of the sentence's first word
    mwt: tuple[int, str, int, dict[str, str]] | None = None  # last id, surface, start, misc
    mwt_cursor: int = 0
    open: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # cluster → (word index, spec)
    words: list[Word] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def write(self, text: str) -> int:
        """Append `text` after the pending separator; its start offset."""
        self.parts.append(self.space + text)
        self.length += len(self.space) + len(text)
        return self.length - len(text)

    def document(self) -> CorefDocument:
        text = "".join(self.parts)
        mentions = sorted(self.mentions, key=lambda m: (m.start, -m.end))
        mentions = [replace(m, text=text[m.start : m.end]) for m in mentions]
        return CorefDocument(self.id, text, tuple(mentions), tuple(self.words))


def _misc(value: str) -> dict[str, str]:
    return dict(item.split("=", 1) for item in value.split("|") if "=" in item)


def _word_span(builder: _Builder, word_id: int, form: str, misc: dict[str, str]) -> tuple[int, int]:
    """Where a word is in the text: written on its own, or inside its multiword token."""
    if builder.mwt is None:
        start = builder.write(form)
        builder.space = "" if misc.get("SpaceAfter") == "No" else " "
        return start, start + len(form)
    last, surface, mwt_start, mwt_misc = builder.mwt
    offset = builder.mwt_cursor - mwt_start
    if surface[offset:].casefold().startswith(form.casefold()):
        span = (builder.mwt_cursor, builder.mwt_cursor + len(form))
    else:
        span = (mwt_start, mwt_start + len(surface))
    builder.mwt_cursor = span[1]
    if word_id >= last:
        builder.mwt = None
        builder.space = "" if mwt_misc.get("SpaceAfter") == "No" else " "
    return span


def _entities(builder: _Builder, value: str) -> None:
    """Open and close the mentions bracketed on the last word read."""
    index = len(builder.words) - 1
    for match in _BRACKET.finditer(value):
        if match["open"]:
            cluster = match["open"].split("-", 1)[0]
            builder.open.setdefault(cluster, []).append((index, match["open"]))
            if match["single"]:
                _close(builder, cluster)
        elif match["close"]:
            _close(builder, match["close"])


def _close(builder: _Builder, cluster: str) -> None:
    stack = builder.open.get(cluster)
    if not stack:
        raise ValueError(f"{builder.id}: closing unopened entity {cluster}")
    first, spec = stack.pop()
    values = dict(zip(builder.fields, spec.split("-", len(builder.fields) - 1), strict=False))
    words = tuple(builder.words[first:])
    start, end = words[0].start, words[-1].end
    link = unquote(values["identity"]).replace("_", " ") if values.get("identity") else None
    builder.mentions.append(Mention(cluster, values.get("etype", ""), start, end, "", words, link))


def _token(builder: _Builder, columns: list[str]) -> None:
    token_id, form, upos, misc = columns[0], columns[1], columns[3], _misc(columns[9])
    if "." in token_id:
        return  # an empty node: no text
    if token_id == "1" or token_id.startswith("1-"):  # a sentence's first word: after a newline or a space
        builder.space = "\n" if builder.length and builder.new_paragraph else builder.space
        builder.new_paragraph, builder.sentence = False, len(builder.words)
    if "-" in token_id:
        last = int(token_id.split("-")[1])
        start = builder.write(form)
        builder.mwt, builder.mwt_cursor = (last, form, start, misc), start
        return
    start, end = _word_span(builder, int(token_id), form, misc)
    head = builder.sentence + int(columns[6]) - 1 if columns[6].isdigit() and columns[6] != "0" else -1
    builder.words.append(Word(form, upos, start, end, len(builder.words), head, columns[7]))
    if "Entity" in misc:
        _entities(builder, misc["Entity"])


def parse_conllu(text: str) -> list[CorefDocument]:
    """Every document of a CoNLL-U string, with its text and gold mentions."""
    documents: list[CorefDocument] = []
    builder: _Builder | None = None
    for line in text.splitlines():
        if line.startswith("# newdoc id"):
            if builder is not None:
                documents.append(builder.document())
            builder = _Builder(line.split("=", 1)[1].strip())
        elif builder is None or not line.strip():
            continue
        elif line.startswith("# global.Entity"):
            builder.fields = line.split("=", 1)[1].strip().split("-")
        elif line.strip() == "# newpar":
            builder.new_paragraph = True
        elif not line.startswith("#"):
            _token(builder, line.split("\t"))
    if builder is not None:
        documents.append(builder.document())
    return documents
