"""Records from token spans: offsets, sentence and paragraph indexes (the confidence model of
:mod:`quotes.confidence` fills ``confidence`` once the speakers are resolved).
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

from quotes.extraction.labels import VERBAL_POS
from quotes.extraction.lexicon import Lexicon
from quotes.extraction.quotemarks import paragraphs
from quotes.records import Cue, Quote, QuoteType, Speaker


class RecordBuilder:
    """Turns token spans of one ``Doc`` into records."""

    def __init__(self, doc: Doc, text: str, doc_id: str, lexicon: Lexicon) -> None:
        self.doc = doc
        self.text = text  # Doc.text rebuilds the string on every call
        self.doc_id = doc_id
        self.lexicon = lexicon
        self.sentence_starts = [sentence.start_char for sentence in doc.sents]
        self.paragraph_starts = [start for _, start, _ in paragraphs(self.text)]

    def quote(
        self,
        kind: QuoteType,
        start: int,
        end: int,
        speaker: Span | None,
        cue: Span | None,
        rule: str,
    ) -> Quote:
        return Quote(
            doc_id=self.doc_id,
            type=kind,
            text=self.text[start:end],
            start=start,
            end=end,
            speaker=self._speaker(speaker),
            cue=Cue(cue.text, self._cue_lemma(cue), cue.start_char, cue.end_char) if cue else None,
            sentence_index=max(0, bisect_right(self.sentence_starts, start) - 1),
            paragraph_index=max(0, bisect_right(self.paragraph_starts, start) - 1),
            confidence=0.0,  # until the confidence model scores the finished record
            rule=rule,
        )

    def _cue_lemma(self, cue: Span) -> str:
        """`According to` keeps its words; a verb gets its lexicon lemma."""
        return cue.text.lower() if len(cue) > 1 and cue[0].pos_ not in VERBAL_POS else self.lexicon.cue_lemma(cue[0])

    def _speaker(self, mention: Span | None) -> Speaker | None:
        if mention is None:
            return None
        mention = whole_name(mention)
        return Speaker(mention.text, mention.start_char, mention.end_char, canonical=mention.text)


_WHOLE_NAMES = frozenset({"PERSON", "ORG"})


def whole_name(mention: Span) -> Span:
    """The mention grown to the name the recogniser found across its edge: the parser may cut
    a name at a particle or word it does not know (`Yusuf bin Tariq` | `al-Qadiri`, `Business` |
    `Today`)."""
    doc, start, end = mention.doc, mention.start, mention.end
    while (
        end < len(doc)
        and doc[end].ent_type_ in _WHOLE_NAMES
        and doc[end].ent_iob_ == "I"
        and not (doc[end].is_punct or doc[end].is_space)  # nor the line break after a name
    ):
        end += 1
    while (
        start > 0
        and doc[start].ent_type_ in _WHOLE_NAMES
        and doc[start].ent_iob_ == "I"
        and not doc[start - 1].is_punct
    ):
        start -= 1
    return doc[start:end]
