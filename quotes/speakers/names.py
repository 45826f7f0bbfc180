"""Runs of name words in a document: the proper names that can be speakers or antecedents."""

from __future__ import annotations

from dataclasses import dataclass

import numpy
from spacy.attrs import IDX, ORTH, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span

#: Name words: proper nouns, and capitalised words of these parts of speech (`Central` in
#: `US Central Command`). Joiners continue a run of them (`Kata’ib Hezbollah’s`, `Abu-Mahdi`).
_CAPITALISED_NAME_POS = ("ADJ", "NOUN", "NUM", "X")
_JOINERS = ("-", "’s")


@dataclass(frozen=True)
class NameWords:
    """Per token of a document: is it a name word, is it a joiner."""

    names: list[bool]
    joiners: list[bool]


def name_words(doc: Doc, text: str) -> NameWords:
    """The name words of a whole document from token arrays: a ``Token`` object per word
    was most of the time of reading every sentence of a long document."""
    pos, starts, orth = doc.to_array([POS, IDX, ORTH]).T
    names = pos == POS_IDS["PROPN"]
    capitalisable = numpy.flatnonzero(numpy.isin(pos, [POS_IDS[p] for p in _CAPITALISED_NAME_POS]))
    names[capitalisable] = [text[start].isupper() for start in starts[capitalisable].tolist()]
    joiners = numpy.isin(orth, [doc.vocab.strings[joiner] for joiner in _JOINERS])
    return NameWords(names.tolist(), joiners.tolist())


def _token_name_words(mention: Span) -> NameWords:
    """The same for the few tokens of one mention (index ``i - mention.start``)."""
    capitalisable = set(_CAPITALISED_NAME_POS)
    return NameWords(
        [t.pos_ == "PROPN" or (t.pos_ in capitalisable and t.text[:1].isupper()) for t in mention],
        [t.text in _JOINERS for t in mention],
    )


def proper_noun_runs(mention: Span, words: NameWords | None = None) -> list[Span]:
    """Runs of name words; ``words`` are the document's, when the caller has read them."""
    first = 0
    if words is None:
        words, first = _token_name_words(mention), mention.start
    runs: list[Span] = []
    start = None
    for i in range(mention.start, mention.end):
        if words.names[i - first] or (start is not None and words.joiners[i - first]):
            start = i if start is None else start
        elif start is not None:
            runs.append(mention.doc[start:i])
            start = None
    if start is not None:
        runs.append(mention.doc[start : mention.end])
    return runs
