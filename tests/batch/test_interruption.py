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
    job.send_signal(signal.SIGINT)
    time.sleep(1.0)
    assert job.poll() is None, "the job ended before the second Ctrl-C: nothing was tested"
    job.send_signal(signal.SIGINT)
    second = time.monotonic()
    _, stderr = job.communicate(timeout=60)
    assert time.monotonic() - second < 15, "the second Ctrl-C did not stop the job promptly"
    assert job.returncode == 130, stderr
    assert b"--resume" in stderr
    header, *entries = (json.loads(line) for line in status.read_text().splitlines())
    assert "job" in header and [entry["doc_id"] for entry in entries] == ["short-1", "short-2"]
