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
import os
import platform
import re
import sys
import tempfile
from datetime import date
from pathlib import Path

import psutil
import spacy

from quotes.evaluation.long_documents import LONG_SIZES, ExtractRun, per_million, run_long_documents
from quotes.evaluation.memory_growth import MemoryGrowth, measure_memory_growth
from quotes.evaluation.throughput import Row, run_benchmark
from quotes.nlp.pipeline import default_model

START, END = "<!-- bench:start -->", "<!-- bench:end -->"
LONG_START, LONG_END = "<!-- bench-long:start -->", "<!-- bench-long:end -->"


def read_corpus(folder: Path) -> list[tuple[str, str]]:
    return [(path.stem, path.read_text(encoding="utf8")) for path in sorted(folder.glob("*.txt"))]


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
            f"worker over {growth.warm_window}, after warm-up, {warm} MB, over {growth.final_window} {final} MB: "
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
