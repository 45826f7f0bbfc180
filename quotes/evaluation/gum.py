"""Speaker identity measured on GUM's gold coreference (issue 16, point 5).

The news and interview documents of a GUM split (``splits.md``: the ids listed under ``## dev``,
``## test``, ``## train``) are read by :mod:`quotes.evaluation.coref` into their text, one paragraph
a line, with every gold mention's offsets and cluster; the extractor runs on that text.

Matching a speaker to a gold mention. The speaker span's head is its first word whose syntactic
head (gold UD) lies outside the span. Of the gold mentions overlapping the span, one with the same
head wins (the best overlap among several: Jaccard of the two character spans); else the mention of
best overlap if that is at least 0.5; else the speaker is *unmatched* (e.g. a span that runs into
the content). A mention's kind is its head's part of speech: pronoun (PRON), name (PROPN) or
description (anything else).

Judging the speaker by the gold cluster ``C`` of that mention. Strings compare by
:func:`quotes.speakers.registry.normalise_name` after dropping a possessive ``'s`` and a leading
honorific (Mr, Ms, Dr…). The *names* of ``C`` are its mentions' Wikipedia titles and the runs of
proper nouns that hold a mention's head or hang from it by ``flat`` or ``appos`` (``Senior
researcher Mu Li``: ``Mu Li``); for an organisation or place also the text of a mention headed by a
proper noun (``the University of Sydney``). For a person only the *fullest* names count: the titles,
and the runs with most words, or any tail of two words or more of those (``Cres Eastman`` of
``Professor Cres Eastman``; not ``Eastman`` nor ``Professor Eastman``).

- **cluster**: when the record carries an ``antecedent`` span (a pronoun or description resolved to
  an earlier mention), right when that span's gold mention is in ``C``. Otherwise right when the
  canonical string equals a *key* of ``C``: a *loose name* (a name, or for a person any tail of a
  run: the surname too), or the text or head word of a mention that is not a pronoun; or when, of
  all the loose names of the document's clusters written inside the canonical (whole words), the
  longest is ``C``'s alone (``Tom Reyes, her deputy``: right; ``Okafor's deputy``: Okafor's
  cluster). So a canonical left as a pronoun (``he``) is wrong, and one left as a description
  (``company`` for ``the company``) is right here.
- **canonical**: right when the canonical string is a name of ``C``. Quotes whose cluster has no
  name (``researchers``) are not counted (the table's *named cluster* column is the denominator).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from quotes.evaluation.coref import CorefDocument, Mention, Word, parse_conllu
from quotes.records import Quote
from quotes.speakers.registry import normalise_name

GENRES = ("news", "interview")
SPLITS = ("dev", "test", "train")
_POSSESSIVE = re.compile(r"\s*['’]s?$")
_RATIOS = (("cluster_right", "matched"), ("canonical_right", "named"))
_KINDS = ("name", "description", "pronoun")
NAME_RELATIONS = ("flat", "appos")
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame"})


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


def read_gum(folder: Path, split: str) -> list[CorefDocument]:
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
    return shared / max(1, max(a[1], b[1]) - min(a[0], b[0]))


def span_head(doc: CorefDocument, start: int, end: int) -> Word | None:
    """The first word inside ``[start, end)`` whose syntactic head is outside it."""
    inside = {w.index for w in doc.words if start <= w.start and w.end <= end}
    return next((doc.words[i] for i in sorted(inside) if doc.words[i].head not in inside), None)


def match_mention(doc: CorefDocument, start: int, end: int) -> Mention | None:
    """The gold mention of a speaker span: one headed by the span's head first, then the best overlap."""
    head = span_head(doc, start, end)
    best: Mention | None = None
    best_rank = (False, 0.0)
    for mention in doc.mentions:
        overlap = _jaccard((start, end), (mention.start, mention.end))
        rank = (head == mention.head, overlap)
        if overlap > 0 and (rank[0] or overlap >= 0.5) and rank > best_rank:
            best, best_rank = mention, rank
    return best


def _tails(text: str, shortest: int) -> Iterator[str]:
    words = text.split()
    for i in range(len(words) - shortest + 1):
        yield " ".join(words[i:])


def without_honorific(key: str) -> str:
    """A name key without a leading `mr`, `ms`, `dr`…: `mr tedeschi` → `tedeschi`."""
    first, _, rest = key.partition(" ")
    return rest if rest and first in HONORIFICS else key


def _runs(mention: Mention) -> list[str]:
    """The keys of the proper-noun runs that hold the mention's head or hang from it (flat, appos)."""
    runs: list[str] = []
    current: list[Word] = []
    head = mention.head
    for word in (*mention.words, None):
        if word is not None and word.upos == "PROPN":
            current.append(word)
            continue
        if head in current or any(w.head == head.index and w.deprel.split(":")[0] in NAME_RELATIONS for w in current):
            text = mention.text[current[0].start - mention.start : current[-1].end - mention.start]
            runs.append(without_honorific(name_key(text)))
        current = []
    return runs


