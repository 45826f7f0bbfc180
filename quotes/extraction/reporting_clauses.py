"""Reporting clauses set off from their content, however the parser attached them: after it
(`<clause>, the group added.`), inside it (`<words>, she said, <words>`) or before it
(`As the Times noted, <clause>`).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from quotes.extraction.clauses import clause_span, is_clause
from quotes.extraction.labels import SUBJECT_ROLES, VERBAL_POS, children_with, has_marker, is_passive, role, subject_of
from quotes.extraction.lexicon import Lexicon

#: Punctuation that sets a reporting clause off from its content (`…, she said`).
_ATTRIBUTION_BREAKS = frozenset({",", "—", "–", "-"})


#: Dependents of a cue verb that belong to a bare reporting clause (`has said on Tuesday`).
REPORTING_CIRCUMSTANCES = frozenset({"auxiliary", "negation", "adverbial", "oblique", "preposition"})


#: Dependents a parser may hang on a parenthetical cue that go on with the content
#: (`…, the paper said, including speeches`, `…, Devine said, by the calendar`).
_CONTENT_CONTINUATIONS = frozenset({"preposition", "oblique", "adverbial", "agent"})


_LISTENER_ROLES = frozenset({"object", "indirect_object"})


def _continues_content(dependent: Token, lexicon: Lexicon) -> bool:
    """A phrase (`by a third`) or a predicate that is neither a report nor has a subject of
    its own (`and had passed all checks`) goes on with a fronted content, not with the cue's
    clause (`…, she said, and called for …`)."""
    if role(dependent) == "conjunct":
        return (
            dependent.pos_ in VERBAL_POS
            and dependent.tag_ != "VBG"
            and not lexicon.is_cue_verb(lexicon.cue_lemma(dependent))
            and not children_with(dependent, *SUBJECT_ROLES)
        )
    return role(dependent) in _CONTENT_CONTINUATIONS and dependent.lower_ != "according"


def _set_off(child: Token, verb: Token) -> bool:
    """A comma stands between the verb and its dependent."""
    low, high = sorted((verb.i, child.i))
    return any(t.text in _ATTRIBUTION_BREAKS for t in verb.doc[low + 1 : high])


def as_clause_content(verb: Token) -> Span | None:
    """`As the International Business Times noted, <clause>`: the clause the `as`-clause
    modifies is what was noted."""
    if role(verb) != "adverbial_clause" or verb.head.i == verb.i:
        return None
    if not has_marker(verb, "as") and verb.doc[min(t.i for t in verb.subtree)].lower_ != "as":
        return None  # `as Clyburn noted`, with `as` parsed as the subject's preposition
    if children_with(verb, "object", "indirect_object", "clausal_complement", "open_complement") or is_passive(verb):
        return None  # `… as the band announced a concert`: when, not what was announced
    head = verb.head
    content = clause_span(verb.doc, {t.i for t in head.subtree} - {t.i for t in verb.subtree})
    return content if content is not None and is_clause(content) else None


def is_reporting_clause(clause: Token, lexicon: Lexicon) -> bool:
    """`…, Alsumaria reported`: a cue with its own subject beside the content reports it,
    it is not part of it."""
    return (
        role(clause) == "parataxis"
        and lexicon.is_cue_verb(lexicon.cue_lemma(clause))
        and bool(children_with(clause, "subject"))
    )


#: Punctuation that ends what a postposed reporting clause can report (`… duress: A
#: pending ballot initiative threatened …`).
_POSTPOSED_STOPS = frozenset({":", ";"})


def postposed(verb: Token, content: Span | None) -> Span | None:
    """A content before its cue, if the cue can report it: not from inside a subordinate
    (`…, although X pleaded guilty`) or relative clause (`…, who added to his portfolio`),
    and only what follows the last colon or semicolon before the cue."""
    if content is None:
        return content
    if children_with(verb, "marker"):
        return None
    if role(verb) in {"relative_clause", "clause_modifier"} and not _own_subject(verb):
        return None
    return after_last_stop(verb, content)


def after_last_stop(verb: Token, content: Span) -> Span | None:
    """What a cue after its content reports of it: only what follows the last colon or
    semicolon, and not a clause a source phrase before the cue reports."""
    doc = verb.doc
    stops = [t.i for t in doc[content.start : verb.i] if t.text in _POSTPOSED_STOPS]
    if stops:
        rest = clause_span(doc, set(range(stops[-1] + 1, content.end)))
        return rest if rest is not None and is_clause(rest) else None
    for token in content[1:]:  # `<clause>, according to a source, reported Reuters`: the
        if token.lower_ == "according" and token.nbor(-1).text == ",":  # phrase reports it
            return clause_span(doc, set(range(content.start, token.i - 1))) or content
    return content


def is_relative_clause(clause: Token) -> bool:
    """A relative clause the parser took for a complement (`said Mr. X, who runs the club`)."""
    subject = subject_of(clause)
    return subject is not None and subject.tag_ in {"WP", "WDT"}


def _own_subject(verb: Token) -> bool:
    """A nominal subject that is not a relative pronoun (`, the poll found` parsed as a
    relative clause has one; `, who added` does not)."""
    subject = subject_of(verb)
    return subject is not None and subject.tag_ not in {"WP", "WDT"} and subject.lower_ != "that"


def trailing_reporting_clause(verb: Token) -> Span | None:
    """`<clause>, the US military added.` / `…, reported Reuters.` however the parser
    attached the reporting clause: a cue with a subject and no object closes the
    sentence after a comma, and everything before the comma is the content."""
    subject = _bare_reporting_subject(verb)
    if subject is None:
        return None
    doc, sentence = verb.doc, verb.sent
    if sentence[-1].text == ":" or (len(sentence) > 1 and sentence[-1].is_space and sentence[-2].text == ":"):
        return None  # `In a 1963 speech, he declared:` introduces what follows
    reporting = {t.i for t in verb.subtree} | {t.i for t in subject.subtree} | {verb.i}
    first = min(i for i in reporting if not doc[i].is_punct)
    after = [t for t in sentence if t.i > first and t.i not in reporting]
    if any(not t.is_punct for t in after) or first == 0 or doc[first - 1].text not in _ATTRIBUTION_BREAKS:
        return None
    # `“Boots on the ground” would be appropriate, | Carson said`: a sentence break the
    # parser put at the comma leaves the content in the sentence before
    start = sentence.start if first - 1 > sentence.start else doc[first - 1].sent.start
    content = clause_span(doc, set(range(start, first - 1)))
    return content if content is not None and is_clause(content) else None


def _bare_reporting_subject(
    verb: Token, subjectless_complement: bool = False, fronted_complement: bool = False, listener: bool = False
) -> Token | None:
    """The subject of a reporting clause with no object or complement of its own
    (`the US military added`, `said Reuters`), if the verb heads one; with
    ``subjectless_complement``, a complement without a subject is allowed (`he says, is …`),
    with ``fronted_complement`` one before the verb (`<clause>, she said, …`); with
    ``listener``, an object that is who was told."""
    subject = subject_of(verb)
    objects = children_with(verb, "open_complement") + ([] if listener else children_with(verb, "object"))
    if subject is None or is_passive(verb) or objects:
        return None
    for complement in children_with(verb, "clausal_complement"):
        if (
            not subjectless_complement
            or (complement.i < verb.i and not fronted_complement)
            or (complement.i > verb.i and children_with(complement, *SUBJECT_ROLES, "expletive"))
        ):
            return None
    return subject


def parenthetical(verb: Token, lexicon: Lexicon) -> list[Span]:
    """`A wall would stop criminals, she said, but also drugs.`, `The top issues,
    respondents said, are …`, `This campaign, he says, is different`: a reporting clause
    between commas inside a sentence, however the parser attached it. The words around
    it are the content, in two parts that share the cue. The object of a verb like `tell`
    is who was told (`…, the partner told them, was …`)."""
    listener = lexicon.cue_lemma(verb) in lexicon.addressee_verbs
    subject = _bare_reporting_subject(verb, subjectless_complement=True, fronted_complement=True, listener=listener)
    if subject is None or subject.tag_ in {"WP", "WDT"}:
        return []  # a complement with a subject of its own is the whole content; `…, who said`
    complements = children_with(verb, "clausal_complement")
    doc, sentence = verb.doc, verb.sent
    words = {t.i for t in subject.subtree} | {verb.i}
    for child in verb.children:
        listened = listener and role(child) in _LISTENER_ROLES  # `told reporters`
        if listened or (role(child) in REPORTING_CIRCUMSTANCES and not _set_off(child, verb)):  # `said on Tuesday`
            words |= {t.i for t in child.subtree}
    first = min(i for i in words if not doc[i].is_punct)
    last = max(i for i in words if not doc[i].is_punct)
    if any(i not in words for i in range(first, last + 1)):
        return []
    if first - 1 <= sentence.start or last + 2 >= sentence.end:
        return []
    if doc[first - 1].text not in _ATTRIBUTION_BREAKS or doc[last + 1].text not in _ATTRIBUTION_BREAKS:
        return []
    following = doc[last + 2]
    if following.is_quote:
        return []  # `…, he declared, “…”`: the cue opens a quote of its own
    if following in verb.subtree and not any(following in c.subtree for c in complements):
        held_by = next(c for c in verb.children if following in c.subtree)
        if role(held_by) == "coordinator":  # `…, she added, and had passed …`
            held_by = next((c for c in verb.rights if c.i > held_by.i and role(c) == "conjunct"), held_by)
        if not _continues_content(held_by, lexicon):
            return []  # `…, she said, adding that …`: the cue's own clause follows
    elif any(c.i < verb.i and following not in c.subtree for c in complements):
        return []  # `<clause>, she said, <clause>`: the second is not part of the first
    before = clause_span(doc, set(range(sentence.start, first - 1)))
    after = clause_span(doc, set(range(last + 2, sentence.end)))
    if before is None or after is None:
        return []
    around = set(range(before.start, before.end)) | set(range(after.start, after.end))
    has_clause = any(child.i in around for i in around for child in children_with(doc[i], *SUBJECT_ROLES, "expletive"))
    if not has_clause:
        return []
    # `In the end, he said, voters …`, `But, she added, …`: words before the cue without a
    # verb or a subject open the sentence; only the clause after it is a part of its own
    opening = not any(t.pos_ in VERBAL_POS or role(t) in SUBJECT_ROLES for t in before)
    return [after] if opening else [before, after]
