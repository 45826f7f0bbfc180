"""Throughput of the batch job against spaCy alone: rows (p) and (a) to (d) of BENCHMARKS.md's table."""

from __future__ import annotations

import json
import multiprocessing
import resource
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language

from quotes.batch.inputs import InputDocument, InputOptions
from quotes.batch.job import run_job
from quotes.batch.output import JobOutput
from quotes.batch.processing import JobSettings
from quotes.evaluation.memory_growth import MemorySampler
from quotes.extractor import Extractor
from quotes.nlp.pipeline import MODELS_DIR, default_model


@dataclass
class Row:
    name: str
    seconds: float
    documents: int
    words: int
    peak_rss: list[int]

    def cells(self, bare: Row, single: Row, plain: Row) -> list[str]:
        return [
            self.name,
            f"{self.seconds:,.1f}",
            f"{self.documents / self.seconds:,.2f}",
            f"{self.words / self.seconds:,.0f}",
            ", ".join(f"{value / 2**20:,.0f}" for value in self.peak_rss),
            f"{self.seconds / bare.seconds:.2f}",
            f"{single.seconds / self.seconds:.2f}×",
            f"{plain.seconds / self.seconds:.2f}×",
        ]


def self_peak_rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def timed(function: Callable[[], object]) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def timed_in_child(function: Callable[[], object]) -> tuple[float, int]:
    """Seconds and peak RSS of ``function`` run in a forked copy of this process, so that
    each single-process run has a peak of its own (``ru_maxrss`` only ever grows)."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)

    def child() -> None:
        seconds = timed(function)
        sender.send((seconds, self_peak_rss()))

    process = context.Process(target=child)
    process.start()
    seconds, peak = receiver.recv()
    process.join()
    return seconds, peak


def documents_of(corpus: list[tuple[str, str]]) -> Iterator[InputDocument]:
    return (InputDocument(doc_id, text, "bench") for doc_id, text in corpus)


#: (p), (a) and (b) are timed this many times each, alternately, and the fastest run of each counts:
#: their ratios are targets, and this shared machine's speed drifts by ±10 % within minutes.
SINGLE_PROCESS_RUNS = 2


def plain_spacy(model: str) -> Language:
    """The pipeline as spaCy users load it: ``spacy.load`` with thinc's default ops (BLIS products),
    spaCy's own attribute_ruler, none of our changes."""
    shipped = MODELS_DIR / model
    return spacy.load(shipped if shipped.is_dir() else model)


def corpus_words(corpus: list[tuple[str, str]]) -> int:
    return sum(len(text.split()) for _, text in corpus)


def time_job(
    corpus: list[tuple[str, str]], model: str | None, workdir: Path, name: str, workers: int, extractor: Extractor
) -> float:
    """Seconds of the whole job on ``corpus``, its output in ``workdir``; one process uses ``extractor``."""
    output = JobOutput(workdir / f"{name}.jsonl", workdir / f"{name}.status.jsonl")
    try:
        summary = run_job(documents_of(corpus), output, JobSettings(model), workers, extractor=extractor)
    finally:
        output.close()
    assert summary.ok == len(corpus), summary.line()
    return summary.seconds


def single_process_rows(
    corpus: list[tuple[str, str]], model: str | None, workdir: Path, extractor: Extractor, plain: Language
) -> tuple[Row, Row, Row]:
    """(p) plain spaCy, (a) our bare pipeline and (b) the job in one process, the fastest of
    :data:`SINGLE_PROCESS_RUNS` runs each."""
    texts = [text for _, text in corpus]
    nlp = extractor.nlp
    plain_runs, bare_runs, single_runs = [], [], []
    for _ in range(SINGLE_PROCESS_RUNS):  # alternated, so that a drift of the machine hits all alike
        plain_runs.append(timed_in_child(lambda: [None for _ in plain.pipe(texts, batch_size=32)]))
        bare_runs.append(timed_in_child(lambda: [None for _ in nlp.pipe(texts, batch_size=32)]))
        single_runs.append(timed_in_child(lambda: time_job(corpus, model, workdir, "single", 1, extractor)))
    (plain_seconds, plain_peak), (bare, bare_peak) = min(plain_runs), min(bare_runs)
    single, single_peak = min(single_runs)
    documents, words = len(corpus), corpus_words(corpus)
    return (
        Row("(p) plain spacy.load + nlp.pipe, thinc's default ops", plain_seconds, documents, words, [plain_peak]),
        Row("(a) bare spaCy pipeline, nlp.pipe", bare, documents, words, [bare_peak]),
        Row("(b) quotes extract, 1 process", single, documents, words, [single_peak]),
    )


def dask_row(corpus: list[tuple[str, str]], model: str | None, workdir: Path, workers: int) -> Row:
    """(d): the job on the Dask engine with ``workers`` local workers, the corpus fed as JSON Lines,
    with the engine's default options (its partitions sized for the workers)."""
    from quotes.batch.dask import run_dask_job

    feed = workdir / "corpus.jsonl"
    feed.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in corpus), encoding="utf8")
    with MemorySampler() as sampler:
        summary = run_dask_job(
            [str(feed)],
            InputOptions(),
            JobSettings(model),
            str(workdir / "dask.jsonl"),
            workdir / "dask.status.jsonl",
            workers=workers,
            progress=False,
        )
    assert summary.ok == len(corpus), summary.line()
    name = f"(d) --engine dask, {workers} local workers"
    return Row(name, summary.seconds, len(corpus), corpus_words(corpus), sampler.worker_peaks())


def run_benchmark(
    corpus: list[tuple[str, str]], model: str | None, workdir: Path, workers: int = 2, dask: bool = True
) -> list[Row]:
    """Rows (a) to (d), then (p)."""
    extractor = JobSettings(model).load()  # as the job loads it: one BLAS thread per process
    plain = plain_spacy(model or default_model())
    texts = [text for _, text in corpus]
    for pipeline in (extractor.nlp, plain):
        for _ in pipeline.pipe(texts[:20]):  # warm-up: first calls allocate
            pass
    plain_row, bare_row, single_row = single_process_rows(corpus, model, workdir, extractor, plain)
    rows = [bare_row, single_row]
    with MemorySampler() as sampler:
        seconds = time_job(corpus, model, workdir, "workers", workers, extractor)
    name = f"(c) quotes extract --workers {workers}"
    rows.append(Row(name, seconds, len(corpus), corpus_words(corpus), sampler.worker_peaks()))
    if dask:
        rows.append(dask_row(corpus, model, workdir, workers))
    rows.append(plain_row)
    return rows
