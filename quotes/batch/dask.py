"""The Dask engine: the same job cut into partitions that Dask workers process in parallel.

A partition is a group of text files or a byte range of a JSONL file. Each writes its own
output part and status part under ``OUT.parts/`` with the commit protocol of
:mod:`quotes.batch`, so a rerun with ``--resume`` redoes only what each part is missing
(and Dask's own retry of a task lost with its worker resumes the same way). When every
partition is done the parts are joined, in input order, into the output and status files.
Every worker loads the pipeline once, in :class:`PipelinePlugin`.
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from itertools import chain
from pathlib import Path
from typing import Any

import dask.config
from distributed import Client, LocalCluster, WorkerPlugin, as_completed, get_worker
from tqdm import tqdm

from quotes.batch.header import JobHeader, header_line
from quotes.batch.inputs import InputOptions, Source, iter_sources, read_source
from quotes.batch.job import JobSummary, pending_batches
from quotes.batch.output import JobOutput, same_job
from quotes.batch.processing import JobSettings, process_batch
from quotes.errors import QuotesError
from quotes.extractor import Extractor

#: Largest partition by default: big enough to keep a worker busy for a while, small enough to balance.
PARTITION_BYTES = 8 * 1024 * 1024
#: Partitions are made smaller until each worker gets at least this many (when the input allows):
#: with one partition per worker, the slowest partition sets the time of the whole job.
PARTITIONS_PER_WORKER = 4
#: No smaller than this: every partition opens its own files and pays a task's overhead.
MIN_PARTITION_BYTES = 64 * 1024
PLUGIN_NAME = "quotes-pipeline"
#: Set by Dask for its worker processes to return freed memory to the OS sooner; setting it also
#: turns off glibc's adaptive mmap threshold, so every large array the parser allocates is mapped
#: and unmapped afresh, which makes parsing about 20 % slower. The local cluster leaves it out.
_MALLOC_TRIM = "MALLOC_TRIM_THRESHOLD_"


def plan_partitions(
    paths: Sequence[str], options: InputOptions, target_bytes: int = PARTITION_BYTES
) -> list[list[Source]]:
    """Consecutive sources grouped to about ``target_bytes``; a big plain JSONL file is cut into byte ranges."""
    partitions: list[list[Source]] = []
    current: list[Source] = []
    size = 0
    for source in iter_sources(paths, options):
        if source.kind == "stdin":
            raise QuotesError("the dask engine reads files and folders, not standard input")
        length = _size(source.path)
        if source.kind == "jsonl" and not source.gzipped and length > target_bytes:
            if current:
                partitions.append(current)
                current, size = [], 0
            for start in range(0, length, target_bytes):
                partitions.append([replace(source, start=start, end=min(start + target_bytes, length))])
            continue
        current.append(source)
        size += length
        if size >= target_bytes:
            partitions.append(current)
            current, size = [], 0
    if current:
        partitions.append(current)
    return partitions


def partition_size(paths: Sequence[str], options: InputOptions, workers: int, most: int = PARTITION_BYTES) -> int:
    """The partition size for this input and this many workers: at most ``most``, and small
    enough for :data:`PARTITIONS_PER_WORKER` partitions per worker, down to :data:`MIN_PARTITION_BYTES`."""
    total = sum(_size(source.path) for source in iter_sources(paths, options) if source.kind != "stdin")
    # a partition closes once it reaches the size, so each holds a little more: aim one past the count
    wanted = total // (PARTITIONS_PER_WORKER * max(1, workers) + 1)
    return max(1, min(most, max(MIN_PARTITION_BYTES, wanted)))


def _size(path: str) -> int:
    try:
        return Path(path).stat().st_size
    except OSError:
        return 1


@dataclass(frozen=True)
class PartFiles:
    output: Path
    status: Path
    done: Path

    @classmethod
    def of(cls, parts: Path, index: int, compress: bool) -> PartFiles:
        stem = parts / f"part-{index:05d}"
        return cls(Path(f"{stem}.jsonl{'.gz' if compress else ''}"), Path(f"{stem}.status.jsonl"), Path(f"{stem}.done"))


class PipelinePlugin(WorkerPlugin):
    """A Dask worker plugin that loads the extractor once per worker process."""

    name = PLUGIN_NAME

    def __init__(self, settings: JobSettings) -> None:
        self.settings = settings
        self.extractor: Extractor | None = None

    def setup(self, worker: Any) -> None:
        self.extractor = self.settings.load()

    def teardown(self, worker: Any) -> None:
        self.extractor = None


def run_partition(
    sources: list[Source], options: InputOptions, settings: JobSettings, files: PartFiles
) -> dict[str, Any]:
    """One partition on a Dask worker: resume its part, process the rest, mark it done."""
    plugin: Any = get_worker().plugins[PLUGIN_NAME]
    extractor = plugin.extractor or settings.load()
    output = JobOutput(files.output, files.status, resume=True)
    summary = JobSummary()
    try:
        documents = chain.from_iterable(read_source(source, options) for source in sources)
        for batch in pending_batches(documents, output, summary, settings.batch_size):
            for processed in process_batch(extractor, batch):
                output.commit(processed)
                summary.count(processed)
    finally:
        output.close()
    files.done.touch()
    return asdict(summary)


def run_dask_job(
    paths: Sequence[str],
    options: InputOptions,
    settings: JobSettings,
    output: str | None,
    status: str | Path | None,
    resume: bool = False,
    workers: int = 2,
    scheduler: str | None = None,
    partition_bytes: int = PARTITION_BYTES,
    header: JobHeader | None = None,
    force: bool = False,
    keep_parts: bool = False,
    progress: bool = True,
) -> JobSummary:
    """Run the job on a Dask cluster (a local one of ``workers`` processes unless ``scheduler`` is
    given). Partitions are at most ``partition_bytes``, smaller when that gives each of ``workers``
    fewer than :data:`PARTITIONS_PER_WORKER`; ``header`` is checked against the parts' on ``resume``
    (unless ``force``); the parts are removed once joined unless ``keep_parts``; ``progress`` shows a
    bar of the partitions done when standard error is a terminal."""
    if not output or status is None:
        raise QuotesError("the dask engine needs an output file (-o OUT.jsonl): each partition writes a part of it")
    summary = JobSummary()
    parts = Path(f"{output}.parts")
    size = (_recorded_size(parts) if resume else None) or partition_size(paths, options, workers, partition_bytes)
    partitions = plan_partitions(paths, options, size)
    _check_plan(parts, partitions, size, resume, header, force)
    files = [PartFiles.of(parts, index, output.endswith(".gz")) for index in range(len(partitions))]
    cluster = None if scheduler else _local_cluster(workers)
    try:
        with Client(scheduler or cluster) as client:
            client.register_plugin(PipelinePlugin(settings))
            futures = [
                client.submit(run_partition, partition, options, settings, part, pure=False, retries=1)
                for partition, part in zip(partitions, files, strict=True)
                if not part.done.exists()
            ]
            summary.already_done += sum(_documents_in(part.status) for part in files if part.done.exists())
            shown = progress and sys.stderr.isatty()
            with tqdm(total=len(futures), disable=not shown, unit="part", file=sys.stderr, dynamic_ncols=True) as bar:
                for future in as_completed(futures):
                    counts = future.result()
                    for key in ("documents", "ok", "errors", "skipped", "already_done", "quotes"):
                        setattr(summary, key, getattr(summary, key) + counts[key])
                    bar.set_postfix(documents=summary.documents, refresh=False)
                    bar.update(1)
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        if cluster is not None:
            cluster.close()
    if not summary.interrupted:
        join_parts(files, Path(output), Path(status), header)
        if not keep_parts:
            shutil.rmtree(parts)
    summary.seconds = time.perf_counter() - summary.started
    return summary


def _documents_in(status: Path) -> int:
    """The documents a finished part's status file accounts for (its lines)."""
    with status.open("rb") as lines:
        return sum(1 for _ in lines)


