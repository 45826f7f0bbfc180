"""Reading an archive back: files, gzip, the Dask engine's parts, bad lines reported."""

from __future__ import annotations

import gzip
import json

import pytest

from quotes.archive.records import read_archive, record_files
from quotes.errors import QuotesError


def record(doc_id: str, speaker_id: str | None) -> dict:
    return {"doc_id": doc_id, "speaker": {"id": speaker_id, "canonical": speaker_id, "kind": "person"}}


def lines(*records: dict) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


def test_a_folder_of_dask_parts_is_read_in_order_without_status_files(tmp_path):
    parts = tmp_path / "out.jsonl.parts"
    parts.mkdir()
    (parts / "part-00001.jsonl").write_text(lines(record("b", "y")), encoding="utf8")
    (parts / "part-00000.jsonl.gz").write_bytes(gzip.compress(lines(record("a", "x")).encode()))
    (parts / "part-00000.status.jsonl").write_text('{"doc_id": "a", "status": "ok"}\n', encoding="utf8")
    (parts / "part-00000.done").write_text("", encoding="utf8")
    problems: list[str] = []
    assert [r["doc_id"] for r in read_archive([parts], problems.append)] == ["a", "b"]
    assert not problems


def test_bad_lines_and_a_gzip_cut_short_are_reported_and_the_rest_read(tmp_path):
    plain = tmp_path / "a.jsonl"
    plain.write_text(lines(record("a", "x")) + "not json\n[1, 2]\n\n" + lines(record("a", "y")), encoding="utf8")
    cut = tmp_path / "b.jsonl.gz"
    cut.write_bytes(gzip.compress(lines(*(record("b", str(n)) for n in range(200))).encode())[:-30])
    problems: list[str] = []
    found = list(read_archive([plain, cut], problems.append))
    assert [r["speaker"]["id"] for r in found[:2]] == ["x", "y"]
    assert problems[:2] == [f"{plain}: line 2 is not a JSON record", f"{plain}: line 3 is not a JSON record"]
    assert len(problems) == 3 and str(cut) in problems[2]


def test_a_missing_path_is_an_error(tmp_path):
    with pytest.raises(QuotesError, match="no such file"):
        list(record_files([tmp_path / "missing.jsonl"]))


def test_records_are_read_one_at_a_time(tmp_path):
    """A stream: the first record comes before the rest of the file is read."""
    path = tmp_path / "big.jsonl"
    path.write_text(lines(record("a", "x")) + "{" * 10 + "\n", encoding="utf8")
    problems: list[str] = []
    stream = read_archive([path], problems.append)
    assert next(stream)["doc_id"] == "a"
    assert not problems
