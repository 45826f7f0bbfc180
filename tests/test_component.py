"""The ``quotes`` spaCy component, available by name after installation."""

from __future__ import annotations

import pytest
import spacy

import quotes


def test_add_pipe_by_name_fills_doc_extension(nlp):
    pipeline = quotes.load_pipeline()
    pipeline.add_pipe("quotes")
    doc = pipeline("“We will respond to this attack,” the group said.")
    assert [(q.type, q.speaker.text) for q in doc._.quotes] == [("direct", "the group")]
    assert doc._.quotes == quotes.quotes_from_doc(
        nlp("“We will respond to this attack,” the group said."), "doc", quotes.Lexicon.default()
    )


def test_doc_id_extension_names_the_records():
    pipeline = quotes.load_pipeline()
    pipeline.add_pipe("quotes")
    doc = pipeline.make_doc("“We will respond to this attack,” the group said.")
    doc._.doc_id = "article-7"
    for _, component in pipeline.pipeline:
        doc = component(doc)
    assert doc._.quotes[0].doc_id == "article-7"


def test_component_without_parser_is_a_clear_error():
    blank = spacy.blank("en")
    blank.add_pipe("quotes")
    with pytest.raises(ValueError, match="dependency parser"):
        blank("“We will respond,” he said.")
    assert blank("   ")._.quotes == []
