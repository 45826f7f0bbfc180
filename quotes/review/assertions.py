"""Assertions for tests of journalism tools: who is quoted saying what.

They take extraction records as :class:`~quotes.records.Quote` objects or as their JSON
dicts (from ``quotes extract`` or a fixture file), and when they fail they show the closest
candidates (speaker and text) instead of a bare ``AssertionError``::

    from quotes.testing import assert_quoted

    def test_story_quotes_the_pentagon(extract_quotes):
        records = extract_quotes(story_text)
        assert_quoted(records, speaker="Pentagon", contains="will respond", type="direct")
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher, get_close_matches
from typing import Any

from quotes.evaluation.scoring import read_seed_gold
from quotes.records import Quote
from quotes.resources import DATA_DIR
from quotes.speakers.registry import normalise_name

SEEDS_DIR = DATA_DIR / "seeds"

Record = Quote | Mapping[str, Any]


class QuoteAssertionError(AssertionError):
    """A quote assertion failed; the message lists the closest candidates."""


@dataclass(frozen=True)
class _View:
    """What the assertions compare, read alike from a Quote or a JSON record."""

    type: str
    text: str
    names: tuple[str, ...]  # mention, canonical name, speaker id
    label: str

    @classmethod
    def of(cls, record: Record) -> _View:
        data = record.to_dict() if isinstance(record, Quote) else record
        speaker = data.get("speaker") or {}
        names = tuple(name for name in (speaker.get("text"), speaker.get("canonical"), speaker.get("id")) if name)
        who = speaker.get("canonical") or "no speaker"
        if speaker.get("text") and speaker.get("text") != who:
            who += f" (as {speaker['text']!r})"
        return cls(str(data.get("type", "")), str(data.get("text", "")), names, f"[{data.get('type')}] {who}")


def _same_name(wanted: str, names: Iterable[str]) -> bool:
    key = normalise_name(wanted)
    return any(normalise_name(name) == key for name in names)


def _contains(text: str, fragment: str) -> bool:
    return _fold(fragment) in _fold(text)


def _fold(text: str) -> str:
    """Case, curly quotes and runs of whitespace do not make a quote a different one."""
    table = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
    return " ".join(text.translate(table).casefold().split())


def _matches(view: _View, speaker: str | None, contains: str | None, type: str | None) -> bool:
    return (
        (speaker is None or _same_name(speaker, view.names))
        and (contains is None or _contains(view.text, contains))
        and (type is None or view.type == type)
    )


def _closeness(view: _View, speaker: str | None, contains: str | None, type: str | None) -> float:
    score = 0.0
    if speaker is not None:
        score += max((SequenceMatcher(None, _fold(speaker), _fold(n)).ratio() for n in view.names), default=0.0)
    if contains is not None:
        wanted = _fold(contains)
        match = SequenceMatcher(None, wanted, _fold(view.text), autojunk=False).find_longest_match()
        score += match.size / max(1, len(wanted))
    if type is not None:
        score += 0.5 * (view.type == type)
    return score


def _describe(speaker: str | None, contains: str | None, type: str | None) -> str:
    parts = [f"{type} quote" if type else "quote"]
    parts += [f"by {speaker!r}"] if speaker else []
    parts += [f"containing {contains!r}"] if contains else []
    return " ".join(parts)


def _show(view: _View, width: int = 110) -> str:
    text = view.text if len(view.text) <= width else view.text[: width - 1] + "…"
    return f"{view.label}: “{text}”"


def assert_quoted(
    records: Iterable[Record],
    speaker: str | None = None,
    contains: str | None = None,
    type: str | None = None,
    candidates: int = 3,
) -> None:
    """At least one record matches every criterion given.

    ``speaker`` matches the mention as written, the canonical name or the speaker id (case,
    apostrophes and a leading "the" aside); ``contains`` is a fragment of the quote's text."""
    __tracebackhide__ = True
    views = [_View.of(record) for record in records]
    if any(_matches(view, speaker, contains, type) for view in views):
        return
    ranked = sorted(views, key=lambda view: -_closeness(view, speaker, contains, type))[:candidates]
    lines = [f"no {_describe(speaker, contains, type)} among {len(views)} quotes."]
    if ranked:
        lines.append("Closest candidates:")
        lines += [f"  {number}. {_show(view)}" for number, view in enumerate(ranked, start=1)]
    raise QuoteAssertionError("\n".join(lines))


