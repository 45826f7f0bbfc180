"""Train the confidence model on PolNeAR train and measure its calibration on held-out folds.

``python -m quotes.evaluation.calibration --out quotes/data/confidence.json --readme README.md``
(``nox -s calibrate``): extracts every PolNeAR train document once, labels each record right or
wrong as ``quotes evaluate brat`` counts precision, fits one model per fold on the other folds
(folds by document, :func:`~quotes.evaluation.scoring.fold_of`) to score the held-out records,
then fits the shipped model on all of them. The README gets the expected calibration error and a
reliability table of the held-out scores, and precision and recall at 0.5 / 0.7 / 0.9 on the
held-out folds and on dev-news (which the model never sees).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from quotes.confidence.features import record_features
from quotes.confidence.fitting import expected_calibration_error, fit_logistic, reliability
from quotes.evaluation.compare import GoldSet, predictions, seed_style_set
from quotes.evaluation.corpora import load_brat
from quotes.evaluation.markdown import measured_on, replace_block
from quotes.evaluation.scoring import FOLDS, GoldAttribution, fold_of, prediction_outcomes, score
from quotes.extractor import Extractor
from quotes.records import Quote

START, END = "<!-- calibration:start -->", "<!-- calibration:end -->"
THRESHOLDS = (0.5, 0.7, 0.9)
#: The L2 penalty of the fit: chosen once on the folds (ECE and log-loss change little from 0.3 to 3).
L2 = 1.0


@dataclass(frozen=True)
class Labelled:
    """The records of a gold set that count for precision, each with its features and whether it is right."""

    quotes: list[Quote]
    rows: list[dict[str, float]]
    right: list[bool]


def labelled(gold_set: GoldSet, found: Sequence[Quote], extractor: Extractor) -> Labelled:
    gold_by_doc: dict[str, list[GoldAttribution]] = defaultdict(list)
    for item in gold_set.gold:
        gold_by_doc[item.doc].append(item)
    kept = [(quote, right) for quote, right in prediction_outcomes(gold_by_doc, found) if right is not None]
    return Labelled(
        [quote for quote, _ in kept],
        [record_features(quote, gold_set.texts[quote.doc_id], extractor.lexicon) for quote, _ in kept],
        [bool(right) for _, right in kept],
    )


def held_out_probabilities(data: Labelled, folds: int = FOLDS, l2: float = L2) -> list[float]:
    """Each record scored by a model fitted on the other folds' documents."""
    fold = [fold_of(quote.doc_id, folds) for quote in data.quotes]
    probabilities = [0.0] * len(data.quotes)
    for k in range(folds):
        train = [i for i, f in enumerate(fold) if f != k]
        model = fit_logistic([data.rows[i] for i in train], [data.right[i] for i in train], l2)
        for i, f in enumerate(fold):
            if f == k:
                probabilities[i] = model.probability(data.rows[i])
    return probabilities


def at_thresholds(gold_set: GoldSet, found: Sequence[Quote], confidence: Mapping[str, float]) -> list[str]:
    """Table rows: precision and recall of the records kept at each threshold (``confidence``
    by quote id; records scored for neither are kept at every threshold)."""
    rows = []
    for threshold in (0.0, *THRESHOLDS):
        kept = [q for q in found if confidence.get(q.quote_id, q.confidence) >= threshold]
        report = score(gold_set.name, gold_set.gold, kept)
        overall = report.overall
        rows.append(
            f"| {gold_set.name} | {'all' if not threshold else f'≥ {threshold}'} | {len(kept):,} "
            f"| {overall.precision:.3f} | {overall.recall:.3f} |"
        )
    return rows


def markdown(
    ece: float, dev_ece: float | None, table: list[str], bins: list[str], count: int, command: str, trained_on: str
) -> str:
    dev = f"; on dev-news (never seen by the model) {dev_ece:.3f}" if dev_ece is not None else ""
    return "\n".join(
        [
            f"_Measured {measured_on()} by `{command}`; shipped model: {trained_on}._",
            "",
            f"Expected calibration error (10 equal-width bins) of the held-out scores of {count:,} PolNeAR "
            f"train records (each scored by the model fitted on the other four folds): **{ece:.3f}** "
            f"(target ≤ 0.03){dev}.",
            "",
            "| confidence | records | mean confidence | share right |",
            "|---|---:|---:|---:|",
            *bins,
            "",
            "Precision and recall of the records kept at a threshold (PolNeAR: held-out scores):",
            "",
            "| set | kept | records | precision | recall |",
            "|---|---|---:|---:|---:|",
            *table,
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m quotes.evaluation.calibration", description=__doc__)
    parser.add_argument("--polnear", type=Path, default=Path("../shared/corpora/polnear-train"), help="brat folder")
    parser.add_argument("--dev-news", type=Path, default=Path("../shared/gold/dev-news"), help="dev-news folder")
    parser.add_argument("--model", help="spaCy pipeline (default en_core_web_sm)")
    parser.add_argument("--out", type=Path, help="write the fitted model here (quotes/data/confidence.json)")
    parser.add_argument("--readme", type=Path, help="write the calibration block into this Markdown file")
    parser.add_argument("--limit", type=int, default=0, help="only the first N PolNeAR documents")
    args = parser.parse_args(argv)

    extractor = Extractor.load(args.model)
    polnear = GoldSet("PolNeAR train", *load_brat(args.polnear, args.limit))
    found = predictions(polnear.texts, extractor)
    data = labelled(polnear, found, extractor)
    held_out = held_out_probabilities(data)
    ece = expected_calibration_error(held_out, data.right)
    trained_on = f"PolNeAR train, {len(polnear.texts)} documents, {len(data.right)} records, L2 {L2}"
    model = fit_logistic(data.rows, data.right, L2, trained_on)
    if args.out:
        model.to_file(args.out)
    table = at_thresholds(polnear, found, {q.quote_id: p for q, p in zip(data.quotes, held_out, strict=True)})

    dev_ece = None
    dev_gold = args.dev_news / "dev.gold.jsonl"
    if dev_gold.exists():
        dev_news = seed_style_set("dev-news", dev_gold, args.dev_news / "docs")
        dev_found = predictions(dev_news.texts, replace(extractor, confidence=model))
        dev = labelled(dev_news, dev_found, extractor)
        dev_ece = expected_calibration_error([q.confidence for q in dev.quotes], dev.right)
        table += at_thresholds(dev_news, dev_found, {})

    bins = [
        f"| {b.low:.1f}–{b.high:.1f} | {b.count:,} | {b.mean_confidence:.3f} | {b.accuracy:.3f} |"
        for b in reliability(held_out, data.right)
        if b.count
    ]
    command = "python -m quotes.evaluation.calibration" + "".join(
        f" {a}" for a in (argv if argv is not None else sys.argv[1:])
    )
    text = markdown(ece, dev_ece, table, bins, len(data.right), command, trained_on)
    print(text)
    if args.readme:
        replace_block(args.readme, START, END, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
