"""In-document entity clusters: every way one article names one entity, built once per article.

An article writes `UK Foreign Secretary David Lammy`, then `Lammy`, `the foreign secretary`
and `he`; `the Council for Water Safety (CWS)`, then `CWS` and `the council`; `Vela Freight,
a logistics company`, then `the company`; `a statement from the ministry`, then `the statement
said`. Each cluster gathers the names (full names, surnames, first names, honorific +
surname, defined acronyms, registry aliases), the descriptions the text ties to it (titles,
appositions, copulas) and where it is mentioned; its canonical name is the registry's, else
its fullest name.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from typing import cast

import numpy
from spacy.attrs import IDX, IS_LOWER, LEMMA, LOWER, POS
from spacy.symbols import NOUN
from spacy.tokens import Doc, Span, Token

from quotes.records import SpeakerKind
from quotes.speakers.anatomy import MentionParts, name_text, parse_mention, strip_dateline
from quotes.speakers.entities import Cluster, Occurrence, is_name_part, kind_of, ner_kind
from quotes.speakers.name_keys import id_key, same_entity
from quotes.speakers.names import name_words, proper_noun_runs
from quotes.speakers.registry import Entity, Registry, normalise_name
from quotes.speakers.ties import (
    acronym_definitions,
    descriptions_of,
    following_noun,
    gender_of_honorific,
    issuer_tokens,
    noun_phrase,
    owns_media_product,
    pronouns_after,
    with_titles,
)
from quotes.speakers.ties import headline as is_headline
from quotes.speakers.words import SpeakerWords

#: How far back (in characters) a description or pronoun looks for its antecedent: news
#: refers back within a few paragraphs, and a bound keeps long documents linear.
LOOK_BACK = 6_000
_NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
_NON_PERSON: frozenset[SpeakerKind] = frozenset({"organisation", "government", "media", "group"})


class DocumentEntities:
    """The clusters of one document and their occurrences in text order."""

    def __init__(self, doc: Doc, text: str, registry: Registry, words: SpeakerWords) -> None:
        self.doc, self.text, self.registry, self.words = doc, text, registry, words
        self.clusters: list[Cluster] = []
        self.occurrences: list[Occurrence] = []  # sorted by start
        self._starts: list[int] = []
        self._by_part: dict[str, list[int]] = {}  # first or last word of a person's name → clusters
        self._by_surname_key: dict[str, list[int]] = {}  # the name key of a full name's last word → clusters
        self._last_seen: dict[int, int] = {}
        self._by_key: dict[str, int] = {}
        self._by_entity: dict[str, int] = {}
        self._by_token: dict[int, int] = {}
        self._statements: list[tuple[int, int]] = []  # (offset, issuer cluster), sorted
        # the token attributes the look-ups scan, read once: building a Token per word is the slow part
        self._lower, self._is_lower, self._lemma, self._pos, self._idx = doc.to_array(
            [LOWER, IS_LOWER, LEMMA, POS, IDX]
        ).T
        self._voices: dict[str, int] = {}  # `we`, `I`, `you` → the unnamed cluster they stand for
        self._sentence_of = _sentence_starts(doc)
        statement_words = [doc.vocab.strings[noun] for noun in words.statement_nouns]
        self._statement_nouns: list[int] = numpy.flatnonzero(
            numpy.isin(self._lower, statement_words) & (self._pos == NOUN)
        ).tolist()
        self._chunks: dict[int, dict[int, Span]] = {}  # sentence → its noun chunks by root
        self._read_acronyms()
        self._read_names()
        self._read_genders()
        self._read_descriptions()
        self._read_statements()

    # -- building -----------------------------------------------------------------------

    def _read_acronyms(self) -> None:
        """`the Council for Water Safety (CWS)` and `CWS, the Council for Water Safety`."""
        for name, start, acronym in acronym_definitions(self.text):
            span = self.doc.char_span(start, start + len(name), alignment_mode="expand")
            if span is None or "\n" in span.text:
                continue
            kind = ner_kind(self.words, span) or "organisation"
            cluster = self.find_or_add(
                re.sub(r"^(?:the|The)\s+", "", name), "organisation" if kind == "person" else kind
            )
            self._by_key.setdefault(normalise_name(acronym), cluster.index)

    def _read_names(self) -> None:
        words = name_words(self.doc, self.text)
        common = {self.doc.vocab.strings[word] for word in set(self._lower[self._is_lower == 1].tolist())}
        for sentence in self.doc.sents:
            headline = is_headline(sentence, self.text)
            body = strip_dateline(sentence)  # `ZURICH (Reuters) -` names no one
            for run in with_titles(self.doc, proper_noun_runs(body, words), self.words):
                if headline and any(t.lower_ in common for t in run if t.is_alpha):
                    continue  # a headline capitalises common words too: `… after Hermoso Kiss`
                known = self._registry_phrase(run)
                if known is not None and self.person_named_by(known[0].text, known[1]) is not None:
                    known = None  # `Paris` after `Valeska Paris`: read as her name below
                if known is not None:
                    phrase, entity = known
                    cluster = self.find_or_add(entity.name, entity.kind)  # type: ignore[arg-type]
                    self.record(phrase, cluster)
                    for token in phrase:
                        self._by_token[token.i] = cluster.index
                    continue
                if run.root.ent_type_ in _NOT_NAMES or run.root.pos_ == "ADJ":
                    continue  # `Monday`, `March`; `Australian` in `Australian children`
                parts = parse_mention(run, self.words)
                if parts.name is None or not any(c.isalpha() for c in parts.name.text):
                    continue
                cluster = self.add_mention(parts)
                for token in run:
                    self._by_token[token.i] = cluster.index
                self._tie_following_noun(run, cluster)

    def _tie_following_noun(self, run: Span, cluster: Cluster) -> None:
        """`The Sun newspaper`, `Yonhap news agency`: the noun after a name says what it is."""
        noun = following_noun(run, self.words)
        if noun is None or cluster.person:
            return
        self.tie(cluster, noun.lower_)
        if not cluster.certain and cluster.entity is None:
            cluster.kind = "media" if noun.lower_ in self.words.media_nouns else cluster.kind
            cluster.certain = True

    def person_named_by(self, name: str, entity: Entity) -> Cluster | None:
        """The person of the article, other than ``entity``, one word of whose name this registry
        alias of one word is (`Paris` after `Valeska Paris`, `Biden` after `Hunter Biden`)."""
        person = self._article_person(normalise_name(name))
        return person if person is not None and person.entity != entity else None

    def _article_person(self, key: str) -> Cluster | None:
        """The person of the article one word of whose name ``key`` (one word) is: a person's,
        or the last of a name whose kind only the recogniser gave (`Valeska Paris` as a place)."""
        if not key or " " in key:
            return None
        person = self._partial_name([key])
        if person is not None:
            return person
        for index in reversed(self._by_part.get(key, [])):
            cluster = self.clusters[index]
            names = [normalise_name(name).split() for name in cluster.names]
            if not cluster.certain and cluster.entity is None and any(len(n) >= 2 and n[-1] == key for n in names):
                return cluster
        return None

    def _registry_phrase(self, run: Span) -> tuple[Span, Entity] | None:
        """A registry alias that runs on into lower-case words (`US military`, `Al Arabiya news`)."""
        first = run[1] if len(run) > 1 and run[0].lower_ == "the" else run[0]
        if not self.registry.may_start(first.text):
            return None
        for end in range(min(run.end + 2, len(self.doc)), run.end, -1):
            phrase = self.doc[run.start : end]
            if "\n" in phrase.text:
                continue
            entity = self.registry.lookup(phrase.text)
            if entity is not None:
                return phrase, entity
        return None

    def _read_genders(self) -> None:
        """A sentence about one person, its subject, that goes on with `she` or `her` (after the
        name, not in a quote before it) shows her gender."""
        people: dict[int, set[int]] = {}
        first_subject: dict[int, Occurrence] = {}
        for occurrence in self.occurrences:
            if self.clusters[occurrence.cluster].person:
                people.setdefault(occurrence.sentence, set()).add(occurrence.cluster)
                if occurrence.subject:
                    first_subject.setdefault(occurrence.sentence, occurrence)
        sentences = list(self.doc.sents)
        for index, clusters in people.items():
            subject = first_subject.get(index)
            if len(clusters) == 1 and subject is not None and self.clusters[subject.cluster].gender is None:
                self.clusters[subject.cluster].gender = pronouns_after(sentences[index], subject.end, self.words)

    def add_mention(self, parts: MentionParts, speaker: bool = False) -> Cluster:
        """The cluster of a named mention, found or made, with the mention recorded."""
        assert parts.name is not None
        name = name_text(parts.name)
        kind, certain = kind_of(self.words, parts)
        cluster = self.find_or_add(name, kind)
        if certain and not cluster.certain and cluster.entity is None:
            cluster.kind = kind  # a role seen later overrules the recogniser's label
        cluster.certain = cluster.certain or certain or cluster.entity is not None
        if kind == "person" and ner_kind(self.words, parts.name) == "person":
            cluster.person_names.add(name)
        self._tie_parts(cluster, parts)
        self.record(parts.name, cluster, speaker)
        return cluster

    def _tie_parts(self, cluster: Cluster, parts: MentionParts) -> None:
        if parts.title is not None:
            self.tie(cluster, parts.title.text)
        if parts.honorific is not None and cluster.gender is None:
            cluster.gender = gender_of_honorific(parts.honorific, self.words)
        if parts.affiliation is None or cluster.affiliation is not None:
            return
        if parts.affiliation[0].text[:1].isupper():
            kind = ner_kind(self.words, parts.affiliation)
            organisation = self.find_or_add(
                name_text(parts.affiliation), kind if kind in _NON_PERSON else "organisation"
            )
            if organisation is not cluster:
                cluster.affiliation = organisation.index
                self.record(parts.affiliation, organisation)
        else:  # `a spokesman for the group`: the group the text named before
            described = self.described(parts.affiliation.text, parts.affiliation.start_char)
            if described is not None and described.cluster != cluster.index:
                cluster.affiliation = described.cluster

    def tie(self, cluster: Cluster, description: str) -> None:
        """Let `the <description>` and `the <its last word>` refer to ``cluster``."""
        words = [w for w in normalise_name(description).split() if w not in {"a", "an", "the"}]
        if not words:
            return
        cluster.nouns.add(" ".join(words))
        cluster.nouns.add(words[-1])
        if cluster.gender is None:
            cluster.gender = {"spokesman": "m", "spokeswoman": "f", "chairwoman": "f"}.get(words[-1])

    def _read_descriptions(self) -> None:
        """Appositions and copulas: `Vela Freight, a logistics company,`; `Vela Freight is a …`."""
        for token_i, cluster_index in list(self._by_token.items()):
            token = self.doc[token_i]
            if token.head.i in self._by_token or token.dep_ in {"compound", "flat"}:
                continue  # not the head of its name
            cluster = self.clusters[cluster_index]
            for description in descriptions_of(token):
                self.tie(cluster, noun_phrase(description))
            if not cluster.certain and owns_media_product(token, self.words):
                cluster.kind, cluster.certain = "media", True  # `The Sun’s overnight story`

    def _read_statements(self) -> None:
        """Statements, posts and releases, each with its issuer, for `the statement said`."""
        for token in self.statement_nouns_between(0, len(self.doc)):
            issuer = self._issuer(token)
            if issuer is not None:
                self._statements.append((token.idx, issuer))

    def statement_nouns_between(self, start: int, end: int) -> list[Token]:
        """The nouns `statement`, `post`, `release` … among tokens ``start`` to ``end``."""
        positions = self._statement_nouns
        return [self.doc[i] for i in positions[bisect_left(positions, start) : bisect_left(positions, end)]]

    def _issuer(self, statement: Token) -> int | None:
        for token in issuer_tokens(statement):
            if token.i in self._by_token:
                return self._by_token[token.i]
        return None

    def add_statement(self, offset: int, issuer: Cluster) -> None:
        """A statement whose issuer resolution found (`the ministry said in a statement`)."""
        self._statements.insert(bisect_left(self._statements, (offset, -1)), (offset, issuer.index))

    # -- look-ups -----------------------------------------------------------------------

    def find_or_add(self, name: str, kind: SpeakerKind) -> Cluster:
        found = self.find(name)
        if found is None:
            entity = self.registry.lookup(name)
            found = self.new_cluster(entity.kind if entity else kind, entity)  # type: ignore[arg-type]
        key = normalise_name(name)
        if key and name not in found.names and "\n" not in name:
            found.names.append(name)
            for word in key.split():  # `the ministry` for `Ministry of Water`
                if word in self.words.organisation_nouns and found.kind != "person":
                    found.nouns.add(word)
            parts = key.split()
            if len(parts) >= 2:
                for part in {parts[0], parts[-1]}:
                    self._by_part.setdefault(part, []).append(found.index)
                self._by_surname_key.setdefault(id_key(name).rpartition("-")[2], []).append(found.index)
        if key:
            self._by_key.setdefault(key, found.index)
        if found.kind == "unknown" and kind != "unknown":
            found.kind = kind
        return found

    def find(self, name: str) -> Cluster | None:
        """The cluster ``name`` belongs to: a person of the article one word of whose name it is
        (a registry alias too: `Paris` after `Valeska Paris`), the registry, the exact name or
        acronym, a part of a fuller name (`Berg`, `Anna` after `Anna Berg`), the name respelled,
        or fuzzily a registry alias."""
        key = normalise_name(name)
        if not key:
            return None
        entity = self.registry.lookup(name)
        person = self.person_named_by(name, entity) if entity is not None else None
        if person is not None:
            return person  # `Paris` after `Valeska Paris`
        if entity is not None and entity.id in self._by_entity:
            return self.clusters[self._by_entity[entity.id]]
        exact = self.clusters[self._by_key[key]] if key in self._by_key else None
        partial = self._partial_name(key.split()) if entity is None else None
        if exact is not None and partial is not None and partial.person and exact.weak and len(key.split()) == 1:
            return partial  # `Paris` after `Valeska Paris`: the person, not the city the recogniser saw
        if exact is not None:
            return exact
        if partial is not None:
            return partial
        respelled = self._respelled(name) if entity is None else None
        if respelled is not None:
            return respelled
        if entity is None:
            entity = self.registry.fuzzy(name)
            if entity is not None and entity.id in self._by_entity:
                return self.clusters[self._by_entity[entity.id]]
            if entity is not None:
                return self.new_cluster(entity.kind, entity)  # type: ignore[arg-type]
        return None

    def new_cluster(self, kind: SpeakerKind, entity: Entity | None) -> Cluster:
        cluster = Cluster(len(self.clusters), kind, entity)
        self.clusters.append(cluster)
        if entity is not None:
            self._by_entity[entity.id] = cluster.index
            cluster.nouns |= set(entity.nouns)
        return cluster

    def _respelled(self, name: str) -> Cluster | None:
        """The most recently mentioned person whose name this is in another spelling: a surname
        with the same name key (`Ms Bauchtman` after `Lydia Buchtmann`), a full name that
        :func:`same_entity` takes for theirs (`Mohammed al-Soudani` after `Muhammad al-Sudani`)."""
        words = id_key(name).split("-")
        found = [
            self.clusters[index]
            for index in self._by_surname_key.get(words[-1], ())
            if self.clusters[index].kind in {"person", "unknown"}
            and (len(words) == 1 or any(same_entity(name, other, person=True) for other in self.clusters[index].names))
        ]
        return max(found, key=lambda c: self._last_seen.get(c.index, -1), default=None)

    def _partial_name(self, tokens: list[str]) -> Cluster | None:
        """The most recently mentioned person whose name holds ``tokens`` as its first or last
        words, or whose name ``tokens`` hold in turn (`Berg` before `Anna Berg`)."""
        candidates = {i for part in {tokens[0], tokens[-1]} for i in self._by_part.get(part, ())}
        if len(tokens) >= 2:
            candidates |= {self._by_key[part] for part in (tokens[0], tokens[-1]) if part in self._by_key}
        found = []
        for index in candidates:
            cluster = self.clusters[index]
            if cluster.kind not in {"person", "unknown"}:
                continue  # a registry person too: `Kim` after `Kim Jong Un`
            names = [normalise_name(name).split() for name in cluster.names]
            if not any(is_name_part(tokens, other) or is_name_part(other, tokens) for other in names):
                continue
            full_names = [other for other in names if len(other) >= 2 and other != tokens]
            if len(tokens) >= 2 and any(not (is_name_part(tokens, o) or is_name_part(o, tokens)) for o in full_names):
                continue  # `Kim Yo Jong` is not `Kim Jong Un`, though both are `Kim`
            found.append(cluster)
        # a surname (last word) before a first word, then the most recently mentioned
        return max(
            found,
            key=lambda c: (
                any(normalise_name(n).split()[-1] == tokens[-1] for n in c.names),
                self._last_seen.get(c.index, -1),
            ),
            default=None,
        )

    def record(self, span: Span, cluster: Cluster, speaker: bool = False, subject: bool | None = None) -> Occurrence:
        occurrence = self.occurrence(span, cluster, speaker, subject)
        position = bisect_left(self._starts, occurrence.start + 1)
        self.occurrences.insert(position, occurrence)
        self._starts.insert(position, occurrence.start)
        self._last_seen[cluster.index] = max(self._last_seen.get(cluster.index, -1), occurrence.start)
        return occurrence

    def occurrence(
        self, span: Span, cluster: Cluster, speaker: bool = False, subject: bool | None = None
    ) -> Occurrence:
        """An occurrence of ``cluster`` at ``span``, not recorded (see :meth:`record`)."""
        if subject is None:
            subject = span.root.dep_.startswith("nsubj")
        return Occurrence(
            span.start_char, span.end_char, span.text, cluster.index, self.sentence_of(span.start), subject, speaker
        )

    def previous_word(self, lower: str, before: int, outside: tuple[int, int] | None = None) -> Span | None:
        """The latest token spelled ``lower`` (any case) starting within :data:`LOOK_BACK`
        characters before ``before``, and not inside ``outside``."""
        starts = self._idx
        found = (self._lower == self.doc.vocab.strings[lower]) & (starts < before) & (starts >= before - LOOK_BACK)
        if outside is not None:
            found &= (starts < outside[0]) | (starts >= outside[1])
        hits = numpy.flatnonzero(found)
        return self.doc[int(hits[-1]) : int(hits[-1]) + 1] if len(hits) else None

    def voice(self, pronoun: str) -> Cluster:
        """The unnamed entity behind a document's `we` (or `I`, `you`) when nothing names it."""
        if pronoun not in self._voices:
            kind: SpeakerKind = "group" if pronoun in self.words.plural_pronouns else "person"
            self._voices[pronoun] = self.new_cluster(kind, None).index
        return self.clusters[self._voices[pronoun]]

    def before(self, offset: int) -> list[Occurrence]:
        """The occurrences within :data:`LOOK_BACK` characters before ``offset``, latest first."""
        end = bisect_left(self._starts, offset)
        start = bisect_left(self._starts, offset - LOOK_BACK)
        return self.occurrences[start:end][::-1]

    def sentence_of(self, token_i: int) -> int:
        return bisect_left(self._sentence_of, token_i + 1) - 1

    def statement_issuer(self, before: int) -> Cluster | None:
        """Who issued the latest statement named before ``before``."""
        position = bisect_left(self._statements, (before, -1))
        return self.clusters[self._statements[position - 1][1]] if position else None

    def described(self, description: str, before: int) -> Occurrence | None:
        """The latest mention before ``before`` of a cluster the article ties ``description`` to
        (`the foreign minister`, `the company`)."""
        words = [w for w in normalise_name(description).split() if w not in {"a", "an", "the", "this", "that"}]
        if not words:
            return None
        earlier = self.before(before)
        for key in _description_keys(words):
            for occurrence in earlier:
                if key in self.clusters[occurrence.cluster].nouns:
                    return occurrence
        return None

    def described_after(self, description: str, after: int) -> Occurrence | None:
        """The first mention after ``after`` of a cluster tied to ``description``: a lede may
        name the role first (`The bank's chairman told shareholders …`) and the person later."""
        words = [w for w in normalise_name(description).split() if w not in {"a", "an", "the", "this", "that"}]
        if not words:
            return None
        start = bisect_left(self._starts, after + 1)
        end = bisect_left(self._starts, after + LOOK_BACK)
        for key in _description_keys(words):
            for occurrence in self.occurrences[start:end]:
                cluster = self.clusters[occurrence.cluster]
                if key in cluster.nouns and cluster.person:
                    return occurrence
        return None

    def earlier_description(self, head: Token, before: int) -> Occurrence | None:
        """The latest noun phrase before ``before`` with the same head noun (`the report's
        authors` for `The authors`), as a mention of an entity without a name."""
        for root in self._same_lemma_before(head, before):
            chunk = self._noun_chunk_of(root)
            if chunk is None:
                continue
            if chunk.start_char < before - LOOK_BACK:
                return None
            if chunk.end_char <= before:
                kind: SpeakerKind = "anonymous source" if head.lower_ in self.words.anonymous_nouns else "group"
                return self.record(chunk, self.new_cluster(kind if head.tag_ == "NNS" else "unknown", None))
        return None

    def _noun_chunk_of(self, root: Token) -> Span | None:
        """The noun chunk ``root`` heads, if any. Chunks never cross a sentence, so the chunker runs
        over its sentence once (``Span.noun_chunks`` would run it over the whole document)."""
        sentence = self.sentence_of(root.i)
        if sentence not in self._chunks:
            start = self._sentence_of[sentence]
            end = self._sentence_of[sentence + 1] if sentence + 1 < len(self._sentence_of) else len(self.doc)
            chunks = self._chunks[sentence] = {}
            # spaCy's stub types the chunker as giving spans; it gives (start, end, label) triples
            chunker = cast(Callable[[Span], Iterable[tuple[int, int, int]]] | None, self.doc.vocab.get_noun_chunks)
            for first, last, label in chunker(self.doc[start:end]) if chunker is not None else ():
                chunk = Span(self.doc, first, last, label=label)
                chunks.setdefault(chunk.root.i, chunk)
        return self._chunks[sentence].get(root.i)

    def _same_lemma_before(self, head: Token, before: int) -> Iterator[Token]:
        """Nouns of ``head``'s lemma starting before ``before``, latest first, read from arrays."""
        found = (self._lemma == head.lemma) & (self._pos == NOUN) & (self._idx < before)
        for i in numpy.flatnonzero(found)[::-1]:
            yield self.doc[int(i)]

    def most_mentioned_person(self) -> Occurrence | None:
        """The first mention of the person the article names most often (the first of equals),
        among those it surely names: a full name, a role or an honorific, not a lone word the
        recogniser guessed (`(LaPresse)`); a person its first sentence (a headline) names
        comes first."""
        counts: dict[int, int] = {}
        first: dict[int, Occurrence] = {}
        for occurrence in self.occurrences:
            cluster = self.clusters[occurrence.cluster]
            if cluster.person and (cluster.certain or any(" " in name for name in cluster.names)):
                counts[occurrence.cluster] = counts.get(occurrence.cluster, 0) + 1
                first.setdefault(occurrence.cluster, occurrence)
        if not counts:
            return None
        headline = [index for index in counts if first[index].sentence == 0]  # `X interviews Y on …`
        best = max(headline or counts, key=lambda index: (counts[index], -first[index].start))
        return first[best]

    def latest(self, before: int, kinds: frozenset[SpeakerKind]) -> Occurrence | None:
        """The latest mention before ``before`` of a cluster of one of ``kinds``."""
        for occurrence in self.before(before):
            if self.clusters[occurrence.cluster].kind in kinds:
                return occurrence
        return None


def _description_keys(words: list[str]) -> list[str]:
    """`the foreign minister` must match a tied `foreign minister`; `the minister` any minister."""
    return [" ".join(words)] if len(words) > 1 else words


def _sentence_starts(doc: Doc) -> list[int]:
    return [sentence.start for sentence in doc.sents]
