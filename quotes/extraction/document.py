"""Text in → spaCy ``Doc`` → candidates → attribution → :class:`Quote` records out.

:func:`extract` is the one-document entry point, :func:`extract_many` streams many
through ``nlp.pipe``; :func:`quotes_from_doc` works on a ``Doc`` that is already
parsed (the spaCy component uses it).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from time import perf_counter

import numpy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from quotes.confidence.model import ConfidenceModel
from quotes.errors import InvalidDocumentError
from quotes.extraction.lexicon import Lexicon
from quotes.extraction.merging import quotes_from_doc
from quotes.records import Quote
from quotes.speakers.registry import Registry

logger = logging.getLogger("quotes")


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


def extract_text(
    text: str,
    doc_id: str,
    nlp: Language,
    lexicon: Lexicon,
    registry: Registry,
    confidence: ConfidenceModel | None = None,
) -> list[Quote]:
    """All quotes in one text (:meth:`quotes.Extractor.extract`)."""
    validate_text(text, doc_id)
    if len(text) <= parse_limit(nlp):
        return quotes_from_doc(
            nlp(text), doc_id, lexicon, registry=registry, text=_kept(text, nlp), confidence=confidence
        )
    return _extract_long(text, doc_id, nlp, lexicon, registry, confidence)


def stream_results(
    items: Iterable[str | tuple[str, str]],
    nlp: Language,
    lexicon: Lexicon,
    registry: Registry,
    batch_size: int,
    confidence: ConfidenceModel | None = None,
) -> Iterator[DocumentResult]:
    """Results in input order; a bad document yields an error result, not an exception
    (:meth:`quotes.Extractor.extract_many`)."""
    numbered = ((item if isinstance(item, tuple) else (f"doc-{n}", item)) for n, item in enumerate(items))
    while batch := list(islice(numbered, batch_size)):
        yield from _extract_batch(batch, nlp, lexicon, registry, confidence)


def _extract_batch(
    batch: list[tuple[str, str]],
    nlp: Language,
    lexicon: Lexicon,
    registry: Registry | None,
    confidence: ConfidenceModel | None,
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
                quotes_from_doc(doc, doc_id, lexicon, registry=registry, text=_kept(text, nlp), confidence=confidence)
                if doc is not None
                else _extract_long(text, doc_id, nlp, lexicon, registry, confidence)
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


def _extract_long(
    text: str,
    doc_id: str,
    nlp: Language,
    lexicon: Lexicon,
    registry: Registry | None,
    confidence: ConfidenceModel | None = None,
) -> list[Quote]:
    """A document parsed in pieces (:func:`parse_in_pieces`), extracted as one: quotes, aliases
    and coreference still reach across the pieces, and offsets are into the whole text."""
    doc = parse_in_pieces(text, nlp)
    return quotes_from_doc(doc, doc_id, lexicon, registry=registry, text=_kept(text, nlp), confidence=confidence)


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
