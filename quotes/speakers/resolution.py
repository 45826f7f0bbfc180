"""Speaker resolution: from the mention as written to a canonical entity.

Per document: the mention is taken apart (:mod:`quotes.speakers.anatomy`); its name joins the
article's cluster for that entity (:mod:`quotes.speakers.clusters`: registry, acronyms, fuller
names); a pronoun refers back by salience (:mod:`quotes.speakers.pronouns`); a description
(`the company`, `the foreign minister`) to the entity the article tied it to; a statement to
its issuer; an anonymous spokesperson to whom they speak for. What cannot be resolved keeps a
null canonical rather than a wrong one.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from quotes.records import Mention, Quote, ResolvedBy, Speaker, SpeakerKind
from quotes.speakers.anatomy import MentionParts, name_text, parse_mention
from quotes.speakers.clusters import DocumentEntities
from quotes.speakers.entities import Cluster, Occurrence, ner_kind
from quotes.speakers.pronouns import antecedent_of
from quotes.speakers.registry import Entity, Registry, normalise_name
from quotes.speakers.words import speaker_words

_GROUP_KINDS: frozenset[SpeakerKind] = frozenset({"organisation", "government", "media", "group"})


def resolve_speakers(doc: Doc, quotes: list[Quote], registry: Registry, text: str | None = None) -> list[Quote]:
    """Fill the parts and the canonical identity of each quote's speaker.

    ``text`` is ``doc.text`` when the caller has it (``Doc.text`` rebuilds the string on every call).
    Text and offsets of the quotes are never changed."""
    text = doc.text if text is None else text
    entities = DocumentEntities(doc, text, registry, speaker_words())
    resolved = []
    for quote in sorted(quotes, key=lambda q: q.speaker.start if q.speaker else q.start):
        if quote.speaker is None:
            resolved.append(quote)
            continue
        mention = doc.char_span(quote.speaker.start, quote.speaker.end, alignment_mode="expand")
        speaker = replace(quote.speaker, canonical=None, kind="unknown", resolved_by="unresolved")
        if mention is not None:
            speaker = _resolve(mention, quote, entities) or speaker
        resolved.append(replace(quote, speaker=speaker))
    return sorted(resolved, key=lambda q: (q.start, q.end))


def _resolve(mention: Span, quote: Quote, entities: DocumentEntities) -> Speaker | None:
    assert quote.speaker is not None
    words = entities.words
    parts = parse_mention(mention, words)
    span = parts.mention
    if len(span) == 1 and span[0].lower_ in words.pronouns:
        occurrence = antecedent_of(
            span[0].lower_, span.start_char, entities.sentence_of(span.start), entities, (quote.start, quote.end)
        )
        if occurrence is None:
            return None
        cluster = entities.clusters[occurrence.cluster]
        if span[0].lower_ in words.masculine_pronouns | words.feminine_pronouns and cluster.gender is None:
            cluster.gender = "m" if span[0].lower_ in words.masculine_pronouns else "f"
        entities.record(span, cluster, speaker=True)
        return _speaker(quote.speaker, cluster, parts, "coreference", entities, occurrence)
    entity = entities.registry.lookup(span.text)
    if entity is not None and entities.person_named_by(span.text, entity) is not None:
        entity = None  # `Paris` after `Valeska Paris`
    if entity is None and parts.name is None:
        entity = _registry_name_inside(span, entities)
    if entity is not None:
        cluster = entities.find_or_add(entity.name, entity.kind)  # type: ignore[arg-type]
        entities.record(span, cluster, speaker=True)
        return _speaker(quote.speaker, cluster, parts, "registry", entities)
    if parts.name is not None:
        cluster = entities.add_mention(parts, speaker=True)
        _note_statement(quote, cluster, entities)
        return _speaker(quote.speaker, cluster, parts, _how_named(cluster, parts), entities)
    referent = _unnamed_referent(span, quote, parts, entities)
    if referent is None:
        return None
    cluster, antecedent, how = referent
    entities.record(span, cluster, speaker=True)
    _note_statement(quote, cluster, entities)
    return _speaker(quote.speaker, cluster, parts, how, entities, antecedent)


def _registry_name_inside(span: Span, entities: DocumentEntities) -> Entity | None:
    """The longest registry alias inside a mention without a name of its own
    (`Iraqi militia group Kata’ib Hezbollah`, `Dubai-based Al Arabiya news`)."""
    for length in range(len(span) - 1, 0, -1):
        for start in range(span.start, span.end - length + 1):
            piece = span.doc[start : start + length]
            after = span.doc[start + length : span.end]
            heads = span.root in piece or all(t.lower_ in entities.words.media_nouns for t in after)
            if piece[0].text[:1].isupper() and heads:  # not `US` in `US officials`
                entity = entities.registry.lookup(piece.text)
                if entity is not None:
                    return entity
    return None


def _note_statement(quote: Quote, cluster: Cluster, entities: DocumentEntities) -> None:
    """`X said in a statement`: the statement is X's, for a later `the statement said`."""
    if quote.cue is None:
        return
    cue = entities.doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    if cue is None:
        return
    if cue.root.lemma_ in entities.words.statement_nouns or cue.root.lemma_ in {"state", "announce"}:
        entities.add_statement(quote.cue.start, cluster)  # `X reported that …`, then `the report`
    for token in entities.statement_nouns_between(cue.root.i + 1, cue.root.right_edge.i + 1):
        if cue.root.is_ancestor(token):  # in its subtree (which lies within its edges)
            entities.add_statement(token.idx, cluster)


