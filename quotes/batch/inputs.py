"""Read documents from files, folders, JSONL (plain or gzipped) and stdin, never failing the whole run.

Inputs are first listed as :class:`Source` units (a text file, a JSONL file, or a byte
range of one) so that a job can be cut into partitions; every source then yields
:class:`InputDocument` s. One that cannot be read carries an ``error`` instead of text,
so the caller can report it and go on.
"""

from __future__ import annotations

import fnmatch
import gzip
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from io import BufferedIOBase
from pathlib import Path
from typing import Any, BinaryIO, Literal

from quotes.batch.encodings import AUTO, DecodingError, decode_bytes

DEFAULT_GLOBS = ("*.txt", "*.jsonl", "*.jsonl.gz")
SourceKind = Literal["text", "jsonl", "stdin"]


@dataclass(frozen=True)
class InputOptions:
    """How to find documents in the inputs and which JSONL fields to read."""

    globs: tuple[str, ...] = DEFAULT_GLOBS
    id_field: str = "id"
    text_field: str = "text"
    keep_fields: tuple[str, ...] = ()
    stdin_jsonl: bool = False
    encoding: str = AUTO  # of text files and stdin; JSON Lines are always UTF-8


@dataclass(frozen=True)
class InputDocument:
    """A document read, or why it could not be; ``encoding`` is the one its bytes were decoded with."""

    doc_id: str
    text: str | None
    source: str
    error: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    encoding: str | None = None
    encoding_guessed: bool = False


@dataclass(frozen=True)
class Source:
    """A readable unit: a text file, a JSONL file (``end`` None), or the lines starting in [start, end)."""

    path: str
    kind: SourceKind
    doc_id: str = ""
    start: int = 0
    end: int | None = None

    @property
    def gzipped(self) -> bool:
        return self.path.endswith(".gz")


def open_input(path: str | Path) -> BufferedIOBase:
    """A file for reading bytes, decompressed if its name ends in ``.gz``."""
    return gzip.open(path, "rb") if str(path).endswith(".gz") else open(path, "rb")


def read_records(path: str | Path) -> list[dict[str, Any]]:
    """Records from a JSON Lines file written by ``quotes extract`` (gzipped if named ``.gz``)."""
    with open_input(path) as lines:
        return [json.loads(line) for line in lines if line.strip()]


def is_jsonl(name: str) -> bool:
    return name.endswith((".jsonl", ".jsonl.gz"))


def iter_sources(paths: Iterable[str], options: InputOptions = InputOptions()) -> Iterator[Source]:
    """Each path in order; folders are walked (sorted) for files matching ``options.globs``.

    A file in a folder is named by its path relative to the folder, without suffix, so
    ``2024/01/a.txt`` and ``2024/02/a.txt`` stay two documents."""
    for name in paths:
        if name == "-":
            yield Source("stdin", "stdin", "stdin")
            continue
        path = Path(name)
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file() and _matches(p.name, options.globs)):
                yield _file_source(file, file.relative_to(path))
        else:
            yield _file_source(path, Path(path.name))


def _matches(name: str, globs: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatch(name, pattern) for pattern in globs)


def _file_source(path: Path, relative: Path) -> Source:
    if is_jsonl(path.name):
        return Source(str(path), "jsonl")
    return Source(str(path), "text", (relative.parent / relative.stem).as_posix())


