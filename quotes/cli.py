"""The ``quotes`` command line: extract quotes to JSON Lines, and evaluate them.

Exit status: 0 when every document was processed, 1 when some documents could
not be (each is named on stderr; the others are still written), 2 for a usage
error such as an unknown model or a missing gold file.
"""

from __future__ import annotations

import argparse
import json
import logging
import platform
import re
import sys
from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from spacy.language import Language

from .batch import JobOutput, JobSettings, default_status_path, run_job
from .errors import QuotesError
from .evaluate import (
    GoldAttribution,
    Report,
    canonical_checker,
    read_brat,
    read_seed_gold,
    score,
    speech_cue,
)
from .extractor import Extractor
from .fixtures import export_fixtures, verify_fixtures
from .inputs import DEFAULT_GLOBS, InputOptions, iter_documents, read_records
from .lexicon import Lexicon
from .pipeline import DEFAULT_MODEL
from .progress import progress_bar
from .records import Quote
from .render import render_report

EXIT_OK, EXIT_DOCUMENT_ERRORS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

EXTRACT_DESCRIPTION = """\
Extract quotes from articles (.txt files, folders, .jsonl(.gz), or - for stdin) to JSON Lines.

With -o, a status file gets one line per input document (doc_id, status ok/error/skipped,
n_quotes, error, timings). Stop the job at any time (Ctrl-C, kill) and rerun the same
command with --resume: every quote of every document ends up in the output exactly once.

Exit status: 0 every document was processed; 1 some documents failed or were skipped
(their reasons are in the status file); 2 usage error (unknown model, bad option);
130 interrupted (rerun with --resume).
"""

