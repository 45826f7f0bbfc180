"""Turn the shared treebanks into spaCy ``.spacy`` corpora and raw text.

Splits: UD English EWT's official train/dev/test; GUM's ``splits.md`` dev and
test lists, with every other shipped GUM document used for training.
"""

from __future__ import annotations

import re
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from quotes.training.conllu import read_docs

EWT_DIR = "ud-english-ewt"
GUM_DIR = "gum"


def gum_splits(gum_dir: Path) -> dict[str, str]:
    """Map GUM document names to ``dev`` / ``test`` as listed in ``splits.md``."""
    splits: dict[str, str] = {}
    section = ""
    for line in (gum_dir / "splits.md").read_text(encoding="utf8").splitlines():
        heading = re.match(r"##\s+(\w+)", line)
        if heading:
            section = heading.group(1)
        item = re.match(r"\s*\*\s+(\S+)", line)
        if item and section in {"dev", "test"}:
            splits[item.group(1)] = section
    return splits


def gum_files(gum_dir: Path) -> dict[str, list[Path]]:
    """GUM's CoNLL-U files by split: ``splits.md`` dev and test, every other one train."""
    splits = gum_splits(gum_dir)
    files: dict[str, list[Path]] = {"train": [], "dev": [], "test": []}
    for path in sorted((gum_dir / "dep").glob("*.conllu")):
        files[splits.get(path.stem, "train")].append(path)
    return files


def build_corpus(corpora: Path, out_dir: Path) -> dict[str, int]:
    """Write train/dev/test DocBins; returns the number of docs in each."""
    out_dir.mkdir(parents=True, exist_ok=True)
    vocab = spacy.blank("en").vocab
    ewt = corpora / EWT_DIR
    gum = gum_files(corpora / GUM_DIR)
    parts = {
        "train": [(ewt / "en_ewt-ud-train.conllu", False)] + [(p, True) for p in gum["train"]],
        "dev": [(ewt / "en_ewt-ud-dev.conllu", False)] + [(p, True) for p in gum["dev"]],
        "ewt-test": [(ewt / "en_ewt-ud-test.conllu", False)],
        "gum-test": [(p, True) for p in gum["test"]],
    }
    counts = {}
    for name, sources in parts.items():
        docs = DocBin(store_user_data=False)
        for path, with_entities in sources:
            for doc in read_docs(vocab, [path], with_entities):
                docs.add(doc)
        docs.to_disk(out_dir / f"{name}.spacy")
        counts[name] = len(docs)
    return counts


def write_raw_text(corpora: Path, out_file: Path) -> int:
    """Unlabelled text for the static vectors: PolNeAR news plus treebank train text.

    Only training documents: dev and test text must stay unseen, even unlabelled.
    """
    lines = 0
    with out_file.open("w", encoding="utf8") as out:
        for path in sorted((corpora / "polnear-train" / "text").glob("*.txt")):
            for line in path.read_text(encoding="utf8").splitlines():
                if line.strip():
                    out.write(line.strip() + "\n")
                    lines += 1
        for path in [corpora / EWT_DIR / "en_ewt-ud-train.conllu", *gum_files(corpora / GUM_DIR)["train"]]:
            for line in path.read_text(encoding="utf8").splitlines():
                if line.startswith("# text = "):
                    out.write(line[len("# text = ") :] + "\n")
                    lines += 1
    return lines


def converted_corpus(workdir: Path, corpora: Path, name: str) -> Path:
    """A corpus of the work folder (`train`, `ewt-test`, …), converting the treebanks first
    if this work folder has none, as when re-measuring or re-assembling the shipped pipeline."""
    path = workdir / "corpus" / f"{name}.spacy"
    if not path.exists():
        build_corpus(corpora, workdir / "corpus")
    return path
