"""Attribute quoted spans: find the cue verb and speaker of each direct quote.

A quote is *standalone* when everything else in its sentence is the attribution
(`“…,” the group added.`, `It said: “…`, `“…,” said General X.`); otherwise it
is *embedded* in a reported clause (`CENTCOM forces “conducted a strike…”, the
command said`) and the result is a mixed quote.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .lexicon import Lexicon
from .quotemarks import QuoteSpan
from .reported import VERBAL_POS, mention_span, speaker_of

#: A following sentence this short, right after a closing mark, can still hold the
#: attribution the sentence splitter cut off (`“… region.” he said.`).
MAX_TRAILING_ATTRIBUTION = 12


@dataclass(frozen=True)
class QuoteAttribution:
    """What the sentence around a quote says about it."""

    span: QuoteSpan
    cue: Span | None
    speaker: Span | None
    standalone: bool


def _context(doc: Doc, span: QuoteSpan) -> list[Token]:
    """Tokens of the sentences the quote touches, plus a short trailing attribution."""
    first = doc.char_span(span.start, span.end, alignment_mode="expand")
    if first is None or not len(first):
        return []
    start_sent, end_sent = first[0].sent, first[-1].sent
    tokens = list(doc[start_sent.start : end_sent.end])
    following = end_sent.end
    if following < len(doc):
        after = doc[following].sent
        same_paragraph = "\n" not in doc[end_sent.end - 1 : following + 1].text
        if same_paragraph and len(after) <= MAX_TRAILING_ATTRIBUTION and (after[0].is_lower or after[0].pos_ == "PRON"):
            tokens += list(after)
    return tokens


def attribute_quote(
    doc: Doc, span: QuoteSpan, quoted: list[tuple[int, int]], lexicon: Lexicon
) -> QuoteAttribution:
    """Find the nearest reporting verb outside any quote and test whether the quote stands alone."""
    context = [t for t in _context(doc, span) if not t.is_space]

    def in_quote(token: Token) -> bool:
        return any(a - 1 <= token.idx < b + 1 for a, b in quoted)

    outside = [t for t in context if not in_quote(t)]
    cues = [t for t in outside if t.pos_ in VERBAL_POS and lexicon.is_quote_cue(t.lemma_.lower())]
    cue = min(cues, key=lambda t: _distance(t, span), default=None)
    speaker_token = speaker_of(cue) if cue is not None else None
    if speaker_token is not None and in_quote(speaker_token):
        speaker_token = None
    attribution_tokens: set[int] = set()
    if cue is not None:
        attribution_tokens.add(cue.i)
        for child in cue.children:
            subtree = list(child.subtree)
            if not any(in_quote(t) for t in subtree):
                attribution_tokens.update(t.i for t in subtree)
        if speaker_token is not None:
            attribution_tokens.update(t.i for t in speaker_token.subtree)
    residue = [t for t in outside if t.i not in attribution_tokens and not t.is_punct]
    return QuoteAttribution(
        span=span,
        cue=doc[cue.i : cue.i + 1] if cue is not None else None,
        speaker=mention_span(speaker_token) if speaker_token is not None else None,
        standalone=not residue,
    )


def _distance(token: Token, span: QuoteSpan) -> int:
    if token.idx >= span.end:
        return token.idx - span.end
    return max(0, span.start - token.idx)
