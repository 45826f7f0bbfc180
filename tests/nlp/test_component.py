"""The ``quotes`` spaCy component: a Pipe whose annotations and data spaCy can save."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy import displacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

import quotes
from quotes.nlp.component import QuotesComponent, default_lexicon
from quotes.speakers.name_keys import id_key

STORY = "“We will respond to this attack,” the group said. Officials said that the strike had been planned for weeks."
ZORBLAX_STORY = "“We will not comment on the findings,” the Zorblax Institute said on Tuesday."
#: A speaker the shipped registry does not know: found only if the component's own data is used.
ZORBLAX = {"entities": [{"id": "zorblax", "name": "Zorblax Institute", "kind": "organisation", "aliases": ["ZI"]}]}


@pytest.fixture(scope="module")
def pipeline() -> Language:
    nlp = quotes.load_pipeline()
    nlp.add_pipe("quotes")
    return nlp


@pytest.fixture(scope="module")
def zorblax_pipeline() -> Language:
    nlp = quotes.load_pipeline()
    nlp.add_pipe("quotes", config={"registry": ZORBLAX})
    return nlp


def speaker_ids(records: list[quotes.Quote] | None) -> list[str | None]:
    assert records is not None
    return [q.speaker.id if q.speaker else None for q in records]


def test_add_pipe_by_name_gives_the_records_of_quotes_from_doc(pipeline, nlp):
    doc = pipeline(STORY)
    assert [(q.type, q.speaker and q.speaker.text) for q in doc._.quotes] == [
        ("direct", "the group"),
        ("indirect", "Officials"),
    ]
    assert doc._.quotes == quotes.quotes_from_doc(nlp(STORY), "doc", quotes.Lexicon.default())


def test_doc_id_extension_names_the_records(pipeline):
    doc = pipeline.make_doc(STORY)
    doc._.doc_id = "article-7"
    for _, component in pipeline.pipeline:
        doc = component(doc)
    assert {q.doc_id for q in doc._.quotes} == {"article-7"}
    assert all(q.quote_id.startswith("article-7:") for q in doc._.quotes)


def test_quotes_are_spans_labelled_with_their_type(pipeline):
    doc = pipeline(STORY)
    records = doc._.quotes
    assert [
        (span.label_, span.start_char <= q.start, q.end <= span.end_char)
        for span, q in zip(doc.spans["quotes"], records, strict=True)
    ] == [(q.type, True, True) for q in records]
    assert [span.text for span in doc.spans["quote_speakers"]] == [q.speaker.text for q in records if q.speaker]
    assert [span.label_ for span in doc.spans["quote_cues"]] == [q.cue.lemma for q in records if q.cue]


def test_user_data_holds_plain_json(pipeline):
    doc = pipeline(STORY)
    stored = doc.user_data["quotes"]
    assert json.loads(json.dumps(stored)) == stored
    assert stored["doc_id"] == "doc"
    assert [record["quote_id"] for record in stored["quotes"]] == [q.quote_id for q in doc._.quotes]


def test_pipe_with_two_processes_gives_the_quotes_of_one(pipeline, seed_texts):
    def named_docs() -> list[Doc]:
        docs = []
        for name, text in seed_texts.items():
            doc = pipeline.make_doc(text)
            doc._.doc_id = name
            docs.append(doc)
        return docs

    one = [doc._.quotes for doc in pipeline.pipe(named_docs())]
    two = [doc._.quotes for doc in pipeline.pipe(named_docs(), n_process=2, batch_size=2)]
    assert all(one) and two == one
    assert [records[0].doc_id for records in two] == list(seed_texts)


def test_docbin_round_trip_keeps_the_quotes(zorblax_pipeline):
    doc = zorblax_pipeline(ZORBLAX_STORY)
    bin_ = DocBin(store_user_data=True)
    bin_.add(doc)
    (copy,) = DocBin().from_bytes(bin_.to_bytes()).get_docs(Vocab())  # a vocabulary that knows no label
    assert copy._.quotes == doc._.quotes and speaker_ids(copy._.quotes) == ["zorblax"]
    for key in ("quotes", "quote_speakers", "quote_cues"):
        assert [(s.text, s.label_, s.kb_id_) for s in copy.spans[key]] == [
            (s.text, s.label_, s.kb_id_) for s in doc.spans[key]
        ]


def test_saved_pipeline_keeps_the_inline_registry(zorblax_pipeline, pipeline, tmp_path):
    assert speaker_ids(pipeline(ZORBLAX_STORY)._.quotes) == ["unknown:" + id_key("Zorblax Institute")]
    zorblax_pipeline.to_disk(tmp_path / "pipeline")
    saved = json.loads((tmp_path / "pipeline" / "quotes" / "registry.json").read_text(encoding="utf8"))
    assert {"zorblax", "kataib-hezbollah"} <= {entity["id"] for entity in saved["entities"]}
    loaded = spacy.load(tmp_path / "pipeline")
    records = loaded(ZORBLAX_STORY)._.quotes
    assert records == zorblax_pipeline(ZORBLAX_STORY)._.quotes and speaker_ids(records) == ["zorblax"]


def test_saved_pipeline_needs_no_registry_file(tmp_path):
    registry_file = tmp_path / "mine.json"
    registry_file.write_text(json.dumps(ZORBLAX), encoding="utf8")
    blank = spacy.blank("en")
    blank.add_pipe("quotes", config={"registry_path": str(registry_file)})
    blank.to_disk(tmp_path / "pipeline")
    registry_file.unlink()
    loaded = spacy.load(tmp_path / "pipeline").get_pipe("quotes")
    assert isinstance(loaded, QuotesComponent)
    assert loaded.registry.lookup("ZI") is not None and loaded.registry.lookup("Kataib Hezbollah") is not None


def test_pipeline_saved_without_component_data_keeps_its_config(tmp_path):
    blank = spacy.blank("en")
    blank.add_pipe("quotes", config={"registry": ZORBLAX, "registry_only": True})
    blank.to_disk(tmp_path / "pipeline")
    for saved in (tmp_path / "pipeline" / "quotes").iterdir():  # as a pipeline saved before the component saved data
        saved.unlink()
    loaded = spacy.load(tmp_path / "pipeline").get_pipe("quotes")
    assert isinstance(loaded, QuotesComponent)
    assert loaded.registry.lookup("ZI") is not None and loaded.registry.lookup("Kataib Hezbollah") is None


def test_component_bytes_carry_its_data():
    source = spacy.blank("en").add_pipe("quotes", config={"registry": ZORBLAX, "registry_only": True})
    target = spacy.blank("en").add_pipe("quotes")
    assert isinstance(source, QuotesComponent) and isinstance(target, QuotesComponent)
    assert target.registry.lookup("ZI") is None
    target.from_bytes(source.to_bytes())
    assert target.data == source.data and target.registry.lookup("ZI") is not None


def test_displacy_renders_the_quote_spans(pipeline):
    doc = pipeline(STORY)
    html = displacy.render(doc, style="span", options={"spans_key": "quotes"})
    assert "direct" in html and "indirect" in html
    speakers = displacy.render(doc, style="span", options={"spans_key": "quote_speakers"})
    assert all(span.label_ in speakers for span in doc.spans["quote_speakers"])


def component(config: dict[str, Any]) -> QuotesComponent:
    made = spacy.blank("en").add_pipe("quotes", config=config)
    assert isinstance(made, QuotesComponent)
    return made


def test_own_registry_is_added_to_the_shipped_one_or_replaces_it():
    added, alone = component({"registry": ZORBLAX}), component({"registry": ZORBLAX, "registry_only": True})
    assert added.registry.lookup("ZI") is not None and added.registry.lookup("Kataib Hezbollah") is not None
    assert alone.registry.lookup("ZI") is not None and alone.registry.lookup("Kataib Hezbollah") is None


def test_lexicon_by_registered_name_or_inline_data():
    assert component({"lexicon": {"@misc": "quotes.default_lexicon.v1"}}).lexicon == quotes.Lexicon.default()
    data = default_lexicon()
    data["speech_verbs"].append("zorble")
    assert "zorble" in component({"lexicon": data}).lexicon.speech_verbs
    assert "zorble" not in quotes.Lexicon.default().speech_verbs


def test_lexicon_as_data_and_as_path_is_an_error(tmp_path):
    with pytest.raises(ValueError, match="not both"):
        component({"lexicon": default_lexicon(), "lexicon_path": str(tmp_path / "cues.json")}).initialize()


def test_initialize_reads_the_files_the_config_names(tmp_path):
    blank = spacy.blank("en")
    blank.add_pipe("quotes", config={"registry_path": str(tmp_path / "missing.json")})
    with pytest.raises(quotes.RegistryError, match=r"missing\.json"):
        blank.initialize()


def test_bad_registry_names_the_entry():
    with pytest.raises(quotes.RegistryError, match="entities/0"):
        component({"registry": {"entities": [{"name": "no id"}]}}).initialize()


def test_component_without_parser_is_a_clear_error():
    blank = spacy.blank("en")
    blank.add_pipe("quotes")
    with pytest.raises(ValueError, match="dependency parser"):
        blank("“We will respond,” he said.")
    assert blank("   ")._.quotes == []


def test_errors_go_to_the_error_handler():
    seen: list[tuple[str, list[str], str]] = []

    def handler(name: str, component: object, docs: list[Doc], error: Exception) -> None:
        seen.append((name, [doc.text for doc in docs], type(error).__name__))

    blank = spacy.blank("en")
    blank.add_pipe("quotes")
    blank.set_error_handler(handler)
    assert blank("“We will respond,” he said.")._.quotes is None
    assert [doc._.quotes for doc in blank.pipe(["He said so.", "  "])] == [None, []]
    assert blank.get_pipe("quotes")(blank.make_doc("They said no."))._.quotes is None  # called on its own too
    assert seen == [
        ("quotes", ["“We will respond,” he said."], "ValueError"),
        ("quotes", ["He said so."], "ValueError"),
        ("quotes", ["They said no."], "ValueError"),
    ]


def test_factory_declares_what_it_reads_and_writes():
    meta = Language.get_factory_meta("quotes")
    assert {"token.dep", "token.lemma", "doc.sents"} <= set(meta.requires)
    assert {"doc.spans", "doc._.quotes"} <= set(meta.assigns)
    blank = spacy.blank("en")
    blank.add_pipe("quotes")
    assert "token.dep" in blank.analyze_pipes()["problems"]["quotes"]


def test_extensions_come_with_the_component_not_the_import():
    script = (
        "import spacy, quotes.nlp.component\n"
        "from spacy.tokens import Doc\n"
        "before = Doc.has_extension('quotes'), Doc.has_extension('doc_id')\n"
        "spacy.blank('en').add_pipe('quotes')\n"
        "print(before, (Doc.has_extension('quotes'), Doc.has_extension('doc_id')))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "(False, False) (True, True)"


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from([*"ab ,.!?-'’“”\"\n", "He said", "“We", "” they said.", "that"]), max_size=25))
def test_any_text_gives_the_records_of_quotes_from_doc(pipeline, nlp, pieces):
    text = "".join(pieces)
    doc = pipeline(text)
    expected = quotes.quotes_from_doc(nlp(text), "doc", quotes.Lexicon.default()) if text.strip() else []
    assert doc._.quotes == expected
    assert Doc(Vocab()).from_bytes(doc.to_bytes())._.quotes == expected
