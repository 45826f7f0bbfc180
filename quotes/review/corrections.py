"""A reviewer's decisions, applied to golden fixtures: the records a person checked become the truth.

A decision is one JSON line, keyed by document and quote id (as the review page exports them)::

    {"doc_id": "a1", "quote_id": "a1:10-52:…", "action": "accept"}
    {"doc_id": "a1", "quote_id": "a1:60-90:…", "action": "reject"}
    {"doc_id": "a1", "quote_id": "a1:95-140:…", "action": "correct", "speaker": "Anna Berg", "type": "indirect"}
    {"doc_id": "a1", "quote_id": "a1:95-140:…", "action": "correct", "start": 97, "end": 139}

An accepted or corrected record is kept with ``reviewed: true``; a rejected one moves to the
fixture's ``rejected`` list (a reviewer said there is no such quote). ``quotes fixtures verify``
then holds the extractor to these decisions and ``--update`` never overwrites them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from quotes.errors import QuotesError
from quotes.records import make_quote_id
from quotes.review.fixtures import FIXTURE_VERSION, dump

Action = Literal["accept", "reject", "correct"]
_ACTIONS = ("accept", "reject", "correct")
_TYPES = ("direct", "indirect", "mixed")


class CorrectionError(QuotesError, ValueError):
    """A decision that cannot be read or applied; the message names its line."""


@dataclass(frozen=True)
class Decision:
    doc_id: str
    quote_id: str
    action: Action
    speaker: str | None = None
    type: str | None = None
    start: int | None = None
    end: int | None = None


def read_decisions(lines: Iterable[str], source: str = "corrections") -> Iterator[Decision]:
    """Decisions from JSON lines; a line that is not a valid decision raises, naming it."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{source}, line {number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            raise CorrectionError(f"{where}: not JSON ({error.msg})") from None
        yield _decision(data, where)


def _decision(data: Any, where: str) -> Decision:
    if not isinstance(data, dict):
        raise CorrectionError(f"{where}: a decision is a JSON object")
    missing = [key for key in ("doc_id", "quote_id", "action") if not isinstance(data.get(key), str)]
    if missing:
        raise CorrectionError(f"{where}: {', '.join(missing)} missing (strings)")
    if data["action"] not in _ACTIONS:
        raise CorrectionError(f"{where}: action {data['action']!r} is none of {', '.join(_ACTIONS)}")
    if data.get("type") is not None and data["type"] not in _TYPES:
        raise CorrectionError(f"{where}: type {data['type']!r} is none of {', '.join(_TYPES)}")
    span = (data.get("start"), data.get("end"))
    if (span[0] is None) != (span[1] is None) or any(v is not None and not isinstance(v, int) for v in span):
        raise CorrectionError(f"{where}: a corrected span needs both start and end, as integers")
    if data.get("speaker") is not None and not (isinstance(data["speaker"], str) and data["speaker"].strip()):
        raise CorrectionError(f"{where}: a corrected speaker is a name")
    return Decision(data["doc_id"], data["quote_id"], data["action"], data.get("speaker"), data.get("type"), *span)


@dataclass
class Applied:
    """What applying the decisions changed, for the report."""

    changed: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)


def apply_decisions(decisions: Iterable[Decision], fixtures: Path) -> Applied:
    """Apply every decision to the fixture of its document (the last decision on a quote wins)."""
    by_article = {}
    for path in sorted(fixtures.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf8"))
        by_article[data["article_id"]] = (path, data)
    applied = Applied()
    touched: set[str] = set()
    for decision in decisions:
        found = by_article.get(decision.doc_id)
        record = _record(found[1], decision.quote_id) if found else None
        if found is None or record is None:
            applied.unknown.append(f"{decision.doc_id} {decision.quote_id}: no such quote in the fixtures")
            continue
        applied.changed.append(f"{decision.doc_id}: {_apply(found[1], record, decision)}")
        touched.add(decision.doc_id)
    for article in touched:
        path, data = by_article[article]
        data["fixture_version"] = FIXTURE_VERSION
        data["quotes"].sort(key=lambda quote: (quote["start"], quote["end"], quote["type"]))
        path.write_text(dump(data), encoding="utf8")
    return applied


def _record(data: dict[str, Any], quote_id: str) -> dict[str, Any] | None:
    return next((q for q in data["quotes"] + data.get("rejected", []) if q["quote_id"] == quote_id), None)


def _apply(data: dict[str, Any], record: dict[str, Any], decision: Decision) -> str:
    if record in data.get("rejected", []):
        data["rejected"].remove(record)
        data["quotes"].append(record)  # a later decision overrules the rejection
    if decision.action == "reject":
        data["quotes"].remove(record)
        data.setdefault("rejected", []).append(record | {"reviewed": True})
        return f"rejected [{record['type']}] {record['text'][:60]!r}"
    record["reviewed"] = True
    if decision.action == "accept":
        return f"accepted [{record['type']}] {record['text'][:60]!r}"
    notes = []
    if decision.type is not None and decision.type != record["type"]:
        notes.append(f"type {record['type']} → {decision.type}")
        record["type"] = decision.type
    if decision.start is not None and decision.end is not None:
        text = data["text"]
        if not 0 <= decision.start < decision.end <= len(text):
            raise CorrectionError(f"{decision.quote_id}: span {decision.start}-{decision.end} is outside the text")
        notes.append(f"span {record['start']}-{record['end']} → {decision.start}-{decision.end}")
        record["start"], record["end"] = decision.start, decision.end
        record["text"] = text[decision.start : decision.end]
        record["quote_id"] = make_quote_id(data["article_id"], decision.start, decision.end)
    if decision.speaker is not None:
        speaker = record.get("speaker") or {}
        notes.append(f"speaker {speaker.get('canonical')!r} → {decision.speaker!r}")
        record["speaker"] = speaker | {"canonical": decision.speaker, "name": decision.speaker, "id": None}
        if not speaker:  # a reviewer named a speaker the extractor did not find: no mention in the text
            record["speaker"] |= {"text": None, "start": None, "end": None, "kind": "unknown"}
    return "corrected " + ("; ".join(notes) or "nothing (same values)")