#: Whom a mention means, the mention it was resolved to, and how.
Referent = tuple[Cluster, Occurrence | None, ResolvedBy]


def _unnamed_referent(span: Span, quote: Quote, parts: MentionParts, entities: DocumentEntities) -> Referent | None:
    """Whom a mention without a name means: an anonymous spokesperson's organisation, a
    statement's issuer, what a description refers back to, or an anonymous group itself."""
    words = entities.words
    head = parts.head
    if head is None:
        return None
    if parts.affiliation is not None or parts.possessor is not None:
        found = _affiliation_of(parts, span, quote, entities)
        if found is not None and (head.lower_ in words.spokesperson_words or head.lower_ in words.statement_nouns):
            return entities.clusters[found.cluster], found, "coreference"
    if span[0].lower_ in {"one", "some", "many", "most", "all", "none"} and len(span) > 3 and span[1].lower_ == "of":
        span = span[2:]  # `one of the sources`: the group named before
    definite = span[0].lower_ in {"the", "this", "that", "our", "its"} or (
        parts.affiliation is not None and head.lower_ in words.title_words and head.tag_ != "NNS"
    )  # `the bank's chairman`
    if head.lower_ in words.statement_nouns:
        return _statement_issuer(span, entities) if definite else None  # `a message`: whose is not said
    if head.lower_ in words.spokesperson_words and span[0].lower_ in {"a", "an", "one"}:
        # `Downing Street said … a spokesman replied`: for the organisation just quoted
        found = _latest_group_speaker(span, entities)
        if found is not None:
            return entities.clusters[found.cluster], found, "coreference"
    if definite:
        found = _described(span, parts, head, entities)
        return (entities.clusters[found.cluster], found, "coreference") if found is not None else None
    if head.lower_ in words.anonymous_nouns or head.tag_ in {"NNS", "NNPS"}:
        group = _group(span, parts, entities)
        return group, None, "registry" if group.entity is not None else "mention"
    return None


def _statement_issuer(span: Span, entities: DocumentEntities) -> Referent | None:
    """Whose `the statement` is: the last statement's issuer, else the organisation just quoted."""
    issuer = entities.statement_issuer(span.start_char)
    if issuer is not None:
        return issuer, None, "coreference"
    latest = _latest_group_speaker(span, entities)
    return (entities.clusters[latest.cluster], latest, "coreference") if latest is not None else None


def _described(span: Span, parts: MentionParts, head: Token, entities: DocumentEntities) -> Occurrence | None:
    """What a definite description refers to: the entity the text tied it to (before, or for a
    role just after), the person the text is about, or the latest organisation of its kind."""
    words = entities.words
    phrase = parts.title.text if parts.title is not None else head.lower_
    found = entities.described(phrase, span.start_char)
    if found is None and head.lower_ in words.title_words:
        found = entities.described_after(phrase, span.end_char)
    if found is None and head.lower_ in words.title_words | words.person_nouns:
        # `Ana Ruiz apologised. The minister admitted …`: the person just named, else the
        # person the article is about, unless the text gave that person another role
        near = antecedent_of("", span.start_char, entities.sentence_of(span.start), entities, None, person=True)
        for candidate in (near, entities.most_mentioned_person()):
            roles = entities.clusters[candidate.cluster].nouns if candidate is not None else set()
            if candidate is not None and not (roles & words.title_words and head.lower_ not in roles):
                return candidate
    if found is None and head.lower_ in words.organisation_nouns:
        # the latest organisation of that kind: `the newspaper` an outlet, `the ministry` a government
        noun = head.lower_
        kind = "media" if noun in words.media_nouns else words.name_word_kinds.get(noun, "organisation")
        found = entities.latest(span.start_char, frozenset({kind}))
    if found is None:  # `The authors` after `the report's authors`: an entity without a name
        found = entities.earlier_description(head, span.start_char)
    return found


