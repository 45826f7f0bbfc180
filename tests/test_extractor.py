"""quotes.Extractor: one object for texts, streams and parsed docs; the default one is shared."""

from __future__ import annotations

import json

import quotes


def test_one_extractor_serves_text_streams_and_parsed_docs(nlp):
    extractor = quotes.Extractor(nlp)
    text = "“We will respond,” the group said. Officials said the strike was lawful."
    one = extractor.extract(text, "a1")
    assert [q.doc_id for q in one] == ["a1", "a1"] and one == quotes.extract(text, "a1", nlp=nlp)
    (streamed,) = extractor.extract_many([("a1", text)])
    assert streamed.quotes == one
    assert extractor.extract_doc(nlp(text), "a1") == one


def test_the_convenience_functions_share_one_default_extractor():
    from quotes.extractor import default_extractor

    quotes.extract("“We will respond,” the group said.")
    assert default_extractor() is default_extractor()
    assert default_extractor().nlp.pipe_names == quotes.load_pipeline().pipe_names


def test_extractor_load_reads_a_registry_file(tmp_path):
    path = tmp_path / "registry.json"
    path.write_text(json.dumps({"entities": [{"id": "acme", "name": "Acme Corp", "kind": "organisation"}]}))
    extractor = quotes.Extractor.load(registry=path, registry_only=True)
    assert extractor.registry.lookup("Acme Corp").id == "acme" and extractor.registry.lookup("Reuters") is None
