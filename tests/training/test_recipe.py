"""The recipe's steps: the pretrained weights they start from, and assembling a pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import DocBin
from spacy.vocab import Vocab
from treebanks import write_gum_file

from quotes.training.conllu import read_docs
from quotes.training.measurement import training_record
from quotes.training.paths import PACKAGE_MODEL
from quotes.training.recipe import assemble, last_pretrained_weights


def test_the_last_pretrained_weights_are_used(tmp_path: Path) -> None:
    folder = tmp_path / "pretrain"
    folder.mkdir()
    for name in ("model2.bin", "model10.bin", "model9.bin"):
        (folder / name).touch()
    assert last_pretrained_weights(tmp_path).name == "model10.bin"
    (folder / "model-last.bin").touch()
    assert last_pretrained_weights(tmp_path).name == "model-last.bin"
    for path in folder.iterdir():
        path.unlink()
    with pytest.raises(FileNotFoundError, match="run the pretrain step"):
        last_pretrained_weights(tmp_path)


def test_assemble_rebuilds_the_rule_components_of_a_packaged_pipeline(tmp_path: Path) -> None:
    gum_file = write_gum_file(tmp_path)
    workdir = tmp_path / "work"
    (workdir / "corpus").mkdir(parents=True)
    DocBin(docs=read_docs(Vocab(), [gum_file], with_entities=True)).to_disk(workdir / "corpus" / "train.spacy")
    pipeline = assemble(workdir, PACKAGE_MODEL)
    for component in ("tok2vec", "parser", "ner"):  # the trained weights are copied unchanged
        assert (pipeline / component / "model").read_bytes() == (PACKAGE_MODEL / component / "model").read_bytes()
    places = (pipeline / "entity_repair" / "places.txt").read_text(encoding="utf8").splitlines()
    assert {"Europe", "Ontario", "United States"} <= set(places)
    assert training_record(pipeline, workdir) == training_record(PACKAGE_MODEL, workdir)
