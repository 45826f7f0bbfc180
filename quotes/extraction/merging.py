"""One parsed ``Doc`` to records: direct quotes and their chains, reported speech snapped to
quote marks, and one record per content when several rules or cues find it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import replace
from itertools import islice

from spacy.attrs import IDX
from spacy.tokens import Doc, Span

from quotes.confidence.model import ConfidenceModel, default_confidence_model
from quotes.extraction.direct import QuoteAttribution, attribute_quote
from quotes.extraction.lexicon import Lexicon
from quotes.extraction.quotemarks import (
    DOUBLED_APOSTROPHE,
    QuoteSpan,
    find_quote_spans,
    mark_length,
    paragraphs,
    word_count,
)
from quotes.extraction.ranges import Ranges
from quotes.extraction.record_builder import RecordBuilder
from quotes.extraction.reported import Attribution, find_reported
from quotes.records import Quote, QuoteType
from quotes.speakers.registry import Registry, default_registry
from quotes.speakers.resolution import resolve_speakers

#: Quoted spans shorter than this are scare quotes or titles (`the “hallmark”`):
#: never a quote of their own, they make the reported speech around them mixed.
MIN_QUOTE_WORDS = 3


def quotes_from_doc(
    doc: Doc,
    doc_id: str,
    lexicon: Lexicon,
    registry: Registry | None = None,
    *,
    text: str | None = None,
    confidence: ConfidenceModel | None = None,
) -> list[Quote]:
    """All attributions in a parsed ``Doc``, as records with offsets into ``doc.text``: direct
    quotes that stand alone, then reported speech (mixed when it holds a quoted fragment),
    then quotes embedded in a sentence that no reported content covers.

    ``text`` is ``doc.text`` when the caller has it: ``Doc.text`` rebuilds the string token by token.
    ``confidence`` (default: the shipped model) gives each record its calibrated confidence."""
    text = doc.text if text is None else text
    spans = find_quote_spans(text)
    all_ranges = Ranges((s.start, s.end) for s in spans)
    quote_spans = [s for s in spans if is_utterance(doc, text, s, lexicon)]
    builder = RecordBuilder(doc, text, doc_id, lexicon)

    quoted = all_ranges.covered(doc.to_array(IDX), margin=1)
    direct = _attribute_chain([attribute_quote(doc, text, s, quoted, lexicon) for s in quote_spans], text)
    standalone = [(a, rule) for a, rule in direct if a.standalone]
    records = [builder.quote("direct", a.span.start, a.span.end, a.speaker, a.cue, rule) for a, rule in standalone]
    direct_ranges = Ranges((a.span.start, a.span.end) for a, _ in standalone)
    reported = find_reported(doc, lexicon, all_ranges, [(s.start, s.end) for s in quote_spans])
    kept = list(_distinct_contents(reported, text, spans, direct_ranges))
    for attribution, (start, end) in kept:
        kind: QuoteType = "mixed" if all_ranges.within(start, end) else "indirect"
        speaker, cue, rule = attribution.speaker, attribution.cue, attribution.rule
        records.append(builder.quote(kind, start, end, speaker, cue, rule))
    records += _embedded_records(direct, Ranges(content for _, content in kept), text, builder)
    resolved = resolve_speakers(doc, records, registry or default_registry(), text)
    return (confidence or default_confidence_model()).apply(resolved, text, lexicon)


def _distinct_contents(
    found: list[Attribution], text: str, spans: Sequence[QuoteSpan], direct_ranges: Ranges
) -> Iterator[tuple[Attribution, tuple[int, int]]]:
    """Reported attributions with their contents snapped to quote marks, without those that
    repeat a direct quote or a content already reported under another cue (unless one is a
    report inside the other that names its speaker)."""
    reported_ranges = Ranges()
    reported_cues: dict[tuple[int, int], list[int]] = {}
    for attribution in found:
        start, end = snap_to_quotes(text, attribution.content.start_char, attribution.content.end_char, spans)
        cue = attribution.cue.start_char
        if any(
            _overlap(start, end, a, b) or _crosses(start, end, a, b) for a, b in direct_ranges.touching(start, end)
        ) or any(  # one content, two cues, unless a report inside a report that names its speaker
            _same(start, end, a, b)
            and not (
                attribution.speaker
                and (
                    attribution.rule == "source_phrase"  # `<clause>, according to X, Reuters reported`
                    or any(_nested(start, end, cue, a, b, c) for c in reported_cues[a, b])
                )
            )
            for a, b in reported_ranges.touching(start, end)
        ):
            continue
        yield attribution, (start, end)
        reported_ranges.add((start, end))
        reported_cues.setdefault((start, end), []).append(cue)


def _embedded_records(
    direct: list[tuple[QuoteAttribution, str]], reported_ranges: Ranges, text: str, builder: RecordBuilder
) -> Iterator[Quote]:
    """Quotes inside a sentence that no reported content covers: mixed when a cue
    introduces them, direct without a speaker when only their form says someone spoke."""
    for quoted, rule in direct:
        span = quoted.span
        if quoted.standalone or any(
            _overlap(span.start, span.end, a, b) for a, b in reported_ranges.touching(span.start, span.end)
        ):
            continue
        if quoted.cue is None and not _sentence_like(text[span.start : span.end]):
            continue  # a phrase quoted in narration (`slammed it as “reprehensible.”`)
        if quoted.cue is None:  # someone's words, but the sentence does not say whose
            yield builder.quote("direct", span.start, span.end, None, None, rule)
        else:
            yield builder.quote("mixed", span.start, span.end, quoted.speaker, quoted.cue, "embedded_quote")


#: A markup tag left in a text (`<tweet/>`, `</p>`, `<a href=…>`).
_MARKUP_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")


def is_utterance(doc: Doc, text: str, span: QuoteSpan, lexicon: Lexicon) -> bool:
    """Words someone said, not a scare quote or a title: introduced or followed by a
    quoting verb (`yelled “You lie!”`, `“Denver,” he answered`), or long and not Title Case."""
    covered = doc.char_span(span.start, span.end, alignment_mode="expand")
    if covered is None or not len(covered):
        return False
    content = text[span.start : span.end]
    spoken_end = content[-1:] in {",", "!", "?"}
    if _MARKUP_TAG.search(content):
        return False  # marks paired across a markup tag left in the text (`…<tweet/>`): no one's words
    before = [t for t in doc[max(0, covered.start - 3) : covered.start] if not t.is_punct and not t.is_space]
    after = [t for t in doc[covered.end : covered.end + 5] if not t.is_punct and not t.is_space][:3]
    if looks_like_title(content) and content[-1:] not in {"!", "?"}:
        # `“With an eye to February, Carolina,” he said.`: a capitalised quote that opens its
        # sentence and is then attributed is someone's words, not a title
        opens = all(t.is_punct or t.is_space for t in doc[covered[0].sent.start : covered.start])
        attributed = content[-1:] == "," and any(map(lexicon.is_quoting_verb, after))
        return opens and attributed
    if before and lexicon.is_quoting_verb(before[-1]):
        return True
    if spoken_end and any(map(lexicon.is_quoting_verb, after)):
        return not _quoted_name(covered, content)
    return word_count(content) >= MIN_QUOTE_WORDS or content[-1:] in {"!", "?"}


def _quoted_name(covered: Span, content: str) -> bool:
    """`said on Fox’s “Hannity,” Gingrich said`, `on MSNBC’s “Morning Joe,” adding`: a short quote
    of capitalised words only, after a possessive, names a show or a work, not words said."""
    words = [t for t in covered if not t.is_punct]
    opening = covered.doc[: covered.start]
    previous = next((t for t in reversed(opening) if not (t.is_punct and t.is_quote)), None)
    return (
        0 < len(words) < MIN_QUOTE_WORDS
        and content[-1:] == ","
        and all(t.text[:1].isupper() for t in words)
        and previous is not None
        and (previous.tag_ == "POS" or previous.lower_ in {"’s", "'s"})
    )


def _sentence_like(content: str) -> bool:
    return content[:1].isupper() or content[:1].isdigit()


def looks_like_title(content: str) -> bool:
    """`“Sunday Morning Futures,”`, `‘Honesty Is In Question.’`: every longer word after the
    first capitalised (a sentence capitalises only its first)."""
    words = [w for w in content.rstrip(".,").split()[1:] if len(w) > 3 and w[0].isalpha()]
    return bool(words) and len(content.split()) <= 8 and all(w[0].isupper() for w in words)


def _overlap(start: int, end: int, other_start: int, other_end: int) -> bool:
    """At least half of either span lies inside the other."""
    shared = min(end, other_end) - max(start, other_start)
    return shared > 0 and (shared * 2 >= end - start or shared * 2 >= other_end - other_start)


def snap_to_quotes(text: str, start: int, end: int, spans: Sequence[QuoteSpan]) -> tuple[int, int]:
    """Widen a reported content that stops inside a quoted fragment, or just before its
    closing mark, to take the whole fragment with its marks (`were “completely unacceptable”`)."""
    first = bisect_left(spans, start, key=lambda span: span.end)  # spans are in text order
    for span in islice(spans, first, None):
        if span.start >= end:
            break
        opening = _mark_before(text, span.start)
        closing = _mark_after(text, span.end) if span.closed else span.end
        if start <= span.start < end < closing:
            end = closing
        if opening < start < span.end <= end:
            start = opening
    return start, end


def _mark_before(text: str, position: int) -> int:
    """Where the opening mark of content starting at ``position`` is."""
    position -= 1
    while position > 0 and text[position].isspace():
        position -= 1
    if position > 0 and text[position - 1 : position + 1] == DOUBLED_APOSTROPHE:
        position -= 1
    return max(position, 0)


def _mark_after(text: str, position: int) -> int:
    """Just past the closing mark of content ending at ``position``."""
    while position < len(text) and text[position].isspace():
        position += 1
    return min(position + mark_length(text, position), len(text))


def _crosses(start: int, end: int, quote_start: int, quote_end: int) -> bool:
    """A reported content that runs into a direct quote but stops inside it: a parse
    that split the quote, not a content of its own."""
    return start < quote_start < end < quote_end or quote_start < start < quote_end < end


def _same(start: int, end: int, other_start: int, other_end: int) -> bool:
    """Each span lies at least half inside the other: one content, two cues."""
    shared = min(end, other_end) - max(start, other_start)
    return shared * 2 >= end - start and shared * 2 >= other_end - other_start


def _nested(start: int, end: int, cue: int, other_start: int, other_end: int, other_cue: int) -> bool:
    """One report inside another (`X said Y, Z reported`): one content holds the other's cue."""
    return start <= other_cue < end or other_start <= cue < other_end


