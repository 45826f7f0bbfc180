"""The batch job: documents in → quote records and one status line per document out, resumably.

It passes over the documents done before (:mod:`quotes.batch.output` keeps the files and their
commit protocol), processes the rest in this process or a worker pool
(:mod:`quotes.batch.worker_pool`), commits each, and stops cleanly on a signal
(:mod:`quotes.batch.interruption`).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from quotes.batch.inputs import InputDocument
from quotes.batch.interruption import JobAborted, StopFlag
from quotes.batch.output import JobOutput, Processed, failed
from quotes.batch.processing import Item, JobSettings, process_batch
from quotes.batch.worker_pool import in_pool
from quotes.extractor import Extractor


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
                    progress(len(batch))  # after a first signal, the sources stop by themselves
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
