"""Speaker identity measured on GUM's gold coreference (issue 16, point 5).

Reading. Each ``dep/*.conllu`` file holds UD sentences (``# newdoc id``, ``# newpar``) whose MISC
column carries ``SpaceAfter=No`` and the entity brackets ``Entity=``: ``(3-person-…`` opens a mention
of cluster 3, ``3)`` closes the latest open mention of 3, ``(3-…)`` is a one-token mention; several
may open and close on one token, nested. The fields of an opening follow the document's
``# global.Entity`` (``GRP-etype-infstat-salience-centering-minspan-link-identity``): ``minspan`` gives
the mention's head words (1-based, within the mention), ``identity`` its Wikipedia title. The text is
rebuilt one paragraph per line (``# newpar``), sentences joined by a space, words by their
``SpaceAfter``, multiword tokens (``Trump's``) written once; every mention keeps its character offsets.

Matching a speaker to a gold mention. Of the gold mentions overlapping the speaker span, the one
whose head words all lie inside the span wins, then the best character overlap (Jaccard of the two
spans). A mention with no head inside the span needs a Jaccard of at least 0.5; else the quote's
speaker is *unmatched* (outside every gold mention, e.g. a span that runs into the content).

Scoring the speaker against the gold cluster ``C`` of that mention; names compare by
:func:`quotes.speakers.registry.normalise_name` after dropping a possessive ``'s``:

- **cluster**: when the record carries an ``antecedent`` span (a pronoun or description resolved
  to an earlier mention), right when that span's gold mention belongs to ``C``. Otherwise the
  canonical string must equal a *key* of ``C``: the text, the head words or the Wikipedia title of
  one of its mentions that is not a pronoun, or for people any tail of two or more words, or the last
  word, of a name. A canonical left as a pronoun (``he``) is therefore wrong; one left as a
  description (``company`` for ``the company``) is right here, and wrong under canonical.
- **canonical**: the canonical string equals a *name* of ``C``: the text of one of its mentions whose
  head words include a proper noun (``Professor Cres Eastman``, ``the University of Sydney``), its
  Wikipedia title, or for people a tail of two or more words of one of these (titles dropped).
  A person's surname alone is a name only when the cluster has no longer one. Quotes whose
  cluster has no name (``researchers``) are not counted here (`nameless`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from quotes.records import Quote
from quotes.speakers.registry import normalise_name

GENRES = ("news", "interview")
SPLITS = ("dev", "test", "train")
ENTITY_FIELDS = "GRP-etype-infstat-salience-centering-minspan-link-identity"
_BRACKET = re.compile(r"\((?P<open>[^()]+)(?P<single>\))?|(?P<close>[^()]+)\)")
_POSSESSIVE = re.compile(r"\s*['’]s?$")
_RATIOS = (("cluster_right", "matched"), ("canonical_right", "named"))
_KINDS = ("name", "description", "pronoun")


@dataclass(frozen=True)
class Word:
    """One syntactic word with its character span in the document's text."""

    form: str
    upos: str
    start: int
    end: int


@dataclass(frozen=True)
class Mention:
    """A gold mention: its span, cluster, entity type, head words and Wikipedia title."""

    cluster: str
    entity: str
    start: int
    end: int
    text: str
    words: tuple[Word, ...]
    heads: tuple[Word, ...]
    link: str | None = None

    @property
    def kind(self) -> str:
        """`pronoun` (every head word), `name` (a head word is a proper noun) or `description`."""
        upos = {w.upos for w in self.heads}
        return "pronoun" if upos == {"PRON"} else "name" if "PROPN" in upos else "description"


@dataclass(frozen=True)
class GumDocument:
    """A document's rebuilt text and its gold mentions, by start."""

    id: str
    text: str
    mentions: tuple[Mention, ...]

    def cluster(self, cluster: str) -> tuple[Mention, ...]:
        return tuple(m for m in self.mentions if m.cluster == cluster)


# --- reading ------------------------------------------------------------------------------------


@dataclass
class _Builder:
    """The mutable state of one document while its lines are read."""

    id: str
    fields: list[str] = field(default_factory=lambda: ENTITY_FIELDS.split("-"))
    parts: list[str] = field(default_factory=list)
    length: int = 0
    space: str = ""
    new_paragraph: bool = True
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

    def document(self) -> GumDocument:
        text = "".join(self.parts)
        mentions = sorted(self.mentions, key=lambda m: (m.start, -m.end))
        return GumDocument(self.id, text, tuple(replace(m, text=text[m.start : m.end]) for m in mentions))


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
    positions = [int(p) for p in values.get("minspan", "").split(",") if p.isdigit()]
    heads = tuple(words[p - 1] for p in positions if 0 < p <= len(words)) or words
    start, end = words[0].start, words[-1].end
    link = unquote(values["identity"]).replace("_", " ") if values.get("identity") else None
    builder.mentions.append(Mention(cluster, values.get("etype", ""), start, end, "", words, heads, link))


