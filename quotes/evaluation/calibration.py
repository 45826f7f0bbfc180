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
from quotes.confidence.model import ConfidenceModel
from quotes.evaluation.compare import GoldSet, predictions, seed_style_set
from quotes.evaluation.corpora import load_brat
from quotes.evaluation.markdown import command_line, measured_on, replace_block
from quotes.evaluation.scoring import FOLDS, GoldAttribution, fold_of, prediction_outcomes, score
from quotes.extractor import Extractor
from quotes.records import Quote

START, END = "<!-- calibration:start -->", "<!-- calibration:end -->"
THRESHOLDS = (0.5, 0.7, 0.9)
#: The L2 penalty of the fit: chosen once on the folds (ECE and log-loss change little from 0.3 to 3).
L2 = 1.0


@dataclass(frozen=True)
class Labelled:
    """The records of a gold set that count for precision, each with its features, whether it is
    right, and whether its speaker is (None: a wrong record, or one without a speaker)."""

    quotes: list[Quote]
    rows: list[dict[str, float]]
    right: list[bool]
    speaker_right: list[bool | None]

    def speaker_subset(self) -> Labelled:
        """The right records with a speaker, labelled by whether the speaker is right."""
        keep = [i for i, s in enumerate(self.speaker_right) if s is not None]
        return Labelled(
            [self.quotes[i] for i in keep],
            [self.rows[i] for i in keep],
            [bool(self.speaker_right[i]) for i in keep],
            [None] * len(keep),
        )


def labelled(gold_set: GoldSet, found: Sequence[Quote], extractor: Extractor) -> Labelled:
    gold_by_doc: dict[str, list[GoldAttribution]] = defaultdict(list)
    for item in gold_set.gold:
        gold_by_doc[item.doc].append(item)
    kept = [outcome for outcome in prediction_outcomes(gold_by_doc, found) if outcome.right is not None]
    return Labelled(
        [o.quote for o in kept],
        [record_features(o.quote, gold_set.texts[o.quote.doc_id], extractor.lexicon) for o in kept],
        [bool(o.right) for o in kept],
        [o.speaker_right for o in kept],
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


def reliability_rows(probabilities: Sequence[float], right: Sequence[bool]) -> list[str]:
    return [
        f"| {b.low:.1f}–{b.high:.1f} | {b.count:,} | {b.mean_confidence:.3f} | {b.accuracy:.3f} |"
        for b in reliability(probabilities, right)
        if b.count
    ]


@dataclass(frozen=True)
class Calibration:
    """What the README block reports."""

    records: Labelled
    held_out: list[float]
    speakers: Labelled
    speaker_held_out: list[float]
    dev_news: Labelled | None
    table: list[str]


def markdown(result: Calibration, command: str, trained_on: str) -> str:
    records, speakers, dev = result.records, result.speakers, result.dev_news
    ece = expected_calibration_error(result.held_out, records.right)
    speaker_ece = expected_calibration_error(result.speaker_held_out, speakers.right)
    lines = [
        f"_Measured {measured_on()} by `{command}`; shipped models: {trained_on}._",
        "",
        "Expected calibration error (10 equal-width bins) of the held-out scores (each record scored by the "
        "models fitted on the other four folds of PolNeAR train's documents):",
        "",
        f"- `confidence`: **{ece:.3f}** over {len(records.right):,} records (target ≤ 0.03);",
        f"- `speaker_confidence`: **{speaker_ece:.3f}** over the {len(speakers.right):,} right records with a "
        "speaker (whether the speaker overlaps the annotated source).",
    ]
    if dev is not None:
        dev_speakers = dev.speaker_subset()
        dev_ece = expected_calibration_error([q.confidence for q in dev.quotes], dev.right)
        dev_speaker_ece = expected_calibration_error(
            [q.speaker_confidence or 0.0 for q in dev_speakers.quotes], dev_speakers.right
        )
        lines.append(
            f"- on dev-news (never seen by the models, annotated in the seeds' style, which leaves out much of what "
            f"PolNeAR counts): `confidence` {dev_ece:.3f} over {len(dev.right)} records, `speaker_confidence` "
            f"{dev_speaker_ece:.3f} over {len(dev_speakers.right)}."
        )
    lines += [
        "",
        "| confidence (held out) | records | mean confidence | share right |",
        "|---|---:|---:|---:|",
        *reliability_rows(result.held_out, records.right),
        "",
        "| speaker_confidence (held out) | records | mean | share with the right speaker |",
        "|---|---:|---:|---:|",
        *reliability_rows(result.speaker_held_out, speakers.right),
        "",
        "Precision and recall of the records kept at a threshold of `confidence` (PolNeAR: held-out scores; "
        "recall over every annotated attribution, speech or not):",
        "",
        "| set | kept | records | precision | recall |",
        "|---|---|---:|---:|---:|",
        *result.table,
    ]
    return "\n".join(lines)


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
    records = labelled(polnear, found, extractor)
    speakers = records.speaker_subset()
    trained_on = (
        f"PolNeAR train, {len(polnear.texts)} documents, {len(records.right)} records "
        f"({len(speakers.right)} right with a speaker), L2 {L2}"
    )
    model = ConfidenceModel(
        fit_logistic(records.rows, records.right, L2), fit_logistic(speakers.rows, speakers.right, L2), trained_on
    )
    if args.out:
        model.to_file(args.out)
    held_out = held_out_probabilities(records)
    table = at_thresholds(polnear, found, {q.quote_id: p for q, p in zip(records.quotes, held_out, strict=True)})

    dev = None
    dev_gold = args.dev_news / "dev.gold.jsonl"
    if dev_gold.exists():
        dev_news = seed_style_set("dev-news", dev_gold, args.dev_news / "docs")
        dev_found = predictions(dev_news.texts, replace(extractor, confidence=model))
        dev = labelled(dev_news, dev_found, extractor)
        table += at_thresholds(dev_news, dev_found, {})
    result = Calibration(records, held_out, speakers, held_out_probabilities(speakers), dev, table)

    command = command_line("quotes.evaluation.calibration", argv)
    text = markdown(result, command, trained_on)
    print(text)
    if args.readme:
        replace_block(args.readme, START, END, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
