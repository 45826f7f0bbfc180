"""Speaker mentions: the noun phrase that spoke, as written, from its head word in the parse."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc, Span, Token

from quotes.extraction.labels import SUBJECT_ROLES, preposition_of, role

_DASHES = frozenset({"-", "–", "—", "--"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
#: Dependents of a speaker noun that describe it rather than name it.
_MENTION_CUT_ROLES = frozenset(
    {"relative_clause", "clause_modifier", "parataxis", "clausal_complement", "adverbial_clause"}
)
#: Prepositional modifiers of where, when or through what a speaker spoke (`the military
#: in a statement`, `Kata’ib Hezbollah on February 8`): not part of who spoke.
CIRCUMSTANCE_PREPOSITIONS = frozenset({"in", "on", "at", "during", "via", "through", "over"})


def noun_phrase_head(token: Token) -> Token:
    """Climb from a name part or modifier to the noun it belongs to (`Kataeb` of `Hezbollah`)."""
    while token.head.i != token.i and role(token) in {"compound", "modifier", "determiner"}:
        token = token.head
    return token


def mention_span(token: Token, excluded: Collection[int] = ()) -> Span:
    """The speaker as written: the noun phrase without clauses or circumstances
    (nor ``excluded`` tokens, such as words inside a quote)."""
    doc = token.doc
    for child in token.children:  # `ZURICH (Reuters) - The bank's chairman told`, parsed as one phrase
        if role(child) == "apposition" and any(_dateline_dash(t) for t in doc[token.i + 1 : child.left_edge.i + 1]):
            return mention_span(child, excluded)
    keep = _mention_tokens(token, token.i, excluded)
    for other in _appositive_subjects(token):  # `A faction of the forces, Kata’ib Hezbollah, said`
        keep |= _mention_tokens(other, other.i, excluded) | set(range(token.i, other.i))
    keep -= _stranded_prepositions(doc, keep)
    start, end = min(keep), max(keep) + 1
    # stay contiguous around the head: cut at any dropped token
    for i in range(token.i, end):
        if i not in keep:
            end = i
            break
    for i in range(token.i, start - 1, -1):
        if i not in keep:
            start = i + 1
            break
    start = max([start] + [i + 1 for i in range(start, token.i) if _dateline_dash(doc[i])])
    while end - 1 > start and (doc[end - 1].is_space or (doc[end - 1].is_punct and doc[end - 1].text not in ")]")):
        end -= 1
    while start < end - 1 and (doc[start].is_space or (doc[start].is_punct and doc[start].text not in "([")):
        start += 1
    while start > 0 and start - 1 not in excluded:
        if is_proper(doc[start]) and is_proper(doc[start - 1]):
            start -= 1  # a run of proper nouns is one name, however the parser attached it (`Kata’ib | Hezbollah`)
        elif start > 1 and _joining_hyphen(doc[start - 1]) and is_proper(doc[start - 2]) and start - 2 not in excluded:
            start -= 2  # a hyphenated name (`Keller-Sutter`)
        else:
            break
    return doc[start:end]


def _dateline_dash(token: Token) -> bool:
    """A dash with spaces around it before the head: what precedes is a dateline or a
    heading (`ZURICH (Reuters) - The bank's chairman told …`), not the speaker."""
    return token.text in _DASHES and bool(token.whitespace_) and token.i > 0 and bool(token.nbor(-1).whitespace_)


def _joining_hyphen(token: Token) -> bool:
    return token.text == "-" and not token.whitespace_ and token.i > 0 and not token.nbor(-1).whitespace_


def _stranded_prepositions(doc: Doc, keep: set[int]) -> set[int]:
    """Prepositions kept without their object (ClearNLP's `prep` heads the phrase, so cutting
    `the crowd` of `A man in the crowd` would leave `in`): a mention ends before them."""
    return {
        i
        for i in keep
        if role(doc[i]) == "preposition"
        and not any(
            role(c) in ("prepositional_object", "prepositional_complement") and c.i in keep for c in doc[i].children
        )
    }


def is_proper(token: Token) -> bool:
    return (token.pos_ == "PROPN" or token.tag_ in ("NNP", "NNPS")) and not token.is_punct


def _appositive_subjects(subject: Token) -> list[Token]:
    """Further subjects of the same verb right after this one, or set off by a comma:
    a parse of one name (`US media`) or an apposition as two subjects."""
    if role(subject) not in SUBJECT_ROLES or subject.head.i == subject.i:
        return []
    siblings = [c for c in subject.head.children if c.i > subject.i and role(c) == role(subject)]
    found = []
    end = max(t.i for t in subject.subtree)
    for sibling in siblings:
        gap = subject.doc[end + 1 : sibling.left_edge.i]
        if len(gap) > 1 or (len(gap) == 1 and gap[0].text != ","):
            break
        found.append(sibling)
        end = max(t.i for t in sibling.subtree)
    return found


def _mention_tokens(token: Token, head: int, excluded: Collection[int]) -> set[int]:
    """The token and its dependents, pruning clauses, circumstances (`on February 8`) and
    participles set off by a comma (`Baghdad, angered by …`) anywhere below the head."""
    keep = {token.i}
    for child in token.children:
        if child.i in excluded or role(child) in _MENTION_CUT_ROLES:
            continue
        if role(child) == "prepositional_complement" and child.pos_ in {"VERB", "AUX"}:
            continue  # `the US military of being responsible`: a clause, not a name
        if token.i == head and role(child) == "case_marker":
            continue  # `according to` / `by` of the source itself
        if child.i > head and preposition_of(child) in CIRCUMSTANCE_PREPOSITIONS and not _place_in_name(token, child):
            continue
        if child.i > head and child.tag_ in {"VBN", "VBG"} and child.nbor(-1).text == ",":
            continue
        if child.i > head and any(t.tag_ in FINITE_TAGS for t in child.subtree):
            continue  # `a security source, reported Reuters`: a clause, not a name
        keep |= _mention_tokens(child, head, excluded)
    return keep


def _place_in_name(token: Token, place: Token) -> bool:
    """`The Islamic Resistance in Iraq`: a place after `in` belongs to a proper name it follows."""
    named = token.head if role(token) == "preposition" else token
    return preposition_of(place) == "in" and is_proper(named) and place.ent_type_ in {"GPE", "LOC"}


#: Parts of speech of a name heading a quote (`Former Gov. Jane Doe: “…”`).
_HEADLINE_NAME_POS = frozenset({"PROPN", "NOUN", "ADJ", "DET", "PART", "ADP"})
_OPENING_MARKS = " '\"‘“`"
_MAX_HEADLINE_NAME = 8


def headline_speaker(doc: Doc, text: str, quote_start: int) -> Span | None:
    """`Carly Fiorina: ‘Bill Clinton’s fair game.’`: a name alone before a colon that opens a
    quote, at the start of a line, of the text or after a heading's dash, is who said it: the
    name and its colon."""
    before = text[:quote_start].rstrip(_OPENING_MARKS)
    if not before.endswith(":"):
        return None
    colon = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if colon is None or colon[0].text != ":":
        return None
    end = start = colon[0].i
    while start > 0 and end - start <= _MAX_HEADLINE_NAME:
        token = doc[start - 1]
        if token.is_space or "\n" in token.whitespace_ or _dateline_dash(token):
            break
        if token.pos_ not in _HEADLINE_NAME_POS and token.text != ".":
            return None
        start -= 1
    line_start = start == 0 or doc[start - 1].is_space or "\n" in doc[start - 1].whitespace_
    line_start = line_start or _dateline_dash(doc[start - 1])  # `HEADING - Jo Bell: “…”`
    if end == start or end - start > _MAX_HEADLINE_NAME or not line_start or doc[end - 1].pos_ != "PROPN":
        return None
    first = start
    while first > 0 and not doc[first - 1].is_space and "\n" not in doc[first - 1].whitespace_:
        first -= 1  # the heading before the dash goes with the attribution
    return doc[first : end + 1]
