"""Reports inside reports the parser hung the wrong way round."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from quotes.extraction.labels import role

if TYPE_CHECKING:
    from spacy.tokens import Token

    from quotes.extraction.reported import Attribution


def rehang_postposed_reports(found: list[Attribution]) -> list[Attribution]:
    """`X said <clause>, Y reported.` parsed with `reported` as the complement of `said`:
    `said` then takes `<clause>, Y reported` and `reported` only `<clause>`. Y reported all
    of `X said <clause>`, and X said `<clause>`, as when the parser hangs `said` under
    `reported`."""
    result = list(found)
    for k, outer in enumerate(found):
        if outer.rule != "postposed":
            continue
        verb = outer.cue[0]
        cue = verb.head
        if role(verb) != "clausal_complement" or cue.i >= outer.content.start or verb.i < outer.content.end:
            continue
        for j, inner in enumerate(found):
            if inner.cue[0].i != cue.i or inner.speaker is None or inner.speaker.start > cue.i:
                continue
            if not inner.content.start <= verb.i < inner.content.end:
                continue
            doc = verb.doc
            start = min(inner.speaker.start, cue.left_edge.i)
            result[j] = replace(inner, content=outer.content)
            result[k] = replace(outer, content=doc[start : outer.content.end])
    return result


def enclosing_relative_clause_end(verb: Token) -> int | None:
    """The end of the relative clause a cue sits in, if it does: what it reports cannot run
    past it. One set off by a comma ends at the next comma, wherever the parser ended it
    (`Smith, who insisted the deal was fair, resigned …` with `deal` as the object)."""
    token = verb
    while token.head.i != token.i:
        if role(token) == "relative_clause":
            doc, first = token.doc, token.left_edge.i
            if first > 0 and doc[first - 1].text == ",":
                return next((t.i for t in doc[verb.i + 1 : verb.sent.end] if t.text == ","), verb.sent.end)
            return max(t.i for t in token.subtree) + 1
        if role(token) not in {"clausal_complement", "conjunct", "open_complement"} and token is not verb:
            return None
        token = token.head
    return None


def subject_taken_as_circumstance(child: Token, complement: Token) -> bool:
    """A prepositional phrase of the cue that runs right up to a finite complement without
    a subject (`said about half of them reflected …`) is that complement's subject."""
    if role(child) not in {"preposition", "oblique"} or not child.i < complement.i:
        return False
    return max(t.i for t in child.subtree) + 1 == complement.left_edge.i


def gerund_object(verb: Token) -> Token | None:
    """A gerund clause without a subject right after a cue, as its object or open
    complement (`reported raising $9 million`, `denied taking part`): what was reported."""
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if following is None or following.tag_ != "VBG" or following.head.i != verb.i:
        return None
    if role(following) not in {"open_complement", "object", "clausal_complement"}:
        return None
    if any(role(c) in {"subject", "passive_subject"} for c in following.children):
        return None
    return following if len(list(following.subtree)) >= 2 else None


#: Markers of a clause that tells when, why or while, never what was said.
ADVERBIAL_MARKERS = frozenset(
    {"as", "while", "when", "whenever", "because", "since", "although", "though", "after", "before", "until", "once"}
)


def not_a_report(clause: Token) -> bool:
    """A clause the parser made a cue's complement that cannot be what was said: one opened
    by an adverbial marker (`…,” she said, as the crowd left`), or a bare participle
    (`said in an interview aired Monday`)."""
    if any(
        role(c) == "marker" and c.lower_ in ADVERBIAL_MARKERS and c.i == clause.left_edge.i for c in clause.children
    ):
        return True
    if clause.tag_ == "VBN":
        return not any(
            role(c) in {"subject", "passive_subject", "auxiliary", "passive_auxiliary"} for c in clause.children
        )
    return False
