"""Read documents from files, directories, JSONL and stdin, never failing the whole run.

Every input yields an :class:`InputDocument`; one that cannot be read carries an
``error`` instead of text, so the caller can report it and go on.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl",)


@dataclass(frozen=True)
class InputDocument:
    doc_id: str
    text: str | None
    source: str
    error: str | None = None


def decode(data: bytes, doc_id: str, source: str) -> InputDocument:
    """Strict UTF-8 (a BOM is dropped): undecodable or binary input is an error, not mojibake."""
    if b"\x00" in data:
        return InputDocument(doc_id, None, source, "binary data (NUL bytes), not text")
    try:
        return InputDocument(doc_id, data.decode("utf-8-sig"), source)
    except UnicodeDecodeError as error:
        return InputDocument(doc_id, None, source, f"invalid UTF-8 at byte {error.start}")


def read_jsonl(
    lines: Iterable[bytes], source: str, id_field: str = "id", text_field: str = "text"
) -> Iterator[InputDocument]:
    stem = Path(source).stem
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        fallback_id = f"{stem}:{number}"
        try:
            record = json.loads(raw.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            yield InputDocument(fallback_id, None, source, f"line {number} is not JSON: {error}")
            continue
        if not isinstance(record, dict):
            yield InputDocument(fallback_id, None, source, f"line {number} is not a JSON object")
            continue
        doc_id = str(record.get(id_field) or fallback_id)
        text = record.get(text_field)
        if not isinstance(text, str):
            yield InputDocument(doc_id, None, source, f"line {number} has no string field {text_field!r}")
            continue
        yield InputDocument(doc_id, text, source)


def iter_documents(
    paths: Iterable[str], stdin: BinaryIO | None = None, stdin_jsonl: bool = False
) -> Iterator[InputDocument]:
    """Documents from each path in order; directories are walked for .txt and .jsonl files."""
    for name in paths:
        if name == "-":
            stream = stdin or sys.stdin.buffer
            if stdin_jsonl:
                yield from read_jsonl(stream, "stdin")
            else:
                yield decode(stream.read(), "stdin", "stdin")
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in TEXT_SUFFIXES + JSONL_SUFFIXES)
            yield from iter_documents([str(p) for p in files])
        elif not path.exists():
            yield InputDocument(path.stem or name, None, name, "no such file or directory")
        elif path.suffix in JSONL_SUFFIXES:
            with path.open("rb") as lines:
                yield from read_jsonl(lines, name)
        else:
            try:
                yield decode(path.read_bytes(), path.stem, name)
            except OSError as error:
                yield InputDocument(path.stem, None, name, f"cannot read: {error.strerror}")
