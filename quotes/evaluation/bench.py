"""Throughput and memory benchmark of the batch job; writes the table in BENCHMARKS.md.

    python -m quotes.evaluation.bench --corpus ../shared/corpora/polnear-train/text --markdown BENCHMARKS.md

Measures on the same texts: (p) plain spaCy, ``spacy.load(model)`` and ``nlp.pipe`` with thinc's
default ops, (a) our bare loaded pipeline (``nlp.pipe``), (b) the whole job in one process ((p),
(a) and (b) the fastest of two runs each, alternated), (c) the job with 2 worker processes, (d)
the Dask engine with 2 local workers; then the resident memory of 2 workers over
``--rss-documents`` documents (the corpus cycled under fresh ids), to show it stays flat.
Timings include writing the JSONL output; (c) and (d) include starting the workers and loading
their pipelines.

    python -m quotes.evaluation.bench --long-documents seeds --markdown BENCHMARKS.md

times ``quotes extract`` (a subprocess each) on one text of 0.5, 1, 2 and 5 million characters
(the seed articles repeated) with its peak resident memory, to show that cost per character and
memory stay flat as documents grow.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import cycle, islice
from pathlib import Path

import psutil
import spacy
from spacy.language import Language

from quotes.batch.inputs import InputDocument, InputOptions
from quotes.batch.job import run_job
from quotes.batch.output import JobOutput
from quotes.batch.processing import JobSettings
from quotes.nlp.pipeline import MODELS_DIR, default_model

START, END = "<!-- bench:start -->", "<!-- bench:end -->"
LONG_START, LONG_END = "<!-- bench-long:start -->", "<!-- bench-long:end -->"


@dataclass
class MemorySampler:
    """Samples the RSS of this process's descendants (the workers) in a background thread."""

    interval: float = 0.5
    peaks: dict[int, int] = field(default_factory=dict)
    series: list[tuple[float, int, int]] = field(default_factory=list)  # (time, pid, rss)
    _stop: threading.Event = field(default_factory=threading.Event)

    def __enter__(self) -> MemorySampler:
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.wait(self.interval):
            for child in me.children(recursive=True):
                try:
                    rss = child.memory_info().rss
                except psutil.Error:
                    continue
                self.peaks[child.pid] = max(rss, self.peaks.get(child.pid, 0))
                self.series.append((time.monotonic(), child.pid, rss))

    def worker_peaks(self, minimum: int = 200 * 2**20) -> list[int]:
        """Peaks of the processes that loaded a pipeline (not the small nanny or helper processes)."""
        return sorted((rss for rss in self.peaks.values() if rss >= minimum), reverse=True)


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


def read_corpus(folder: Path) -> list[tuple[str, str]]:
    return [(path.stem, path.read_text(encoding="utf8")) for path in sorted(folder.glob("*.txt"))]


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