def _affiliation_of(parts: MentionParts, span: Span, quote: Quote, entities: DocumentEntities) -> Occurrence | None:
    """Whom `a spokesperson for the ministry` or `its spokesman` speaks for."""
    if parts.possessor is not None and parts.possessor[0].lower_ in {"its", "their", "our"}:
        return antecedent_of(
            "it", span.start_char, entities.sentence_of(span.start), entities, (quote.start, quote.end)
        )
    target = parts.affiliation if parts.affiliation is not None else parts.possessor
    assert target is not None
    if any(t.text[:1].isupper() for t in target):
        cluster = entities.find_or_add(name_text(target), ner_kind(entities.words, target) or "organisation")
        return entities.record(target, cluster)
    return entities.described(target.text, span.start_char)


def _latest_group_speaker(span: Span, entities: DocumentEntities) -> Occurrence | None:
    sentence = entities.sentence_of(span.start)
    for occurrence in entities.before(span.start_char):
        if sentence - occurrence.sentence > 2:
            return None
        if occurrence.speaker and entities.clusters[occurrence.cluster].kind in _GROUP_KINDS:
            return occurrence
    return None


def _group(span: Span, parts: MentionParts, entities: DocumentEntities) -> Cluster:
    """`US officials`, `two security sources`, `witnesses`: the description is its own name."""
    start = span.start
    while start < span.end - 1 and (span.doc[start].pos_ in {"DET", "NUM"} or span.doc[start].like_num):
        start += 1
    assert parts.head is not None
    kind: SpeakerKind = "anonymous source" if parts.head.lower_ in entities.words.anonymous_nouns else "group"
    phrase = span.doc[start : span.end]
    if all(t.lower_ in entities.words.title_words for t in phrase):
        return entities.new_cluster(kind, None)  # bare `officials`: anonymous, with no name to give
    cluster = entities.find_or_add(name_text(phrase), kind)
    if cluster.entity is None and not cluster.person:  # `Wilkins` after `Kristen Wilkins` stays a person
        cluster.kind = kind
    entities.tie(cluster, parts.head.lower_)
    return cluster


def _how_named(cluster: Cluster, parts: MentionParts) -> ResolvedBy:
    if cluster.entity is not None:
        key = normalise_name(name_text(parts.name)) if parts.name is not None else ""
        written = (*cluster.entity.aliases, *cluster.entity.translations)
        return "registry" if key in {normalise_name(name) for name in written} else "fuzzy"
    if parts.name is not None and normalise_name(name_text(parts.name)) == normalise_name(cluster.canonical or ""):
        return "mention"
    return "in_document_alias"


def _speaker(
    speaker: Speaker,
    cluster: Cluster,
    parts: MentionParts,
    how: ResolvedBy,
    entities: DocumentEntities,
    antecedent: Occurrence | None = None,
) -> Speaker:
    canonical = cluster.canonical
    if canonical is None:  # unresolved, or resolved to a mention of an entity that has no name
        return replace(
            speaker,
            canonical=None,
            title=parts.title.text if parts.title is not None else None,
            kind=cluster.kind if antecedent is not None or cluster.kind == "anonymous source" else "unknown",
            resolved_by=how if antecedent is not None or cluster.kind == "anonymous source" else "unresolved",
            antecedent=Mention(antecedent.text, antecedent.start, antecedent.end) if antecedent else None,
        )
    return replace(
        speaker,
        canonical=canonical,
        name=_name(cluster, parts),
        title=parts.title.text if parts.title is not None else None,
        affiliation=_affiliation_name(cluster, parts, entities),
        kind=cluster.kind,
        id=cluster.id,
        resolved_by=how,
        antecedent=Mention(antecedent.text, antecedent.start, antecedent.end) if antecedent else None,
    )


def _name(cluster: Cluster, parts: MentionParts) -> str | None:
    if parts.name is not None:
        return name_text(parts.name)
    if parts.anonymous_spokesperson or cluster.kind == "anonymous source":
        return None
    return cluster.canonical


def _affiliation_name(cluster: Cluster, parts: MentionParts, entities: DocumentEntities) -> str | None:
    """Whom the speaker speaks for; for an anonymous spokesperson, the speaker's own identity."""
    if parts.anonymous_spokesperson:
        return cluster.canonical
    name = None
    if cluster.affiliation is not None:
        name = entities.clusters[cluster.affiliation].canonical
    elif cluster.entity is not None and cluster.entity.affiliation:
        employer = entities.registry.entities.get(cluster.entity.affiliation)
        name = employer.name if employer is not None else None
    elif parts.affiliation is not None and parts.affiliation[0].text[:1].isupper():
        found = entities.find(name_text(parts.affiliation))
        name = found.canonical if found is not None else name_text(parts.affiliation)
    elif parts.affiliation is not None:  # `a spokesman for the group`
        occurrence = entities.described(parts.affiliation.text, parts.mention.start_char)
        name = entities.clusters[occurrence.cluster].canonical if occurrence is not None else None
    return None if name == cluster.canonical else name