def assert_not_quoted(
    records: Iterable[Record], speaker: str | None = None, contains: str | None = None, type: str | None = None
) -> None:
    """No record matches every criterion given (e.g. a speaker must not be credited with words)."""
    __tracebackhide__ = True
    found = [view for view in map(_View.of, records) if _matches(view, speaker, contains, type)]
    if found:
        listed = "\n".join(f"  {number}. {_show(view)}" for number, view in enumerate(found, start=1))
        raise QuoteAssertionError(f"expected no {_describe(speaker, contains, type)}, found {len(found)}:\n{listed}")


def assert_speakers(records: Iterable[Record], expected: Iterable[str] | Mapping[str, int]) -> None:
    """The canonical speakers quoted are exactly ``expected``: a set of names, or names → quote counts.

    Names match a record's canonical name or speaker id; quotes without a speaker are ignored."""
    __tracebackhide__ = True
    counts: Counter[str] = Counter()
    names: dict[str, tuple[str, ...]] = {}
    for view in map(_View.of, records):
        if view.names:
            canonical = view.names[1] if len(view.names) > 1 else view.names[0]
            counts[canonical] += 1
            names.setdefault(canonical, view.names[1:])
    wanted = dict(expected) if isinstance(expected, Mapping) else {name: None for name in expected}
    problems: list[str] = []
    matched: set[str] = set()
    for name, count in wanted.items():
        found = next((c for c in counts if _same_name(name, names[c])), None)
        if found is None:
            close = get_close_matches(name, list(counts), n=2, cutoff=0.5)
            problems.append(
                f"missing speaker {name!r}" + (f" (closest: {', '.join(map(repr, close))})" if close else "")
            )
            continue
        matched.add(found)
        if count is not None and counts[found] != count:
            problems.append(f"{name!r} is quoted {counts[found]} times, expected {count}")
    problems += [f"unexpected speaker {name!r} ({counts[name]} quotes)" for name in counts if name not in matched]
    if problems:
        raise QuoteAssertionError("speakers differ:\n" + "\n".join(f"  - {problem}" for problem in problems))


def seed_articles() -> dict[str, str]:
    """The five seed articles bundled with the package: id → text."""
    return {path.stem: path.read_text(encoding="utf8") for path in sorted(SEEDS_DIR.glob("*.txt"))}


def seed_quotes() -> list[dict[str, Any]]:
    """The hand-annotated quotes of the seeds, as records (``doc_id``, ``type``, ``text``,
    offsets, ``speaker`` with mention and canonical name, ``cue``, ``required``)."""
    texts = seed_articles()
    entities = json.loads((SEEDS_DIR / "entities.json").read_text(encoding="utf8"))
    records = []
    for gold in read_seed_gold(SEEDS_DIR / "seeds.gold.jsonl", texts):
        speaker = None
        if gold.mentions:
            key = next((key for key in gold.entities if key in entities), None)
            canonical = entities[key][0] if key else gold.mentions[0]
            speaker = {"text": gold.mentions[0], "canonical": canonical, "id": key.lower() if key else None}
        records.append(
            {
                "doc_id": gold.doc,
                "type": gold.type,
                "text": texts[gold.doc][gold.start : gold.end],
                "start": gold.start,
                "end": gold.end,
                "speaker": speaker,
                "cue": {"text": gold.cue},
                "required": gold.required,
            }
        )
    return records
