"""``quotes evaluate``: score the extractor, or textacy's baseline, against gold."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from spacy.language import Language

from quotes.archive.registry_draft import consolidated_ids
from quotes.archive.speakers import SpeakerTally
from quotes.batch.inputs import read_records
from quotes.cli.commands import EXIT_OK, extractor_of
from quotes.errors import QuotesError
from quotes.evaluation.corpora import load_brat, speech_cue_classifier
from quotes.evaluation.gum import read_gum, score_gum
from quotes.evaluation.markdown import measured_on, replace_block
from quotes.evaluation.names import read_pairs, score_pairs
from quotes.evaluation.scoring import Report, canonical_checker, read_seed_gold, score
from quotes.extractor import Extractor
from quotes.nlp.pipeline import DEFAULT_MODEL
from quotes.records import Quote


def run_evaluate(args: argparse.Namespace) -> int:
    if args.format == "names":
        return run_names(args)
    extractor = extractor_of(args)
    if args.format == "gum":
        return run_gum(args, extractor)
    nlp, lexicon = extractor.nlp, extractor.lexicon
    if args.format == "seeds":
        texts = seed_texts(Path(args.gold), Path(args.texts) if args.texts else None)
        gold = read_seed_gold(Path(args.gold), texts)
        name = f"seeds ({args.gold})"
        subsets = {}
        entities_file = Path(args.gold).with_name("entities.json")
        canonical = canonical_checker(entities_file) if entities_file.exists() else None
    else:
        texts, gold = load_brat(Path(args.gold), args.limit, args.folds)
        name = f"brat ({args.gold})" + (f", folds {','.join(map(str, sorted(args.folds)))}" if args.folds else "")
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
    if canonical is not None:
        tally = SpeakerTally().add_all(quote.to_dict() for quote in predicted)
        report.consolidated = consolidated_ids(tally.summaries(), extractor.registry)
    if failed:
        report.notes.append(note)
    table = report.to_markdown()
    print(table)
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(report.as_dict(), indent=2) + "\n", encoding="utf8")
    if args.readme:
        key = args.block or (args.format if args.extractor == "quotes" else f"{args.format}-{args.extractor}")
        write_readme_block(Path(args.readme), key, report, args.command_line, args.model or DEFAULT_MODEL)
    return EXIT_OK


def seed_texts(gold: Path, folder: Path | None) -> dict[str, str]:
    """The articles of a seed gold file (in ``folder``, by default the gold file's own), refusing a gold file
    some of whose documents are not there: scores over part of the gold would look like recall."""
    folder = folder or gold.parent
    texts = {p.stem: p.read_text(encoding="utf8") for p in sorted(folder.glob("*.txt"))}
    documents = {json.loads(line)["doc"] for line in gold.read_text(encoding="utf8").splitlines() if line.strip()}
    missing = sorted(documents - texts.keys())
    if missing:
        shown = ", ".join(missing[:5]) + (", ..." if len(missing) > 5 else "")
        raise QuotesError(
            f"{gold}: {len(missing)} of {len(documents)} gold documents have no article (DOC.txt) in {folder}: "
            f"{shown}; give the articles' folder with --texts"
        )
    return texts


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
    from quotes.evaluation.baseline import textacy_quotes

    quotes: list[Quote] = []
    failed = 0
    for (doc_id, _), doc in zip(texts.items(), nlp.pipe(texts.values()), strict=True):
        try:
            quotes += textacy_quotes(doc, doc_id)
        except ValueError:
            failed += 1
    return quotes, failed


def run_gum(args: argparse.Namespace, extractor: Extractor) -> int:
    """Speaker identity on GUM's gold coreference (news and interviews of one split)."""
    documents = read_gum(Path(args.gold), args.split)
    texts = {doc.id: doc.text for doc in documents}
    predicted, failed = _predictions(args.predictions, texts, extractor)
    result = score_gum(f"GUM {args.split} (news, interview)", documents, predicted)
    table = result.to_markdown()
    if failed:
        table += f"\n\n- {failed} of {len(texts)} documents failed (counted as finding nothing)"
    print(table)
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(result.as_dict(), indent=2) + "\n", encoding="utf8")
    if args.readme:
        body = (
            f"_Measured {measured_on()}, model `{args.model or DEFAULT_MODEL}`, by `{args.command_line}`:_\n\n{table}"
        )
        replace_block(Path(args.readme), "<!-- accuracy:gum:start -->", "<!-- accuracy:gum:end -->", body)
    return EXIT_OK


def run_names(args: argparse.Namespace) -> int:
    """Name keys on labelled pairs: no pipeline needed."""
    report = score_pairs(read_pairs(Path(args.gold)))
    table = report.to_markdown()
    print(table)
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(report.as_dict(), indent=2) + "\n", encoding="utf8")
    if args.readme:
        body = f"_Measured {measured_on()} by `{args.command_line}`:_\n\n{table}"
        replace_block(Path(args.readme), "<!-- accuracy:names:start -->", "<!-- accuracy:names:end -->", body)
    return EXIT_OK


def write_readme_block(readme: Path, key: str, report: Report, command: str, model: str) -> None:
    """Replace the text between ``<!-- accuracy:KEY:start -->`` and ``…:end -->``."""
    body = f"_Measured {measured_on()}, model `{model}`, by `{command}`:_\n\n{report.to_markdown()}"
    replace_block(readme, f"<!-- accuracy:{key}:start -->", f"<!-- accuracy:{key}:end -->", body)