def _token(builder: _Builder, columns: list[str]) -> None:
    token_id, form, upos, misc = columns[0], columns[1], columns[3], _misc(columns[9])
    if "." in token_id:
        return  # an empty node: no text
    if token_id == "1" or token_id.startswith("1-"):  # a sentence's first word: after a newline or a space
        builder.space = "\n" if builder.length and builder.new_paragraph else builder.space
        builder.new_paragraph = False
    if "-" in token_id:
        last = int(token_id.split("-")[1])
        start = builder.write(form)
        builder.mwt, builder.mwt_cursor = (last, form, start, misc), start
        return
    start, end = _word_span(builder, int(token_id), form, misc)
    builder.words.append(Word(form, upos, start, end))
    if "Entity" in misc:
        _entities(builder, misc["Entity"])


def parse_conllu(text: str) -> list[GumDocument]:
    """Every document of a CoNLL-U string, with its text and gold mentions."""
    documents: list[GumDocument] = []
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


def read_splits(path: Path) -> dict[str, frozenset[str]]:
    """The document ids under each ``## name`` heading of GUM's ``splits.md`` (``  * GUM_…`` items)."""
    splits: dict[str, set[str]] = {}
    current: set[str] | None = None
    for line in path.read_text(encoding="utf8").splitlines():
        if line.startswith("## "):
            current = splits.setdefault(line[3:].strip(), set())
        elif current is not None and line.strip().startswith("* "):
            current.add(line.strip()[2:].strip())
    return {name: frozenset(ids) for name, ids in splits.items()}


def in_split(doc_id: str, split: str, splits: dict[str, frozenset[str]]) -> bool:
    """Whether a news or interview document belongs to `split`; train, when ``splits.md`` does not
    list it, is every document in no other split."""
    parts = doc_id.split("_")
    if len(parts) < 3 or parts[1] not in GENRES:
        return False
    if split == "train" and split not in splits:
        return not any(doc_id in ids for ids in splits.values())
    return doc_id in splits.get(split, frozenset())


def read_gum(folder: Path, split: str) -> list[GumDocument]:
    """The news and interview documents of a split, from ``folder/dep/*.conllu`` and ``splits.md``."""
    splits = read_splits(folder / "splits.md")
    paths = [p for p in sorted((folder / "dep").glob("*.conllu")) if in_split(p.stem, split, splits)]
    if not paths:
        raise FileNotFoundError(f"no {'/'.join(GENRES)} documents of split {split} under {folder}/dep")
    return [doc for p in paths for doc in parse_conllu(p.read_text(encoding="utf8"))]


# --- matching and scoring -----------------------------------------------------------------------


def name_key(text: str) -> str:
    return normalise_name(_POSSESSIVE.sub("", text))


def _jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    shared = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return shared / (max(a[1], b[1]) - min(a[0], b[0]))


def match_mention(doc: GumDocument, start: int, end: int) -> Mention | None:
    """The gold mention of a speaker span: heads inside the span first, then the best overlap."""
    best: Mention | None = None
    best_rank = (False, 0.0)
    for mention in doc.mentions:
        overlap = _jaccard((start, end), (mention.start, mention.end))
        heads_inside = all(start <= w.start and w.end <= end for w in mention.heads)
        rank = (heads_inside, overlap)
        if overlap > 0 and (heads_inside or overlap >= 0.5) and rank > best_rank:
            best, best_rank = mention, rank
    return best


def _tails(text: str, shortest: int) -> Iterator[str]:
    words = text.split()
    for i in range(len(words) - shortest + 1):
        yield " ".join(words[i:])


def cluster_names(mentions: Iterable[Mention]) -> frozenset[str]:
    """The normalised names of a cluster (see the module's docstring)."""
    mentions = list(mentions)
    names = {name_key(m.text) for m in mentions if m.kind == "name"} | {name_key(m.link) for m in mentions if m.link}
    names.discard("")
    if any(m.entity == "person" for m in mentions):
        names |= {tail for name in list(names) for tail in _tails(name, 2)}
        if any(len(name.split()) > 1 for name in names):
            names = {name for name in names if len(name.split()) > 1}
    return frozenset(names)