DESCRIPTION = """\
Find who said what in news articles.

  quotes extract article.txt                 quotes of one article, one JSON object per line
  quotes extract articles/ -o quotes.jsonl   every .txt and .jsonl file under a folder
  quotes extract feed.jsonl                  JSON Lines input: {"id": ..., "text": ...} per line
  cat article.txt | quotes extract -         read one article from standard input
  quotes speakers quotes.jsonl               who is quoted how often (canonical speakers)
  quotes render quotes.jsonl --docs articles/   an HTML page to review the quotes
  quotes fixtures export fixtures/ articles/    pin the quotes of articles (then: verify)

Each output line is one quote: its type (direct, indirect or mixed), the quoted
or reported text with its character offsets, the speaker and the reporting verb.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quotes", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=0,
        help="log what is skipped or repaired (-v), and tracebacks of failed documents (-vv), on stderr",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser(
        "extract",
        help="extract quotes from articles into JSON Lines",
        description=EXTRACT_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    extract.add_argument(
        "paths", nargs="+", metavar="PATH", help="article file, folder, .jsonl(.gz) file, or - for stdin"
    )
    extract.add_argument("-o", "--output", metavar="OUT.jsonl[.gz]", help="write here instead of standard output")
    extract.add_argument(
        "--status", metavar="STATUS.jsonl", help="per-document status file (default: OUT.status.jsonl next to -o)"
    )
    extract.add_argument("--resume", action="store_true", help="carry on an interrupted run: skip documents done")
    extract.add_argument(
        "--glob",
        action="append",
        metavar="PATTERN",
        help=f"files to take from folders (default: {' '.join(DEFAULT_GLOBS)})",
    )
    _add_field_options(extract)
    extract.add_argument(
        "--keep-fields", default="", metavar="A,B", help="JSONL fields copied into each record under meta"
    )
    extract.add_argument("--stdin-jsonl", action="store_true", help="standard input is JSON Lines, not one article")
    extract.add_argument("--workers", type=int, default=1, metavar="N", help="local worker processes (default: 1)")
    extract.add_argument("--engine", choices=["local", "dask"], default="local", help="dask: run on a Dask cluster")
    extract.add_argument(
        "--scheduler", metavar="ADDRESS", help="dask: an existing scheduler (default: a local cluster)"
    )
    extract.add_argument(
        "--partition-mb", type=float, default=8, metavar="MB", help="dask: input size of one partition (default: 8)"
    )
    extract.add_argument("--batch-size", type=int, default=32, metavar="N", help="documents per nlp.pipe batch")
    extract.add_argument(
        "--code", action="append", default=[], metavar="FILE.py", help="import this file first (custom components)"
    )
    extract.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary line")
    _add_model_option(extract)
    _add_registry_options(extract)

    evaluate = commands.add_parser(
        "evaluate",
        help="score extraction against hand-annotated gold",
        description="Score extraction against gold: the seed gold format or brat standoff (PolNeAR).",
    )
    evaluate.add_argument("format", choices=["seeds", "brat"], help="gold format")
    evaluate.add_argument("gold", help="seeds: the .gold.jsonl file; brat: a folder with text/ and attributions/")
    evaluate.add_argument("--texts", default="seeds", help="seeds: folder of the articles (default: seeds)")
    evaluate.add_argument("--limit", type=int, default=0, help="brat: only the first N documents")
    evaluate.add_argument("--predictions", help="score these records instead of extracting")
    evaluate.add_argument(
        "--extractor",
        choices=["quotes", "textacy"],
        default="quotes",
        help="textacy: score textacy's direct_quotations instead, as a baseline",
    )
    evaluate.add_argument("--json", dest="json_out", help="also write the scores as JSON here")
    evaluate.add_argument("--readme", help="write the table into this Markdown file's accuracy block")
    _add_model_option(evaluate)
    _add_registry_options(evaluate)

    fixtures = commands.add_parser(
        "fixtures",
        help="golden fixtures: pin the quotes of articles, then verify them",
        description="Write one JSON fixture per article, or re-extract and report quotes added, removed and changed.",
    )
    fixture_commands = fixtures.add_subparsers(dest="fixtures_command", required=True, metavar="ACTION")
    export = fixture_commands.add_parser("export", help="write one fixture per article into OUTDIR")
    export.add_argument("outdir", help="folder of fixtures (created if missing)")
    export.add_argument("paths", nargs="+", metavar="PATH", help="articles: files, folders, .jsonl(.gz)")
    verify = fixture_commands.add_parser("verify", help="re-extract every fixture in OUTDIR and report changes")
    verify.add_argument("outdir", help="folder of fixtures")
    verify.add_argument("--update", action="store_true", help="rewrite the fixtures that changed")
    for parser_ in (export, verify):
        _add_model_option(parser_)
        _add_registry_options(parser_)

    render = commands.add_parser(
        "render",
        help="an HTML page to review extracted quotes",
        description="Write one self-contained HTML page: articles with their quotes highlighted, a speaker index.",
    )
    render.add_argument("records", metavar="RECORDS.jsonl", help="records written by quotes extract (.jsonl or .gz)")
    render.add_argument("--docs", nargs="+", required=True, metavar="PATH", help="the articles the records come from")
    render.add_argument("-o", "--output", default="report.html", help="the page to write (default: report.html)")
    render.add_argument("--title", default="Quotes review", help="the page's title")
    _add_field_options(render)

    speakers = commands.add_parser(
        "speakers",
        help="list the canonical speakers of extracted quotes, with counts",
        description="Count quotes per canonical speaker in JSON Lines records (from `quotes extract`).",
    )
    speakers.add_argument("records", nargs="+", metavar="RECORDS.jsonl", help="records written by quotes extract")
    speakers.add_argument("--json", dest="as_json", action="store_true", help="one JSON object per speaker")
    return parser


def _add_model_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--model",
        default=None,
        metavar="NAME_OR_PATH",
        help=f"spaCy English pipeline: installed package, folder, or shipped name (default: {DEFAULT_MODEL})",
    )


def _add_field_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--id-field", default="id", help="JSONL field with the document id (default: id)")
    parser.add_argument("--text-field", default="text", help="JSONL field with the text (default: text)")


def _add_registry_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--registry",
        metavar="FILE",
        help="your speaker registry (JSON, see quotes/data/registry.schema.json)",
    )
    parser.add_argument(
        "--registry-only",
        action="store_true",
        help="use --registry instead of the shipped registry, not on top of it",
    )


def _extractor(args: argparse.Namespace) -> Extractor:
    return Extractor.load(args.model, registry=args.registry, registry_only=args.registry_only)


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """The command line's own handler: ``quotes: message`` on stderr, as its other messages."""


