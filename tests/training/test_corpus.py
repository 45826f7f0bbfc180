"""The corpus splits, the unlabelled text, and corpora converted on demand."""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import DocBin
from spacy.vocab import Vocab
from treebanks import make_corpora

from quotes.training.corpus import converted_corpus, gum_files, write_raw_text


def test_gum_splits_follow_splits_md(tmp_path: Path) -> None:
    files = gum_files(make_corpora(tmp_path) / "gum")
    assert {split: [p.stem for p in paths] for split, paths in files.items()} == {
        "train": ["GUM_c"],
        "dev": ["GUM_a"],
        "test": ["GUM_b"],
    }


def test_unlabelled_text_never_includes_dev_or_test_documents(tmp_path: Path) -> None:
    corpora = make_corpora(tmp_path / "corpora")
    out = tmp_path / "raw.txt"
    assert write_raw_text(corpora, out) == 4
    assert out.read_text(encoding="utf8").splitlines() == [
        "A headline",
        "A paragraph.",
        "EWT train.",
        "Text of GUM_c.",
    ]


def test_a_missing_corpus_is_converted_first(tmp_path: Path) -> None:
    corpora = make_corpora(tmp_path / "corpora")
    path = converted_corpus(tmp_path / "work", corpora, "gum-test")
    assert [doc.text for doc in DocBin().from_disk(path).get_docs(Vocab())] == ["x"]
    assert (tmp_path / "work" / "corpus" / "train.spacy").exists()
