"""Access to the package data (lexicons, schema, registry) under ``quotes/data``."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).parent / "data"


@cache
def read_json(name: str) -> Any:
    """Read a JSON data file shipped with the package (read once, never mutated)."""
    return json.loads((resources.files("quotes") / "data" / name).read_text(encoding="utf8"))
