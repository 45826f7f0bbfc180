"""The CoNLL-U reader: paragraphs, multi-word tokens, GUM entities, long documents."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.vocab import Vocab
from treebanks import write_gum_file

from quotes.training.conllu import read_docs


@pytest.fixture
def gum_file(tmp_path: Path) -> Path:
    return write_gum_file(tmp_path)


def test_paragraphs_become_newline_tokens_and_contractions_keep_their_words(gum_file: Path) -> None:
    (doc,) = read_docs(Vocab(), [gum_file], with_entities=True)
    assert doc.text == "Otto Jespersen left the United States.\nThe court don't agree."
    newline = next(token for token in doc if token.text == "\n")
    assert newline.pos_ == "SPACE" and not newline.is_sent_start
    assert newline.nbor().is_sent_start
    assert [t.text for t in doc[-5:-1]] == ["court", "do", "n't", "agree"]


def test_named_gum_mentions_become_entities(gum_file: Path) -> None:
    (doc,) = read_docs(Vocab(), [gum_file], with_entities=True)
    assert [(e.text, e.label_) for e in doc.ents] == [("Otto Jespersen", "PERSON"), ("United States", "GPE")]
    assert doc.has_annotation("ENT_IOB")


def test_without_entities_the_annotation_is_missing_not_empty(gum_file: Path) -> None:
    (doc,) = read_docs(Vocab(), [gum_file], with_entities=False)
    assert not doc.has_annotation("ENT_IOB")  # spaCy then learns nothing about entities from it


def test_a_long_document_is_split_at_a_paragraph(gum_file: Path) -> None:
    docs = list(read_docs(Vocab(), [gum_file], with_entities=True, max_sentences=1))
    assert [doc.text for doc in docs] == ["Otto Jespersen left the United States.", "The court don't agree."]
