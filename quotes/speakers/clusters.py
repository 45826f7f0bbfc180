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
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from quotes.records import SpeakerKind
from quotes.speakers.anatomy import MentionParts, name_text, parse_mention, strip_dateline
from quotes.speakers.names import name_words, proper_noun_runs
from quotes.speakers.registry import Entity, Registry, normalise_name
from quotes.speakers.words import SpeakerWords

#: How far back (in characters) a description or pronoun looks for its antecedent: news
#: refers back within a few paragraphs, and a bound keeps long documents linear.
LOOK_BACK = 6_000
_ISSUING = frozenset({"issue", "release", "publish", "post", "put", "send", "make", "tweet"})
_NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
_NON_PERSON: frozenset[SpeakerKind] = frozenset({"organisation", "government", "media", "group"})
_ACRONYM_AFTER = re.compile(
    r"((?:[A-Z][\w’'.&-]*\s+(?:(?:of|for|and|the|on|de|du)\s+)*){1,8})\(([A-Z][A-Za-z&]{1,9})\)"
)
_ACRONYM_BEFORE = re.compile(r"\b([A-Z]{2,10}),\s+the\s+((?:[A-Z][\w’'.&-]*\s*(?:(?:of|for|and|on)\s+)*){2,8})")


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
        if self.entity is not None:
            return self.entity.id
        canonical = self.canonical
        return None if canonical is None else "unknown:" + re.sub(r"\s+", "-", normalise_name(canonical))

    @property
    def person(self) -> bool:
        return self.kind == "person"


