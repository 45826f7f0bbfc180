"""Records from token spans: offsets, sentence and paragraph indexes, and a confidence per rule
(how much each rule is trusted, less penalties).
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

from quotes.extraction.labels import VERBAL_POS
from quotes.extraction.lexicon import Lexicon
from quotes.extraction.quotemarks import paragraphs
from quotes.records import Cue, Quote, QuoteType, Speaker

#: How much each rule is trusted, before the penalties in :func:`_confidence`.
RULE_CONFIDENCE = {
    "direct_preposed": 0.95,
    "direct_postposed": 0.95,
    "direct_continued": 0.9,
    "direct_floating": 0.75,
    "direct_unattributed": 0.3,
    "direct_headline": 0.8,
    "embedded_quote": 0.7,
    "clausal_complement": 0.85,
    "postposed": 0.8,
    "parenthetical": 0.75,
    "source_phrase": 0.85,
    "that_clause": 0.75,
    "surface_clause": 0.6,
    "infinitive": 0.7,
    "embedded_question": 0.7,
    "quoted_fragment": 0.7,
    "nominal_object": 0.5,
    "proform": 0.5,
    "topic": 0.4,
    "passive_subject": 0.5,
    "as_clause": 0.75,
    "speech_noun": 0.6,
    "next_sentence": 0.6,
}


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
        belief: bool = False,
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
            confidence=_confidence(rule, speaker is not None, belief),
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
    while end < len(doc) and doc[end].ent_type_ in _WHOLE_NAMES and doc[end].ent_iob_ == "I" and not doc[end].is_punct:
        end += 1
    while (
        start > 0
        and doc[start].ent_type_ in _WHOLE_NAMES
        and doc[start].ent_iob_ == "I"
        and not doc[start - 1].is_punct
    ):
        start -= 1
    return doc[start:end]


def _confidence(rule: str, has_speaker: bool, belief: bool) -> float:
    score = RULE_CONFIDENCE[rule]
    if not has_speaker and rule != "direct_unattributed":
        score *= 0.7
    if belief:
        score *= 0.8
    return round(score, 3)
