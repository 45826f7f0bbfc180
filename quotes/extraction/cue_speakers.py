"""Who speaks through a cue verb: its subject or agent, inherited along the parse (`…, saying`),
or read from the words before it when the parse has none; shared by reported and direct quotes.
"""

from __future__ import annotations

from spacy.tokens import Token

from quotes.extraction.clauses import NOMINAL_POS, ends_sentence, opens_quote
from quotes.extraction.labels import (
    VERBAL_POS,
    agent_of,
    children_with,
    clausal_complements,
    is_passive,
    preposition_of,
    role,
    subject_of,
)
from quotes.extraction.lexicon import Lexicon
from quotes.extraction.mentions import CIRCUMSTANCE_PREPOSITIONS, FINITE_TAGS, is_proper, noun_phrase_head


def continues_report(token: Token, lexicon: Lexicon) -> bool:
    """A speech verb coordinated without a subject of its own (`and added`), or a participle
    (`, adding`), as a new report of the same speaker."""
    if token.pos_ not in VERBAL_POS or lexicon.cue_lemma(token) not in lexicon.speech_verbs:
        return False
    if token.tag_ == "VBN" and not children_with(token, "auxiliary"):
        return False  # `personal and not work-related`: an adjective, not a report
    if not (children_with(token, "clausal_complement") or opens_quote(token)):
        return False  # `and asked him to …`, `tell him “no more nonsense”`: part of what was said
    if role(token) == "conjunct":
        return subject_of(token) is None
    return role(token) == "adverbial_clause" and token.tag_ == "VBG"


def cue_speaker(verb: Token, reports_clause: bool) -> Token | None:
    """The speaker of a cue verb: from the parse, else from the words around it."""
    speaker = speaker_of(verb)
    if speaker is None and reports_clause and not children_with(verb, "passive_auxiliary"):
        speaker = subject_of(verb)  # a verb with a reported clause and no `be` is active, whatever its label
    if speaker is None and ends_sentence(verb):  # `<clause>, reported Reuters.` parsed as an object
        speaker = next((c for c in children_with(verb, "object") if c.i == verb.i + 1 and is_proper(c)), None)
    if speaker is None and (verb.tag_ in FINITE_TAGS or (verb.tag_ == "VBN" and not is_passive(verb))):
        speaker = noun_before(verb)  # `Kataeb Hezbollah announced`, whatever the parse made of it
    return speaker


def outer_speaker(verb: Token, lexicon: Lexicon) -> Token | None:
    """The speaker of the report whose content a continuing report hangs in (`X said A and
    added B`, parsed with `added` under `A`): X, not A's subject."""
    if not continues_report(verb, lexicon):
        return None
    head = verb.head
    while role(head) == "conjunct" and head.head.i != head.i:
        head = head.head
    if role(head) != "clausal_complement" or head.head.pos_ not in VERBAL_POS:
        return None
    cue = head.head
    if not lexicon.is_cue_verb(lexicon.cue_lemma(cue)):
        return None
    return cue_speaker(cue, reports_clause=True)


def speaker_of(verb: Token) -> Token | None:
    """The source of a cue verb: its subject, passive agent, or inherited from its head."""
    verb_role = role(verb)
    bare_participle = verb.tag_ == "VBN" and not children_with(verb, "auxiliary", "subject")
    if is_passive(verb) or bare_participle:  # `…, accused by the US military of …`
        return agent_of(verb)
    subject = speaker_in_apposition(verb) or subject_of(verb)
    if subject is not None:
        if subject.tag_ in {"WP", "WDT"} and role(verb) == "relative_clause":
            return verb.head  # the group, which said …
        return subject
    head = verb.head
    if head.i == verb.i:
        return None
    if verb_role == "relative_clause" or (verb_role == "clause_modifier" and head.pos_ in NOMINAL_POS):
        return head  # a statement saying …
    if verb_role in {"adverbial_clause", "prepositional_complement"} and verb.tag_ == "VBG":
        return _nearest_active_subject(verb)  # `…, saying …`, `… before adding …` speak for the main clause
    if verb_role == "open_complement" and head.pos_ == "ADJ":  # `voters are more likely to say …`
        return subject_of(head) or (speaker_of(head.head) if head.head.pos_ in VERBAL_POS else None)
    if verb_role in {"conjunct", "adverbial_clause", "open_complement", "clause_modifier"} and head.pos_ in VERBAL_POS:
        return speaker_of(head)
    return None


def speaker_in_apposition(verb: Token) -> Token | None:
    """`<content> attacking Bill Clinton, Carly Fiorina said`: the parser made the last name
    of a postposed content the subject and the speaker its apposition, which (unlike a true
    apposition, `X, a spokesman, said`) runs up to the cue with no comma."""
    subject = subject_of(verb)
    complements = clausal_complements(verb)
    if subject is None or not complements or not complements[0].i < subject.i < verb.i:
        return None
    appositions = [c for c in subject.children if role(c) == "apposition" and c.i > subject.i]
    if not appositions or max(t.i for t in appositions[-1].subtree) + 1 != verb.i:
        return None
    return appositions[-1]


def _nearest_active_subject(verb: Token) -> Token | None:
    """The subject of the closest governing verb that has an active subject."""
    for ancestor in verb.ancestors:
        if ancestor.pos_ in VERBAL_POS and not is_passive(ancestor):
            subject = subject_of(ancestor)
            if subject is not None:
                return subject
    return None


def noun_before(verb: Token) -> Token | None:
    """The head of a noun phrase ending right before the verb, if one does."""
    doc, i = verb.doc, verb.i - 1
    while i >= 0:
        phrase = _phrase_ending_at(doc[i])
        if preposition_of(phrase) not in CIRCUMSTANCE_PREPOSITIONS:
            break
        i = phrase.left_edge.i - 1  # step over `on February 8`
    if i < 0 or doc[i].pos_ not in NOMINAL_POS:
        return None
    return noun_phrase_head(doc[i])


def _phrase_ending_at(token: Token) -> Token:
    """The largest phrase whose last word is ``token``."""
    while token.head.i != token.i and max(t.i for t in token.head.subtree) == token.i:
        token = token.head
    return token
