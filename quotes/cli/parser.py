"""The command line's options: one function per command, so each reads on its own."""

from __future__ import annotations

import argparse
from typing import Any

from quotes._version import DISTRIBUTION, __version__
from quotes.archive.registry_draft import MIN_DOCUMENTS
from quotes.batch.inputs import DEFAULT_GLOBS
from quotes.evaluation.gum import SPLITS
from quotes.evaluation.scoring import FOLDS
from quotes.nlp.pipeline import DEFAULT_MODEL
from quotes.records import SCHEMA_VERSION

Subcommands = Any  # argparse's _SubParsersAction, private in typeshed

EXTRACT_DESCRIPTION = """\
Extract quotes from articles (.txt files, folders, .jsonl(.gz), or - for stdin) to JSON Lines.

With -o, a status file gets one line per input document (doc_id, status ok/error/skipped,
n_quotes, error, timings). Stop the job at any time (Ctrl-C, kill) and rerun the same
command with --resume: every quote of every document ends up in the output exactly once.

The status file starts with a header naming the job (inputs, options that change records,
model and its hash, versions); --resume refuses another job's files unless --force is given.

Exit status: 0 every document was processed; 1 some documents failed or were skipped
(their reasons are in the status file); 2 usage error (unknown model, bad option, --resume
on another job's files); 3 no input documents (an empty folder, a --glob matching nothing);
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
  quotes review apply decisions.jsonl --to fixtures/   a reviewer's decisions into the fixtures

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
    parser.add_argument(
        "--version",
        action="version",
        version=f"quotes {__version__} (distribution {DISTRIBUTION}, record schema {SCHEMA_VERSION})",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add_command in (
        _extract_command,
        _evaluate_command,
        _fixtures_command,
        _review_command,
        _render_command,
        _speakers_command,
    ):
        add_command(commands)
    return parser


def _extract_command(commands: Subcommands) -> None:
    """`quotes extract`: the batch job's inputs, outputs, workers and engines."""
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
    extract.add_argument(
        "--resume", action="store_true", help="carry on an interrupted run of the same job: skip documents done"
    )
    extract.add_argument(
        "--force",
        action="store_true",
        help="--resume even if the status file's header says another job (other inputs, options or model)",
    )
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
    extract.add_argument(
        "--encoding",
        default="auto",
        metavar="NAME",
        help="of text files and stdin: auto (a BOM, else UTF-8, else detected), or utf-8, cp1252, latin-1, "
        "utf-16, ... (JSON Lines are always UTF-8; default: %(default)s)",
    )
    extract.add_argument(
        "--workers", type=int, default=1, metavar="N", help="local worker processes (default: %(default)s)"
    )
    extract.add_argument(
        "--engine",
        choices=["local", "dask"],
        default="local",
        help="dask: run on a Dask cluster (default: %(default)s)",
    )
    extract.add_argument(
        "--scheduler", metavar="ADDRESS", help="dask: an existing scheduler (default: a local cluster)"
    )
    extract.add_argument(
        "--partition-mb",
        type=float,
        default=8,
        metavar="MB",
        help="dask: largest input size of one partition (default: %(default)s; smaller when that gives each "
        "worker fewer than 4 partitions)",
    )
    extract.add_argument(
        "--keep-parts", action="store_true", help="dask: keep OUT.parts/ after joining it into the output"
    )
    extract.add_argument(
        "--batch-size", type=int, default=32, metavar="N", help="documents per nlp.pipe batch (default: %(default)s)"
    )
    extract.add_argument(
        "--min-confidence",
        type=float,
        default=0.0,
        metavar="X",
        help="leave out records whose calibrated confidence is below X (0 to 1; default: keep all)",
    )
    extract.add_argument(
        "--code", action="append", default=[], metavar="FILE.py", help="import this file first (custom components)"
    )
    extract.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary line")
    _add_model_option(extract)
    _add_registry_options(extract)