class DocumentEntities:
    """The clusters of one document and their occurrences in text order."""

    def __init__(self, doc: Doc, text: str, registry: Registry, words: SpeakerWords) -> None:
        self.doc, self.text, self.registry, self.words = doc, text, registry, words
        self.clusters: list[Cluster] = []
        self.occurrences: list[Occurrence] = []  # sorted by start
        self._starts: list[int] = []
        self._by_part: dict[str, list[int]] = {}  # first or last word of a person's name → clusters
        self._last_seen: dict[int, int] = {}
        self._by_key: dict[str, int] = {}
        self._by_entity: dict[str, int] = {}
        self._by_token: dict[int, int] = {}
        self._statements: list[tuple[int, int]] = []  # (offset, issuer cluster), sorted
        self._sentence_of = _sentence_starts(doc)
        self._read_acronyms()
        self._read_names()
        self._read_genders()
        self._read_descriptions()
        self._read_statements()

    # -- building -----------------------------------------------------------------------

    def _read_acronyms(self) -> None:
        """`the Council for Water Safety (CWS)` and `CWS, the Council for Water Safety`."""
        for match in _ACRONYM_AFTER.finditer(self.text):
            self._define_acronym(match.group(1).strip(), match.start(1), match.group(2))
        for match in _ACRONYM_BEFORE.finditer(self.text):
            self._define_acronym(match.group(2).strip(), match.start(2), match.group(1))

    def _define_acronym(self, name: str, start: int, acronym: str) -> None:
        capitals = [c for c in acronym if c.isupper()]
        initials = {w[0] for w in name.split() if w[:1].isupper()}
        if len(capitals) < 2 or len(capitals) < 0.6 * len(acronym) or capitals[0] not in initials:
            return  # `ZURICH (Reuters)` is a dateline, not a definition
        span = self.doc.char_span(start, start + len(name), alignment_mode="expand")
        if span is None or "\n" in span.text:
            return
        name = re.sub(r"^(?:the|The)\s+", "", name)
        kind = self.ner_kind(span) or "organisation"
        cluster = self.find_or_add(name, "organisation" if kind == "person" else kind)
        self._by_key.setdefault(normalise_name(acronym), cluster.index)

    def _read_names(self) -> None:
        words = name_words(self.doc, self.text)
        common = {t.lower_ for t in self.doc if t.is_lower}
        for sentence in self.doc.sents:
            headline = _headline(sentence, self.text)
            body = strip_dateline(sentence)  # `ZURICH (Reuters) -` names no one
            for run in self._with_titles(proper_noun_runs(body, words)):
                if headline and any(t.lower_ in common for t in run if t.is_alpha):
                    continue  # a headline capitalises common words too: `… after Hermoso Kiss`
                known = self._registry_phrase(run)
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
        following = self.doc[run.end : run.end + 2]
        nouns = [t for t in following if t.is_lower and t.pos_ == "NOUN"]
        if not nouns or nouns[0].i != run.end or cluster.person:
            return
        head = nouns[-1] if len(nouns) == 2 and nouns[-1].i == nouns[0].i + 1 else nouns[0]
        if head.lower_ not in self.words.organisation_nouns:
            return
        self.tie(cluster, head.lower_)
        if not cluster.certain and cluster.entity is None:
            cluster.kind = "media" if head.lower_ in self.words.media_nouns else cluster.kind
            cluster.certain = True

    def _registry_phrase(self, run: Span) -> tuple[Span, Entity] | None:
        """A registry alias that runs on into lower-case words (`US military`, `Al Arabiya news`)."""
        for end in range(min(run.end + 2, len(self.doc)), run.end, -1):
            phrase = self.doc[run.start : end]
            if "\n" in phrase.text:
                continue
            entity = self.registry.lookup(phrase.text)
            if entity is not None:
                return phrase, entity
        return None

    def _with_titles(self, runs: list[Span]) -> list[Span]:
        """Runs joined across lower-case role words (`Credit Suisse chairman Axel Lehmann`), and
        each run with the role words before it (`health secretary Matt Hancock`)."""
        joined: list[Span] = []
        for run in runs:
            start = run.start
            while start > 0 and self._title_word(self.doc[start - 1]):
                start -= 1
            gap = self.doc[joined[-1].end : run.start] if joined else None
            if joined and start <= joined[-1].end and start < run.start:
                joined[-1] = self.doc[joined[-1].start : run.end]
            elif gap is not None and 0 < len(gap) <= 2 and all(t.lower_ in {"of", "for", "the"} for t in gap):
                joined[-1] = self.doc[joined[-1].start : run.end]  # `Ministry of Water`
            else:
                joined.append(self.doc[start : run.end])
        return joined

    def _title_word(self, token: Token) -> bool:
        lower = token.lower_
        return lower in self.words.title_words or (lower in self.words.title_modifiers and token.is_lower)

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
            if len(clusters) != 1 or subject is None:
                continue
            cluster = self.clusters[subject.cluster]
            after = [t.lower_ for t in sentences[index] if t.idx >= subject.end and (t.tag_ in {"PRP", "PRP$"})]
            male, female = set(after) & self.words.masculine_pronouns, set(after) & self.words.feminine_pronouns
            if cluster.gender is None and bool(male) != bool(female):
                cluster.gender = "m" if male else "f"

    def add_mention(self, parts: MentionParts, speaker: bool = False) -> Cluster:
        """The cluster of a named mention, found or made, with the mention recorded."""
        assert parts.name is not None
        name = name_text(parts.name)
        kind, certain = self.kind_of(parts)
        cluster = self.find_or_add(name, kind)
        if certain and not cluster.certain and cluster.entity is None:
            cluster.kind = kind  # a role seen later overrules the recogniser's label
        cluster.certain = cluster.certain or certain or cluster.entity is not None
        if kind == "person" and self.ner_kind(parts.name) == "person":
            cluster.person_names.add(name)
        self._tie_parts(cluster, parts)
        self.record(parts.name, cluster, speaker)
        return cluster

    def _tie_parts(self, cluster: Cluster, parts: MentionParts) -> None:
        if parts.title is not None:
            self.tie(cluster, parts.title.text)
        if parts.honorific is not None and cluster.gender is None:
            cluster.gender = _gender_of_honorific(parts.honorific, self.words)
        if parts.affiliation is None or cluster.affiliation is not None:
            return
        if parts.affiliation[0].text[:1].isupper():
            kind = self.ner_kind(parts.affiliation)
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
            for description in _descriptions_of(token):
                self.tie(cluster, _noun_phrase(description))
            if not cluster.certain and _owns_media_product(token, self.words):
                cluster.kind, cluster.certain = "media", True  # `The Sun’s overnight story`

    def _read_statements(self) -> None:
        """Statements, posts and releases, each with its issuer, for `the statement said`."""
        for token in self.doc:
            if token.lower_ not in self.words.statement_nouns or token.pos_ != "NOUN":
                continue
            issuer = self._issuer(token)
            if issuer is not None:
                self._statements.append((token.idx, issuer))

    def _issuer(self, statement: Token) -> int | None:
        for child in statement.children:
            if child.dep_ in {"poss", "nmod:poss"} or (
                child.lower_ in {"from", "by"} and child.dep_ in {"prep", "case"}
            ):
                target = child if child.dep_ in {"poss", "nmod:poss"} else next(iter(child.children), None)
                found = self._cluster_at(target) if target is not None else None
                if found is not None:
                    return found
        # `X said in a statement`, `X issued a statement`
        verb = statement.head.head if statement.head.lower_ == "in" else statement.head
        if statement.head.lower_ != "in" and not (statement.dep_ in {"dobj", "obj"} and verb.lemma_ in _ISSUING):
            return None
        subjects = [c for c in verb.children if c.dep_.startswith("nsubj")]
        return self._cluster_at(subjects[0]) if subjects else None

    def _cluster_at(self, token: Token) -> int | None:
        return self._by_token.get(token.i)

    def add_statement(self, offset: int, issuer: Cluster) -> None:
        """A statement whose issuer resolution found (`the ministry said in a statement`)."""
        self._statements.insert(bisect_left(self._statements, (offset, -1)), (offset, issuer.index))

    # -- look-ups -----------------------------------------------------------------------

    def find_or_add(self, name: str, kind: SpeakerKind) -> Cluster:
        found = self.find(name, kind)
        if found is None:
            entity = self.registry.lookup(name)
            found = self._new_cluster(entity.kind if entity else kind, entity)  # type: ignore[arg-type]
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
        if key:
            self._by_key.setdefault(key, found.index)
        if found.kind == "unknown" and kind != "unknown":
            found.kind = kind
        return found

    def find(self, name: str, kind: SpeakerKind = "unknown") -> Cluster | None:
        """The cluster ``name`` belongs to: registry, exact name or acronym, then for people
        a part of a fuller name (`Berg`, `Anna` after `Anna Berg`) or fuzzily a registry alias."""
        key = normalise_name(name)
        if not key:
            return None
        entity = self.registry.lookup(name)
        if entity is not None and entity.id in self._by_entity:
            return self.clusters[self._by_entity[entity.id]]
        exact = self.clusters[self._by_key[key]] if key in self._by_key else None
        partial = self._partial_name(key.split()) if entity is None else None
        if exact is not None and partial is not None and partial.person and _weak(exact) and len(key.split()) == 1:
            return partial  # `Paris` after `Valeska Paris`: the person, not the city the recogniser saw
        if exact is not None:
            return exact
        if partial is not None:
            return partial
        if entity is None:
            entity = self.registry.fuzzy(name)
            if entity is not None and entity.id in self._by_entity:
                return self.clusters[self._by_entity[entity.id]]
            if entity is not None:
                return self._new_cluster(entity.kind, entity)  # type: ignore[arg-type]
        return None

    def _new_cluster(self, kind: SpeakerKind, entity: Entity | None) -> Cluster:
        cluster = Cluster(len(self.clusters), kind, entity)
        self.clusters.append(cluster)
        if entity is not None:
            self._by_entity[entity.id] = cluster.index
            cluster.nouns |= set(entity.nouns)
        return cluster

    def _partial_name(self, tokens: list[str]) -> Cluster | None:
        """The most recently mentioned person whose name holds ``tokens`` as its first or last
        words, or whose name ``tokens`` hold in turn (`Berg` before `Anna Berg`)."""
        candidates = {i for part in {tokens[0], tokens[-1]} for i in self._by_part.get(part, ())}
        if len(tokens) >= 2:
            candidates |= {self._by_key[part] for part in (tokens[0], tokens[-1]) if part in self._by_key}
        found = []
        for index in candidates:
            cluster = self.clusters[index]
            if cluster.kind not in {"person", "unknown"} or cluster.entity is not None:
                continue
            names = [normalise_name(name).split() for name in cluster.names]
            if not any(_is_part(tokens, other) or _is_part(other, tokens) for other in names):
                continue
            full_names = [other for other in names if len(other) >= 2 and other != tokens]
            if len(tokens) >= 2 and any(not (_is_part(tokens, o) or _is_part(o, tokens)) for o in full_names):
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
        if subject is None:
            subject = span.root.dep_.startswith("nsubj")
        occurrence = Occurrence(
            span.start_char, span.end_char, span.text, cluster.index, self.sentence_of(span.start), subject, speaker
        )
        position = bisect_left(self._starts, occurrence.start + 1)
        self.occurrences.insert(position, occurrence)
        self._starts.insert(position, occurrence.start)
        self._last_seen[cluster.index] = max(self._last_seen.get(cluster.index, -1), occurrence.start)
        return occurrence

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

    def most_mentioned_person(self) -> Occurrence | None:
        """The first mention of the person the article names most often (the first of equals),
        among those it surely names: a full name, a role or an honorific, not a lone word the
        recogniser guessed (`(LaPresse)`)."""
        counts: dict[int, int] = {}
        first: dict[int, Occurrence] = {}
        for occurrence in self.occurrences:
            cluster = self.clusters[occurrence.cluster]
            if cluster.person and (cluster.certain or any(" " in name for name in cluster.names)):
                counts[occurrence.cluster] = counts.get(occurrence.cluster, 0) + 1
                first.setdefault(occurrence.cluster, occurrence)
        if not counts:
            return None
        best = max(counts, key=lambda index: (counts[index], -first[index].start))
        return first[best]

    def latest(self, before: int, kinds: frozenset[SpeakerKind]) -> Occurrence | None:
        """The latest mention before ``before`` of a cluster of one of ``kinds``."""
        for occurrence in self.before(before):
            if self.clusters[occurrence.cluster].kind in kinds:
                return occurrence
        return None

    def ner_kind(self, span: Span) -> SpeakerKind | None:
        labels = [t.ent_type_ for t in span if t.ent_type_]
        return self.words.ner_kinds.get(labels[-1]) if labels else None  # a name's head is its last word

    def kind_of(self, parts: MentionParts) -> tuple[SpeakerKind, bool]:
        """The kind of a named mention, and whether it is certain: a role or honorific makes a
        person, a word of the name (`Ministry`, `Gazette`) an organisation of that kind; the
        recogniser's label alone is not certain."""
        if parts.honorific is not None or (
            parts.title is not None and parts.title[-1].lower_ in self.words.title_words
        ):
            return "person", True
        assert parts.name is not None
        for token in parts.name:
            if token.lower_ in self.words.name_word_kinds:
                return self.words.name_word_kinds[token.lower_], True
        return self.ner_kind(parts.name) or "unknown", False