def run_benchmark(
    corpus: list[tuple[str, str]], model: str | None, workdir: Path, workers: int = 2, dask: bool = True
) -> list[Row]:
    words = sum(len(text.split()) for _, text in corpus)
    extractor = JobSettings(model).load()  # as the job loads it: one BLAS thread per process
    nlp = extractor.nlp
    plain = plain_spacy(model or default_model())
    texts = [text for _, text in corpus]
    for pipeline in (nlp, plain):
        for _ in pipeline.pipe(texts[:20]):  # warm-up: first calls allocate
            pass

    def job(name: str, workers: int) -> float:
        output = JobOutput(workdir / f"{name}.jsonl", workdir / f"{name}.status.jsonl")
        try:
            summary = run_job(documents_of(corpus), output, JobSettings(model), workers, extractor=extractor)
        finally:
            output.close()
        assert summary.ok == len(corpus), summary.line()
        return summary.seconds

    plain_runs, bare_runs, single_runs = [], [], []
    for _ in range(SINGLE_PROCESS_RUNS):  # alternated, so that a drift of the machine hits all alike
        plain_runs.append(timed_in_child(lambda: [None for _ in plain.pipe(texts, batch_size=32)]))
        bare_runs.append(timed_in_child(lambda: [None for _ in nlp.pipe(texts, batch_size=32)]))
        single_runs.append(timed_in_child(lambda: job("single", 1)))
    (plain_seconds, plain_peak), (bare, bare_peak) = min(plain_runs), min(bare_runs)
    single, single_peak = min(single_runs)
    rows = [
        Row("(a) bare spaCy pipeline, nlp.pipe", bare, len(corpus), words, [bare_peak]),
        Row("(b) quotes extract, 1 process", single, len(corpus), words, [single_peak]),
    ]
    with MemorySampler() as sampler:
        seconds = job("workers", workers)
    rows.append(Row(f"(c) quotes extract --workers {workers}", seconds, len(corpus), words, sampler.worker_peaks()))
    if dask:
        from quotes.batch.dask import run_dask_job

        feed = workdir / "corpus.jsonl"
        feed.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in corpus), encoding="utf8")
        size = feed.stat().st_size
        with MemorySampler() as sampler:
            summary = run_dask_job(
                [str(feed)],
                InputOptions(),
                JobSettings(model),
                str(workdir / "dask.jsonl"),
                workdir / "dask.status.jsonl",
                workers=workers,
                partition_bytes=max(1, size // (4 * workers)),
            )
        assert summary.ok == len(corpus), summary.line()
        rows.append(
            Row(
                f"(d) --engine dask, {workers} local workers",
                summary.seconds,
                len(corpus),
                words,
                sampler.worker_peaks(),
            )
        )
    rows.append(
        Row("(p) plain spacy.load + nlp.pipe, thinc's default ops", plain_seconds, len(corpus), words, [plain_peak])
    )
    return rows


@dataclass
class MemoryGrowth:
    documents: int
    seconds: float
    warm: list[int]
    final: list[int]
    peak: list[int]

    @property
    def growth(self) -> float:
        return max(final / warm - 1 for warm, final in zip(self.warm, self.final, strict=True))


def measure_memory_growth(
    corpus: list[tuple[str, str]], model: str | None, workdir: Path, documents: int, workers: int = 2
) -> MemoryGrowth:
    """Median RSS of each worker while the job does its second tenth of the documents (after
    warm-up) and its last tenth: medians, so that the brief peak of one long article is not
    taken for growth."""
    stream = (
        InputDocument(f"{doc_id}#{n}", text, "bench")
        for n, (doc_id, text) in enumerate(islice(cycle(corpus), documents))
    )
    output = JobOutput(workdir / "memory.jsonl", workdir / "memory.status.jsonl")
    progress_times: list[tuple[float, int]] = []
    done = 0

    def progress(count: int) -> None:
        nonlocal done
        done += count
        progress_times.append((time.monotonic(), done))

    with MemorySampler(interval=1.0) as sampler:
        try:
            summary = run_job(stream, output, JobSettings(model), workers, progress)
        finally:
            output.close()
    pids = [pid for pid, peak in sorted(sampler.peaks.items()) if peak >= 200 * 2**20]

    def window(low: float, high: float) -> tuple[float, float]:
        def time_at(fraction: float) -> float:
            return next(t for t, count in progress_times if count >= fraction * documents)

        return time_at(low), time_at(high)

    def median_rss(pid: int, moments: tuple[float, float]) -> int:
        samples = [(t, rss) for t, p, rss in sampler.series if p == pid]
        inside = [rss for t, rss in samples if moments[0] <= t <= moments[1]]
        return int(statistics.median(inside)) if inside else min(samples, key=lambda s: abs(s[0] - moments[1]))[1]

    warm, end = window(0.1, 0.2), window(0.9, 1.0)
    return MemoryGrowth(
        summary.documents,
        summary.seconds,
        [median_rss(pid, warm) for pid in pids],
        [median_rss(pid, end) for pid in pids],
        [sampler.peaks[pid] for pid in pids],
    )


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        cpu = found.group(1).strip() if found else cpu
    memory = psutil.virtual_memory().total / 2**30
    system = f"{platform.system()} {platform.release()}, Python {platform.python_version()}"
    return f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GB RAM, {system}"


def markdown(rows: list[Row], growth: MemoryGrowth | None, model: str, command: str) -> str:
    header = [
        "run",
        "seconds",
        "docs/s",
        "words/s",
        "peak RSS per process (MB)",
        "time / (a)",
        "throughput / (b)",
        "throughput / (p)",
    ]
    plain = rows[-1]
    lines = [
        f"Measured {date.today().isoformat()} on {machine()}; spaCy {spacy.about.__version__}, pipeline `{model}`;",
        f"{rows[0].documents} documents, {rows[0].words:,} words. Command: `{command}`.",
        "",
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
    ]
    shown = [plain, *rows[:-1]]  # (p) first: the baseline the others are compared with
    lines += ["| " + " | ".join(row.cells(rows[0], rows[1], plain)) + " |" for row in shown]
    lines += [
        "",
        "Targets: (b)/(a) ≤ 1.10; (b) ≥ 1.40× the throughput of (p); (c) ≥ 1.70× and (d) ≥ 1.50× the throughput "
        "of (b); peak RSS per worker ≤ 1 GB.",
    ]
    if growth:
        warm = ", ".join(f"{value / 2**20:,.0f}" for value in growth.warm)
        final = ", ".join(f"{value / 2**20:,.0f}" for value in growth.final)
        peak = ", ".join(f"{value / 2**20:,.0f}" for value in growth.peak)
        lines += [
            "",
            f"Memory over {growth.documents:,} documents (2 workers, {growth.seconds / 60:.1f} min): median RSS per "
            f"worker over the second tenth of the documents (after warm-up) {warm} MB, over the last tenth {final} MB: "
            f"growth {growth.growth:+.1%} (target < 10%); peak {peak} MB.",
        ]
    return "\n".join(lines)


def write_block(path: Path, block: str, start: str = START, end: str = END) -> None:
    """Replace what lies between the ``start`` and ``end`` markers of ``path`` (added if missing)."""
    text = path.read_text(encoding="utf8") if path.exists() else f"# Benchmarks\n\n{start}\n{end}\n"
    if start not in text:
        text += f"\n{start}\n{end}\n"
    before, rest = text.split(start, 1)
    after = rest.split(end, 1)[1]
    path.write_text(f"{before}{start}\n{block}\n{end}{after}", encoding="utf8")


#: Sizes of the long-document runs, in millions of characters.
LONG_SIZES = (0.5, 1.0, 2.0, 5.0)


@dataclass(frozen=True)
class ExtractRun:
    """One ``quotes extract`` subprocess on one text: its size, wall time, peak RSS and quotes."""

    characters: int
    seconds: float
    peak_rss: int
    quotes: int


def long_text(articles: list[str], characters: int) -> str:
    """The articles one after another, repeated, cut to ``characters`` (at a paragraph end if one is near)."""
    whole = "\n".join(articles)
    text = (whole + "\n") * (characters // (len(whole) + 1) + 1)
    cut = text.rfind("\n", characters - 2000, characters)
    return text[: cut + 1 if cut > 0 else characters]


def time_extract(text: str, model: str | None, workdir: Path) -> ExtractRun:
    """Wall time and peak RSS of ``quotes extract`` on ``text``, in a process of its own (``os.wait4``
    reports the peak of that process alone)."""
    source, output = workdir / "long.txt", workdir / "long.jsonl"
    source.write_text(text, encoding="utf8")
    command = [sys.executable, "-m", "quotes", "extract", str(source), "-o", str(output), "-q"]
    command += ["--model", model] if model else []
    started = time.perf_counter()
    process = subprocess.Popen(command)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited with {process.returncode}")
    with output.open("rb") as lines:
        quotes = sum(1 for _ in lines)
    peak = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    return ExtractRun(len(text), seconds, peak, quotes)


def run_long_documents(
    articles: list[str], model: str | None, workdir: Path, sizes: tuple[float, ...] = LONG_SIZES
) -> tuple[ExtractRun, list[ExtractRun]]:
    """The start-up run (one article: loading the pipeline) and one run per size."""
    startup = time_extract(articles[0], model, workdir)
    return startup, [time_extract(long_text(articles, int(size * 1_000_000)), model, workdir) for size in sizes]


def per_million(run: ExtractRun, startup: ExtractRun) -> float:
    """Seconds per million characters, start-up (loading the pipeline) left out."""
    return (run.seconds - startup.seconds) / (run.characters / 1_000_000)


def long_markdown(startup: ExtractRun, runs: list[ExtractRun], model: str, command: str) -> str:
    header = ["text (million characters)", "quotes", "seconds", "seconds per million characters", "peak RSS (MB)"]
    lines = [
        f"Measured {date.today().isoformat()} on {machine()}; spaCy {spacy.about.__version__}, pipeline `{model}`;",
        f"one `quotes extract TEXT -o OUT` process per text, the seed articles repeated. Command: `{command}`.",
        "",
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
    ]
    lines += [
        f"| {run.characters / 1_000_000:.2f} | {run.quotes:,} | {run.seconds:,.1f} | {per_million(run, startup):,.1f} "
        f"| {run.peak_rss / 2**20:,.0f} |"
        for run in runs
    ]
    costs = [per_million(run, startup) for run in runs]
    peaks = [run.peak_rss / 2**20 for run in runs]
    lines += [
        "",
        f"Start-up (loading the pipeline, one article) {startup.seconds:.1f} s, {startup.peak_rss / 2**20:,.0f} MB, "
        "left out of the cost per million characters. Highest over lowest cost per million characters: "
        f"{max(costs) / min(costs):.2f} (target ≤ 1.5); peak RSS {min(peaks):,.0f}–{max(peaks):,.0f} MB.",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m quotes.evaluation.bench",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--corpus", default="../shared/corpora/polnear-train/text", help="folder of .txt articles")
    parser.add_argument("--model", default=None, help="pipeline (default: the default one, en_core_web_sm)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rss-documents", type=int, default=10_000, help="documents of the memory run (0: skip)")
    parser.add_argument("--no-dask", action="store_true", help="skip (d)")
    parser.add_argument("--markdown", help="write the results into this file's bench block")
    parser.add_argument(
        "--long-documents",
        metavar="FOLDER",
        help="instead: time quotes extract on long texts made of this folder's .txt articles (bench-long block)",
    )
    parser.add_argument(
        "--sizes",
        default=",".join(str(size) for size in LONG_SIZES),
        help="sizes of the long texts, in millions of characters",
    )
    args = parser.parse_args(argv)
    command = "python -m quotes.evaluation.bench " + " ".join(argv if argv is not None else sys.argv[1:])
    model = args.model or default_model()
    if args.long_documents:
        articles = [text for _, text in read_corpus(Path(args.long_documents))]
        if not articles:
            parser.error(f"no .txt files in {args.long_documents}")
        sizes = tuple(float(size) for size in args.sizes.split(","))
        with tempfile.TemporaryDirectory() as workdir:
            startup, runs = run_long_documents(articles, args.model, Path(workdir), sizes)
        block = long_markdown(startup, runs, model, command.strip())
        print(block)
        if args.markdown:
            write_block(Path(args.markdown), block, LONG_START, LONG_END)
        return 0
    corpus = read_corpus(Path(args.corpus))
    if not corpus:
        parser.error(f"no .txt files in {args.corpus}")
    with tempfile.TemporaryDirectory() as workdir:
        rows = run_benchmark(corpus, args.model, Path(workdir), args.workers, dask=not args.no_dask)
        growth = (
            measure_memory_growth(corpus, args.model, Path(workdir), args.rss_documents, args.workers)
            if args.rss_documents
            else None
        )
    block = markdown(rows, growth, model, command.strip())
    print(block)
    if args.markdown:
        write_block(Path(args.markdown), block)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