def _evaluate_command(commands: Subcommands) -> None:
    """`quotes evaluate`: a gold set, the documents to score, where to write the scores."""
    evaluate = commands.add_parser(
        "evaluate",
        help="score extraction against hand-annotated gold",
        description="Score extraction against gold: the seed gold format, brat standoff (PolNeAR), or the "
        "speakers' identity on GUM's gold coreference; or score name keys on labelled name pairs.",
    )
    evaluate.add_argument("format", choices=["seeds", "brat", "gum", "names"], help="gold format")
    evaluate.add_argument(
        "gold",
        help="seeds: the .gold.jsonl file; brat: a folder with text/ and attributions/; "
        "gum: the GUM folder (dep/*.conllu and splits.md); names: labelled name pairs (.jsonl)",
    )
    evaluate.add_argument(
        "--texts",
        metavar="FOLDER",
        help="seeds: folder of the articles, DOC.txt each (default: the gold file's folder)",
    )
    evaluate.add_argument("--limit", type=int, default=0, help="brat: only the first N documents (default: all)")
    evaluate.add_argument(
        "--folds",
        type=_fold_list,
        default=None,
        help=f"brat: only the documents of these folds, comma-separated (a document's fold is the CRC-32 of "
        f"its id mod {FOLDS}): e.g. 1,2,3,4 to tune on and 0 held out",
    )
    evaluate.add_argument(
        "--split", choices=SPLITS, default="test", help="gum: the split's news and interviews (default: %(default)s)"
    )
    evaluate.add_argument("--predictions", help="score these records instead of extracting")
    evaluate.add_argument(
        "--extractor",
        choices=["quotes", "textacy"],
        default="quotes",
        help="textacy: score textacy's direct_quotations instead, as a baseline (default: %(default)s)",
    )
    evaluate.add_argument("--json", dest="json_out", help="also write the scores as JSON here")
    evaluate.add_argument("--readme", help="write the table into this Markdown file's accuracy block")
    evaluate.add_argument(
        "--block", help="the accuracy block's name (default: the format, e.g. `seeds`; `dev-news` for that set)"
    )
    _add_model_option(evaluate)
    _add_registry_options(evaluate)


def _fixtures_command(commands: Subcommands) -> None:
    """`quotes fixtures export|verify`: golden fixtures."""
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


def _review_command(commands: Subcommands) -> None:
    """`quotes review apply`: a reviewer's decisions into golden fixtures."""
    review = commands.add_parser(
        "review",
        help="apply a reviewer's decisions (accept, reject, correct) to golden fixtures",
        description="Apply the decisions exported from the review page (JSON Lines) to golden fixtures: "
        "accepted and corrected records are marked reviewed, rejected ones are listed apart, and "
        "`quotes fixtures verify` holds the extractor to them.",
    )
    actions = review.add_subparsers(dest="review_command", required=True, metavar="ACTION")
    apply = actions.add_parser("apply", help="apply the decisions of a JSON Lines file to the fixtures in a folder")
    apply.add_argument("corrections", help="decisions, one JSON object per line (the review page's export)")
    apply.add_argument("--to", required=True, metavar="FIXTURES_DIR", dest="fixtures", help="folder of fixtures")


def _render_command(commands: Subcommands) -> None:
    """`quotes render`: the HTML review page."""
    render = commands.add_parser(
        "render",
        help="an HTML page to review extracted quotes",
        description="Write one self-contained HTML page: articles with their quotes highlighted, a speaker index.",
    )
    render.add_argument("records", metavar="RECORDS.jsonl", help="records written by quotes extract (.jsonl or .gz)")
    render.add_argument("--docs", nargs="+", required=True, metavar="PATH", help="the articles the records come from")
    render.add_argument("-o", "--output", default="report.html", help="the page to write (default: %(default)s)")
    render.add_argument("--title", default="Quotes review", help="the page's title (default: %(default)s)")
    _add_field_options(render)


def _speakers_command(commands: Subcommands) -> None:
    """`quotes speakers`: quotes counted per canonical speaker."""
    speakers = commands.add_parser(
        "speakers",
        help="list the canonical speakers of extracted quotes, with counts",
        description="Count quotes and documents per canonical speaker in the records of `quotes extract`, with the "
        "names, titles and affiliations its mentions gave; read as a stream, so archives of any size fit.",
    )
    speakers.add_argument(
        "records",
        nargs="+",
        metavar="RECORDS",
        help="records written by quotes extract: .jsonl or .jsonl.gz files, or a folder (the Dask engine's OUT.parts)",
    )
    speakers.add_argument("--json", dest="as_json", action="store_true", help="one JSON object per speaker")
    speakers.add_argument(
        "--suggest-registry",
        metavar="FILE",
        help="write a registry draft: the unknown speakers grouped into entities, to review and pass back "
        "with --registry",
    )
    speakers.add_argument(
        "--min-documents",
        type=int,
        default=MIN_DOCUMENTS,
        help="draft only entities quoted in this many documents (default: %(default)s)",
    )
    _add_registry_options(speakers)


def _add_model_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--model",
        default=None,
        metavar="NAME_OR_PATH",
        help=f"spaCy English pipeline: installed package, folder, or shipped name (default: {DEFAULT_MODEL})",
    )


def _add_field_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--id-field", default="id", help="JSONL field with the document id (default: %(default)s)")
    parser.add_argument("--text-field", default="text", help="JSONL field with the text (default: %(default)s)")


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


def _fold_list(value: str) -> frozenset[int]:
    parts = [part.strip() for part in value.split(",") if part.strip()]
    if not parts or not all(part.isdigit() and int(part) < FOLDS for part in parts):
        raise argparse.ArgumentTypeError(f"folds are numbers from 0 to {FOLDS - 1}, comma-separated: {value!r}")
    return frozenset(int(part) for part in parts)
