"""What a record shows about its own reliability, as named numbers for the confidence model.

Read from the record and its text alone (never from the parse), so that the same features can
be computed again from records written by an earlier run and their texts.
"""

from __future__ import annotations

import math

from quotes.extraction.lexicon import Lexicon
from quotes.extraction.quotemarks import DOUBLE_CLOSERS, DOUBLE_OPENERS, SINGLE_CLOSERS, SINGLE_OPENERS
from quotes.records import Quote

_MARKS = frozenset(DOUBLE_OPENERS + DOUBLE_CLOSERS + SINGLE_OPENERS + SINGLE_CLOSERS + '"')


def cue_class(quote: Quote, lexicon: Lexicon) -> str:
    """The kind of word that cues the record: a phrase (`according to`), a speech verb, a verb
    that introduces only direct quotes (`joked`), a belief, a speech noun, or another word."""
    if quote.cue is None:
        return "none"
    lemma = quote.cue.lemma
    if " " in lemma:
        return "phrase"
    if lemma in lexicon.speech_verbs:
        return "speech"
    if lemma in lexicon.quote_verbs:
        return "quote_verb"
    if lemma in lexicon.belief_verbs:
        return "belief"
    if lemma in lexicon.speech_nouns:
        return "noun"
    return "other"


def record_features(quote: Quote, text: str, lexicon: Lexicon) -> dict[str, float]:
    """One record's features; categorical ones as `name=value` set to 1."""
    content = quote.text
    words = len(content.split())
    speaker = quote.speaker
    features = {
        f"rule={quote.rule}": 1.0,
        f"type={quote.type}": 1.0,
        f"cue={cue_class(quote, lexicon)}": 1.0,
        f"speaker={speaker.kind if speaker is not None else 'none'}": 1.0,
        f"resolved_by={speaker.resolved_by if speaker is not None else 'none'}": 1.0,
        "quoted": float(content[:1] in _MARKS and content[-1:] in _MARKS),
        "has_quote_mark": float(any(c in _MARKS for c in content)),
        "log_words": math.log1p(words) / 4,
        "short": float(words < 5),
        "paragraph_start": float(_at_paragraph_start(text, quote.start)),
        "first_paragraph": float(quote.paragraph_index == 0),
        "speaker_named": float(speaker is not None and speaker.name is not None),
        "speaker_unresolved": float(speaker is not None and speaker.canonical is None),
        "speaker_in_content": float(speaker is not None and quote.start <= speaker.start < quote.end),
    }
    if quote.cue is not None:
        after = quote.cue.start >= quote.end
        gap = quote.cue.start - quote.end if after else max(0, quote.start - quote.cue.end)
        features["cue_after"] = float(after)
        features["cue_inside"] = float(quote.start <= quote.cue.start < quote.end)
        features["log_cue_gap"] = math.log1p(gap) / 5
    return features


def _at_paragraph_start(text: str, start: int) -> bool:
    """Whether only a quote mark or spaces stand between the content and the paragraph's start."""
    line_start = text.rfind("\n", 0, start) + 1
    return all(c.isspace() or c in _MARKS for c in text[line_start:start])
