"""``quotes extract``, ``fixtures``, ``render`` and ``speakers``: each a function of the parsed options."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from quotes.archive.records import read_archive
from quotes.archive.registry_draft import draft_entities, registry_draft
from quotes.archive.speakers import SpeakerSummary, SpeakerTally
from quotes.batch.encodings import check_encoding
from quotes.batch.header import job_header
from quotes.batch.inputs import DEFAULT_GLOBS, InputOptions, iter_documents, iter_sources, read_records
from quotes.batch.job import run_job
from quotes.batch.output import JobOutput, default_status_path
from quotes.batch.processing import JobSettings
from quotes.batch.progress import progress_bar
from quotes.errors import QuotesError
from quotes.extractor import Extractor
from quotes.review.corrections import apply_decisions, read_decisions
from quotes.review.fixtures import export_fixtures, verify_fixtures
from quotes.review.render import render_report
from quotes.speakers.registry import Registry

#: The exit statuses, listed in the README and in ``quotes extract --help``.
EXIT_OK, EXIT_DOCUMENT_ERRORS, EXIT_USAGE, EXIT_NO_DOCUMENTS = 0, 1, 2, 3
EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 130, 141


def extractor_of(args: argparse.Namespace) -> Extractor:
    return Extractor.load(args.model, registry=args.registry, registry_only=args.registry_only)


def run_extract(args: argparse.Namespace) -> int:
    if args.workers < 1 or args.batch_size < 1:
        raise QuotesError("--workers and --batch-size must be at least 1")
    options = InputOptions(
        globs=tuple(args.glob or DEFAULT_GLOBS),
        id_field=args.id_field,
        text_field=args.text_field,
        keep_fields=tuple(name for name in args.keep_fields.split(",") if name),
        stdin_jsonl=args.stdin_jsonl,
        encoding=check_encoding(args.encoding),
    )
    if not any(True for _ in iter_sources(args.paths, options)):
        return no_documents(args.paths, options)
    settings = JobSettings(
        args.model, args.registry, args.registry_only, tuple(args.code), args.batch_size, args.min_confidence
    )
    settings.check()
    header = job_header(args.paths, options, settings)
    status = args.status or (default_status_path(args.output) if args.output else None)
    if args.engine == "dask":
        from quotes.batch.dask import run_dask_job

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
            header,
            args.force,
            keep_parts=args.keep_parts,
            progress=not args.quiet,
        )
    else:
        output = JobOutput(
            Path(args.output) if args.output else None,
            Path(status) if status else None,
            args.resume,
            header,
            args.force,
        )
        try:
            with progress_bar(args.paths, options, disable=args.quiet, done=len(output.done)) as bar:
                summary = run_job(iter_documents(args.paths, options), output, settings, args.workers, bar.update)
        finally:
            output.close()
    if not args.quiet:
        print(f"quotes: {summary.line()}", file=sys.stderr)
    if summary.interrupted:
        return EXIT_INTERRUPTED
    if summary.documents == 0 and summary.already_done == 0:
        return no_documents(args.paths, options)
    return EXIT_DOCUMENT_ERRORS if summary.errors or summary.skipped else EXIT_OK


def no_documents(paths: list[str], options: InputOptions) -> int:
    """An empty folder or a glob that matches nothing is most likely a mistake: say so, with its own status."""
    print(
        f"quotes: error: no input documents in {' '.join(paths)} (files taken from folders: {' '.join(options.globs)})",
        file=sys.stderr,
    )
    return EXIT_NO_DOCUMENTS


def run_fixtures(args: argparse.Namespace) -> int:
    extractor = extractor_of(args)
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


def run_review(args: argparse.Namespace) -> int:
    """`quotes review apply`: every decision applied, or none (a bad line stops before any change)."""
    path, fixtures = Path(args.corrections), Path(args.fixtures)
    if not path.is_file() or not fixtures.is_dir():
        missing = path if not path.is_file() else fixtures
        print(f"quotes: error: no such {'file' if missing == path else 'folder'}: {missing}", file=sys.stderr)
        return EXIT_USAGE
    decisions = list(read_decisions(path.read_text(encoding="utf8").splitlines(), str(path)))
    applied = apply_decisions(decisions, fixtures)  # a CorrectionError is a usage error (exit 2)
    for line in applied.changed:
        print(line)
    for line in applied.unknown:
        print(f"quotes: {line}", file=sys.stderr)
    print(f"quotes: {len(applied.changed)} decisions applied, {len(applied.unknown)} not found", file=sys.stderr)
    return EXIT_DOCUMENT_ERRORS if applied.unknown else EXIT_OK


def run_render(args: argparse.Namespace) -> int:
    absent = [path for path in args.docs if path != "-" and not Path(path).exists()]
    if absent:  # else every article would be "without text", and the page empty of them
        raise QuotesError(f"--docs {' '.join(absent)}: no such file or folder")
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
    """The archive's canonical speakers, most quoted first (unresolved speakers together), and
    with ``--suggest-registry`` a registry draft of the unknown ones."""
    bad: list[str] = []

    def report(problem: str) -> None:
        bad.append(problem)
        print(f"quotes: {problem}", file=sys.stderr)

    tally = SpeakerTally().add_all(read_archive(args.records, report))
    summaries = tally.summaries()
    if args.suggest_registry:  # before the listing, which a reader may cut short (`| head`)
        registry = Registry.load(args.registry, only=args.registry_only)
        drafted = draft_entities(summaries, registry, args.min_documents)
        Path(args.suggest_registry).write_text(
            json.dumps(registry_draft(drafted), ensure_ascii=False, indent=1) + "\n", encoding="utf8"
        )
        joined = sum(len(entity.ids) for entity in drafted)
        print(
            f"quotes: wrote {args.suggest_registry} ({len(drafted)} entities from {joined} unknown ids)",
            file=sys.stderr,
        )
    for speaker in summaries:
        print(json.dumps(speaker.to_dict(), ensure_ascii=False) if args.as_json else _speaker_line(speaker))
    unattributed = tally.no_speaker()  # last: every record is counted, and the listing adds up to them all
    if unattributed is not None:
        entry = unattributed.to_dict() | {"no_speaker": True}
        print(
            json.dumps(entry) if args.as_json else f"{unattributed.quotes:6d} {unattributed.documents:5d}  (no speaker)"
        )
    return EXIT_DOCUMENT_ERRORS if bad else EXIT_OK


def _speaker_line(speaker: SpeakerSummary) -> str:
    line = f"{speaker.quotes:6d} {speaker.documents:5d}  {speaker.canonical or '(unresolved)'}  [{speaker.kind}]"
    if speaker.id:
        line += f" {speaker.id}"
    others = [variant for variant, _ in speaker.variants if variant != speaker.canonical]
    if others:
        line += "  also: " + ", ".join(others[:5])
    if speaker.titles:
        line += "  titles: " + ", ".join(title for title, _ in speaker.titles[:3])
    return line
