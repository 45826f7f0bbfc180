"""The batch job as users run it: real subprocesses killed mid-run, dying workers, a Dask cluster."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO, SEEDS

import quotes
from quotes.batch.processing import import_code

COPIES = 6  # of the five seeds: 30 documents, long enough a run to be killed in the middle


def quotes_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "quotes", *args]


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf8").splitlines()


def statuses_of(status: Path) -> list[dict]:
    """The documents' lines of a status file (after its job header)."""
    entries = [json.loads(line) for line in lines(status)]
    assert "job" in entries[0]
    return entries[1:]


def outcomes(status: Path) -> list[tuple[str, str, int, int]]:
    """A status file without its timings."""
    entries = statuses_of(status)
    return [(e["doc_id"], e["status"], e["n_quotes"], e["output_offset"]) for e in entries]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The seeds, several times over under distinct ids, as one JSONL feed."""
    path = tmp_path_factory.mktemp("corpus") / "feed.jsonl"
    with path.open("w", encoding="utf8") as feed:
        for copy in range(COPIES):
            for seed in sorted(SEEDS.glob("*.txt")):
                row = {"id": f"{seed.stem}-{copy}", "text": seed.read_text(encoding="utf8"), "copy": copy}
                feed.write(json.dumps(row) + "\n")
    return path


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> Path:
    """The output of one uninterrupted single-process run."""
    output = tmp_path_factory.mktemp("reference") / "quotes.jsonl"
    result = subprocess.run(
        quotes_command("extract", str(corpus), "-o", str(output), "--keep-fields", "copy"),
        capture_output=True,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    assert b"30 documents (30 ok, 0 errors, 0 skipped)" in result.stderr
    return output


def test_status_file_accounts_for_every_document(reference):
    statuses = statuses_of(reference.with_name("quotes.status.jsonl"))
    assert len(statuses) == 5 * COPIES and all(s["status"] == "ok" for s in statuses)
    assert sum(s["n_quotes"] for s in statuses) == len(lines(reference))
    assert all(json.loads(line)["meta"]["copy"] in range(COPIES) for line in lines(reference))


@pytest.mark.parametrize(
    ("signum", "workers"),
    [(signal.SIGKILL, "1"), (signal.SIGTERM, "1"), (signal.SIGINT, "1"), (signal.SIGKILL, "2"), (signal.SIGTERM, "2")],
)
def test_killed_job_resumes_to_exactly_the_same_output(corpus, reference, tmp_path, signum, workers):
    output, status = tmp_path / "quotes.jsonl", tmp_path / "quotes.status.jsonl"
    options = ["--keep-fields", "copy", "--batch-size", "2", "--workers", workers]
    command = quotes_command("extract", str(corpus), "-o", str(output), *options)
    job = subprocess.Popen(command, cwd=REPO, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while (not status.exists() or len(lines(status)) < 6) and time.monotonic() < deadline:
        time.sleep(0.02)
    job.send_signal(signum)
    _, stderr = job.communicate(timeout=120)
    finished_before = len(status.read_text(encoding="utf8").splitlines())
    assert finished_before < 5 * COPIES, "the job ended before it was killed: nothing was tested"
    if signum != signal.SIGKILL:
        assert job.returncode == 130 and b"rerun with --resume" in stderr

    resumed = subprocess.run([*command, "--resume"], capture_output=True, cwd=REPO)
    assert resumed.returncode == 0, resumed.stderr
    assert output.read_bytes() == reference.read_bytes()
    assert [entry["doc_id"] for entry in statuses_of(status)] == [
        entry["doc_id"] for entry in statuses_of(reference.with_name("quotes.status.jsonl"))
    ]


CRASHING_COMPONENT = """
import os
from spacy.language import Language

@Language.component("die_on_marker")
def die_on_marker(doc):
    if "KILL-THE-WORKER" in doc.text:
        os._exit(13)  # as a segfault or the OOM killer would: no exception, the process is gone
    return doc
