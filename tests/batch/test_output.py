"""The output and status files: commit protocol, resume after torn files, files of another job."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from quotes.batch.output import DocumentStatus, JobOutput, Processed, ResumeError, default_status_path


def done(doc_id: str, lines: bytes = b"") -> Processed:
    return Processed(DocumentStatus(doc_id, "test", "ok", lines.count(b"\n")), lines)


def read_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf8").splitlines()]


def test_status_file_is_named_after_the_output():
    assert default_status_path("out/quotes.jsonl.gz") == Path("out/quotes.status.jsonl")


def test_resume_cuts_torn_lines_and_uncommitted_quotes(tmp_path):
    output, status = tmp_path / "q.jsonl", tmp_path / "q.status.jsonl"
    job = JobOutput(output, status)
    job.commit(done("a", b'{"q": 1}\n{"q": 2}\n'))
    job.commit(done("b"))
    job.close()
    with output.open("ab") as out:  # the job died after writing quotes of "c", before its status
        out.write(b'{"q": 3}\n{"q": 4, "trunc')
    with status.open("ab") as statuses:  # ... and in the middle of a status line
        statuses.write(b'{"doc_id": "c", "sta')
    resumed = JobOutput(output, status, resume=True)
    assert resumed.done == {"a", "b"}
    resumed.commit(done("c", b'{"q": 3}\n'))
    resumed.close()
    assert read_lines(output) == [{"q": 1}, {"q": 2}, {"q": 3}]
    assert [entry["doc_id"] for entry in read_lines(status)] == ["a", "b", "c"]


def test_gzip_output_is_resumable_member_by_member(tmp_path):
    output, status = tmp_path / "q.jsonl.gz", tmp_path / "q.status.jsonl"
    job = JobOutput(output, status)
    job.commit(done("a", b'{"q": 1}\n'))
    job.close()
    with output.open("ab") as out:
        out.write(gzip.compress(b'{"q": "uncommitted"}\n')[:10])
    resumed = JobOutput(output, status, resume=True)
    resumed.commit(done("b", b'{"q": 2}\n'))
    resumed.close()
    assert gzip.decompress(output.read_bytes()) == b'{"q": 1}\n{"q": 2}\n'


def test_resume_refuses_files_of_another_job(tmp_path):
    output, status = tmp_path / "q.jsonl", tmp_path / "q.status.jsonl"
    status.write_text(json.dumps({"doc_id": "a", "output_offset": 999}) + "\n", encoding="utf8")
    output.write_text("short\n", encoding="utf8")
    with pytest.raises(ResumeError, match="not one job's files"):
        JobOutput(output, status, resume=True)
    with pytest.raises(ResumeError, match="needs an output file"):
        JobOutput(None, None, resume=True)


HEADER = {"inputs": ["/in"], "options": {"min_confidence": 0.0}, "model": {"name": "m-1", "sha256": "ab"}}


def test_the_header_comes_first_and_resume_checks_it(tmp_path):
    output, status = tmp_path / "q.jsonl", tmp_path / "q.status.jsonl"
    job = JobOutput(output, status, header=HEADER)
    job.commit(done("a", b'{"q": 1}\n'))
    job.close()
    assert read_lines(status)[0] == {"job": HEADER}
    same = JobOutput(output, status, resume=True, header=HEADER)
    same.commit(done("b"))
    same.close()
    assert [entry.get("doc_id") for entry in read_lines(status)] == [None, "a", "b"]
    before = (output.read_bytes(), status.read_bytes())
    other = HEADER | {"options": {"min_confidence": 0.5}}
    with pytest.raises(ResumeError, match=r"another job: options\.min_confidence: 0\.0 then, 0\.5 now.*--force"):
        JobOutput(output, status, resume=True, header=other)
    assert (output.read_bytes(), status.read_bytes()) == before
    forced = JobOutput(output, status, resume=True, header=other, force=True)
    assert forced.done == {"a", "b"}
    forced.close()
    assert read_lines(status)[-1] == {"job": other}  # the last header is the one a later --resume checks
    JobOutput(output, status, resume=True, header=other).close()


def test_a_status_file_without_header_is_refused_unless_forced(tmp_path):
    output, status = tmp_path / "q.jsonl", tmp_path / "q.status.jsonl"
    job = JobOutput(output, status)  # as before job headers
    job.commit(done("a", b'{"q": 1}\n'))
    job.close()
    with pytest.raises(ResumeError, match="has no job header"):
        JobOutput(output, status, resume=True, header=HEADER)
    JobOutput(output, status, resume=True, header=HEADER, force=True).close()
    assert read_lines(status)[-1] == {"job": HEADER}
    empty = tmp_path / "empty.status.jsonl"
    empty.touch()  # killed before its header was flushed: nothing to protect
    JobOutput(tmp_path / "e.jsonl", empty, resume=True, header=HEADER).close()
    assert read_lines(empty) == [{"job": HEADER}]
