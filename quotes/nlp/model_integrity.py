"""Which package carries a pipeline, and whether its weights are the ones the rules were tuned on.

The default pipeline comes from a package index, either as spaCy's official package or as a
re-upload of it. A truncated or altered weight file would change every parse without a word, so
the weight and table files of a pipeline we know are compared, when it is loaded, with the
SHA-256 sums recorded in ``quotes/data/model_checksums.json``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import spacy

from quotes.errors import QuotesError
from quotes.resources import read_json


class ModelIntegrityError(QuotesError):
    """A file of a known pipeline is missing or differs from its recorded checksum."""


@dataclass(frozen=True)
class KnownModel:
    """A pipeline whose files are recorded: the packages that may carry it, best first."""

    name: str
    version: str
    packages: tuple[str, ...]
    install: str
    sha256: Mapping[str, str]


def known_models() -> dict[str, KnownModel]:
    return {
        name: KnownModel(name, entry["version"], tuple(entry["packages"]), entry["install"], entry["sha256"])
        for name, entry in read_json("model_checksums.json")["models"].items()
    }


def installed_package(name: str) -> str | None:
    """The installed package to load for `name`: itself, or for a known pipeline the first
    of the packages that carry it (the official one before a re-upload)."""
    model = known_models().get(name)
    candidates = model.packages if model else (name,)
    return next((package for package in candidates if spacy.util.is_package(package)), None)


def package_data_dir(package: str) -> Path:
    """The folder ``spacy.load(package)`` reads, found the way spaCy's packages find it."""
    root = spacy.util.get_package_path(package)
    meta = _meta(root)
    return root / f"{meta['lang']}_{meta['name']}-{meta['version']}"


def known_model_of(data_dir: Path) -> KnownModel | None:
    """The recorded pipeline a folder holds, by the package name and version in its meta.json."""
    meta = _meta(data_dir)
    package = f"{meta.get('lang')}_{meta.get('name')}"
    return next(
        (m for m in known_models().values() if package in m.packages and meta.get("version") == m.version),
        None,
    )


def verify_model_files(data_dir: Path, model: KnownModel) -> None:
    """Raise :class:`ModelIntegrityError` naming the first file that is missing or altered."""
    for relative, expected in sorted(model.sha256.items()):
        path = data_dir / relative
        if not path.is_file():
            raise ModelIntegrityError(f"{model.name} {model.version}: {path} is missing; reinstall ({model.install})")
        found = _sha256(path)
        if found != expected:
            raise ModelIntegrityError(
                f"{model.name} {model.version}: {path} does not match its recorded SHA-256 "
                f"(expected {expected}, found {found}); reinstall ({model.install} --force-reinstall)"
            )


def model_fingerprint(data_dir: Path) -> dict[str, str]:
    """The pipeline's ``lang_name-version`` (a known one's own) and a SHA-256 of its files: did two jobs use the same?

    A known pipeline's files are checked against their recorded sums when it is loaded, so the sums
    stand for the files (nothing to read); any other folder's files are read and hashed."""
    meta = _meta(data_dir)
    name = f"{meta.get('lang', 'xx')}_{meta.get('name', data_dir.name)}-{meta.get('version', '0')}"
    known = known_model_of(data_dir)
    digest = hashlib.sha256()
    if known is not None:
        name = f"{known.name}-{known.version}"  # whichever package carried it: the same files
        digest.update(json.dumps(dict(known.sha256), sort_keys=True).encode())
    else:
        for path in sorted(p for p in data_dir.rglob("*") if p.is_file()):
            digest.update(f"{path.relative_to(data_dir).as_posix()}\0{_sha256(path)}\n".encode())
    return {"name": name, "sha256": digest.hexdigest()}


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _meta(folder: Path) -> dict[str, Any]:
    path = folder / "meta.json"
    if not path.is_file():
        return {}
    meta: dict[str, Any] = json.loads(path.read_text(encoding="utf8"))
    return meta