def cluster_keys(mentions: Iterable[Mention]) -> frozenset[str]:
    """Every string that identifies a cluster: its names, and the text and heads of its mentions."""
    mentions = [m for m in mentions if m.kind != "pronoun"]
    keys = set(cluster_names(mentions))
    for mention in mentions:
        keys |= {name_key(mention.text), name_key(" ".join(w.form for w in mention.heads))}
        if mention.entity == "person" and mention.kind == "name":
            keys |= set(_tails(name_key(mention.text), 1))
    keys.discard("")
    return frozenset(keys)


@dataclass(frozen=True)
class SpeakerCheck:
    """One quote with a speaker, the gold mention it matched (kind `unmatched` if none), the verdicts."""

    doc: str
    quote: str
    speaker: str
    canonical: str
    kind: str = "unmatched"
    gold_mention: str | None = None
    gold_cluster: str | None = None
    gold_names: tuple[str, ...] = ()
    cluster_right: bool = False
    canonical_right: bool | None = None  # None: unmatched, or the cluster has no name


def _antecedent_span(quote: Quote) -> tuple[int, int] | None:
    """The offsets of the speaker's antecedent, when the record carries one (object or dict)."""
    antecedent: Any = getattr(quote.speaker, "antecedent", None)
    if isinstance(antecedent, dict):
        start, end = antecedent.get("start"), antecedent.get("end")
    else:
        start, end = getattr(antecedent, "start", None), getattr(antecedent, "end", None)
    return (start, end) if isinstance(start, int) and isinstance(end, int) else None


def check_quote(doc: GumDocument, quote: Quote) -> SpeakerCheck:
    """Match a quote's speaker to a gold mention and judge its cluster and canonical name."""
    assert quote.speaker is not None
    speaker = quote.speaker
    base = SpeakerCheck(doc.id, quote.text, speaker.text, speaker.canonical)
    mention = match_mention(doc, speaker.start, speaker.end)
    if mention is None:
        return base
    cluster = doc.cluster(mention.cluster)
    names = cluster_names(cluster)
    canonical = name_key(speaker.canonical)
    antecedent = _antecedent_span(quote)
    if antecedent is not None:
        resolved = match_mention(doc, *antecedent)
        cluster_right = resolved is not None and resolved.cluster == mention.cluster
    else:
        cluster_right = canonical in cluster_keys(cluster)
    return replace(
        base,
        kind=mention.kind,
        gold_mention=mention.text,
        gold_cluster=mention.cluster,
        gold_names=tuple(sorted(names)),
        cluster_right=cluster_right,
        canonical_right=canonical in names if names else None,
    )


@dataclass(frozen=True)
class GumScore:
    """The counts of one split, overall and by how the matched gold mention refers."""

    name: str
    documents: int
    quotes: int
    checks: tuple[SpeakerCheck, ...]

    def counts(self, kind: str | None = None) -> dict[str, int]:
        checks = [c for c in self.checks if kind is None or c.kind == kind]
        matched = [c for c in checks if c.kind != "unmatched"]
        return {
            "with_speaker": len(checks),
            "matched": len(matched),
            "cluster_right": sum(c.cluster_right for c in matched),
            "named": sum(c.canonical_right is not None for c in matched),
            "canonical_right": sum(bool(c.canonical_right) for c in matched),
        }

    def as_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "documents": self.documents,
            "quotes": self.quotes,
            "overall": _with_ratios(self.counts()),
            "by_mention_kind": {kind: _with_ratios(self.counts(kind)) for kind in _KINDS},
            "checks": [asdict(c) for c in self.checks],
        }

    def to_markdown(self) -> str:
        lines = [
            f"**{self.name}** ({self.documents} documents, {self.quotes} quotes)",
            "",
            "| speaker mention | with speaker | matched to gold | cluster right | named cluster | canonical right |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for kind in (None, *_KINDS):
            c, label = _with_ratios(self.counts(kind)), kind or "all"
            lines.append(
                f"| {label} | {c['with_speaker']} | {c['matched']} | {c['cluster_right']} ({c['cluster']:.3f}) | "
                f"{c['named']} | {c['canonical_right']} ({c['canonical']:.3f}) |"
            )
        return "\n".join(lines)


def _with_ratios(counts: dict[str, int]) -> dict[str, float]:
    cluster, canonical = (counts[a] / counts[b] if counts[b] else 0.0 for a, b in _RATIOS)
    return dict(counts) | {"cluster": round(cluster, 4), "canonical": round(canonical, 4)}


def score_gum(name: str, documents: Iterable[GumDocument], quotes: Iterable[Quote]) -> GumScore:
    """Check every quote that has a speaker against its document's gold coreference."""
    by_id = {doc.id: doc for doc in documents}
    quotes = list(quotes)
    checks = tuple(check_quote(by_id[q.doc_id], q) for q in quotes if q.speaker is not None and q.doc_id in by_id)
    return GumScore(name, len(by_id), len(quotes), checks)
