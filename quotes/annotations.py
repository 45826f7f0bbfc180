"""Quotes as ``Doc`` annotations that spaCy can save, send between processes and render.

spaCy serialises a ``Doc`` (``Doc.to_bytes``, ``DocBin``, ``nlp.pipe(n_process=…)``) with
msgpack, so a ``Doc`` may only carry spans and plain data, never :class:`Quote` objects.
The ``quotes`` component therefore writes:

- ``doc.spans["quotes"]``: one span per quote content, labelled with its type;
- ``doc.spans["quote_speakers"]``: one span per quote that has a speaker, in the same order,
  labelled with the speaker's kind, ``kb_id`` the speaker id;
- ``doc.spans["quote_cues"]``: one span per quote that has a cue, in the same order, labelled
  with the cue lemma;
- ``doc.user_data["quotes"]``: ``{"schema", "doc_id", "quotes": [record, …]}``, each record
  the JSON record of the quote without its texts (they are slices of ``doc.text``).

Spans are token-aligned and a quote's offsets need not be (`“We` … `”` splits inside
tokens), so the records keep the exact character offsets and :func:`read_quotes`
rebuilds the :class:`Quote` records from them, not from the spans.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from typing import Any

from spacy.tokens import Doc, Span

from .records import SCHEMA_VERSION, Quote

#: The key of the records in ``doc.user_data`` (a string: spaCy's own keys are tuples).
USER_DATA_KEY = "quotes"
QUOTES_KEY = "quotes"
SPEAKERS_KEY = "quote_speakers"
CUES_KEY = "quote_cues"
#: The parts of a record that hold a mention with its own text.
_MENTIONS = ("speaker", "cue")


def record_fields(quote: Quote) -> dict[str, Any]:
    """The quote's JSON record without its document id and texts, which the ``Doc`` holds:
    storing them twice would let them disagree."""
    record = quote.to_dict()
    del record["doc_id"], record["text"]
    for part in _MENTIONS:
        if record[part] is not None:
            record[part] = {key: value for key, value in record[part].items() if key != "text"}
    return record


def quote_from_fields(fields: dict[str, Any], doc_id: str, text: str) -> Quote:
    """The inverse of :func:`record_fields`, given the document id and the text the offsets point into."""
    record = {**fields, "doc_id": doc_id, "text": text[fields["start"] : fields["end"]]}
    for part in _MENTIONS:
        mention = fields.get(part)
        if mention is not None:
            record[part] = {**mention, "text": text[mention["start"] : mention["end"]]}
    return Quote.from_dict(record)


def annotate(doc: Doc, quotes: Iterable[Quote], doc_id: str) -> None:
    """Write the quotes of ``doc`` as its span groups and user data (see the module docstring)."""
    found = list(quotes)
    doc.spans[QUOTES_KEY] = [covering_span(doc, q.start, q.end, q.type) for q in found]
    doc.spans[SPEAKERS_KEY] = [
        covering_span(doc, q.speaker.start, q.speaker.end, q.speaker.kind or "unknown", q.speaker.id or "")
        for q in found
        if q.speaker is not None
    ]
    doc.spans[CUES_KEY] = [covering_span(doc, q.cue.start, q.cue.end, q.cue.lemma) for q in found if q.cue is not None]
    doc.user_data[USER_DATA_KEY] = {
        "schema": SCHEMA_VERSION,
        "doc_id": doc_id,
        "quotes": [record_fields(quote) for quote in found],
    }


def read_quotes(doc: Doc) -> list[Quote] | None:
    """The records the component stored on ``doc``; ``None`` when it has not run on it
    (or failed on it), which is not the same as a document without quotes (``[]``)."""
    stored = doc.user_data.get(USER_DATA_KEY)
    if stored is None:
        return None
    text = doc.text
    return [quote_from_fields(fields, stored["doc_id"], text) for fields in stored["quotes"]]


def covering_span(doc: Doc, start: int, end: int, label: str, kb_id: str = "") -> Span:
    """The tokens over the characters ``start:end``: spaCy's ``expand`` alignment, or, for a
    range inside the whitespace after a token (where ``expand`` gives nothing), that token."""
    span = doc.char_span(start, end, label=label, kb_id=kb_id, alignment_mode="expand")
    if span is not None and len(span):
        return span
    starts = [token.idx for token in doc]
    first = max(0, bisect_right(starts, start) - 1)
    last = max(first, bisect_right(starts, end - 1) - 1)
    return Span(doc, first, last + 1, label=label, kb_id=kb_id)
