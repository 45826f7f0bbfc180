"""Text in → spaCy ``Doc`` → candidates → attribution → :class:`Quote` records out.

:func:`extract` is the one-document entry point, :func:`extract_many` streams many
through ``nlp.pipe``; :func:`quotes_from_doc` works on a ``Doc`` that is already
parsed (the spaCy component uses it).
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import islice
from time import perf_counter

import numpy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span

from quotes.errors import InvalidDocumentError
from quotes.extraction.direct import QuoteAttribution, attribute_quote
from quotes.extraction.labels import VERBAL_POS
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
from quotes.extraction.reported import find_reported
from quotes.records import Cue, Quote, QuoteType, Speaker
from quotes.speakers.registry import Registry, default_registry
from quotes.speakers.resolution import resolve_speakers

logger = logging.getLogger("quotes")

#: Quoted spans shorter than this are scare quotes or titles (`the “hallmark”`):
#: never a quote of their own, they make the reported speech around them mixed.
MIN_QUOTE_WORDS = 3

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
    "topic": 0.4,
    "passive_subject": 0.5,
    "as_clause": 0.75,
    "speech_noun": 0.6,
    "next_sentence": 0.6,
}


@dataclass(frozen=True)
class DocumentResult:
    """The outcome for one document of a stream: its quotes, or why it failed.

    ``parse_seconds`` is the document's share (by length) of its batch's ``nlp.pipe``
    time; ``extract_seconds`` is measured for the document alone (and includes the
    parsing of an over-long document, which is parsed alone in chunks)."""

    doc_id: str
    quotes: list[Quote]
    error: str | None = None
    parse_seconds: float = 0.0
    extract_seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True)
class _Origin:
    """Where a chunk of a long document starts in the whole one."""

    chars: int = 0
    sentences: int = 0
    paragraphs: int = 0


def extract_text(text: str, doc_id: str, nlp: Language, lexicon: Lexicon, registry: Registry) -> list[Quote]:
    """All quotes in one text (:meth:`quotes.Extractor.extract`)."""
    validate_text(text, doc_id)
    if len(text) <= parse_limit(nlp):
        return quotes_from_doc(nlp(text), doc_id, lexicon, registry=registry, text=_kept(text, nlp))
    return _extract_long(text, doc_id, nlp, lexicon, registry)


def stream_results(
    items: Iterable[str | tuple[str, str]], nlp: Language, lexicon: Lexicon, registry: Registry, batch_size: int
) -> Iterator[DocumentResult]:
    """Results in input order; a bad document yields an error result, not an exception
    (:meth:`quotes.Extractor.extract_many`)."""
    numbered = ((item if isinstance(item, tuple) else (f"doc-{n}", item)) for n, item in enumerate(items))
    while batch := list(islice(numbered, batch_size)):
        yield from _extract_batch(batch, nlp, lexicon, registry)


def _extract_batch(
    batch: list[tuple[str, str]], nlp: Language, lexicon: Lexicon, registry: Registry | None
) -> Iterator[DocumentResult]:
    errors: dict[int, str] = {}
    short: list[tuple[str, int]] = []
    for position, (doc_id, text) in enumerate(batch):
        try:
            validate_text(text, doc_id)
        except InvalidDocumentError as error:
            logger.info("skipped %s", error)
            errors[position] = str(error)
            continue
        if len(text) <= parse_limit(nlp):
            short.append((text, position))
    started = perf_counter()
    parsed = {
        position: doc
        for group in _by_length(short)
        for doc, position in nlp.pipe(group, as_tuples=True, batch_size=len(group))
    }
    parse_per_char = (perf_counter() - started) / max(1, sum(len(text) for text, _ in short))
    for position, (doc_id, text) in enumerate(batch):
        if position in errors:
            yield DocumentResult(doc_id, [], errors[position])
            continue
        started = perf_counter()
        doc = parsed.pop(position, None)
        try:
            found = (
                quotes_from_doc(doc, doc_id, lexicon, registry=registry, text=_kept(text, nlp))
                if doc is not None
                else _extract_long(text, doc_id, nlp, lexicon, registry)
            )
        except Exception as error:  # one broken document must not end the stream
            logger.debug("document %r failed", doc_id, exc_info=True)
            yield DocumentResult(doc_id, [], f"{type(error).__name__}: {error}")
        else:
            parse = parse_per_char * len(text) if doc is not None else 0.0
            yield DocumentResult(doc_id, found, None, parse, perf_counter() - started)


#: C0 control characters other than tab, newline, vertical tab, form feed and carriage return, and DEL.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")

#: A few stray control characters are kept (offsets must still point into the input);
#: past this many, and past this share of the text, it is binary data or a broken encoding.
MAX_CONTROL_CHARACTERS = 10
MAX_CONTROL_SHARE = 0.01


#: Texts parsed together take memory with their total length (en_core_web_sm: about 3 kB per
#: character at the peak; 32 average PolNeAR articles, 152,000 characters, took 440 MB), and in a
#: pipeline that pads a batch to its longest text (en_quotes_news) with that padded size (32 texts
#: beside one 30,000-character article took a gigabyte). Groups stay within both budgets, and no
#: smaller: spaCy's parser steps through the documents of a batch together, and took 1.6-1.8 times
#: as long in batches of 8 as in batches of 32.
MAX_BATCH_CHARACTERS = 150_000
MAX_PADDED_CHARACTERS = 600_000


def _by_length(
    texts: list[tuple[str, int]], budget: int = MAX_BATCH_CHARACTERS, padded_budget: int = MAX_PADDED_CHARACTERS
) -> Iterator[list[tuple[str, int]]]:
    """Consecutive groups whose total length stays within ``budget`` and whose longest text times
    their size stays within ``padded_budget`` (a text over either budget is a group of its own)."""
    group: list[tuple[str, int]] = []
    longest = total = 0
    for item in texts:
        size = len(item[0])
        if group and (total + size > budget or max(longest, size) * (len(group) + 1) > padded_budget):
            yield group
            group, longest, total = [], 0, 0
        group.append(item)
        longest, total = max(longest, size), total + size
    if group:
        yield group


def _kept(text: str, nlp: Language) -> str | None:
    """The text a ``Doc`` was made from, when the tokenizer is spaCy's, which never changes
    it (so ``doc.text`` need not be rebuilt); ``None`` for a custom tokenizer."""
    return text if isinstance(nlp.tokenizer, Tokenizer) else None


def validate_text(text: object, doc_id: str) -> None:
    """Reject what cannot be a news text, naming the document."""
    if not isinstance(text, str):
        raise InvalidDocumentError(doc_id, f"text must be a str, not {type(text).__name__}")
    if not text.strip():
        raise InvalidDocumentError(doc_id, "text is empty" if not text else "text is only whitespace")
    control = len(_CONTROL.findall(text))
    if control > max(MAX_CONTROL_CHARACTERS, MAX_CONTROL_SHARE * len(text)):
        raise InvalidDocumentError(doc_id, f"not text: {control} control characters in {len(text)}")


def _extract_long(text: str, doc_id: str, nlp: Language, lexicon: Lexicon, registry: Registry | None) -> list[Quote]:
    """A document parsed in pieces (:func:`parse_in_pieces`), extracted as one: quotes, aliases
    and coreference still reach across the pieces, and offsets are into the whole text."""
    doc = parse_in_pieces(text, nlp)
    return quotes_from_doc(doc, doc_id, lexicon, registry=registry, text=_kept(text, nlp))


#: Texts longer than this are parsed in paragraph-aligned pieces of at most this many characters.
#: spaCy's cost per character grows with the length of a ``Doc`` (its NER took 2.0 s for 100,000
#: characters, 4.5 s for 200,000, 11.8 s for 400,000, and the memory grew with it), while a
#: sentence never crosses a newline (``paragraph_breaks``), so pieces cut there parse alike.
PARSE_PIECE_CHARACTERS = 50_000


def parse_limit(nlp: Language) -> int:
    """The longest text parsed as one ``Doc``."""
    return min(nlp.max_length, PARSE_PIECE_CHARACTERS)


def parse_in_pieces(text: str, nlp: Language) -> Doc:
    """Parse paragraph-aligned pieces of ``text`` one by one and join them into one ``Doc`` of the
    whole text, in time and memory linear in its length (without the pieces' tok2vec tensors,
    which the rules do not read)."""
    pieces = []
    for doc in nlp.pipe((text[start:end] for start, end in paragraph_chunks(text, parse_limit(nlp))), batch_size=1):
        doc.tensor = numpy.zeros((0,), dtype="float32")
        pieces.append(doc)
    joined = Doc.from_docs(pieces, ensure_whitespace=False, exclude=["tensor"])  # type: ignore[call-arg]
    if joined is None:
        raise InvalidDocumentError("doc", "nothing to parse")
    return joined


def paragraph_chunks(text: str, max_length: int) -> Iterator[tuple[int, int]]:
    """Split at newlines into pieces of at most ``max_length`` characters."""
    start = 0
    while start < len(text):
        end = min(len(text), start + max_length)
        if end < len(text):
            cut = text.rfind("\n", start, end)
            if cut <= start:
                cut = max(text.rfind(" ", start, end), start + max_length // 2)
            end = cut + 1
        yield start, end
        start = end


def quotes_from_doc(
    doc: Doc,
    doc_id: str,
    lexicon: Lexicon,
    origin: _Origin = _Origin(),
    registry: Registry | None = None,
    *,
    text: str | None = None,
) -> list[Quote]:
    """All attributions in a parsed ``Doc``, as records with offsets into ``doc.text``.

    ``text`` is ``doc.text`` when the caller has it: ``Doc.text`` rebuilds the string token by token."""
    text = doc.text if text is None else text
    spans = find_quote_spans(text)
    all_ranges = Ranges((s.start, s.end) for s in spans)
    quote_spans = [s for s in spans if is_utterance(doc, text, s, lexicon)]
    quote_ranges = [(s.start, s.end) for s in quote_spans]
    builder = _RecordBuilder(doc, text, doc_id, origin, lexicon)

    direct = _attribute_chain([attribute_quote(doc, text, s, all_ranges, lexicon) for s in quote_spans], text)
    standalone = [(a, rule) for a, rule in direct if a.standalone]
    records = [builder.quote("direct", a.span.start, a.span.end, a.speaker, a.cue, rule) for a, rule in standalone]
    direct_ranges = Ranges((a.span.start, a.span.end) for a, _ in standalone)
    reported_ranges = Ranges()
    reported_cues: dict[tuple[int, int], list[int]] = {}
    for attribution in find_reported(doc, lexicon, all_ranges, quote_ranges):
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
        kind: QuoteType = "mixed" if all_ranges.within(start, end) else "indirect"
        records.append(
            builder.quote(
                kind,
                start,
                end,
                attribution.speaker,
                attribution.cue,
                attribution.rule,
                belief=attribution.belief,
            )
        )
        reported_ranges.add((start, end))
        reported_cues.setdefault((start, end), []).append(cue)

    for quoted, rule in direct:
        span = quoted.span
        if quoted.standalone or any(
            _overlap(span.start, span.end, a, b) for a, b in reported_ranges.touching(span.start, span.end)
        ):
            continue
        if quoted.cue is None and not _sentence_like(text[span.start : span.end]):
            continue  # a phrase quoted in narration (`slammed it as “reprehensible.”`)
        if quoted.cue is None:  # someone's words, but the sentence does not say whose
            records.append(builder.quote("direct", span.start, span.end, None, None, rule))
        else:
            records.append(builder.quote("mixed", span.start, span.end, quoted.speaker, quoted.cue, "embedded_quote"))
    return resolve_speakers(doc, records, registry or default_registry(), origin.chars, text)


def is_utterance(doc: Doc, text: str, span: QuoteSpan, lexicon: Lexicon) -> bool:
    """Words someone said, not a scare quote or a title: introduced or followed by a
    quoting verb (`yelled “You lie!”`, `“Denver,” he answered`), or long and not Title Case."""
    covered = doc.char_span(span.start, span.end, alignment_mode="expand")
    if covered is None or not len(covered):
        return False
    content = text[span.start : span.end]
    spoken_end = content[-1:] in {",", "!", "?"}
    if looks_like_title(content) and content[-1:] not in {"!", "?"}:
        return False
    before = [t for t in doc[max(0, covered.start - 3) : covered.start] if not t.is_punct and not t.is_space]
    after = [t for t in doc[covered.end : covered.end + 5] if not t.is_punct and not t.is_space][:3]
    if (before and lexicon.is_quoting_verb(before[-1])) or (spoken_end and any(map(lexicon.is_quoting_verb, after))):
        return True
    return word_count(content) >= MIN_QUOTE_WORDS or content[-1:] in {"!", "?"}


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


def _attribute_chain(found: list[QuoteAttribution], text: str) -> list[tuple[QuoteAttribution, str]]:
    """Give unattributed quotes the speaker of the quote they continue or follow."""
    result: list[tuple[QuoteAttribution, str]] = []
    previous: QuoteAttribution | None = None
    bounds = {index: (start, end) for index, start, end in paragraphs(text)}
    for attribution in found:
        rule = _direct_rule(attribution)
        if attribution.cue is None and attribution.speaker is None and attribution.standalone and previous is not None:
            span, before = attribution.span, previous.span
            cue_between = previous.cue is not None and before.end <= previous.cue.start_char < span.start
            if (before.continues and span.paragraph == before.paragraph + 1) or (
                span.paragraph == before.paragraph and cue_between
            ):
                attribution, rule = _inherit(attribution, previous), "direct_continued"
            elif span.paragraph == before.paragraph + 1 and _fills_paragraph(span, bounds[span.paragraph], text):
                attribution, rule = _inherit(attribution, previous), "direct_floating"
        if attribution.cue is not None and attribution.standalone:
            previous = attribution
        elif attribution.standalone:
            previous = None
        result.append((attribution, rule))
    return result


def _direct_rule(attribution: QuoteAttribution) -> str:
    if attribution.cue is None:
        return "direct_headline" if attribution.speaker is not None else "direct_unattributed"
    return "direct_postposed" if attribution.cue.start_char >= attribution.span.end else "direct_preposed"


def _inherit(attribution: QuoteAttribution, source: QuoteAttribution) -> QuoteAttribution:
    return replace(attribution, cue=source.cue, speaker=source.speaker)


def _fills_paragraph(span: QuoteSpan, bounds: tuple[int, int], text: str) -> bool:
    """A quote-only paragraph: nothing but marks and punctuation around the quote."""
    outside = text[bounds[0] : span.start] + text[span.end : bounds[1]]
    return not any(char.isalnum() for char in outside)


class _RecordBuilder:
    """Turns token spans of one ``Doc`` into records with global offsets."""

    def __init__(self, doc: Doc, text: str, doc_id: str, origin: _Origin, lexicon: Lexicon) -> None:
        self.doc = doc
        self.text = text  # Doc.text rebuilds the string on every call
        self.doc_id = doc_id
        self.origin = origin
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
        shift = self.origin.chars
        return Quote(
            doc_id=self.doc_id,
            type=kind,
            text=self.text[start:end],
            start=start + shift,
            end=end + shift,
            speaker=self._speaker(speaker),
            cue=Cue(cue.text, self._cue_lemma(cue), cue.start_char + shift, cue.end_char + shift) if cue else None,
            sentence_index=self.origin.sentences + max(0, bisect_right(self.sentence_starts, start) - 1),
            paragraph_index=self.origin.paragraphs + max(0, bisect_right(self.paragraph_starts, start) - 1),
            confidence=_confidence(rule, speaker is not None, belief),
            rule=rule,
        )

    def _cue_lemma(self, cue: Span) -> str:
        """`According to` keeps its words; a verb gets its lexicon lemma."""
        return cue.text.lower() if len(cue) > 1 and cue[0].pos_ not in VERBAL_POS else self.lexicon.cue_lemma(cue[0])

    def _speaker(self, mention: Span | None) -> Speaker | None:
        if mention is None:
            return None
        shift = self.origin.chars
        return Speaker(mention.text, mention.start_char + shift, mention.end_char + shift, canonical=mention.text)


def _confidence(rule: str, has_speaker: bool, belief: bool) -> float:
    score = RULE_CONFIDENCE[rule]
    if not has_speaker and rule != "direct_unattributed":
        score *= 0.7
    if belief:
        score *= 0.8
    return round(score, 3)
