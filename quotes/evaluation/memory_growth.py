"""The resident memory of a job's workers: sampled while it runs, and its growth over many documents."""

from __future__ import annotations

import statistics
import threading
import time
from dataclasses import dataclass, field
from itertools import cycle, islice
from pathlib import Path

import psutil

from quotes.batch.inputs import InputDocument
from quotes.batch.job import run_job
from quotes.batch.output import JobOutput
from quotes.batch.processing import JobSettings


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
class MemoryGrowth:
    documents: int
    seconds: float
    warm: list[int]
    final: list[int]
    peak: list[int]
    #: The two stretches of the job compared: `documents 840-1,680 (the second pass over the corpus)`.
    warm_window: str = ""
    final_window: str = ""

    @property
    def growth(self) -> float:
        return max(final / warm - 1 for warm, final in zip(self.warm, self.final, strict=True))


def measure_memory_growth(
    corpus: list[tuple[str, str]], model: str | None, workdir: Path, documents: int, workers: int = 2
) -> MemoryGrowth:
    """Median RSS of each worker while the job does its second pass over the corpus (after
    warm-up) and its last whole pass: the same documents, since a worker's memory in the middle
    of a batch follows what the batch holds (one long article), and medians, so that the brief
    peak of one such article is not taken for growth. A corpus too large for three passes is
    compared over the second and the last tenth of the documents instead."""
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

    def window(first: int, last: int) -> tuple[float, float]:
        def time_at(count: int) -> float:
            return next(t for t, done in progress_times if done >= count)

        return time_at(first), time_at(last)

    def median_rss(pid: int, moments: tuple[float, float]) -> int:
        samples = [(t, rss) for t, p, rss in sampler.series if p == pid]
        inside = [rss for t, rss in samples if moments[0] <= t <= moments[1]]
        return int(statistics.median(inside)) if inside else min(samples, key=lambda s: abs(s[0] - moments[1]))[1]

    passes = documents // len(corpus)
    n = len(corpus)
    if passes >= 3:
        stretches = [
            (n, 2 * n, "the second pass over the corpus"),
            ((passes - 1) * n, passes * n, "the last whole pass"),
        ]
    else:
        stretches = [
            (documents // 10, documents // 5, "the second tenth"),
            (documents - documents // 10, documents, "the last tenth"),
        ]
    (warm, warm_text), (end, final_text) = [
        (window(first, last), f"documents {first:,}-{last:,} ({what})") for first, last, what in stretches
    ]
    return MemoryGrowth(
        summary.documents,
        summary.seconds,
        [median_rss(pid, warm) for pid in pids],
        [median_rss(pid, end) for pid in pids],
        [sampler.peaks[pid] for pid in pids],
        warm_text,
        final_text,
    )
