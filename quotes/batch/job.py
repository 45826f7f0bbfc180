"""The batch job: documents in → quote records and one status line per document out, resumably.

Commit protocol, which is why killing the job at any moment loses and duplicates nothing:
a document's quote lines are appended to the output and flushed, then its status line,
which records the output's size after them, is appended and flushed. On ``--resume`` the
complete status lines say which documents are done and where the output was last
consistent; both files are cut back to that point and the job carries on with the rest.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import logging
import multiprocessing
import os
import signal
import socket
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from types import FrameType
from typing import IO, Any, Literal

from threadpoolctl import threadpool_limits

from quotes.batch.inputs import InputDocument
from quotes.errors import QuotesError
from quotes.extractor import Extractor
from quotes.nlp.pipeline import load_pipeline, model_exists
from quotes.speakers.registry import Registry

Status = Literal["ok", "error", "skipped"]


logger = logging.getLogger("quotes")


class ResumeError(QuotesError):
    """The output and status files of an earlier run do not fit together."""


@dataclass(frozen=True)
class JobSettings:
    """What a process needs to build its extractor; small and picklable, sent to every worker."""

    model: str | None = None
    registry: str | None = None
    registry_only: bool = False
    code: tuple[str, ...] = ()
    batch_size: int = 32

    def load(self) -> Extractor:
        threadpool_limits(limits=1)  # `--workers` is the job's parallelism: one BLAS thread per process
        self._prepare()
        return Extractor.load(self.model, registry=self.registry, registry_only=self.registry_only)

    def check(self) -> None:
        """Fail early, in the parent, on what would make every worker fail: code, registry, model."""
        self._prepare()
        Registry.load(self.registry, only=self.registry_only)
        if not model_exists(self.model):
            load_pipeline(self.model)  # raises the explanatory ModelNotFoundError

    def _prepare(self) -> None:
        for path in self.code:
            import_code(path)


def import_code(path: str) -> None:
    """Import a Python file that registers custom spaCy components (like ``spacy train --code``)."""
    spec = importlib.util.spec_from_file_location(Path(path).stem, path)
    if spec is None or spec.loader is None:
        raise QuotesError(f"cannot import code file {path!r}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)


@dataclass(frozen=True)
class DocumentStatus:
    """One line of the status file: every input document gets exactly one."""

    doc_id: str
    source: str
    status: Status
    n_quotes: int = 0
    error: str | None = None
    parse_ms: float = 0.0
    extract_ms: float = 0.0
    output_offset: int = 0


@dataclass(frozen=True)
class Processed:
    """A document's status and its quote records, already serialised as JSON Lines."""

    status: DocumentStatus
    lines: bytes = b""


def failed(document: InputDocument, reason: str, status: Status = "error") -> Processed:
    return Processed(DocumentStatus(document.doc_id, document.source, status, error=reason))


def process_documents(extractor: Extractor, documents: list[InputDocument]) -> list[Processed]:
    """Each document's records as JSON Lines and its status; the readable ones parsed as one batch."""
    readable = [d for d in documents if d.text is not None and d.error is None]
    batch = replace(extractor, batch_size=max(1, len(readable)))
    results = batch.extract_many((d.doc_id, d.text or "") for d in readable)
    by_document = {id(d): r for d, r in zip(readable, results, strict=True)}
    processed = []
    for document in documents:
        result = by_document.get(id(document))
        if result is None:
            processed.append(failed(document, document.error or "no text"))
            continue
        if result.error:
            processed.append(failed(document, result.error))
            continue
        records = [quote.to_dict() | ({"meta": document.meta} if document.meta else {}) for quote in result.quotes]
        lines = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
        status = DocumentStatus(
            document.doc_id,
            document.source,
            "ok",
            len(records),
            parse_ms=round(result.parse_seconds * 1000, 2),
            extract_ms=round(result.extract_seconds * 1000, 2),
        )
        processed.append(Processed(status, lines.encode("utf8")))
    return processed


def default_status_path(output: str) -> Path:
    """``quotes.jsonl`` / ``quotes.jsonl.gz`` → ``quotes.status.jsonl``."""
    path = Path(output)
    name = path.name.removesuffix(".gz").removesuffix(".jsonl")
    return path.with_name(f"{name}.status.jsonl")


