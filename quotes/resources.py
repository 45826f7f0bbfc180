"""Access to the package data (lexicons, schema, registry) under ``quotes/data``."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema

DATA_DIR = Path(__file__).parent / "data"


def read_text(name: str) -> str:
    """A text file shipped with the package under ``quotes/data``."""
    return (resources.files("quotes") / "data" / name).read_text(encoding="utf8")


@cache
def read_json(name: str) -> Any:
    """Read a JSON data file shipped with the package (read once, never mutated)."""
    return json.loads(read_text(name))


@cache
def _validator(schema: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(read_json(schema))


def schema_error(data: Any, schema: str, most: int = 5) -> str | None:
    """How `data` breaks the shipped JSON Schema `schema`, each way naming where (None if valid).

    Several at once: a misspelt key is both an unexpected key and a missing one."""
    errors = sorted(_validator(schema).iter_errors(data), key=lambda e: (list(map(str, e.absolute_path)), e.message))
    if not errors:
        return None
    return "; ".join(f"at {'/'.join(map(str, e.absolute_path)) or 'top level'}: {e.message}" for e in errors[:most])
