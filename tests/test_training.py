"""The training recipe's own code: the CoNLL-U reader, the corpus splits, the training record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.vocab import Vocab

from quotes.training.conllu import read_docs
from quotes.training.corpus import gum_files, write_raw_text
from quotes.training.recipe import TRAINED_ON, last_pretrained_weights, training_record

# Two paragraphs; `don't` is a multi-word token; GUM entities: a named person, a
# named place whose first word the treebank tags VERB (`United`), and a common-noun
# organisation mention (`the court`), which is no name.
GUM_DOC = """\
# newdoc id = GUM_news_test
# newpar
# text = Otto Jespersen left the United States.
1\tOtto\tOtto\tPROPN\tNNP\t_\t3\tnsubj\t_\tEntity=(1-person
2\tJespersen\tJespersen\tPROPN\tNNP\t_\t1\tflat\t_\tEntity=1)
3\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_
4\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\tEntity=(2-place
5\tUnited\tunite\tVERB\tNNP\t_\t6\tamod\t_\t_
6\tStates\tStates\tPROPN\tNNPS\t_\t3\tobj\t_\tEntity=2)|SpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

# newpar
# text = The court don't agree.
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\tEntity=(3-organization
2\tcourt\tcourt\tNOUN\tNN\t_\t5\tnsubj\t_\tEntity=3)
3-4\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
3\tdo\tdo\tAUX\tVBP\t_\t5\taux\t_\t_
4\tn't\tnot\tPART\tRB\t_\t5\tadvmod\t_\t_
5\tagree\tagree\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_

"""


@pytest.fixture
def gum_file(tmp_path: Path) -> Path:
    path = tmp_path / "GUM_news_test.conllu"
    path.write_text(GUM_DOC, encoding="utf8")
    return path


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


def make_corpora(root: Path) -> Path:
    gum = root / "gum"
    (gum / "dep").mkdir(parents=True)
    (gum / "splits.md").write_text("# Splits\n\n## dev\n\n* GUM_a\n\n## test\n\n* GUM_b\n", encoding="utf8")
    for name in ("GUM_a", "GUM_b", "GUM_c"):
        (gum / "dep" / f"{name}.conllu").write_text(f"# text = Text of {name}.\n1\tx\tx\tX\tX\t_\t0\troot\t_\t_\n\n")
    ewt = root / "ud-english-ewt"
    ewt.mkdir()
    for split in ("train", "dev", "test"):
        (ewt / f"en_ewt-ud-{split}.conllu").write_text(f"# text = EWT {split}.\n1\tx\tx\tX\tX\t_\t0\troot\t_\t_\n\n")
    news = root / "polnear-train" / "text"
    news.mkdir(parents=True)
    (news / "1.txt").write_text("A headline\n\nA paragraph.\n", encoding="utf8")
    return root


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


def test_a_packaged_pipeline_keeps_its_training_record(tmp_path: Path) -> None:
    workdir, model = tmp_path / "work", tmp_path / "model"
    workdir.mkdir()
    model.mkdir()
    (workdir / TRAINED_ON).write_text("2026-11-22\n")
    (workdir / "timing.json").write_text(json.dumps({"train": 41.0}))
    assert training_record(model, workdir) == {"trained_on": "2026-11-22", "training_minutes": {"train": 41.0}}
    (model / "scores.json").write_text(json.dumps({"trained_on": "2026-11-21", "training_minutes": {"train": 37.4}}))
    assert training_record(model, workdir) == {"trained_on": "2026-11-21", "training_minutes": {"train": 37.4}}


def test_assemble_rebuilds_the_rule_components_of_a_packaged_pipeline(gum_file: Path, tmp_path: Path) -> None:
    from spacy.tokens import DocBin

    from quotes.training.recipe import PACKAGE_MODEL, assemble

    workdir = tmp_path / "work"
    (workdir / "corpus").mkdir(parents=True)
    DocBin(docs=read_docs(Vocab(), [gum_file], with_entities=True)).to_disk(workdir / "corpus" / "train.spacy")
    pipeline = assemble(workdir, PACKAGE_MODEL)
    for component in ("tok2vec", "parser", "ner"):  # the trained weights are copied unchanged
        assert (pipeline / component / "model").read_bytes() == (PACKAGE_MODEL / component / "model").read_bytes()
    places = (pipeline / "entity_repair" / "places.txt").read_text(encoding="utf8").splitlines()
    assert {"Europe", "Ontario", "United States"} <= set(places)
    assert training_record(pipeline, workdir) == training_record(PACKAGE_MODEL, workdir)


def test_a_missing_corpus_is_converted_first(tmp_path: Path) -> None:
    from spacy.tokens import DocBin

    from quotes.training.recipe import converted_corpus

    corpora = make_corpora(tmp_path / "corpora")
    path = converted_corpus(tmp_path / "work", corpora, "gum-test")
    assert [doc.text for doc in DocBin().from_disk(path).get_docs(Vocab())] == ["x"]
    assert (tmp_path / "work" / "corpus" / "train.spacy").exists()
