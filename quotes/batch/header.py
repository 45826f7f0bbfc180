"""The job header: a status file's first record, naming the job that wrote it, so ``--resume`` carries on only it.

Resuming with other inputs, another model or other options would silently mix two jobs' records
in one output. The header holds what makes a job's records what they are: the inputs, the options
that change records, the model (its name and a hash of its files), and the package and record
schema versions. Batch size, workers and the engine change how fast, not what, so they are left out.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

import spacy

from quotes._version import __version__
from quotes.nlp.model_integrity import model_fingerprint, package_data_dir
from quotes.nlp.pipeline import DEFAULT_MODEL, resolve_model
from quotes.records import SCHEMA_VERSION

if TYPE_CHECKING:  # the status file's reader (quotes.batch.output) is imported by processing
    from quotes.batch.inputs import InputOptions
    from quotes.batch.processing import JobSettings

#: The key of the header record in a status file (a document's line has ``doc_id`` instead).
HEADER_KEY = "job"

JobHeader = dict[str, Any]


def job_header(paths: Sequence[str], options: InputOptions, settings: JobSettings) -> JobHeader:
    """What a status file's first line records about the job (call after ``settings.check()``)."""
    reading = asdict(options)
    reading["globs"] = list(options.globs)
    reading["keep_fields"] = list(options.keep_fields)
    return {
        "inputs": [path if path == "-" else str(Path(path).resolve()) for path in paths],
        "options": reading
        | {
            "model": settings.model or DEFAULT_MODEL,
            "registry": _file_identity(settings.registry),
            "registry_only": settings.registry_only,
            "code": [_file_identity(path) for path in settings.code],
            "min_confidence": settings.min_confidence,
        },
        "model": _model_identity(settings.model),
        "package_version": __version__,
        "schema_version": SCHEMA_VERSION,
    }


def header_line(header: JobHeader) -> bytes:
    return (json.dumps({HEADER_KEY: header}, ensure_ascii=False) + "\n").encode("utf8")


def differences(recorded: Mapping[str, Any], current: Mapping[str, Any], prefix: str = "") -> list[str]:
    """``key: then → now`` for every value that differs, nested keys dotted (``options.min_confidence``)."""
    found = []
    for key in sorted(recorded.keys() | current.keys()):
        then, now = recorded.get(key), current.get(key)
        if isinstance(then, Mapping) and isinstance(now, Mapping):
            found += differences(then, now, f"{prefix}{key}.")
        elif then != now:
            found.append(f"{prefix}{key}: {json.dumps(then)} then, {json.dumps(now)} now")
    return found


def _file_identity(path: str | None) -> dict[str, str] | None:
    """A file's path and content hash: the same registry edited is another job."""
    if path is None:
        return None
    data = Path(path).read_bytes()
    return {"path": str(Path(path).resolve()), "sha256": hashlib.sha256(data).hexdigest()}


def _model_identity(name: str | None) -> dict[str, str]:
    target = resolve_model(name)
    if isinstance(target, Path):
        return model_fingerprint(target.resolve())
    if spacy.util.is_package(target):
        return model_fingerprint(package_data_dir(target))
    return {"name": target, "sha256": ""}
