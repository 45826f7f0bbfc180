"""Attribute quoted spans: find the cue verb and speaker of each direct quote.

A quote is *standalone* when everything else in its sentence is the attribution
(`“…,” the group added.`, `It said: “…`, `“…,” said General X.`); otherwise it
is *embedded* in a reported clause (`CENTCOM forces “conducted a strike…”, the
command said`) and the result is a mixed quote.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from quotes.extraction.cue_speakers import noun_before, outer_speaker, speaker_of
from quotes.extraction.labels import VERBAL_POS, children_with, role
from quotes.extraction.lexicon import Lexicon
from quotes.extraction.mentions import headline_speaker, mention_span, noun_phrase_head
from quotes.extraction.quotemarks import QuoteSpan
from quotes.extraction.unattributed import byline, introducing_speaker

#: How far into the next sentence an attribution cut off by the sentence splitter may
#: reach its verb (`“… region.” Adelson said.`, `“….” US Senator Jeff Sessions said`).
MAX_TAIL_CUE_POSITION = 14


#: Dependents of a cue that carry what was said: a quote inside them is embedded.
_CONTENT_ROLES = frozenset({"clausal_complement", "parataxis", "object", "open_complement", "adverbial_clause"})


#: Words a speaker between a quote and its cue may take (`“…,” US Senator Jeff Sessions said`).
MAX_SPEAKER_WORDS = 8
#: Quoted words a parse may hang on the speaker by mistake before we stop calling it a leak.
MAX_LEAKED_WORDS = 2
#: Words between a cue and the quote it introduces (`told his supporters, “…`).
MAX_LISTENER_WORDS = 4


@dataclass(frozen=True)
class QuoteAttribution:
    """What the sentence around a quote says about it."""

    span: QuoteSpan
    cue: Span | None
    speaker: Span | None
    standalone: bool
    rule: str | None = None  # how a speaker was found without a cue (`direct_headline`, `direct_byline`)
    introducer: Span | None = None  # who the sentence before a speakerless quote is about


def _context(doc: Doc, text: str, span: QuoteSpan, lexicon: Lexicon) -> list[Token]:
    """Tokens of the sentences the quote touches, widened to where its attribution can be."""
    covered = doc.char_span(span.start, span.end, alignment_mode="expand")
    if covered is None or not len(covered):
        return []
    start, end = covered[0].sent.start, covered[-1].sent.end
    if end < len(doc) and _is_attribution_tail(doc[end].sent, text[span.end : doc[end].idx], lexicon):
        end = doc[end].sent.end
    paragraph_start = text.rfind("\n", 0, span.start) + 1
    opens_paragraph = not any(char.isalnum() for char in text[paragraph_start : span.start])
    if start > 0 and opens_paragraph and text[:paragraph_start].rstrip().endswith(":"):
        previous = next((t for t in reversed(doc[:start]) if not t.is_space), None)
        if previous is not None:  # `She went on to say:` ends the paragraph before
            start = previous.sent.start
    return list(doc[start:end])


def _is_attribution_tail(sentence: Span, gap: str, lexicon: Lexicon) -> bool:
    """The sentence right after a closing mark opens with `X said` and reports nothing else."""
    if "\n" in gap or any(char.isalnum() for char in gap):
        return False
    for token in sentence[:MAX_TAIL_CUE_POSITION]:
        if lexicon.is_quoting_verb(token):
            return not children_with(token, "clausal_complement")
    return False


def attribute_quote(doc: Doc, text: str, span: QuoteSpan, quoted: Sequence[bool], lexicon: Lexicon) -> QuoteAttribution:
    """Find the nearest reporting verb outside any quote and test whether the quote stands alone.

    ``quoted`` says for each token whether it is in (or right next to) a quoted span."""
    context = [t for t in _context(doc, text, span, lexicon) if not t.is_space]

    def in_quote(token: Token) -> bool:
        return quoted[token.i]

    outside = [t for t in context if not in_quote(t)]
    cues = [t for t in outside if lexicon.is_quoting_verb(t)]
    cue = min(cues, key=lambda t: _distance(t, span), default=None)
    speaker_token = (outer_speaker(cue, lexicon) or speaker_of(cue)) if cue is not None else None
    if cue is not None and speaker_token is None:
        speaker_token = _adjacent_speaker(cue, in_quote)
    if speaker_token is not None and in_quote(speaker_token):
        speaker_token = None
    headline = headline_speaker(doc, text, span.start) if cue is None else None
    if headline is not None:
        speaker_token = headline[-2]
    signed = byline(doc, text, span) if cue is None and headline is None else None
    attribution_tokens: set[int] = set()
    if cue is not None:
        for verb in _cue_chain(cue):  # `went on to say:`, `continued to insist`
            attribution_tokens.add(verb.i)
            for child in verb.children:
                subtree = list(child.subtree)
                if not any(in_quote(t) for t in subtree):
                    attribution_tokens.update(t.i for t in subtree)
                elif (
                    not in_quote(child)
                    and role(child) not in _CONTENT_ROLES
                    and sum(1 for t in subtree if in_quote(t) and not t.is_punct) <= MAX_LEAKED_WORDS
                ):  # a parse leak across the closing mark (`“… the,” the group said`)
                    attribution_tokens.update(t.i for t in subtree if not in_quote(t))
        if speaker_token is not None:
            attribution_tokens.update(t.i for t in speaker_token.subtree)
    if headline is not None:
        attribution_tokens.update(t.i for t in headline)
    if signed is not None:
        attribution_tokens.update(t.i for t in doc[signed[1].start - 1 : signed[1].end])  # with its dash
    residue = [t for t in outside if t.i not in attribution_tokens and not t.is_punct]
    # `the lawyers said, “all command the same conclusion” that Cruz …`: the report goes
    # on after an unfinished quote, so the quote is a fragment of it
    goes_on = text[span.end - 1] not in ".!?" and any(t.idx >= span.end for t in residue)
    standalone = (
        (not residue and not (cue is not None and _integrated(text, cue, span, outside)))
        or (cue is not None and _opens_with_quote_then_attribution(outside, cue, span))
        or (cue is not None and _introduces(text, cue, span) and not goes_on)
    )
    speaker = (
        mention_span(speaker_token, {t.i for t in context if in_quote(t)} | _cue_words(cue)) if speaker_token else None
    )
    if signed is not None:
        speaker = signed[0]
    unintroduced = cue is None and speaker is None and standalone
    return QuoteAttribution(
        span=span,
        cue=doc[cue.i : cue.i + 1] if cue is not None else None,
        speaker=speaker,
        standalone=standalone,
        rule="direct_headline" if headline is not None else "direct_byline" if signed is not None else None,
        introducer=introducing_speaker(doc, text, span, in_quote) if unintroduced else None,
    )


def _integrated(text: str, cue: Token, span: QuoteSpan, outside: list[Token]) -> bool:
    """`Sanders says “the wind is at our backs” despite his loss`: no comma or colon after
    the cue, no sentence end inside the quote (`yelled “Stay there!” as he left` is an
    utterance), and the sentence goes on after it: the quote is part of a report."""
    between = text[cue.idx + len(cue) : span.start]
    goes_on = any(t.idx >= span.end and not t.is_punct for t in outside)
    complete = text[span.end - 1] in ".!?"
    return cue.idx < span.start and not any(mark in between for mark in ",:") and goes_on and not complete


def _introduces(text: str, cue: Token, span: QuoteSpan) -> bool:
    """`she said, “…`, `replied: “…`, `told his supporters, “…`: the cue (and at most a
    short listener) right before the opening mark, followed by a comma or colon."""
    between = text[cue.idx + len(cue) : span.start].rstrip(" “\"‘'")
    return between.endswith((",", ":")) and len(between.split()) <= MAX_LISTENER_WORDS


def _opens_with_quote_then_attribution(outside: list[Token], cue: Token, span: QuoteSpan) -> bool:
    """`“…,” the group said.` read from the words, whatever the parse: nothing before
    the quote, and only a short verbless speaker between it and the cue."""
    words = [t for t in outside if not t.is_punct]
    if any(t.idx < span.start for t in words) or cue.idx < span.end:
        return False
    between = [t for t in words if t.idx < cue.idx]
    return len(between) <= MAX_SPEAKER_WORDS and not any(t.pos_ in VERBAL_POS for t in between)


def _adjacent_speaker(cue: Token, in_quote: Callable[[Token], bool]) -> Token | None:
    """When the parse gives the cue no subject: the noun right before it (`the judge
    exclaimed`) or right after it (`wrote Sanders`, `says a narrator`)."""
    before = noun_before(cue)
    if before is not None and not in_quote(before):
        return before
    for token in cue.doc[cue.i + 1 : cue.i + 4]:
        if in_quote(token) or token.is_punct:
            break
        if token.pos_ in {"NOUN", "PROPN"}:
            return noun_phrase_head(token)
    return None


def _cue_words(cue: Token | None) -> set[int]:
    """The cue is never part of who spoke (`“…,” quipped host Jo Bell` parsed with `quipped`
    as a modifier of `host`)."""
    return {cue.i} if cue is not None else set()


def _cue_chain(cue: Token) -> list[Token]:
    """The cue and the verbs it completes (`say` in `went on to say`)."""
    chain = [cue]
    while chain[-1].head.i != chain[-1].i and (
        role(chain[-1]) == "open_complement"
        or (role(chain[-1]) == "adverbial_clause" and any(c.lower_ == "to" for c in chain[-1].children))
    ):
        chain.append(chain[-1].head)
    return chain


def _distance(token: Token, span: QuoteSpan) -> int:
    if token.idx >= span.end:
        return token.idx - span.end
    return max(0, span.start - token.idx)
