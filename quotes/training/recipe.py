"""The training recipe of the shipped pipeline: convert → vectors → pretrain → train → assemble → evaluate → package.

Run it all with ``nox -s train_model`` or step by step::

    python -m quotes.training prepare  --corpora ../shared/corpora
    python -m quotes.training pretrain
    python -m quotes.training train       # ends with assemble: adds entity_repair
    python -m quotes.training evaluate --corpora ../shared/corpora
    python -m quotes.training package

The corpora folder is a parameter, so anyone with the same public treebanks can
retrain. Scores and speed go into the model card (``quotes/models/NAME/README.md``).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from quotes.training.measurement import evaluate, training_record
from quotes.training.packaging import package
from quotes.training.paths import CONFIG, DEFAULT_CORPORA, PIPELINE, TRAINED_ON, WORKDIR

#: Static vectors: floret (hashed subwords) trained on the unlabelled text, small
#: enough to ship (bucket × dim floats).
FLORET = {
    "model": "cbow",
    "mode": "floret",
    "hashCount": 2,
    "bucket": 20000,
    "minn": 3,
    "maxn": 5,
    "minCount": 3,
    "dim": 100,
    "epoch": 10,
    "lr": 0.05,
}


def prepare(corpora: Path, workdir: Path) -> None:
    """Convert the treebanks and train the static vectors."""
    import floret
    from spacy.cli.init_pipeline import init_vectors_cli

    from quotes.training.corpus import build_corpus, write_raw_text

    started = time.perf_counter()
    (workdir / "timing.json").unlink(missing_ok=True)  # a new run starts a new record
    counts = build_corpus(corpora, workdir / "corpus")
    print(f"corpus: {counts}")
    raw = workdir / "corpus" / "raw.txt"
    print(f"raw text lines: {write_raw_text(corpora, raw)}")
    with (
        raw.open(encoding="utf8") as lines,
        (workdir / "corpus" / "raw.jsonl").open("w", encoding="utf8") as out,
    ):
        for line in lines:
            out.write(json.dumps({"text": line.rstrip("\n")}) + "\n")
    model = floret.train_unsupervised(str(raw), thread=os.cpu_count() or 1, verbose=0, **FLORET)
    model.save_floret_vectors(str(workdir / "vectors.floret"))
    init_vectors_cli(
        lang="en",
        vectors_loc=workdir / "vectors.floret",
        output_dir=workdir / "vectors",
        prune=-1,
        truncate=0,
        mode="floret",
        name=None,
        verbose=False,
        jsonl_loc=None,
        attr="ORTH",
    )
    _record_minutes(workdir, "prepare", started)


def _paths(workdir: Path) -> dict[str, Any]:
    return {
        "paths.train": str(workdir / "corpus" / "train.spacy"),
        "paths.dev": str(workdir / "corpus" / "dev.spacy"),
        "paths.vectors": str(workdir / "vectors"),
        "paths.raw_text": str(workdir / "corpus" / "raw.jsonl"),
    }


def pretrain(workdir: Path) -> Path:
    """``spacy pretrain`` (character objective) of the tok2vec on the unlabelled text."""
    from spacy.training.pretrain import pretrain as spacy_pretrain
    from spacy.util import load_config

    import quotes.nlp.pipeline  # noqa: F401  registers the pipeline's own components

    started = time.perf_counter()
    config = load_config(CONFIG, overrides=_paths(workdir), interpolate=False)
    (workdir / "pretrain").mkdir(parents=True, exist_ok=True)
    spacy_pretrain(config.interpolate(), workdir / "pretrain", use_gpu=-1)
    _record_minutes(workdir, "pretrain", started)
    return last_pretrained_weights(workdir)


def last_pretrained_weights(workdir: Path) -> Path:
    last = workdir / "pretrain" / "model-last.bin"
    if last.exists():
        return last
    weights = sorted((workdir / "pretrain").glob("model[0-9]*.bin"), key=lambda p: int(p.stem[5:]))
    if not weights:
        raise FileNotFoundError(f"no pretrained weights in {workdir / 'pretrain'}: run the pretrain step")
    return weights[-1]


def _record_minutes(workdir: Path, step: str, started: float) -> None:
    timing = workdir / "timing.json"
    times = json.loads(timing.read_text()) if timing.exists() else {}
    times[step] = round((time.perf_counter() - started) / 60, 1)
    timing.write_text(json.dumps(times))


def train(workdir: Path) -> Path:
    """``spacy train`` with the repo config from the pretrained tok2vec, then :func:`assemble`."""
    from spacy.cli.train import train as spacy_train

    import quotes.nlp.pipeline  # noqa: F401  registers the pipeline's own components

    settings = _paths(workdir) | {"paths.init_tok2vec": str(last_pretrained_weights(workdir))}
    started = time.perf_counter()
    spacy_train(CONFIG, workdir / "model", overrides=settings, use_gpu=-1)
    _record_minutes(workdir, "train", started)
    (workdir / TRAINED_ON).write_text(date.today().isoformat() + "\n")
    return assemble(workdir)


def assemble(workdir: Path, trained: Path | None = None, corpora: Path = DEFAULT_CORPORA) -> Path:
    """A trained pipeline plus the rule components built from the training data.

    ``trained`` defaults to the best model of the ``train`` step; an assembled pipeline
    (such as the shipped one) gets its rule components rebuilt, and keeps its training
    record (``scores.json``) for the ``package`` step.
    """
    import spacy
    from spacy.tokens import DocBin
    from spacy.training import Example

    import quotes.nlp.pipeline  # noqa: F401  registers the pipeline's own components
    from quotes.nlp.entity_repair import add_entity_repair
    from quotes.training.corpus import converted_corpus

    started = time.perf_counter()
    trained = trained or workdir / "model" / "model-best"
    nlp = spacy.load(trained)
    if "entity_repair" in nlp.pipe_names:
        nlp.remove_pipe("entity_repair")
    train_docs = DocBin().from_disk(converted_corpus(workdir, corpora, "train"))

    def examples() -> Iterator[Example]:
        return (Example(nlp.make_doc(doc.text), doc) for doc in train_docs.get_docs(nlp.vocab))

    add_entity_repair(nlp, examples)
    output = workdir / PIPELINE
    if output.exists():
        shutil.rmtree(output)
    nlp.to_disk(output)
    if (trained / "scores.json").exists():
        shutil.copy(trained / "scores.json", output / "scores.json")
    _record_minutes(workdir, "assemble", started)
    return output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m quotes.training",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("step", choices=["prepare", "pretrain", "train", "assemble", "evaluate", "package", "all"])
    parser.add_argument(
        "--corpora",
        type=Path,
        default=DEFAULT_CORPORA,
        help="folder with ud-english-ewt/, gum/, polnear-train/",
    )
    parser.add_argument("--workdir", type=Path, default=WORKDIR)
    parser.add_argument(
        "--model",
        type=Path,
        default=None,
        help="trained model to assemble (default: workdir/model/model-best) "
        f"or evaluate/package (default: workdir/{PIPELINE})",
    )
    args = parser.parse_args(argv)
    model = args.model or args.workdir / PIPELINE
    if args.step in ("prepare", "all"):
        prepare(args.corpora, args.workdir)
    if args.step in ("pretrain", "all"):
        pretrain(args.workdir)
    if args.step in ("train", "all"):
        model = train(args.workdir)
    if args.step == "assemble":
        model = assemble(args.workdir, args.model, args.corpora)
    if args.step in ("evaluate", "package", "all"):
        scores = evaluate(model, args.workdir, args.corpora)
        print(json.dumps(scores, indent=2))
        (args.workdir / "scores.json").write_text(json.dumps(scores, indent=2))
        if args.step in ("package", "all"):
            scores |= training_record(model, args.workdir)
            package(model, scores)
    return 0


if __name__ == "__main__":
    sys.exit(main())
