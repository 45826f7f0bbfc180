"""The data files behind the rules: the cue lexicon and the speaker words follow their schemas."""

from __future__ import annotations

import copy
import json

import pytest

from quotes.lexicon import Lexicon, LexiconError
from quotes.resources import read_json, schema_error
from quotes.speakers import Registry


def shipped_cues():
    return copy.deepcopy(read_json("cues.json"))


def test_the_shipped_lexicon_follows_its_schema():
    assert schema_error(read_json("cues.json"), "cues.schema.json") is None
    assert "say" in Lexicon.default().speech_verbs


def test_a_misspelt_key_is_named(tmp_path):
    data = shipped_cues()
    data["speach_verbs"] = data.pop("speech_verbs")
    path = tmp_path / "cues.json"
    path.write_text(json.dumps(data), encoding="utf8")
    with pytest.raises(LexiconError, match=r"cue lexicon .*cues\.json .*'speach_verbs' was unexpected"):
        Lexicon.from_file(path)


def test_a_missing_list_is_named():
    data = shipped_cues()
    del data["belief_verbs"]
    with pytest.raises(LexiconError, match="'belief_verbs' is a required property"):
        Lexicon.from_dict(data)


@pytest.mark.parametrize(
    ("key", "value", "where"),
    [
        ("speech_verbs", ["say", 5], "speech_verbs/1"),
        ("quote_verbs", "shout", "quote_verbs"),
        ("source_phrases", [["according to"]], "source_phrases/0/0"),
        ("topic_prepositions", {"warn": "of"}, "topic_prepositions/warn"),
    ],
)
def test_a_wrong_value_is_named_by_its_path(key, value, where):
    data = shipped_cues()
    data[key] = value
    with pytest.raises(LexiconError, match=f"at {where}:"):
        Lexicon.from_dict(data)


def test_an_unreadable_lexicon_is_a_clear_error(tmp_path):
    path = tmp_path / "cues.json"
    path.write_text("{not json", encoding="utf8")
    with pytest.raises(LexiconError, match="cannot read cue lexicon"):
        Lexicon.from_file(path)


def test_the_shipped_speaker_words_follow_their_schema():
    words = read_json("speaker_words.json")
    assert schema_error(words, "speaker_words.schema.json") is None
    assert schema_error({**words, "ner_kinds": {"PERSON": "human"}}, "speaker_words.schema.json") is not None


def test_fuzzy_look_ups_leave_the_shipped_registry_as_it_was():
    registry = Registry.default()
    before = copy.deepcopy(vars(registry))
    assert registry.fuzzy("Kaitab Hezbollah") is registry.lookup("Kataib Hezbollah")
    assert registry.fuzzy("Somebody Unknown Entirely") is None
    assert vars(registry) == before
