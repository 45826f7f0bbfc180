"""Access to the package data (lexicons, schema, registry) under ``quotes/data``."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).parent / "data"


def read_text(name: str) -> str:
    """A text file shipped with the package under ``quotes/data``."""
    return (resources.files("quotes") / "data" / name).read_text(encoding="utf8")


@cache
def read_json(name: str) -> Any:
    """Read a JSON data file shipped with the package (read once, never mutated)."""
    return json.loads(read_text(name))
