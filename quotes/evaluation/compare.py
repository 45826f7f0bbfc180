"""Accuracy of several spaCy pipelines side by side, with the rules unchanged; writes README's table.

    python -m quotes.evaluation.compare --readme README.md

Each pipeline extracts the seeds, ``../shared/gold/dev-news`` and PolNeAR train, scored as
``quotes evaluate`` scores them. PolNeAR's held-out fold (one document in five, by a hash of its
id; the rules were not tuned on its errors) is reported beside the whole train split. Which
PolNeAR attributions have a speech cue is decided by the first pipeline's lemmas, so every
pipeline is scored on the same gold. A pipeline that is not installed is left out and said so.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from quotes.evaluation.corpora import load_brat, speech_cue_classifier
from quotes.evaluation.markdown import command_line, measured_on, replace_block
from quotes.evaluation.scoring import GoldAttribution, Report, canonical_checker, fold_of, read_seed_gold, score
from quotes.extraction.lexicon import Lexicon
from quotes.extractor import Extractor
from quotes.nlp.pipeline import ModelNotFoundError, load_pipeline, pipeline_name
from quotes.records import Quote

START, END = "<!-- accuracy:models:start -->", "<!-- accuracy:models:end -->"
MODELS = ("en_core_web_sm", "en_quotes_news", "en_core_web_md")


def held_out(doc_id: str) -> bool:
    """PolNeAR's held-out fold (``quotes evaluate brat --folds 0``): the rules were not tuned on it."""
    return fold_of(doc_id) == 0


@dataclass(frozen=True)
class GoldSet:
    name: str
    texts: Mapping[str, str]
    gold: list[GoldAttribution]
    canonical: Callable[[GoldAttribution, Quote], bool] | None = None


def seed_style_set(name: str, gold_file: Path, texts_dir: Path) -> GoldSet:
    texts = {p.stem: p.read_text(encoding="utf8") for p in sorted(texts_dir.glob("*.txt"))}
    entities = gold_file.with_name("entities.json")
    return GoldSet(
        name, texts, read_seed_gold(gold_file, texts), canonical_checker(entities) if entities.exists() else None
    )


def predictions(texts: Mapping[str, str], extractor: Extractor) -> list[Quote]:
    found: list[Quote] = []
    for result in extractor.extract_many(texts.items()):
        if result.error:
            print(f"quotes: {result.error}", file=sys.stderr)
        found += result.quotes
    return found


@dataclass(frozen=True)
class ModelScores:
    model: str
    seeds: Report
    dev_news: Report | None
    polnear: Report | None
    polnear_held_out: Report | None


def measure(
    nlp: Language, seeds: GoldSet, dev_news: GoldSet | None, polnear: GoldSet | None, speech: set[GoldAttribution]
) -> ModelScores:
    def report(gold_set: GoldSet, only: Callable[[str], bool] = lambda _: True) -> Report:
        texts = {doc_id: text for doc_id, text in gold_set.texts.items() if only(doc_id)}
        gold = [g for g in gold_set.gold if g.doc in texts]
        subsets: dict[str, Callable[[GoldAttribution], bool]] = {}
        if gold_set is polnear:
            subsets["speech-verb cues"] = lambda item: item in speech
        return score(gold_set.name, gold, predictions(texts, Extractor(nlp)), subsets, gold_set.canonical)

    return ModelScores(
        pipeline_name(nlp),
        report(seeds),
        report(dev_news) if dev_news else None,
        report(polnear) if polnear else None,
        report(polnear, held_out) if polnear else None,
    )


def _cells(report: Report | None, *columns: Callable[[Report], float]) -> list[str]:
    return [f"{column(report):.3f}" if report else "—" for column in columns]


def _speech(report: Report) -> float:
    return report.subsets["speech-verb cues"].recall


def markdown(rows: list[ModelScores], missing: list[str], command: str) -> str:
    def canonical(r: Report) -> float:
        return r.canonical_correct / r.canonical_checked if r.canonical_checked else 0.0

    def precision(r: Report) -> float:
        return r.overall.precision

    def recall(r: Report) -> float:
        return r.overall.recall

    def speaker(r: Report) -> float:
        return r.speaker_correct / r.speaker_checked if r.speaker_checked else 0.0

    def direct(r: Report) -> float:
        return r.by_type["direct"].recall

    lines = [
        f"_Measured {measured_on()} by `{command}`; the rules are the same for every pipeline._",
        "",
        "| pipeline | seeds recall | seeds precision | seeds speaker | dev-news recall | dev-news precision "
        "| dev-news speaker | dev-news canonical |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        cells = _cells(row.seeds, recall, precision, speaker) + _cells(
            row.dev_news, recall, precision, speaker, canonical
        )
        lines.append(f"| {row.model} | " + " | ".join(cells) + " |")
    lines += [
        "",
        "| pipeline | PolNeAR precision | speech-cue recall | speaker span | direct recall "
        "| held-out fold: precision | speech-cue recall | speaker span |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        cells = _cells(row.polnear, precision, _speech, speaker, direct) + _cells(
            row.polnear_held_out, precision, _speech, speaker
        )
        lines.append(f"| {row.model} | " + " | ".join(cells) + " |")
    if missing:
        lines += ["", "Not installed here, so not measured: " + ", ".join(f"`{m}`" for m in missing) + "."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:

    parser = argparse.ArgumentParser(prog="python -m quotes.evaluation.compare", description=__doc__.split("\n")[0])
    parser.add_argument("--models", nargs="+", default=list(MODELS), help="pipelines, first is the reference")
    parser.add_argument("--seeds", type=Path, default=Path("data/seeds.gold.jsonl"), help="seed gold file")
    parser.add_argument("--seed-texts", type=Path, default=Path("seeds"), help="folder of the seed articles")
    parser.add_argument("--dev-news", type=Path, default=Path("../shared/gold/dev-news"), help="dev-news folder")
    parser.add_argument("--polnear", type=Path, default=Path("../shared/corpora/polnear-train"), help="brat folder")
    parser.add_argument("--limit", type=int, default=0, help="only the first N PolNeAR documents")
    parser.add_argument("--readme", type=Path, help="write the tables into this Markdown file")
    args = parser.parse_args(argv)

    seeds = seed_style_set("seeds", args.seeds, args.seed_texts)
    dev_gold = args.dev_news / "dev.gold.jsonl"
    dev_news = seed_style_set("dev-news", dev_gold, args.dev_news / "docs") if dev_gold.exists() else None
    polnear = GoldSet("PolNeAR train", *load_brat(args.polnear, args.limit)) if args.polnear.is_dir() else None
    rows: list[ModelScores] = []
    missing: list[str] = []
    speech: set[GoldAttribution] | None = None
    for model in args.models:
        try:
            nlp = load_pipeline(model)
        except ModelNotFoundError:
            missing.append(model)
            continue
        if speech is None:
            speech = speech_cue_classifier(polnear.gold, nlp, Lexicon.default()) if polnear else set()
        rows.append(measure(nlp, seeds, dev_news, polnear, speech))
        print(f"quotes: measured {model}", file=sys.stderr)
    command = command_line("quotes.evaluation.compare", argv)
    table = markdown(rows, missing, command)
    print(table)
    if args.readme:
        replace_block(args.readme, START, END, table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
