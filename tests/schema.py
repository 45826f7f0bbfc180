"""Validate records against the published JSON Schema (``quotes/data/quote.schema.json``)."""

from __future__ import annotations

from typing import Any

import jsonschema

from quotes.resources import read_json

VALIDATOR = jsonschema.Draft202012Validator(read_json("quote.schema.json"))


def assert_valid_record(record: dict[str, Any], text: str) -> None:
    VALIDATOR.validate(record)
    assert text[record["start"] : record["end"]] == record["text"]
    for part in ("speaker", "cue"):
        if record[part] is not None:
            assert text[record[part]["start"] : record[part]["end"]] == record[part]["text"]