#: A direct quote's attribution and the rule that made it.
_Attributed = tuple[QuoteAttribution, str]


def _attribute_chain(found: list[QuoteAttribution], text: str) -> list[_Attributed]:
    """Give unattributed quotes the speaker of the quote they continue or follow, else of the
    sentence that introduces them; then the opening parts of a multi-paragraph quote the speaker
    of the part that names it (news style names the speaker only in the last paragraph)."""
    result: list[_Attributed] = []
    previous: QuoteAttribution | None = None
    bounds = {index: (start, end) for index, start, end in paragraphs(text)}
    for attribution in found:
        rule = _direct_rule(attribution)
        if attribution.cue is None and attribution.speaker is None and attribution.standalone:
            if previous is not None and _continues(previous, attribution):
                attribution, rule = _inherit(attribution, previous), "direct_continued"
            elif (
                previous is not None
                and previous.cue is not None
                and attribution.span.paragraph == previous.span.paragraph + 1
                and _fills_paragraph(attribution.span, bounds[attribution.span.paragraph], text)
            ):
                attribution, rule = _inherit(attribution, previous), "direct_floating"
            elif attribution.introducer is not None:
                attribution, rule = replace(attribution, speaker=attribution.introducer), "direct_introduced"
        if attribution.speaker is not None and attribution.standalone:
            previous = attribution
        elif attribution.standalone:
            previous = None
        result.append((attribution, rule))
    return _attribute_opening_parts(result, text)


