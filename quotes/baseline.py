"""textacy's ``direct_quotations``, as records, to put our numbers in scale.

It finds direct quotes only, and raises on any document with an odd number of
quote marks; those documents count as having no quotes, and are counted.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .errors import QuotesError
from .records import Cue, Quote, Speaker


def textacy_quotes(doc: Doc, doc_id: str) -> list[Quote]:
    """Records from textacy's triples; raises what textacy raises."""
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError as error:
        raise QuotesError('the textacy baseline needs textacy: pip install -e ".[baseline]"') from error
    found = []
    for triple in direct_quotations(doc):
        content = triple.content
        start, end = content[0].idx, content[-1].idx + len(content[-1])
        if content[0].is_quote:
            start += len(content[0])
        if content[-1].is_quote:
            end -= len(content[-1])
        if start >= end:
            continue
        speaker_start = triple.speaker[0].idx
        speaker_end = triple.speaker[-1].idx + len(triple.speaker[-1])
        speaker_text = doc.text[speaker_start:speaker_end]
        cue = triple.cue[0]
        found.append(
            Quote(
                doc_id=doc_id,
                type="direct",
                text=doc.text[start:end],
                start=start,
                end=end,
                speaker=Speaker(speaker_text, speaker_start, speaker_end, speaker_text),
                cue=Cue(cue.text, cue.lemma_, cue.idx, cue.idx + len(cue)),
                sentence_index=0,
                paragraph_index=doc.text.count("\n", 0, start),
                confidence=0.5,
                rule="textacy_direct_quotations",
            )
        )
    return found