class JobOutput:
    """The output and status files of a job (or of one partition), written by the commit protocol."""

    def __init__(self, output: Path | None, status: Path | None, resume: bool = False) -> None:
        self.compress = output is not None and output.suffix == ".gz"
        self.done: set[str] = set()
        offset = self._recover(output, status) if resume else 0
        if output is None:
            self._out: IO[bytes] = sys.stdout.buffer
        else:
            output.parent.mkdir(parents=True, exist_ok=True)
            self._out = open(output, "r+b" if resume and output.exists() else "wb")  # noqa: SIM115
            self._out.truncate(offset)
            self._out.seek(offset)
        self._status: IO[bytes] | None = None
        if status is not None:
            status.parent.mkdir(parents=True, exist_ok=True)
            self._status = open(status, "ab" if resume else "wb")  # noqa: SIM115

    def _recover(self, output: Path | None, status: Path | None) -> int:
        """Read the complete status lines, cut off a torn last one; return the committed output size."""
        if output is None or status is None:
            raise ResumeError("--resume needs an output file (-o) and its status file")
        if not status.exists():
            return 0
        offset = kept = 0
        with status.open("rb") as lines:
            for line in lines:
                try:
                    entry = json.loads(line) if line.endswith(b"\n") else None
                except ValueError:
                    entry = None
                if not isinstance(entry, dict):
                    break
                kept += len(line)
                offset = int(entry.get("output_offset", offset))
                self.done.add(str(entry["doc_id"]))
        with status.open("r+b") as file:
            file.truncate(kept)
        size = output.stat().st_size if output.exists() else 0
        if size < offset:
            raise ResumeError(f"{output} has {size} bytes but {status} says {offset} were written: not one job's files")
        return offset

    def commit(self, processed: Processed) -> None:
        if processed.lines:
            self._out.write(gzip.compress(processed.lines, mtime=0) if self.compress else processed.lines)
            self._out.flush()
        if self._status is not None:
            offset = self._out.tell() if self._out is not sys.stdout.buffer else 0
            entry = asdict(processed.status) | {"output_offset": offset}
            self._status.write((json.dumps(entry, ensure_ascii=False) + "\n").encode("utf8"))
            self._status.flush()
        elif processed.status.error:  # no status file: the reason must still reach the user
            logger.warning("%s: %s", processed.status.source, processed.status.error)
        self.done.add(processed.status.doc_id)

    def close(self) -> None:
        if self._out is not sys.stdout.buffer:
            self._out.close()
        if self._status is not None:
            self._status.close()


@dataclass
class JobSummary:
    """The counts of one run, for the summary line and the exit status."""

    documents: int = 0
    ok: int = 0
    errors: int = 0
    skipped: int = 0
    already_done: int = 0
    quotes: int = 0
    seconds: float = 0.0
    interrupted: bool = False
    started: float = field(default_factory=time.perf_counter, repr=False)

    def count(self, processed: Processed) -> None:
        self.documents += 1
        self.quotes += processed.status.n_quotes
        if processed.status.status == "ok":
            self.ok += 1
        elif processed.status.status == "error":
            self.errors += 1
        else:
            self.skipped += 1

    def line(self) -> str:
        rate = self.documents / self.seconds if self.seconds else 0.0
        text = (
            f"{self.documents:,} documents ({self.ok:,} ok, {self.errors:,} errors, {self.skipped:,} skipped"
            f"{f'; {self.already_done:,} done before' if self.already_done else ''}), "
            f"{self.quotes:,} quotes, {self.seconds:.1f} s, {rate:.1f} docs/s"
        )
        return text + (" - interrupted: rerun with --resume to finish" if self.interrupted else "")


#: A document still to extract, or one whose outcome is already decided (a skipped duplicate).
Item = InputDocument | Processed


