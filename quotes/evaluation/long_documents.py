"""Long documents: ``quotes extract`` on one text of millions of characters, its time and peak memory."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

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
