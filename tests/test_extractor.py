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


def test_min_confidence_leaves_out_records_below_it(nlp):
    from quotes.confidence.model import ConfidenceModel, LogisticModel

    text = "“We will respond,” the group said. Officials said the strike was lawful."
    extractor = quotes.Extractor(nlp)
    found = extractor.extract(text, "a1")
    assert all(0.0 <= q.confidence <= 1.0 for q in found)
    direct_only = ConfidenceModel(LogisticModel(-5.0, {"type=direct": 10.0}))  # direct 0.993, the rest 0.007
    kept = quotes.Extractor(nlp, confidence=direct_only, min_confidence=0.5).extract(text, "a1")
    assert [q.type for q in kept] == ["direct"] and kept[0].confidence == 0.993
    (streamed,) = quotes.Extractor(nlp, confidence=direct_only, min_confidence=0.5).extract_many([("a1", text)])
    assert streamed.quotes == kept


def test_min_confidence_outside_zero_to_one_is_refused(nlp):
    import pytest

    with pytest.raises(ValueError, match="min_confidence"):
        quotes.Extractor(nlp, min_confidence=1.5)