def pending_batches(
    documents: Iterable[InputDocument], output: JobOutput, summary: JobSummary, size: int
) -> Iterator[list[Item]]:
    """Batches of the documents still to do: done ones are passed over, a repeated id is skipped."""
    done_before = frozenset(output.done)  # output.done grows as this run commits
    seen = set(done_before)
    batch: list[Item] = []
    for document in documents:
        if document.doc_id in done_before:
            summary.already_done += 1
            continue
        if document.doc_id in seen:
            reason = f"duplicate doc_id {document.doc_id!r}: an earlier document has it"
            batch.append(failed(document, reason, "skipped"))
        else:
            seen.add(document.doc_id)
            batch.append(document)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run_job(
    documents: Iterable[InputDocument],
    output: JobOutput,
    settings: JobSettings,
    workers: int = 1,
    progress: Callable[[int], object] | None = None,
    extractor: Extractor | None = None,
) -> JobSummary:
    """Process every document not yet done, committing each; SIGINT/SIGTERM stop it cleanly.

    One process uses ``extractor`` if given (a pipeline already loaded), else loads one;
    ``workers`` > 1 each load their own from ``settings``."""
    summary = JobSummary()
    batches = pending_batches(documents, output, summary, settings.batch_size)
    with StopFlag() as stop:
        try:
            if workers > 1:
                results = in_pool(batches, settings, workers, stop)
            else:
                results = in_process(batches, extractor or settings.load(), stop)
            for batch in results:
                for processed in batch:
                    output.commit(processed)
                    summary.count(processed)
                if progress:
                    progress(len(batch))
                if stop.requested:
                    break
        except JobAborted:  # a second signal: what is committed stays, the rest is for --resume
            pass
        summary.interrupted = stop.requested
    summary.seconds = time.perf_counter() - summary.started
    return summary


def in_process(batches: Iterable[list[Item]], extractor: Extractor, stop: StopFlag) -> Iterator[list[Processed]]:
    for batch in batches:
        yield process_batch(extractor, batch)
        if stop.requested:
            return


def process_batch(extractor: Extractor, batch: list[Item]) -> list[Processed]:
    fresh = iter(process_documents(extractor, [item for item in batch if isinstance(item, InputDocument)]))
    return [item if isinstance(item, Processed) else next(fresh) for item in batch]


# --- worker processes -------------------------------------------------------------------------

_worker: dict[str, Extractor] = {}  # the one extractor of a worker process, set by its initializer


def _start_worker(settings: JobSettings) -> None:
    # The parent decides when to stop: a forked worker must neither keep the parent's StopFlag
    # handler nor write its signals into the parent's wakeup socket (the parent would count them).
    signal.set_wakeup_fd(-1)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    _worker["extractor"] = settings.load()


def _exit_with_parent(parent: int) -> None:
    """A worker whose job was killed (``kill -9``) must not live on: forked workers hold
    both ends of their task pipe, so they would never see it close."""
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


def _work(batch: list[Item]) -> list[Processed]:
    return process_batch(_worker["extractor"], batch)


def _pool(settings: JobSettings, workers: int) -> ProcessPoolExecutor:
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    return ProcessPoolExecutor(
        workers, mp_context=multiprocessing.get_context(method), initializer=_start_worker, initargs=(settings,)
    )


@dataclass(frozen=True)
class _Unit:
    """Documents sent to a worker: batch ``sequence``, from position ``index``; ``attempt`` 1 is the retry."""

    sequence: int
    index: int
    documents: list[Item]
    attempt: int = 0


def in_pool(
    batches: Iterator[list[Item]], settings: JobSettings, workers: int, stop: StopFlag
) -> Iterator[list[Processed]]:
    """Batches through a process pool, in input order. A worker that dies takes its pool down:
    the pool is replaced and the unfinished documents are retried once, one at a time, so
    that only a document that kills a worker twice is reported."""
    pool = _pool(settings, workers)
    in_flight: dict[Future[list[Processed]], _Unit] = {}
    slots: dict[int, list[Processed | None]] = {}
    retries: deque[_Unit] = deque()
    submitted = written = 0
    exhausted = False
    try:
        while not stop.requested:
            if retries:
                if not in_flight:
                    unit = retries.popleft()
                    in_flight[pool.submit(_work, unit.documents)] = unit
            else:
                while not exhausted and len(in_flight) < 2 * workers:
                    batch = next(batches, None)
                    if batch is None:
                        exhausted = True
                        break
                    slots[submitted] = [None] * len(batch)
                    in_flight[pool.submit(_work, batch)] = _Unit(submitted, 0, batch)
                    submitted += 1
            if not in_flight:
                break
            done, _ = wait(in_flight, timeout=0.5, return_when=FIRST_COMPLETED)
            broken = False
            for future in done:
                unit = in_flight.pop(future)
                try:
                    slots[unit.sequence][unit.index : unit.index + len(unit.documents)] = future.result()
                except Exception as error:  # BrokenProcessPool, or a batch that could not be sent back
                    broken = True
                    _give_up_or_retry(unit, error, slots, retries)
            if broken:
                for unit in in_flight.values():  # their pool is gone too
                    _give_up_or_retry(unit, None, slots, retries)
                in_flight.clear()
                _shutdown(pool)
                pool = _pool(settings, workers)
            while written in slots and all(slot is not None for slot in slots[written]):
                yield [slot for slot in slots.pop(written) if slot is not None]
                written += 1
    finally:
        _shutdown(pool)