def read_source(
    source: Source, options: InputOptions = InputOptions(), stdin: BinaryIO | None = None
) -> Iterator[InputDocument]:
    """The documents of one source; a missing or unreadable file is one error document."""
    if source.kind == "stdin":
        stream = stdin or sys.stdin.buffer
        if options.stdin_jsonl:
            yield from read_jsonl(stream, "stdin", options)
        else:
            yield decode(stream.read(), "stdin", "stdin", options.encoding)
        return
    try:
        if source.kind == "text":
            yield decode(Path(source.path).read_bytes(), source.doc_id, source.path, options.encoding)
        else:
            with open_input(source.path) as lines:  # byte ranges are cut only from plain files
                first_line = _seek_line(lines, source.start)
                yield from read_jsonl(_lines_until(lines, source.end), source.path, options, first_line)
    except FileNotFoundError:
        yield InputDocument(source.doc_id or Path(source.path).stem, None, source.path, "no such file or directory")
    except (OSError, EOFError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        yield InputDocument(source.doc_id or Path(source.path).stem, None, source.path, f"cannot read: {reason}")


def iter_documents(
    paths: Iterable[str], options: InputOptions = InputOptions(), stdin: BinaryIO | None = None
) -> Iterator[InputDocument]:
    for source in iter_sources(paths, options):
        yield from read_source(source, options, stdin)


def _seek_line(stream: BufferedIOBase, start: int) -> int:
    """Move to the first line starting at or after ``start``; return its line number (1-based).

    Counting the newlines before it keeps fallback ids (``file:LINE``) the same however
    the file is partitioned."""
    if start == 0:
        return 1
    newlines = 0
    remaining = start - 1
    while remaining > 0:
        block = stream.read(min(remaining, 1 << 20))
        if not block:
            break
        newlines += block.count(b"\n")
        remaining -= len(block)
    if stream.read(1) != b"\n":  # byte start-1 is inside a line that belongs to the previous range
        stream.readline()
    return newlines + 2


def _lines_until(stream: BufferedIOBase, end: int | None) -> Iterator[bytes]:
    while end is None or stream.tell() < end:
        line = stream.readline()
        if not line:
            return
        yield line


def decode(data: bytes, doc_id: str, source: str, encoding: str = AUTO) -> InputDocument:
    """The document's text (see :func:`quotes.batch.encodings.decode_bytes`): undecodable or binary input is
    an error naming the encoding, not mojibake."""
    try:
        decoded = decode_bytes(data, encoding)
    except DecodingError as error:
        return InputDocument(doc_id, None, source, str(error), encoding=None if encoding == AUTO else encoding)
    return InputDocument(doc_id, decoded.text, source, encoding=decoded.encoding, encoding_guessed=decoded.guessed)


def read_jsonl(
    lines: Iterable[bytes], source: str, options: InputOptions = InputOptions(), first_line: int = 1
) -> Iterator[InputDocument]:
    stem = Path(source).name.removesuffix(".gz").removesuffix(".jsonl")
    for number, raw in enumerate(lines, start=first_line):
        if not raw.strip():
            continue
        fallback_id = f"{stem}:{number}"
        try:
            line = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            reason = f"line {number} is not UTF-8 (byte {error.start}): JSON Lines must be UTF-8, convert the file"
            yield InputDocument(fallback_id, None, source, reason + " (e.g. iconv -f cp1252 -t utf-8)")
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield InputDocument(fallback_id, None, source, f"line {number} is not JSON: {error}")
            continue
        if not isinstance(record, dict):
            yield InputDocument(fallback_id, None, source, f"line {number} is not a JSON object")
            continue
        doc_id = str(record.get(options.id_field) or fallback_id)
        meta = {name: record[name] for name in options.keep_fields if name in record}
        text = record.get(options.text_field)
        if not isinstance(text, str):
            yield InputDocument(doc_id, None, source, _no_text_reason(number, record, options.text_field), meta)
            continue
        yield InputDocument(doc_id, text, source, meta=meta, encoding="utf-8")


def _no_text_reason(number: int, record: dict[str, Any], text_field: str) -> str:
    """Name the fields the line has: the text is most often under another name (``--text-field body``)."""
    strings = [name for name, value in record.items() if isinstance(value, str)]
    hint = f"; its string fields: {', '.join(strings[:8])}" if strings else ""
    return f"line {number} has no string field {text_field!r} (name the text's field with --text-field{hint})"


def count_documents(paths: Iterable[str], options: InputOptions = InputOptions()) -> int:
    """How many documents the paths hold (non-blank JSONL lines count one each), without parsing JSON."""
    total = 0
    for source in iter_sources(paths, options):
        if source.kind != "jsonl":
            total += 1
            continue
        try:
            with open_input(source.path) as lines:
                total += sum(1 for line in lines if line.strip())
        except (OSError, EOFError):
            total += 1
    return total