def cluster_names(mentions: Iterable[Mention]) -> frozenset[str]:
    """The normalised names of a cluster (see the module's docstring)."""
    mentions = list(mentions)
    links = {name_key(m.link) for m in mentions if m.link}
    runs = {run for m in mentions for run in _runs(m)}
    if any(m.entity == "person" for m in mentions):
        longest = max((len(run.split()) for run in runs), default=0)
        full = {run for run in runs if len(run.split()) == longest} | links
        names = {tail for name in full for tail in _tails(name, min(2, len(name.split())))}
    else:
        names = runs | links | {name_key(m.text) for m in mentions if m.kind == "name"}
    names.discard("")
    return frozenset(names)


def _loose_names(mentions: Iterable[Mention]) -> set[str]:
    """A cluster's names, and for a person every tail of a run (the surname too)."""
    mentions = list(mentions)
    names = set(cluster_names(mentions))
    for mention in mentions:
        if mention.entity == "person":
            names |= {tail for run in _runs(mention) for tail in _tails(run, 1)}
    names.discard("")
    return names


def cluster_keys(mentions: Iterable[Mention]) -> frozenset[str]:
    """Every string that identifies a cluster: its loose names, and the text and head of its mentions."""
    mentions = [m for m in mentions if m.kind != "pronoun"]
    keys = _loose_names(mentions) | {key for m in mentions for key in (name_key(m.text), name_key(m.head.form))}
    keys.discard("")
    return frozenset(keys)


def named_cluster(doc: CorefDocument, canonical: str) -> str | None:
    """The cluster whose (loose) name written inside `canonical` has the most words; None if none or a tie."""
    padded = f" {canonical} "
    found = [
        (len(name.split()), cluster)
        for cluster, mentions in doc.clusters.items()
        for name in _loose_names(mentions)
        if f" {name} " in padded
    ]
    longest = max((n for n, _ in found), default=0)
    clusters = {cluster for n, cluster in found if n == longest}
    return clusters.pop() if len(clusters) == 1 else None


@dataclass(frozen=True)
class SpeakerCheck:
    """One quote with a speaker, the gold mention it matched (kind `unmatched` if none), the verdicts."""

    doc: str
    quote: str
    speaker: str
    canonical: str | None
    kind: str = "unmatched"
    gold_mention: str | None = None
    gold_cluster: str | None = None
    gold_names: tuple[str, ...] = ()
    cluster_right: bool = False
    canonical_right: bool | None = None  # None: unmatched, or the cluster has no name


def _antecedent_span(quote: Quote) -> tuple[int, int] | None:
    antecedent = quote.speaker.antecedent if quote.speaker is not None else None
    return (antecedent.start, antecedent.end) if antecedent is not None else None


def check_quote(doc: CorefDocument, quote: Quote) -> SpeakerCheck:
    """Match a quote's speaker to a gold mention and judge its cluster and canonical name."""
    assert quote.speaker is not None
    speaker = quote.speaker
    base = SpeakerCheck(doc.id, quote.text, speaker.text, speaker.canonical)
    mention = match_mention(doc, speaker.start, speaker.end)
    if mention is None:
        return base
    cluster = doc.cluster(mention.cluster)
    names = cluster_names(cluster)
    antecedent = _antecedent_span(quote)
    resolved = match_mention(doc, *antecedent) if antecedent is not None else None
    if antecedent is not None:
        cluster_right = resolved is not None and resolved.cluster == mention.cluster
    elif speaker.canonical is None:
        # left unresolved: right only where the text has nothing earlier to resolve it to
        cluster_right = not any(other.start < mention.start for other in cluster)
    canonical = without_honorific(name_key(speaker.canonical)) if speaker.canonical is not None else None
    if canonical is not None and antecedent is None:
        keys = {canonical, name_key(speaker.canonical or "")}
        cluster_right = bool(keys & cluster_keys(cluster)) or named_cluster(doc, canonical) == mention.cluster
    return replace(
        base,
        kind=mention.kind,
        gold_mention=mention.text,
        gold_cluster=mention.cluster,
        gold_names=tuple(sorted(names)),
        cluster_right=cluster_right,
        canonical_right=(canonical in names) if names else None,
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


def score_gum(name: str, documents: Iterable[CorefDocument], quotes: Iterable[Quote]) -> GumScore:
    """Check every quote that has a speaker against its document's gold coreference."""
    by_id = {doc.id: doc for doc in documents}
    quotes = list(quotes)
    checks = tuple(check_quote(by_id[q.doc_id], q) for q in quotes if q.speaker is not None and q.doc_id in by_id)
    return GumScore(name, len(by_id), len(quotes), checks)
