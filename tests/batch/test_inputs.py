"""Reading inputs: folders, globs, JSONL (plain, gzipped, byte ranges), fields and meta."""

from __future__ import annotations

import gzip
import json
from itertools import pairwise
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.batch.dask import plan_partitions
from quotes.batch.inputs import InputOptions, Source, count_documents, iter_documents, iter_sources, read_source


def write_jsonl(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf8")


def test_folders_are_walked_with_relative_ids(tmp_path):
    for name in ("2024/01/a.txt", "2024/02/a.txt", "notes.md", "b.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("text", encoding="utf8")
    ids = [d.doc_id for d in iter_documents([str(tmp_path)])]
    assert ids == ["2024/01/a", "2024/02/a", "b"]
    only_md = InputOptions(globs=("*.md",))
    assert [d.doc_id for d in iter_documents([str(tmp_path)], only_md)] == ["notes"]


def test_jsonl_fields_meta_and_gzip(tmp_path):
    rows = [
        {"url": "u1", "body": "one", "section": "world", "other": 1},
        {"url": "u2", "body": "two", "section": "sport"},
        {"body": "three"},
    ]
    write_jsonl(tmp_path / "feed.jsonl", rows)
    with gzip.open(tmp_path / "feed2.jsonl.gz", "wt", encoding="utf8") as out:
        out.write(json.dumps(rows[0]) + "\n")
    options = InputOptions(id_field="url", text_field="body", keep_fields=("section",))
    documents = list(iter_documents([str(tmp_path)], options))
    assert [(d.doc_id, d.text, d.meta) for d in documents] == [
        ("u1", "one", {"section": "world"}),
        ("u2", "two", {"section": "sport"}),
        ("feed:3", "three", {}),
        ("u1", "one", {"section": "world"}),
    ]
    assert count_documents([str(tmp_path)], options) == 4


def test_unreadable_inputs_are_error_documents(tmp_path):
    (tmp_path / "broken.jsonl.gz").write_bytes(b"not gzip at all")
    documents = list(iter_documents([str(tmp_path / "broken.jsonl.gz"), str(tmp_path / "missing.txt")]))
    assert [d.text for d in documents] == [None, None]
    assert "cannot read" in (documents[0].error or "")
    assert documents[1].error == "no such file or directory"


@settings(max_examples=40, deadline=None)
@given(
    lengths=st.lists(st.integers(min_value=0, max_value=40), min_size=1, max_size=12),
    cut=st.integers(min_value=1, max_value=400),
    blank_every=st.integers(min_value=2, max_value=5),
)
def test_byte_ranges_read_every_line_once(tmp_path_factory, lengths, cut, blank_every):
    """However a JSONL file is cut, the ranges together give the documents of the whole file."""
    path = tmp_path_factory.mktemp("ranges") / "feed.jsonl"
    lines = []
    for number, length in enumerate(lengths):
        lines.append(json.dumps({"text": "é" * length + f" {number}"}))
        if number % blank_every == 0:
            lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding="utf8")
    whole = [(d.doc_id, d.text) for d in iter_documents([str(path)])]
    size = path.stat().st_size
    pieces = []
    for start in range(0, size, cut):
        source = Source(str(path), "jsonl", start=start, end=min(size, start + cut))
        pieces += [(d.doc_id, d.text) for d in read_source(source)]
    assert pieces == whole


def test_partitions_cover_the_inputs_in_order(tmp_path):
    write_jsonl(tmp_path / "big.jsonl", [{"id": str(n), "text": "x" * 50} for n in range(100)])
    for n in range(3):
        (tmp_path / f"{n}.txt").write_text("y" * 100, encoding="utf8")
    partitions = plan_partitions([str(tmp_path)], InputOptions(), target_bytes=1000)
    sources = [source for partition in partitions for source in partition]
    assert [s.path for s in sources if s.kind == "text"] == [str(tmp_path / f"{n}.txt") for n in range(3)]
    ranges = [(s.start, s.end) for s in sources if s.kind == "jsonl"]
    assert ranges[0][0] == 0 and all(a[1] == b[0] for a, b in pairwise(ranges))
    documents = [d.doc_id for p in partitions for s in p for d in read_source(s)]
    assert documents == [d.doc_id for d in iter_documents([str(tmp_path)])]


def test_stdin_is_one_source():
    assert [s.kind for s in iter_sources(["-"])] == ["stdin"]


def test_partitions_are_sized_for_the_workers(tmp_path):
    from quotes.batch.dask import MIN_PARTITION_BYTES, PARTITIONS_PER_WORKER, partition_size

    for n in range(40):
        (tmp_path / f"a{n:02d}.txt").write_text("“We will respond,” the group said. " * 2000, encoding="utf8")
    total = sum(path.stat().st_size for path in tmp_path.glob("*.txt"))
    size = partition_size([str(tmp_path)], InputOptions(), workers=2)
    assert MIN_PARTITION_BYTES < size <= total // (PARTITIONS_PER_WORKER * 2)
    assert len(plan_partitions([str(tmp_path)], InputOptions(), size)) >= PARTITIONS_PER_WORKER * 2
    assert partition_size([str(tmp_path)], InputOptions(), workers=2, most=1000) == 1000  # --partition-mb caps it
    (tiny := tmp_path / "tiny").mkdir()
    (tiny / "one.txt").write_text("“Yes,” she said.", encoding="utf8")
    assert partition_size([str(tiny)], InputOptions(), workers=8) == MIN_PARTITION_BYTES
