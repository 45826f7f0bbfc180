"""The batch job in process: one status per document, duplicates skipped, records with their meta."""

from __future__ import annotations

import json
from pathlib import Path

from quotes import Extractor
from quotes.batch.inputs import InputDocument
from quotes.batch.job import run_job
from quotes.batch.output import JobOutput
from quotes.batch.processing import JobSettings
from quotes.extraction.lexicon import Lexicon
from quotes.speakers.registry import Registry


def read_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf8").splitlines()]


def test_every_document_gets_one_status(tmp_path, nlp):
    documents = [
        InputDocument("good", "“We will respond to the attack,” the group said.", "feed", meta={"section": "world"}),
        InputDocument("empty", "", "feed"),
        InputDocument("unreadable", None, "feed", "invalid UTF-8 at byte 3"),
        InputDocument("good", "Another text with the same id.", "feed"),
        InputDocument("long", "“We will hold them responsible for it,” he said.\n" * 30, "feed"),
    ]
    nlp.max_length, original = 200, nlp.max_length
    output, status = tmp_path / "q.jsonl", tmp_path / "q.status.jsonl"
    job = JobOutput(output, status)
    try:
        extractor = Extractor(nlp, Lexicon.default(), Registry.default())
        summary = run_job(documents, job, JobSettings(batch_size=2), extractor=extractor)
    finally:
        nlp.max_length = original
        job.close()
    statuses = {(s["doc_id"], s["status"]): s for s in read_lines(status)}
    assert list(statuses) == [
        ("good", "ok"),
        ("empty", "error"),
        ("unreadable", "error"),
        ("good", "skipped"),
        ("long", "ok"),
    ]
    assert statuses[("empty", "error")]["error"] == "document 'empty': text is empty"
    assert "duplicate doc_id 'good'" in statuses[("good", "skipped")]["error"]
    assert statuses[("long", "ok")]["n_quotes"] == 30
    records = read_lines(output)
    assert records[0]["meta"] == {"section": "world"}
    assert (summary.documents, summary.ok, summary.errors, summary.skipped, summary.quotes) == (5, 2, 2, 1, 31)
    text = documents[-1].text or ""
    assert all(text[r["start"] : r["end"]] == r["text"] for r in records if r["doc_id"] == "long")
