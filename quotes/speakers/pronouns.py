"""Pronouns by salience: `he`, `she`, `it`, `they`, `we` refer back to the most recent compatible
entity, preferring earlier speakers and subjects, within a few sentences.

Compatible means: a person for he/she (and of that gender when the article shows it, by an
honorific or an earlier pronoun), an organisation, government, outlet or group for it/they/we.
A name inside the quote's own content is never the antecedent (`"Tell Omar we are ready,"
she said`); with no compatible candidate the pronoun stays unresolved.
"""

from __future__ import annotations

from collections.abc import Callable

from quotes.speakers.clusters import DocumentEntities
from quotes.speakers.entities import Cluster, Occurrence

#: How many sentences back a pronoun looks before falling back to the latest compatible speaker.
SENTENCES_BACK = 4


def compatible_with(pronoun: str, entities: DocumentEntities) -> Callable[[Cluster], bool]:
    """Which clusters ``pronoun`` can stand for (a person of either gender for ``""``)."""
    words = entities.words
    if not pronoun:
        return lambda c: c.person
    if pronoun in words.masculine_pronouns:
        return lambda c: c.person and c.gender != "f"
    if pronoun in words.feminine_pronouns:
        return lambda c: c.person and c.gender != "m"
    if pronoun in words.plural_pronouns:
        return lambda c: c.kind in {"organisation", "government", "media", "group", "anonymous source"}
    return lambda c: c.kind in {"organisation", "government", "media", "group"}


def antecedent_of(
    pronoun: str,
    offset: int,
    sentence: int,
    entities: DocumentEntities,
    exclude: tuple[int, int] | None = None,
    person: bool = False,
) -> Occurrence | None:
    """The occurrence ``pronoun`` at ``offset`` refers to, or None; with ``person``, the most
    salient person of the last sentences (for a description such as `the minister`).

    `I`, `we` and `you` go on a voice: their antecedent is the previous one of the same form
    (in an interview, most often the same person's), standing for what the first one does."""
    found = _referent(pronoun, offset, sentence, entities, exclude, person)
    if pronoun in entities.words.voice_pronouns:
        previous = entities.previous_word(pronoun, offset, exclude)
        if previous is not None:
            cluster = entities.clusters[found.cluster] if found is not None else entities.voice(pronoun)
            return entities.occurrence(previous, cluster)
    return found


def _referent(
    pronoun: str,
    offset: int,
    sentence: int,
    entities: DocumentEntities,
    exclude: tuple[int, int] | None,
    person: bool,
) -> Occurrence | None:
    if pronoun in entities.words.interview_pronouns:  # `I` or `you` in an interview
        return entities.most_mentioned_person()
    compatible = compatible_with("" if person else pronoun, entities)
    earlier = [o for o in entities.before(offset) if not (exclude and exclude[0] <= o.start < exclude[1])]
    compatible_earlier = [o for o in earlier if compatible(entities.clusters[o.cluster])]
    # a speaker, a name the text is sure of, or a full name outranks a lone word the recogniser
    # guessed (`Iodine` taken for a person)
    firm = [o for o in compatible_earlier if o.speaker or _firm(entities.clusters[o.cluster])]
    found = _most_salient(firm, sentence, person) or _most_salient(compatible_earlier, sentence, person)
    if found is None and not person:  # a name the recogniser gave no label, or a doubtful one
        # the recogniser often takes a person for an organisation and the reverse, not for a place
        convertible = (
            {"organisation", "unknown"} if pronoun in entities.words.person_pronouns else {"person", "unknown"}
        )
        uncertain = [
            o
            for o in earlier
            if not entities.clusters[o.cluster].certain and entities.clusters[o.cluster].kind in convertible
        ]
        found = _most_salient(uncertain, sentence, True)
        if found is not None and entities.clusters[found.cluster].kind != "unknown":
            wanted = compatible_with(pronoun, entities)
            cluster = entities.clusters[found.cluster]
            cluster.kind = "person" if pronoun in entities.words.person_pronouns else "organisation"
            if not wanted(cluster):
                return None
    return found


def _firm(cluster: Cluster) -> bool:
    return cluster.certain or any(" " in name for name in cluster.names)


def _most_salient(candidates: list[Occurrence], sentence: int, near_only: bool) -> Occurrence | None:
    for back in range(2 if near_only else SENTENCES_BACK + 1):
        in_sentence = [o for o in candidates if o.sentence == sentence - back]
        if in_sentence:
            return min(in_sentence, key=lambda o: (not o.speaker, not o.subject, o.start))
    speakers = [o for o in candidates if o.speaker]
    return speakers[0] if speakers and not near_only else None