"""


def test_dead_worker_is_replaced_and_only_its_document_reported(tmp_path):
    code = tmp_path / "crash.py"
    code.write_text(CRASHING_COMPONENT, encoding="utf8")
    import_code(str(code))
    crashing = quotes.load_pipeline()
    crashing.add_pipe("die_on_marker", first=True)
    crashing.to_disk(tmp_path / "model")
    feed = tmp_path / "feed.jsonl"
    texts = [f"“We will respond to attack number {n},” the group said." for n in range(12)]
    texts[5] = "“KILL-THE-WORKER now,” he said."
    feed.write_text("".join(json.dumps({"id": f"d{n}", "text": t}) + "\n" for n, t in enumerate(texts)))
    output = tmp_path / "quotes.jsonl"
    command = ["extract", str(feed), "-o", str(output), "--workers", "2", "--batch-size", "3"]
    result = subprocess.run(
        quotes_command(*command, "--model", str(tmp_path / "model"), "--code", str(code)),
        capture_output=True,
        cwd=REPO,
        timeout=300,
    )
    assert result.returncode == 1, result.stderr
    statuses = {s["doc_id"]: s for s in statuses_of(tmp_path / "quotes.status.jsonl")}
    assert list(statuses) == [f"d{n}" for n in range(12)]
    assert statuses["d5"]["status"] == "error" and "worker process died" in statuses["d5"]["error"]
    assert all(s["status"] == "ok" and s["n_quotes"] == 1 for d, s in statuses.items() if d != "d5")
    assert [json.loads(line)["doc_id"] for line in lines(output)] == [f"d{n}" for n in range(12) if n != 5]


def test_workers_and_dask_give_the_single_process_output(corpus, reference, tmp_path):
    for engine in (["--workers", "2"], ["--engine", "dask", "--workers", "2", "--partition-mb", "0.02"]):
        output = tmp_path / "quotes.jsonl"
        command = quotes_command("extract", str(corpus), "-o", str(output), "--keep-fields", "copy", *engine)
        result = subprocess.run(command, capture_output=True, cwd=REPO, timeout=600)
        assert result.returncode == 0, result.stderr
        assert output.read_bytes() == reference.read_bytes(), engine
        assert not (tmp_path / "quotes.jsonl.parts").exists(), "parts are removed once joined"
        assert outcomes(tmp_path / "quotes.status.jsonl") == outcomes(reference.with_name("quotes.status.jsonl"))


def test_dask_resumes_per_partition(corpus, reference, tmp_path):
    output = tmp_path / "quotes.jsonl"
    command = quotes_command("extract", str(corpus), "-o", str(output), "--keep-fields", "copy")
    dask = ["--engine", "dask", "--workers", "2", "--partition-mb", "0.02"]
    assert subprocess.run([*command, *dask, "--keep-parts"], capture_output=True, cwd=REPO, timeout=600).returncode == 0
    parts = sorted((tmp_path / "quotes.jsonl.parts").glob("part-*.status.jsonl"))
    assert len(parts) > 2
    # as if the job had died inside the second partition: its marker gone, its files half written
    second = parts[1]
    kept = lines(second)[:1]
    second.write_text("".join(line + "\n" for line in kept) + '{"doc_id": "torn', encoding="utf8")
    Path(str(second).replace(".status.jsonl", ".done")).unlink()
    output.unlink()
    result = subprocess.run([*command, *dask, "--resume"], capture_output=True, cwd=REPO, timeout=600)
    assert result.returncode == 0, result.stderr
    assert output.read_bytes() == reference.read_bytes()
    assert b"done before" in result.stderr


def test_dask_resume_refuses_another_job_unless_forced(corpus, reference, tmp_path):
    output = tmp_path / "quotes.jsonl"
    command = quotes_command("extract", str(corpus), "-o", str(output), "--keep-fields", "copy")
    dask = ["--engine", "dask", "--workers", "2", "--keep-parts"]
    assert subprocess.run([*command, *dask], capture_output=True, cwd=REPO, timeout=600).returncode == 0
    parts = tmp_path / "quotes.jsonl.parts"
    before = {path.name: path.read_bytes() for path in parts.iterdir()}
    other = subprocess.run([*command, *dask, "--resume", "--min-confidence", "0.5"], capture_output=True, cwd=REPO)
    assert other.returncode == 2 and b"min_confidence" in other.stderr, other.stderr
    assert {path.name: path.read_bytes() for path in parts.iterdir()} == before  # nothing touched
    forced = [*command, *dask, "--resume", "--min-confidence", "0.5", "--force"]
    result = subprocess.run(forced, capture_output=True, cwd=REPO, timeout=600)
    assert result.returncode == 0, result.stderr
    assert output.read_bytes() == reference.read_bytes()  # every partition was done before: nothing redone


LOCAL_CLUSTER_ENVIRONMENT = """
import os
from distributed import Client
from quotes.batch.dask import _local_cluster

def environment():
    return os.environ.get("MALLOC_TRIM_THRESHOLD_"), os.environ.get("OPENBLAS_NUM_THREADS")

if __name__ == "__main__":
    cluster = _local_cluster(1)
    with Client(cluster) as client:
        print(client.submit(environment).result())
    cluster.close()
"""


def test_local_dask_workers_keep_glibcs_adaptive_allocator(tmp_path):
    """Dask's MALLOC_TRIM_THRESHOLD_ makes every large array a fresh mmap (parsing 20 % slower);
    its other settings (one BLAS thread per worker) stay."""
    script = tmp_path / "environment.py"
    script.write_text(LOCAL_CLUSTER_ENVIRONMENT, encoding="utf8")
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, cwd=REPO, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "(None, '1')"
