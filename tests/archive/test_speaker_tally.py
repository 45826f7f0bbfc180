"""Counting an archive's speakers: quotes, documents, the names and titles their mentions gave."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quotes.archive.speakers import MAX_FORMS, SpeakerTally


def quote(doc_id: str, speaker_id: str | None, name: str | None = None, title: str | None = None) -> dict:
    speaker = {"id": speaker_id, "canonical": "Anna Berg" if speaker_id else None, "kind": "person"}
    return {"doc_id": doc_id, "speaker": speaker | {"name": name, "title": title}}


def test_quotes_documents_variants_and_titles_per_speaker():
    tally = SpeakerTally().add_all(
        [
            quote("a", "unknown:ana-barg", "Anna Berg", "minister"),
            quote("a", "unknown:ana-barg", "Berg"),
            quote("a", None),
            quote("b", "unknown:ana-barg", "Berg", "minister"),
            {"doc_id": "b", "speaker": None},
        ]
    )
    anna, unresolved = tally.summaries()
    assert (anna.id, anna.canonical, anna.quotes, anna.documents) == ("unknown:ana-barg", "Anna Berg", 3, 2)
    assert anna.variants == (("Berg", 2), ("Anna Berg", 1))
    assert anna.titles == (("minister", 2),)
    assert (unresolved.id, unresolved.canonical, unresolved.quotes) == (None, None, 1)
    assert (tally.records, tally.without_speaker) == (5, 1)
    assert anna.to_dict()["variants"] == {"Berg": 2, "Anna Berg": 1}


@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 400)), max_size=300))
def test_memory_is_bounded_by_the_speakers_not_the_records(quotes):
    """However many records and spellings: one entry per speaker, at most MAX_FORMS forms each,
    and every quote counted."""
    tally = SpeakerTally().add_all(quote(f"d{n}", f"unknown:s{s}", f"Name {n}") for s, n in quotes)
    assert len(tally) == len({s for s, _ in quotes})
    summaries = tally.summaries()
    assert sum(s.quotes for s in summaries) == len(quotes)
    assert all(len(s.variants) <= MAX_FORMS for s in summaries)
    assert [s.quotes for s in summaries] == sorted((s.quotes for s in summaries), reverse=True)
