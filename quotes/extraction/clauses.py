"""Spans of reported content: the clause a set of tokens makes, and tests of what a span or a
cue's surroundings are (a clause, the end of a sentence, an opening quote mark).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from quotes.extraction.labels import SUBJECT_ROLES, children_with
from quotes.extraction.ranges import Ranges

NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X"})


_LEADING_JUNK = frozenset({"that", "because", ",", ":", ";", "-", "–", "—"})


_TRAILING_JUNK = frozenset({",", ".", ":", ";", "-", "–", "—", "!", "?"})


def opens_quote(verb: Token) -> bool:
    """The cue is followed by a comma or colon and an opening quote mark."""
    after = verb.doc[verb.i + 1 : verb.i + 3]
    return len(after) == 2 and after[0].text in {",", ":"} and after[1].is_quote


def is_clause(span: Span) -> bool:
    """A span headed by a predicate with a subject, not a bare phrase: `In a 1963
    speech` or `In a letter filed Monday` is where a report was made, not what was reported."""
    heads = [t for t in span if t.head.i == t.i or not span.start <= t.head.i < span.end]
    return any(children_with(head, *SUBJECT_ROLES, "expletive") for head in heads)


def ends_sentence(verb: Token) -> bool:
    """Nothing but punctuation follows the reporting clause (`…, the group added.`)."""
    last = max(t.i for t in verb.subtree)
    return all(t.is_punct or t.is_space for t in verb.doc[last + 1 : verb.sent.end])


def has_quote(doc: Doc, tokens: set[int], quoted: Ranges) -> bool:
    low = min(doc[i].idx for i in tokens)
    high = max(doc[i].idx + len(doc[i]) for i in tokens)
    return bool(quoted.within(low, high))


def clause_span(doc: Doc, tokens: set[int]) -> Span | None:
    """The longest contiguous run of a token set, without a leading `that` or edge punctuation."""
    if not tokens:
        return None
    runs: list[tuple[int, int]] = []
    for i in sorted(tokens):
        if runs and (i == runs[-1][1] or all(doc[j].is_punct or doc[j].is_space for j in range(runs[-1][1], i))):
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    start, end = max(runs, key=lambda run: (sum(not doc[j].is_punct for j in range(*run)), -run[0]))
    while start < end and (doc[start].lower_ in _LEADING_JUNK or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in _TRAILING_JUNK or doc[end - 1].is_space):
        end -= 1
    return doc[start:end] if start < end else None