def _give_up_or_retry(
    unit: _Unit, error: BaseException | None, slots: dict[int, list[Processed | None]], retries: deque[_Unit]
) -> None:
    if unit.attempt == 0 or error is None:
        retries.extend(_Unit(unit.sequence, unit.index + i, [d], 1) for i, d in enumerate(unit.documents))
        return
    reason = f"the worker process died on this document, also when retried ({type(error).__name__})"
    for i, item in enumerate(unit.documents):
        slots[unit.sequence][unit.index + i] = item if isinstance(item, Processed) else failed(item, reason)


def _shutdown(pool: ProcessPoolExecutor) -> None:
    processes = list(getattr(pool, "_processes", {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()


class JobAborted(KeyboardInterrupt):
    """A second SIGINT or SIGTERM: stop now, without finishing the batch."""


#: After a second signal, how long the main thread has to stop by itself (it cannot while spaCy
#: parses a long document in C) before the process exits on its own.
ABORT_GRACE_SECONDS = 2.0


class StopFlag:
    """Set by SIGINT or SIGTERM while installed: the job finishes the batch it is writing and stops.

    A second signal stops it at once: the handler raises :class:`JobAborted`, which the job
    catches as an interruption (everything committed so far stays, ``--resume`` redoes the rest).
    Python runs signal handlers only between bytecodes of the main thread, and spaCy's parser
    runs for seconds in C on a long document, so a watchdog thread, woken by the signal through
    :func:`signal.set_wakeup_fd`, exits the process (status 130) if the main thread has not
    stopped ``grace`` seconds after the second signal. The commit protocol makes that safe, as
    it makes ``kill -9`` safe.
    """

    def __init__(self, grace: float = ABORT_GRACE_SECONDS) -> None:
        self.requested = False
        self.grace = grace
        self._previous: list[tuple[int, Any]] = []
        self._previous_wakeup: int | None = None
        self._wakeup: tuple[socket.socket, socket.socket] | None = None
        self._done = threading.Event()

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.requested:
            raise JobAborted
        self.requested = True

    def __enter__(self) -> StopFlag:
        for signum in (signal.SIGINT, signal.SIGTERM):
            self._previous.append((signum, signal.signal(signum, self._handle)))
        self._start_watchdog()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        if self._wakeup is not None:
            signal.set_wakeup_fd(self._previous_wakeup if self._previous_wakeup is not None else -1)
            self._wakeup[1].close()
        for signum, handler in self._previous:
            signal.signal(signum, handler)

    def _start_watchdog(self) -> None:
        reader, writer = socket.socketpair()
        writer.setblocking(False)
        try:
            self._previous_wakeup = signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
        except ValueError:  # not the main thread, or no wakeup fd possible: the handler alone
            reader.close()
            writer.close()
            return
        self._wakeup = (reader, writer)
        threading.Thread(target=self._watch, args=(reader,), daemon=True).start()

    def _watch(self, reader: socket.socket) -> None:
        """Count the stop signals as they arrive, whatever the main thread is doing."""
        stops = 0
        with reader:
            while not self._done.is_set():
                try:
                    received = reader.recv(64)
                except OSError:
                    return
                if not received:
                    return
                stops += sum(1 for byte in received if byte in (signal.SIGINT, signal.SIGTERM))
                if stops >= 2:
                    if not self._done.wait(self.grace):
                        os.write(2, b"quotes: stopped at once (second signal): rerun with --resume to finish\n")
                        os._exit(130)
                    return
