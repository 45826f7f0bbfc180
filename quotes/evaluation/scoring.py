"""Score quote records against gold attributions.

Two gold formats: the seed gold (``quotes/data/seeds/seeds.gold.jsonl``, see its README)
and brat standoff as in PolNeAR (``*.ann`` beside ``*.txt``). Matching is by
character overlap: a gold attribution is *found* when one prediction (or the parts
of one split quote, which share their cue) covers at least half of its content; a
prediction is *correct* when at least half of it lies inside some gold content.
Seed items marked ``required: false`` are neither needed for recall nor counted
against precision.
"""

from __future__ import annotations

import json
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from quotes.extraction.quotemarks import DOUBLE_CLOSERS, DOUBLE_OPENERS, DOUBLED_APOSTROPHE
from quotes.records import Quote
from quotes.speakers.registry import normalise_name

QUOTE_TYPES = ("direct", "indirect", "mixed")
#: Documents are split into this many folds by id, to tune rules on some and hold others out.
FOLDS = 5


@dataclass(frozen=True)
class GoldAttribution:
    doc: str
    type: str
    start: int
    end: int
    cue: str
    required: bool = True
    mentions: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    source_spans: tuple[tuple[int, int], ...] = ()
    cue_span: tuple[int, int] | None = None
    #: The content's pieces when it is discontinuous (brat `start end;start end`).
    pieces: tuple[tuple[int, int], ...] = ()

    @property
    def content_pieces(self) -> tuple[tuple[int, int], ...]:
        return self.pieces or ((self.start, self.end),)

    @property
    def content_length(self) -> int:
        return sum(end - start for start, end in self.content_pieces)

    def shared_with(self, start: int, end: int) -> int:
        """Characters of the content inside ``[start, end)``."""
        return sum(_shared((start, end), piece) for piece in self.content_pieces)