def _continues(before: QuoteAttribution, attribution: QuoteAttribution) -> bool:
    """The next paragraph of a multi-paragraph quote, or a quote after the cue of one before
    it in the same paragraph (`“…,” she said. “…”`)."""
    span, previous = attribution.span, before.span
    cue_between = before.cue is not None and previous.end <= before.cue.start_char < span.start
    return (previous.continues and span.paragraph == previous.paragraph + 1) or (
        span.paragraph == previous.paragraph and cue_between
    )


#: Rules that read a direct quote's speaker from its own attribution, not from another quote.
_OWN_ATTRIBUTION_RULES = frozenset({"direct_postposed", "direct_preposed", "direct_byline", "direct_headline"})


def _attribute_opening_parts(result: list[_Attributed], text: str) -> list[_Attributed]:
    """`“First part …` / `“Last part,” said X.`: each part a later paragraph re-opens takes the
    speaker and cue of the part after it, from the last part back to the first (over a speaker
    the sentence before the quote suggested: the quote names its own)."""
    starts = {index: start for index, start, _ in paragraphs(text)}
    named = [rule in _OWN_ATTRIBUTION_RULES for _, rule in result]
    for index in range(len(result) - 2, -1, -1):
        (attribution, rule), (after, _) = result[index], result[index + 1]
        span = attribution.span
        if (
            named[index + 1]
            and rule in {"direct_unattributed", "direct_introduced"}
            and attribution.standalone
            and span.continues
            and after.standalone
            and after.span.paragraph == span.paragraph + 1
            and not any(char.isalnum() for char in text[starts[after.span.paragraph] : after.span.start])
        ):
            result[index], named[index] = (_inherit(attribution, after), "direct_continued"), True
    return result


def _direct_rule(attribution: QuoteAttribution) -> str:
    if attribution.cue is None:
        return (attribution.rule or "direct_headline") if attribution.speaker is not None else "direct_unattributed"
    return "direct_postposed" if attribution.cue.start_char >= attribution.span.end else "direct_preposed"


def _inherit(attribution: QuoteAttribution, source: QuoteAttribution) -> QuoteAttribution:
    return replace(attribution, cue=source.cue, speaker=source.speaker)


def _fills_paragraph(span: QuoteSpan, bounds: tuple[int, int], text: str) -> bool:
    """A quote-only paragraph: nothing but marks and punctuation around the quote."""
    outside = text[bounds[0] : span.start] + text[span.end : bounds[1]]
    return not any(char.isalnum() for char in outside)
