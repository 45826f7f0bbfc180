"""Gold sets on disk: PolNeAR-style brat folders, and which gold cues are speech."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from spacy.language import Language

from quotes.evaluation.scoring import GoldAttribution, fold_of, read_brat, speech_cue
from quotes.extraction.lexicon import Lexicon


def load_brat(
    folder: Path, limit: int = 0, folds: Collection[int] | None = None
) -> tuple[dict[str, str], list[GoldAttribution]]:
    """Texts and gold of a PolNeAR-style folder (``text/*.txt`` + ``attributions/*.ann``),
    only the documents of ``folds`` (see :func:`quotes.evaluation.scoring.fold_of`) when given."""
    text_dir = folder / "text" if (folder / "text").is_dir() else folder
    ann_dir = folder / "attributions" if (folder / "attributions").is_dir() else folder
    texts: dict[str, str] = {}
    gold: list[GoldAttribution] = []
    for ann in sorted(ann_dir.glob("*.ann")):
        if limit and len(texts) >= limit:
            break
        text_path = text_dir / f"{ann.stem}.txt"
        if not text_path.exists() or (folds is not None and fold_of(ann.stem) not in folds):
            continue
        texts[ann.stem] = text_path.read_text(encoding="utf8")
        gold += read_brat(ann, texts[ann.stem])
    if not texts:
        raise FileNotFoundError(f"no .ann files with matching .txt under {folder}")
    return texts, gold


def speech_cue_classifier(gold: list[GoldAttribution], nlp: Language, lexicon: Lexicon) -> set[GoldAttribution]:
    """The gold attributions whose cue is a speech verb or phrase, by the pipeline's lemmas."""
    cues = [g.cue for g in gold]
    speech = set()
    for item, doc in zip(gold, nlp.pipe(cues, batch_size=256), strict=True):
        if speech_cue([t.lemma_ for t in doc], lexicon.speech_verbs, lexicon.source_phrases, [t.text for t in doc]):
            speech.add(item)
    return speech