def log_to_stderr(level: int) -> None:
    """Show the library's log on stderr from `level` up (replacing an earlier call's handler)."""
    logger = logging.getLogger("quotes")
    for handler in [h for h in logger.handlers if isinstance(h, _StderrHandler)]:
        logger.removeHandler(handler)
    handler = _StderrHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("quotes: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(arguments)
    args.command_line = " ".join(["quotes", *arguments])
    log_to_stderr(logging.WARNING - 10 * args.verbose)
    try:
        if args.command == "extract":
            return run_extract(args)
        if args.command == "speakers":
            return run_speakers(args)
        if args.command == "fixtures":
            return run_fixtures(args)
        if args.command == "render":
            return run_render(args)
        return run_evaluate(args)
    except (QuotesError, FileNotFoundError) as error:
        print(f"quotes: error: {error}", file=sys.stderr)
        return EXIT_USAGE


def run_extract(args: argparse.Namespace) -> int:
    if args.workers < 1 or args.batch_size < 1:
        raise QuotesError("--workers and --batch-size must be at least 1")
    options = InputOptions(
        globs=tuple(args.glob or DEFAULT_GLOBS),
        id_field=args.id_field,
        text_field=args.text_field,
        keep_fields=tuple(name for name in args.keep_fields.split(",") if name),
        stdin_jsonl=args.stdin_jsonl,
    )
    settings = JobSettings(args.model, args.registry, args.registry_only, tuple(args.code), args.batch_size)
    settings.check()
    status = args.status or (default_status_path(args.output) if args.output else None)
    if args.engine == "dask":
        from .distributed import run_dask_job

        partition_bytes = max(1, int(args.partition_mb * 1024 * 1024))
        summary = run_dask_job(
            args.paths,
            options,
            settings,
            args.output,
            status,
            args.resume,
            args.workers,
            args.scheduler,
            partition_bytes,
        )
    else:
        output = JobOutput(Path(args.output) if args.output else None, Path(status) if status else None, args.resume)
        try:
            with progress_bar(args.paths, options, disable=args.quiet) as bar:
                summary = run_job(iter_documents(args.paths, options), output, settings, args.workers, bar.update)
        finally:
            output.close()
    if not args.quiet:
        print(f"quotes: {summary.line()}", file=sys.stderr)
    if summary.interrupted:
        return EXIT_INTERRUPTED
    return EXIT_DOCUMENT_ERRORS if summary.errors or summary.skipped else EXIT_OK


def run_fixtures(args: argparse.Namespace) -> int:
    extractor = _extractor(args)
    outdir = Path(args.outdir)
    if args.fixtures_command == "export":
        failed = 0
        for document, path in export_fixtures(iter_documents(args.paths), outdir, extractor):
            if path is None:
                failed += 1
                print(f"quotes: {document.source}: {document.error}", file=sys.stderr)
        return EXIT_DOCUMENT_ERRORS if failed else EXIT_OK
    diffs = verify_fixtures(outdir, extractor, update=args.update)
    changed = [diff for diff in diffs if not diff.unchanged]
    for diff in changed:
        print(diff.report())
    verb = "updated" if args.update else "changed"
    print(f"quotes: {len(diffs)} fixtures, {len(changed)} {verb}", file=sys.stderr)
    return EXIT_DOCUMENT_ERRORS if changed and not args.update else EXIT_OK


def run_render(args: argparse.Namespace) -> int:
    records = read_records(args.records)
    options = InputOptions(id_field=args.id_field, text_field=args.text_field)
    texts = {d.doc_id: d.text for d in iter_documents(args.docs, options) if d.text is not None}
    Path(args.output).write_text(render_report(records, texts, args.title), encoding="utf8")
    missing = {r["doc_id"] for r in records} - texts.keys()
    if missing:
        print(f"quotes: no text for {len(missing)} article(s): {', '.join(sorted(missing))}", file=sys.stderr)
    print(f"quotes: wrote {args.output} ({len(records)} quotes)", file=sys.stderr)
    return EXIT_DOCUMENT_ERRORS if missing else EXIT_OK


def run_speakers(args: argparse.Namespace) -> int:
    """Canonical speakers with their quote counts, most quoted first."""
    counts: Counter[tuple[str, str, str]] = Counter()
    bad = 0
    for path in args.records:
        with open(path, encoding="utf8") as lines:
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                try:
                    speaker = json.loads(line).get("speaker")
                except (ValueError, AttributeError):
                    bad += 1
                    print(f"quotes: {path}: line {number} is not a JSON record", file=sys.stderr)
                    continue
                if speaker:
                    counts[(speaker.get("id") or "", speaker["canonical"], speaker.get("kind") or "")] += 1
    for (speaker_id, canonical, kind), count in counts.most_common():
        if args.as_json:
            print(json.dumps({"id": speaker_id, "canonical": canonical, "kind": kind, "quotes": count}))
        else:
            print(f"{count:6d}  {canonical}  [{kind or '?'}] {speaker_id}")
    return EXIT_DOCUMENT_ERRORS if bad else EXIT_OK


def run_evaluate(args: argparse.Namespace) -> int:
    extractor = _extractor(args)
    nlp, lexicon = extractor.nlp, extractor.lexicon
    if args.format == "seeds":
        texts = {p.stem: p.read_text(encoding="utf8") for p in sorted(Path(args.texts).glob("*.txt"))}
        gold = read_seed_gold(Path(args.gold), texts)
        name = f"seeds ({args.gold})"
        subsets = {}
        entities_file = Path(args.gold).with_name("entities.json")
        canonical = canonical_checker(entities_file) if entities_file.exists() else None
    else:
        texts, gold = load_brat(Path(args.gold), args.limit)
        name = f"brat ({args.gold})"
        speech = speech_cue_classifier(gold, nlp, lexicon)
        subsets = {"speech-verb cues": lambda g: g in speech}
        canonical = None
    if args.extractor == "textacy":
        predicted, failed = _textacy_predictions(texts, nlp)
        name += ", textacy direct_quotations"
        note = f"textacy raised on {failed} of {len(texts)} documents (counted as finding nothing)"
    else:
        predicted, failed = _predictions(args.predictions, texts, extractor)
        note = f"{failed} of {len(texts)} documents failed (counted as finding nothing)"
    report = score(name, gold, predicted, subsets, canonical)
    if failed:
        report.notes.append(note)
    table = report.to_markdown()
    print(table)
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(report.as_dict(), indent=2) + "\n", encoding="utf8")
    if args.readme:
        key = args.format if args.extractor == "quotes" else f"{args.format}-{args.extractor}"
        write_readme_block(Path(args.readme), key, report, args.command_line, args.model or DEFAULT_MODEL)
    return EXIT_OK


