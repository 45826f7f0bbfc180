"""Golden fixtures: pin what the extractor finds in a set of articles, and report any change.

One JSON file per article (its text, source and records, with the schema, extractor and
pipeline versions), sorted and pretty-printed so that a change reads well in a diff. A
newsroom keeps them in version control and runs ``quotes fixtures verify`` in its CI.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quotes.batch.inputs import InputDocument
from quotes.extractor import Extractor
from quotes.nlp.pipeline import pipeline_name
from quotes.records import SCHEMA_VERSION, Quote

#: The fields of a record a reviewer cares about: a change in any of them is reported.
COMPARED = ("type", "text", "speaker", "cue")

#: 2: records may be ``reviewed`` and a fixture may list ``rejected`` ones (``quotes review apply``).
FIXTURE_VERSION = 2


def fixture_name(article_id: str) -> str:
    """A file name for any id (ids of files in folders hold slashes)."""
    return re.sub(r"[^\w.-]+", "_", article_id).strip("._") + ".json"


def fixture(document: InputDocument, records: list[Quote], extractor: Extractor) -> dict[str, Any]:
    from quotes import __version__

    ordered = sorted(records, key=lambda quote: (quote.start, quote.end, quote.type))
    return {
        "article_id": document.doc_id,
        "fixture_version": FIXTURE_VERSION,
        "source": document.source,
        "schema_version": SCHEMA_VERSION,
        "extractor_version": __version__,
        "pipeline": pipeline_name(extractor.nlp),
        "text": document.text,
        "quotes": [quote.to_dict() for quote in ordered],
    }


def dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def export_fixtures(
    documents: Iterable[InputDocument], outdir: Path, extractor: Extractor
) -> Iterator[tuple[InputDocument, Path | None]]:
    """Write one fixture per readable document; yields each document with its file (None if unreadable)."""
    outdir.mkdir(parents=True, exist_ok=True)
    for document in documents:
        if document.text is None:
            yield document, None
            continue
        records = extractor.extract(document.text, document.doc_id)
        path = outdir / fixture_name(document.doc_id)
        path.write_text(dump(fixture(document, records, extractor)), encoding="utf8")
        yield document, path


@dataclass
class ArticleDiff:
    """How the extraction of one article differs from its fixture."""

    article_id: str
    path: Path
    added: list[dict[str, Any]] = field(default_factory=list)
    removed: list[dict[str, Any]] = field(default_factory=list)
    changed: list[tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=list)
    #: Where the extractor now disagrees with a reviewer's decision (``quotes review apply``).
    disagreements: list[str] = field(default_factory=list)

    @property
    def unchanged(self) -> bool:
        return not (self.added or self.removed or self.changed or self.disagreements)

    def report(self) -> str:
        lines = [f"{self.article_id} ({self.path.name}): +{len(self.added)} -{len(self.removed)} ~{len(self.changed)}"]
        lines += [f"  ! {text}" for text in self.disagreements]
        lines += [f"  + {_summary(record)}" for record in self.added]
        lines += [f"  - {_summary(record)}" for record in self.removed]
        for old, new in self.changed:
            lines.append(f"  ~ {_summary(old)}")
            lines += [
                f"      {name}: {_short(old.get(name))} → {_short(new.get(name))}" for name in _differences(old, new)
            ]
        return "\n".join(lines)


def _differences(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    return [name for name in COMPARED if _comparable(old, name) != _comparable(new, name)]


def _comparable(record: dict[str, Any], name: str) -> Any:
    value = record.get(name)
    if name == "speaker" and value:
        return (value.get("text"), value.get("canonical"), value.get("id"))
    if name == "cue" and value:
        return value.get("text")
    return value


def _short(value: Any, width: int = 70) -> str:
    if isinstance(value, dict):  # a speaker shows its id too: an id may change alone
        name = value.get("canonical") or value.get("text")
        value = f"{name} [{value['id']}]" if value.get("id") else name
    text = repr(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def _summary(record: dict[str, Any]) -> str:
    speaker = (record.get("speaker") or {}).get("canonical") or "no speaker"
    return f"[{record['type']}] {record['start']}-{record['end']} {speaker}: {_short(record['text'])}"


def compare(
    article_id: str,
    path: Path,
    expected: list[dict[str, Any]],
    found: list[dict[str, Any]],
    rejected: list[dict[str, Any]] | None = None,
) -> ArticleDiff:
    """Records are the same quote when they have the same offsets. Reviewed records and the
    records a reviewer rejected are the truth: the extractor disagreeing with them is reported
    apart."""
    diff = ArticleDiff(article_id, path)
    old = {(r["start"], r["end"]): r for r in expected}
    new = {(r["start"], r["end"]): r for r in found}
    for key, record in sorted(old.items()):
        if record.get("reviewed") and (key not in new or _reviewed_differences(record, new[key])):
            now = (
                "finds no such quote"
                if key not in new
                else "has "
                + ", ".join(
                    f"{name} {_short(_comparable(new[key], name))}" for name in _reviewed_differences(record, new[key])
                )
            )
            diff.disagreements.append(f"reviewed {_summary(record)}: the extractor now {now}")
    for record in rejected or []:
        if (record["start"], record["end"]) in new:
            diff.disagreements.append(f"rejected by a reviewer, found again: {_summary(record)}")
    unreviewed = {key: r for key, r in old.items() if not r.get("reviewed")}
    judged = old.keys() | {(r["start"], r["end"]) for r in rejected or []}
    diff.added = [new[key] for key in sorted(new.keys() - judged)]
    diff.removed = [unreviewed[key] for key in sorted(unreviewed.keys() - new.keys())]
    diff.changed = [
        (unreviewed[key], new[key])
        for key in sorted(unreviewed.keys() & new.keys())
        if _differences(unreviewed[key], new[key])
    ]
    return diff


def _reviewed_differences(reviewed: dict[str, Any], found: dict[str, Any]) -> list[str]:
    """A reviewed speaker is a canonical name (a reviewer corrects who, not where it is written)."""
    names = [name for name in COMPARED if name != "speaker" and _comparable(reviewed, name) != _comparable(found, name)]
    speaker, other = reviewed.get("speaker") or {}, found.get("speaker") or {}
    if speaker.get("canonical") != other.get("canonical"):
        names.append("speaker")
    return names


def _kept_decisions(stored: dict[str, Any], current: dict[str, Any]) -> dict[str, Any]:
    """The re-extracted fixture with the reviewer's decisions kept: reviewed records instead of
    what the extractor finds at their offsets, rejected ones left out."""
    reviewed = [q for q in stored["quotes"] if q.get("reviewed")]
    rejected = stored.get("rejected", [])
    if not reviewed and not rejected:
        return current
    judged = {(q["start"], q["end"]) for q in reviewed + rejected}
    quotes = [q for q in current["quotes"] if (q["start"], q["end"]) not in judged] + reviewed
    quotes.sort(key=lambda quote: (quote["start"], quote["end"], quote["type"]))
    return current | {"quotes": quotes, "rejected": rejected}


def verify_fixtures(outdir: Path, extractor: Extractor, update: bool = False) -> list[ArticleDiff]:
    """Re-extract every fixture's text and compare; with ``update``, rewrite those that differ (a
    reviewer's decisions are kept: ``update`` never overwrites them)."""
    files = sorted(outdir.glob("*.json"))
    if not files:
        raise FileNotFoundError(f"no fixtures (*.json) in {outdir}")
    diffs = []
    for path in files:
        stored = json.loads(path.read_text(encoding="utf8"))
        document = InputDocument(stored["article_id"], stored["text"], stored.get("source", ""))
        records = extractor.extract(stored["text"], document.doc_id)
        current = fixture(document, records, extractor)
        diff = compare(document.doc_id, path, stored["quotes"], current["quotes"], stored.get("rejected"))
        diffs.append(diff)
        kept = _kept_decisions(stored, current)
        if update and dump(kept) != dump(stored):
            path.write_text(dump(kept), encoding="utf8")
    return diffs
