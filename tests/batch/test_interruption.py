"""Ctrl-C: the first finishes the batch, a second stops the job at once (with status 130), even in
the middle of parsing a long document."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from conftest import REPO, SEEDS

from quotes.batch.interruption import JobAborted, StopFlag


def test_first_signal_asks_to_stop_and_second_aborts():
    with StopFlag() as stop:
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.05)  # the handler runs at the next bytecode
        assert stop.requested
        with pytest.raises(JobAborted):
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(1)
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # handlers restored on exit


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_second_ctrl_c_stops_a_long_document_promptly(tmp_path):
    seeds = "".join(path.read_text(encoding="utf8") for path in sorted(SEEDS.glob("*.txt")))
    feed = tmp_path / "feed.jsonl"
    rows = [("short-1", "“We will respond,” the group said."), ("short-2", "“It is over,” she said.")]
    rows.append(("long", seeds * 30))  # about 730,000 characters: a minute or more of parsing
    feed.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in rows), encoding="utf8")
    output, status = tmp_path / "quotes.jsonl", tmp_path / "quotes.status.jsonl"
    command = [sys.executable, "-m", "quotes", "extract", str(feed), "-o", str(output), "--batch-size", "2"]
    job = subprocess.Popen(command, cwd=REPO, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 180
    while (not status.exists() or len(status.read_text().splitlines()) < 3) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(1.0)  # now inside the long document
    seconds, stderr = _interrupt_twice(job)
    assert seconds < 15, "the second Ctrl-C did not stop the job promptly"
    assert job.returncode == 130, stderr
    assert b"--resume" in stderr
    header, *entries = (json.loads(line) for line in status.read_text().splitlines())
    assert "job" in header and [entry["doc_id"] for entry in entries] == ["short-1", "short-2"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_first_ctrl_c_with_workers_finishes_the_batches_in_flight_and_resume_completes(tmp_path):
    texts = [path.read_text(encoding="utf8") for path in sorted(SEEDS.glob("*.txt"))]
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        "".join(json.dumps({"id": f"doc-{n:03d}", "text": texts[n % len(texts)]}) + "\n" for n in range(60)),
        encoding="utf8",
    )
    output, status = tmp_path / "quotes.jsonl", tmp_path / "quotes.status.jsonl"
    command = [sys.executable, "-m", "quotes", "extract", str(feed), "-o", str(output), "--batch-size", "2"]
    job = subprocess.Popen([*command, "--workers", "2"], cwd=REPO, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 240
    while (not status.exists() or '"doc_id"' not in status.read_text()) and time.monotonic() < deadline:
        time.sleep(0.05)
    job.send_signal(signal.SIGINT)
    _, stderr = job.communicate(timeout=120)
    assert job.returncode == 130, stderr
    done = [json.loads(line)["doc_id"] for line in status.read_text().splitlines() if '"doc_id"' in line]
    assert 0 < len(done) < 60, "the first Ctrl-C should stop the job before the end of the feed"
    assert done == [f"doc-{n:03d}" for n in range(len(done))]  # in input order, no gap
    assert len(done) % 2 == 0, "batches in flight are finished whole"
    resumed = subprocess.run([*command, "--resume"], cwd=REPO, capture_output=True)
    assert resumed.returncode == 0, resumed.stderr
    ids = [json.loads(line)["doc_id"] for line in status.read_text().splitlines() if '"doc_id"' in line]
    assert ids == [f"doc-{n:03d}" for n in range(60)]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_second_ctrl_c_with_workers_stops_within_two_seconds(tmp_path):
    seeds = "".join(path.read_text(encoding="utf8") for path in sorted(SEEDS.glob("*.txt")))
    feed = tmp_path / "feed.jsonl"
    rows = [(f"short-{n}", "“We will respond,” the group said.") for n in range(4)]
    rows += [(f"long-{n}", seeds * 20) for n in range(4)]  # minutes of parsing in the workers
    feed.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in rows), encoding="utf8")
    output, status = tmp_path / "quotes.jsonl", tmp_path / "quotes.status.jsonl"
    command = [sys.executable, "-m", "quotes", "extract", str(feed), "-o", str(output), "--batch-size", "1"]
    job = subprocess.Popen([*command, "--workers", "2"], cwd=REPO, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 240
    while (not status.exists() or status.read_text().count('"doc_id"') < 4) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(2.0)  # the workers are inside the long documents now
    seconds, stderr = _interrupt_twice(job)
    assert seconds < 2.5, "the second Ctrl-C did not stop the job within two seconds"
    assert job.returncode == 130, stderr


def _interrupt_twice(job: subprocess.Popen[bytes]) -> tuple[float, bytes]:
    """Ctrl-C, a second later Ctrl-C again: the seconds the job took to stop after the second, and its stderr."""
    job.send_signal(signal.SIGINT)
    time.sleep(1.0)
    assert job.poll() is None, "the job ended before the second Ctrl-C: nothing was tested"
    job.send_signal(signal.SIGINT)
    second = time.monotonic()
    _, stderr = job.communicate(timeout=60)
    return time.monotonic() - second, stderr