def load_brat(folder: Path, limit: int = 0) -> tuple[dict[str, str], list[GoldAttribution]]:
    """Texts and gold of a PolNeAR-style folder (``text/*.txt`` + ``attributions/*.ann``)."""
    text_dir = folder / "text" if (folder / "text").is_dir() else folder
    ann_dir = folder / "attributions" if (folder / "attributions").is_dir() else folder
    texts: dict[str, str] = {}
    gold: list[GoldAttribution] = []
    for ann in sorted(ann_dir.glob("*.ann")):
        if limit and len(texts) >= limit:
            break
        text_path = text_dir / f"{ann.stem}.txt"
        if not text_path.exists():
            continue
        texts[ann.stem] = text_path.read_text(encoding="utf8")
        gold += read_brat(ann, texts[ann.stem])
    if not texts:
        raise FileNotFoundError(f"no .ann files with matching .txt under {folder}")
    return texts, gold


def speech_cue_classifier(gold: list[GoldAttribution], nlp: Language, lexicon: Lexicon) -> set[GoldAttribution]:
    """The gold attributions whose cue is a speech verb or phrase, by the pipeline's lemmas."""
    cues = [g.cue for g in gold]
    speech = set()
    for item, doc in zip(gold, nlp.pipe(cues, batch_size=256), strict=True):
        if speech_cue([t.lemma_ for t in doc], lexicon.speech_verbs, lexicon.source_phrases):
            speech.add(item)
    return speech


def _predictions(path: str | None, texts: dict[str, str], extractor: Extractor) -> tuple[list[Quote], int]:
    """Records to score (read from ``path``, or extracted) and how many documents failed."""
    if path:
        return [Quote.from_dict(record) for record in read_records(path)], 0
    quotes: list[Quote] = []
    failed = 0
    for result in extractor.extract_many(texts.items()):
        if result.error:
            failed += 1
            print(f"quotes: {result.error}", file=sys.stderr)
        quotes += result.quotes
    return quotes, failed


def _textacy_predictions(texts: dict[str, str], nlp: Language) -> tuple[list[Quote], int]:
    from .baseline import textacy_quotes

    quotes: list[Quote] = []
    failed = 0
    for (doc_id, _), doc in zip(texts.items(), nlp.pipe(texts.values()), strict=True):
        try:
            quotes += textacy_quotes(doc, doc_id)
        except ValueError:
            failed += 1
    return quotes, failed


def write_readme_block(readme: Path, key: str, report: Report, command: str, model: str) -> None:
    """Replace the text between ``<!-- accuracy:KEY:start -->`` and ``…:end -->``."""
    start, end = f"<!-- accuracy:{key}:start -->", f"<!-- accuracy:{key}:end -->"
    body = (
        f"{start}\n_Measured {date.today().isoformat()} on {platform.machine()} "
        f"({platform.python_implementation()} {platform.python_version()}), model `{model}`, by "
        f"`{command}`:_\n\n{report.to_markdown()}\n{end}"
    )
    current = readme.read_text(encoding="utf8") if readme.exists() else ""
    pattern = re.compile(re.escape(start) + ".*?" + re.escape(end), re.S)
    updated = pattern.sub(lambda _: body, current) if pattern.search(current) else current + "\n" + body + "\n"
    readme.write_text(updated, encoding="utf8")


if __name__ == "__main__":
    sys.exit(main())