def _local_cluster(workers: int) -> LocalCluster:
    environ = dask.config.get("distributed.nanny.pre-spawn-environ", default={})
    kept = {name: value for name, value in environ.items() if name != _MALLOC_TRIM}
    with dask.config.set({"distributed.nanny.pre-spawn-environ": kept}):  # read as each worker's nanny starts
        return LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None)


def _check_plan(
    parts: Path,
    partitions: list[list[Source]],
    size: int,
    resume: bool,
    header: JobHeader | None = None,
    force: bool = False,
) -> None:
    """A resumed job must cut its inputs as the first run did, or parts would not match; and be the same job
    (its header, as in a status file: see :mod:`quotes.batch.header`)."""
    plan = json.dumps(
        {"partition_bytes": size, "partitions": [[asdict(source) for source in p] for p in partitions]}, indent=1
    )
    recorded, job = parts / "plan.json", parts / "job.json"
    if resume and recorded.exists():
        if recorded.read_text(encoding="utf8") != plan:
            raise QuotesError(f"the inputs changed since the run that wrote {parts}: cannot resume it")
        if header is not None:
            earlier = json.loads(job.read_text(encoding="utf8")) if job.exists() else None
            if not same_job(job, earlier, header, force):
                job.write_text(json.dumps(header), encoding="utf8")
        return
    shutil.rmtree(parts, ignore_errors=True)
    parts.mkdir(parents=True)
    recorded.write_text(plan, encoding="utf8")
    if header is not None:
        job.write_text(json.dumps(header), encoding="utf8")


def _recorded_size(parts: Path) -> int | None:
    """The partition size of the run that wrote ``parts``: a resumed job cuts its inputs alike,
    whatever its number of workers."""
    try:
        size = json.loads((parts / "plan.json").read_text(encoding="utf8"))["partition_bytes"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return size if isinstance(size, int) and size > 0 else None


def join_parts(files: list[PartFiles], output: Path, status: Path, header: JobHeader | None = None) -> None:
    """Concatenate the parts in order (after the job's header); status offsets become offsets into the joined
    output. The joined files are checked against the parts (bytes, status lines) before the parts may go."""
    base = 0
    with output.open("wb") as out, status.open("wb") as statuses:
        if header is not None:
            statuses.write(header_line(header))
        for part in files:
            if part.output.exists():
                with part.output.open("rb") as data:
                    shutil.copyfileobj(data, out)
            if part.status.exists():
                with part.status.open("rb") as lines:
                    for line in lines:
                        entry = json.loads(line)
                        entry["output_offset"] += base
                        statuses.write((json.dumps(entry, ensure_ascii=False) + "\n").encode("utf8"))
            base = out.tell()
        status_bytes = statuses.tell()
    expected = sum(part.output.stat().st_size for part in files if part.output.exists())
    if output.stat().st_size != expected or status.stat().st_size != status_bytes:
        raise QuotesError(f"joining the parts into {output} went wrong; the parts are kept: rerun with --resume")