@dataclass
class Tally:
    """Counts for one slice of the gold and predictions."""

    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0
    speaker_correct: int = 0

    @property
    def speaker_accuracy(self) -> float:
        """Of the attributions found, the share whose speaker mention is right."""
        return self.speaker_correct / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    """Everything ``quotes evaluate`` prints for one gold set."""

    name: str
    documents: int = 0
    overall: Tally = field(default_factory=Tally)
    by_type: dict[str, Tally] = field(default_factory=lambda: {t: Tally() for t in QUOTE_TYPES})
    subsets: dict[str, Tally] = field(default_factory=dict)
    speaker_checked: int = 0
    speaker_correct: int = 0
    cue_checked: int = 0
    cue_correct: int = 0
    canonical_checked: int = 0
    canonical_correct: int = 0
    #: Gold entity → the speaker ids of its quotes found with a right canonical name: more
    #: than one is an entity split over two identities (`Kim Jong Un`, `Kim Jong-un`).
    entity_ids: dict[str, set[str]] = field(default_factory=dict)
    #: Unknown speaker id → its entity once the records' speakers are consolidated
    #: (:func:`~quotes.archive.registry_draft.consolidated_ids`); empty when not asked for.
    consolidated: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def split_entities(self) -> dict[str, list[str]]:
        return _splits(self.entity_ids)

    @property
    def split_after_consolidation(self) -> dict[str, list[str]]:
        merged = {key: {self.consolidated.get(i, i) for i in ids} for key, ids in self.entity_ids.items()}
        return _splits(merged)

    def as_dict(self) -> dict[str, object]:
        def tally(t: Tally) -> dict[str, float | int]:
            return {
                "gold": t.gold,
                "found": t.found,
                "recall": round(t.recall, 4),
                "predicted": t.predicted,
                "correct": t.correct,
                "precision": round(t.precision, 4),
                "f1": round(t.f1, 4),
                "speaker_accuracy": round(t.speaker_accuracy, 4),
            }

        return {
            "name": self.name,
            "documents": self.documents,
            "overall": tally(self.overall),
            "by_type": {k: tally(v) for k, v in self.by_type.items()},
            "subsets": {k: tally(v) for k, v in self.subsets.items()},
            "speaker_accuracy": _ratio(self.speaker_correct, self.speaker_checked),
            "cue_accuracy": _ratio(self.cue_correct, self.cue_checked),
            "canonical_speaker_accuracy": _ratio(self.canonical_correct, self.canonical_checked),
            "split_entities": self.split_entities,
            "split_entities_after_consolidation": self.split_after_consolidation if self.consolidated else None,
        }

    def to_markdown(self) -> str:
        lines = [
            f"**{self.name}** ({self.documents} documents)",
            "",
            "| slice | gold | found | recall | predicted | correct | precision | F1 | speaker |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        rows = [("all", self.overall), *self.by_type.items()]
        for name, t in rows:
            if not t.gold and not t.predicted:
                continue
            lines.append(
                f"| {name} | {t.gold} | {t.found} | {t.recall:.3f} | {t.predicted} | {t.correct} | "
                f"{t.precision:.3f} | {t.f1:.3f} | {t.speaker_accuracy:.3f} |"
            )
        for name, t in self.subsets.items():  # a subset of the gold: recall only
            recall, speaker = f"{t.recall:.3f}", f"{t.speaker_accuracy:.3f}"
            lines.append(f"| {name} | {t.gold} | {t.found} | {recall} | — | — | — | — | {speaker} |")
        lines += [
            "",
            f"- speaker mention correct: {_ratio(self.speaker_correct, self.speaker_checked):.3f} "
            f"({self.speaker_correct}/{self.speaker_checked} found attributions)",
            f"- cue correct: {_ratio(self.cue_correct, self.cue_checked):.3f} ({self.cue_correct}/{self.cue_checked})",
        ]
        lines += [f"- {note}" for note in self.notes]
        if self.canonical_checked:
            lines.append(
                f"- canonical speaker correct: {_ratio(self.canonical_correct, self.canonical_checked):.3f} "
                f"({self.canonical_correct}/{self.canonical_checked})"
            )
            splits = self.split_entities
            listed = "; ".join(f"{key}: {', '.join(ids)}" for key, ids in splits.items())
            lines.append(
                f"- entities split over two or more speaker ids: {len(splits)} of {len(self.entity_ids)}"
                + (f" ({listed})" if listed else "")
            )
            if self.consolidated:
                after = self.split_after_consolidation
                listed = "; ".join(f"{key}: {', '.join(ids)}" for key, ids in after.items())
                lines.append(
                    f"- after consolidating these records' unknown speakers (`quotes speakers --suggest-registry`): "
                    f"{len(after)}" + (f" ({listed})" if listed else "")
                )
        return "\n".join(lines)


def _splits(entity_ids: dict[str, set[str]]) -> dict[str, list[str]]:
    return {key: sorted(ids) for key, ids in sorted(entity_ids.items()) if len(ids) > 1}


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def fold_of(doc_id: str, folds: int = FOLDS) -> int:
    """A document's fold: the CRC-32 of its id modulo ``folds``, the same on every machine."""
    return zlib.crc32(doc_id.encode("utf8")) % folds


# --- gold readers -------------------------------------------------------------------------------


def read_seed_gold(path: Path, texts: dict[str, str]) -> list[GoldAttribution]:
    """Seed gold: contents are substrings; repeated contents take successive occurrences."""
    gold: list[GoldAttribution] = []
    next_search: dict[tuple[str, str], int] = defaultdict(int)
    for line in path.read_text(encoding="utf8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        text = texts.get(item["doc"])
        if text is None:
            continue
        key = (item["doc"], item["content"])
        start = text.find(item["content"], next_search[key])
        if start < 0:
            raise ValueError(f"gold content not found in {item['doc']}: {item['content'][:60]!r}")
        next_search[key] = start + 1
        gold.append(
            GoldAttribution(
                doc=item["doc"],
                type=item["type"],
                start=start,
                end=start + len(item["content"]),
                cue=item["cue"],
                required=bool(item.get("required", True)),
                mentions=tuple(item.get("mentions", [])),
                entities=tuple(item.get("entity", [])),
            )
        )
    return gold


def _brat_spans(field_value: str) -> list[tuple[int, int]]:
    spans = []
    for part in field_value.split(";"):
        start, end = part.split()[-2:]
        spans.append((int(start), int(end)))
    return spans


def read_brat(ann_path: Path, text: str) -> list[GoldAttribution]:
    """PolNeAR-style brat: ``E`` lines join Source / Cue / Content ``T`` spans."""
    spans: dict[str, list[tuple[int, int]]] = {}
    events: list[dict[str, str]] = []
    for line in ann_path.read_text(encoding="utf8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            spans[parts[0]] = _brat_spans(parts[1].split(" ", 1)[1])
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    gold = []
    for event in events:
        content = spans.get(event.get("Content", ""))
        if not content:
            continue
        start, end = min(s for s, _ in content), max(e for _, e in content)
        cue = spans.get(event.get("Cue", ""), [])
        cue_text = " ".join(text[s:e] for s, e in cue)
        gold.append(
            GoldAttribution(
                doc=ann_path.stem,
                type=quote_type_of(text[start:end]),
                start=start,
                end=end,
                cue=cue_text,
                source_spans=tuple(spans.get(event.get("Source", ""), [])),
                cue_span=(min(s for s, _ in cue), max(e for _, e in cue)) if cue else None,
                pieces=tuple(content) if len(content) > 1 else (),
            )
        )
    return gold


def quote_type_of(content: str) -> str:
    """Direct if the content is one quotation, mixed if it holds one, else indirect."""
    content = content.replace(DOUBLED_APOSTROPHE, '"')
    stripped = content.strip().rstrip(".,;:!?")
    marks = DOUBLE_OPENERS + DOUBLE_CLOSERS + '"'
    if len(stripped) > 2 and stripped[0] in marks and stripped[-1] in marks + "’'":
        inner = stripped[1:-1]
        if not any(mark in inner for mark in DOUBLE_CLOSERS + '"'):
            return "direct"
    return "mixed" if any(mark in content for mark in marks) else "indirect"


# --- matching -----------------------------------------------------------------------------------


def _shared(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _speaker_matches(gold: GoldAttribution, quote: Quote) -> bool:
    if quote.speaker is None:
        return not gold.mentions and not gold.source_spans
    if gold.source_spans:
        span = (quote.speaker.start, quote.speaker.end)
        return any(_shared(span, s) > 0 for s in gold.source_spans)
    predicted = normalise_name(quote.speaker.text)
    return any(predicted == normalise_name(m) for m in gold.mentions)


def _cue_matches(gold: GoldAttribution, quote: Quote) -> bool:
    if quote.cue is None:
        return False
    if gold.cue_span is not None:
        return _shared((quote.cue.start, quote.cue.end), gold.cue_span) > 0
    predicted, expected = quote.cue.text.casefold(), gold.cue.casefold()
    return predicted == expected or predicted in expected.split() or expected in predicted


def _best_match(item: GoldAttribution, predicted: list[Quote]) -> Quote | None:
    """The prediction covering most of the gold content, if it covers half of it.

    Of two that cover it equally (a report and the report inside it), the one with fewer
    characters outside it. Records that share one cue are one attribution told in parts (`“…,” he said,
    “…”`, a multi-paragraph quote): their spans count together.
    """
    groups: dict[object, list[Quote]] = defaultdict(list)
    for quote in predicted:
        if item.shared_with(quote.start, quote.end):
            key = (quote.cue.start, quote.cue.end) if quote.cue else quote.quote_id
            groups[key].append(quote)
    best: Quote | None = None
    best_rank = (0, 0)
    for parts in groups.values():
        covered = len({i for q in parts for a, b in item.content_pieces for i in range(max(q.start, a), min(q.end, b))})
        extra = sum(q.end - q.start for q in parts) - covered
        rank = (covered, -extra)  # equal coverage: the tighter one (`X said C`, Y reported vs X said `C`)
        if covered * 2 >= item.content_length and (best is None or rank > best_rank):
            best_rank = rank
            best = max(parts, key=lambda q: item.shared_with(q.start, q.end))
    return best


def score(
    name: str,
    gold: list[GoldAttribution],
    predicted: list[Quote],
    subsets: dict[str, Callable[[GoldAttribution], bool]] | None = None,
    canonical: Callable[[GoldAttribution, Quote], bool] | None = None,
) -> Report:
    """Recall over required gold, precision over predictions, plus speaker and cue accuracy."""
    report = Report(name=name, documents=len({g.doc for g in gold} | {q.doc_id for q in predicted}))
    subsets = subsets or {}
    report.subsets = {key: Tally() for key in subsets}
    gold_by_doc: dict[str, list[GoldAttribution]] = defaultdict(list)
    for item in gold:
        gold_by_doc[item.doc].append(item)
    predicted_by_doc: dict[str, list[Quote]] = defaultdict(list)
    for quote in predicted:
        predicted_by_doc[quote.doc_id].append(quote)

    for item in gold:
        if not item.required:
            continue
        best = _best_match(item, predicted_by_doc[item.doc])
        tallies = [report.overall, report.by_type[item.type]] + [
            report.subsets[key] for key, belongs in subsets.items() if belongs(item)
        ]
        speaker_right = best is not None and _speaker_matches(item, best)
        for tally in tallies:
            tally.gold += 1
            tally.found += best is not None
            tally.speaker_correct += speaker_right
        if best is None:
            continue
        report.speaker_checked += 1
        report.speaker_correct += speaker_right
        report.cue_checked += 1
        report.cue_correct += _cue_matches(item, best)
        if canonical is not None and item.entities:
            right = canonical(item, best)
            report.canonical_checked += 1
            report.canonical_correct += right
            if right and len(item.entities) == 1 and best.speaker is not None and best.speaker.id:
                report.entity_ids.setdefault(item.entities[0], set()).add(best.speaker.id)

    for outcome in prediction_outcomes(gold_by_doc, predicted):
        if outcome.right is None:
            continue
        for tally in (report.overall, report.by_type[outcome.quote.type]):
            tally.predicted += 1
            tally.correct += outcome.right
    return report


@dataclass(frozen=True)
class Outcome:
    """Whether a prediction is right: at least half of it inside some gold content (None when it
    matches only an optional attribution: neither right nor wrong); and, for a right one with a
    speaker, whether the speaker matches that of a gold attribution it lies in."""

    quote: Quote
    right: bool | None
    speaker_right: bool | None = None


def prediction_outcomes(gold_by_doc: dict[str, list[GoldAttribution]], predicted: Iterable[Quote]) -> Iterator[Outcome]:
    for quote in predicted:
        span = (quote.start, quote.end)
        covering = [g for g in gold_by_doc.get(quote.doc_id, ()) if g.shared_with(*span) * 2 >= quote.end - quote.start]
        inside = [g for g in covering if g.required]
        if not inside:
            yield Outcome(quote, None if covering else False)
        else:
            speaker = any(_speaker_matches(g, quote) for g in inside) if quote.speaker is not None else None
            yield Outcome(quote, True, speaker)


def canonical_checker(entities_file: Path) -> Callable[[GoldAttribution, Quote], bool]:
    """Right when the predicted canonical speaker is one of the gold entity's accepted names."""
    accepted = {
        key: {normalise_name(n) for n in names}
        for key, names in json.loads(entities_file.read_text(encoding="utf8")).items()
    }

    def check(gold: GoldAttribution, quote: Quote) -> bool:
        if quote.speaker is None or quote.speaker.canonical is None:
            return False
        predicted = normalise_name(quote.speaker.canonical)
        return any(predicted in accepted.get(key, set()) for key in gold.entities)

    return check


def speech_cue(
    lemmas: Iterable[str],
    speech_verbs: frozenset[str],
    phrases: Iterable[tuple[str, ...]],
    words: Iterable[str] = (),
) -> bool:
    """Whether a gold cue is a speech verb or a source phrase (`according to`), by its
    lemmas or, for the phrases, its words too (a lemmatizer may make `according` `accord`)."""
    lemmas = [w.casefold() for w in lemmas]
    if any(w in speech_verbs for w in lemmas):
        return True
    texts = [" ".join(lemmas), " ".join(w.casefold() for w in words)]
    return any(" ".join(p) in text for p in phrases for text in texts)
