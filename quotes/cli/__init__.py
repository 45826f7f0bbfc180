"""The ``quotes`` command: parse the options, run the command, turn errors into exit codes."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence

from quotes.cli.commands import (
    EXIT_BROKEN_PIPE,
    EXIT_USAGE,
    run_extract,
    run_fixtures,
    run_render,
    run_review,
    run_speakers,
)
from quotes.cli.evaluate import run_evaluate
from quotes.cli.parser import build_parser
from quotes.errors import QuotesError

__all__ = ["build_parser", "log_to_stderr", "main"]


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
        if args.command == "review":
            return run_review(args)
        return run_evaluate(args)
    except (QuotesError, FileNotFoundError) as error:
        print(f"quotes: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # `quotes speakers out.jsonl | head`: the reader has all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        return EXIT_BROKEN_PIPE