def _description_keys(words: list[str]) -> list[str]:
    """`the foreign minister` must match a tied `foreign minister`; `the minister` any minister."""
    return [" ".join(words)] if len(words) > 1 else words


def _is_part(short: list[str], long: list[str]) -> bool:
    """`berg` or `anna` of `anna berg`; `jong un` is not enough, `kim` is."""
    if not short or len(short) >= len(long):
        return False
    return long[: len(short)] == short or long[-len(short) :] == short


def _gender_of_honorific(honorific: str, words: SpeakerWords) -> str | None:
    if honorific in words.masculine_honorifics:
        return "m"
    if honorific in words.feminine_honorifics:
        return "f"
    return None


def _descriptions_of(head: Token) -> list[Token]:
    """Nouns the parse ties to a name: its apposition, the noun it is in apposition to, or the
    predicate of a copula (ClearNLP `attr`, UD noun with a `cop` child)."""
    found = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    for clause in (c for c in head.children if c.dep_ in {"relcl", "acl:relcl"}):
        # `Lehmann, who has been chairman for a year`
        if clause.lemma_ == "be":
            found += [c for c in clause.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
        elif clause.pos_ == "NOUN" and any(c.dep_ == "cop" for c in clause.children):
            found.append(clause)
    if head.dep_ == "appos" and head.head.pos_ == "NOUN":
        found.append(head.head)
    if head.dep_.startswith("nsubj"):
        verb = head.head
        if verb.lemma_ == "be":
            found += [c for c in verb.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
        elif verb.pos_ == "NOUN" and any(c.dep_ == "cop" for c in verb.children):
            found.append(verb)
    return found


def _weak(cluster: Cluster) -> bool:
    """A cluster of one bare word whose kind only the recogniser gave."""
    return not cluster.certain and cluster.entity is None and all(" " not in name for name in cluster.names)


def _headline(sentence: Span, text: str) -> bool:
    """A line of its own without a full stop (`FIFA suspends President Rubiales after Hermoso
    Kiss`): its capitals are style, not names. ``text`` is the document's."""
    start, end = sentence.start_char, sentence.end_char
    whole_line = (start == 0 or text[start - 1] == "\n") and ("\n" in text[end - 1 : end + 1] or end == len(text))
    words = [t for t in sentence if t.is_alpha]
    return whole_line and len(words) >= 3 and text[start:end].rstrip()[-1:] not in {".", "!", "?", "”", '"', "’", ")"}


def _owns_media_product(name: Token, words: SpeakerWords) -> bool:
    """`The Sun's story`, `the Gazette's report`: whose story it is."""
    return name.dep_ in {"poss", "nmod:poss"} and name.head.lemma_.lower() in words.media_products


def _noun_phrase(noun: Token) -> str:
    """`logistics company` for `a logistics company`: the noun with its compounds and adjectives."""
    left = [c for c in noun.lefts if c.dep_ in {"compound", "amod"} and c.i == noun.i - 1]
    return " ".join([*(t.lower_ for t in left), noun.lower_])


def _sentence_starts(doc: Doc) -> list[int]:
    return [sentence.start for sentence in doc.sents]
