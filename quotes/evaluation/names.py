"""How well name keys tell one entity's spellings from different entities: a labelled pair set.

``data/name_pairs.jsonl`` holds real romanisation variants (`Muammar Gaddafi` / `Moammar
Qadhafi`) and hard non-matches (`Mohammed bin Salman` / `Mohammed bin Zayed`, `Sergei Lavrov` /
`Maria Lavrova`). Each pair falls in the tuning half or the held-out half by a hash of its
names, so the rules can be tuned on one and reported on the other.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal

from quotes.errors import QuotesError
from quotes.speakers.name_keys import id_key, same_entity

Split = Literal["tune", "held-out"]
SPLITS: tuple[Split, ...] = ("tune", "held-out")


@dataclass(frozen=True)
class NamePair:
    first: str
    second: str
    same: bool
    person: bool
    family: str
    why: str
    #: Two people who bore one name (`George Bush`): no name key can tell them apart, so the
    #: pair is listed, not scored.
    homonym: bool = False

    @property
    def split(self) -> Split:
        """Stable, and the same whichever way round the pair is written."""
        text = "\x1f".join(sorted((self.first.casefold(), self.second.casefold())))
        return "tune" if hashlib.blake2b(text.encode(), digest_size=2).digest()[0] % 2 == 0 else "held-out"


def read_pairs(path: Path) -> list[NamePair]:
    """The pairs of a JSON Lines file; a line that is not a pair raises, naming the line."""
    pairs = []
    for number, line in enumerate(path.read_text(encoding="utf8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            pairs.append(
                NamePair(
                    record["a"],
                    record["b"],
                    bool(record["same"]),
                    record["kind"] == "person",
                    record.get("family", "other"),
                    record.get("why", ""),
                    bool(record.get("homonym", False)),
                )
            )
        except (ValueError, KeyError, TypeError) as error:
            raise QuotesError(f"{path}:{number}: not a name pair ({error})") from error
    return pairs


@dataclass
class Counts:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    true_negative: int = 0
    #: Matching pairs whose names get one ``unknown:`` id (:func:`id_key`) without a look-up.
    one_id: int = 0

    def add(self, same: bool, matched: bool, one_id: bool) -> None:
        self.one_id += same and one_id
        if same and matched:
            self.true_positive += 1
        elif matched:
            self.false_positive += 1
        elif same:
            self.false_negative += 1
        else:
            self.true_negative += 1

    @property
    def precision(self) -> float:
        return self.true_positive / max(1, self.true_positive + self.false_positive)

    @property
    def recall(self) -> float:
        return self.true_positive / max(1, self.true_positive + self.false_negative)

    @property
    def one_id_share(self) -> float:
        return self.one_id / max(1, self.true_positive + self.false_negative)

    @property
    def pairs(self) -> int:
        return self.true_positive + self.false_positive + self.false_negative + self.true_negative


@dataclass
class NameReport:
    by_split: dict[str, Counts] = field(default_factory=dict)
    by_family: dict[str, Counts] = field(default_factory=dict)
    errors: list[tuple[NamePair, bool]] = field(default_factory=list)
    homonyms: int = 0

    def to_markdown(self) -> str:
        rows = [
            "| pairs | matches / non-matches | precision | recall | matches with one id key |",
            "|---|---|---|---|---|",
        ]
        for name, counts in [*self.by_split.items(), *sorted(self.by_family.items())]:
            same = counts.true_positive + counts.false_negative
            rows.append(
                f"| {name} | {same} / {counts.pairs - same} | {counts.precision:.3f} | {counts.recall:.3f}"
                f" | {counts.one_id_share:.3f} |"
            )
        if self.homonyms:
            rows.append(f"\n{self.homonyms} pairs of homonyms (two people who bore one name) are not scored.")
        return "\n".join(rows)

    def as_dict(self) -> dict[str, object]:
        def counts(c: Counts) -> dict[str, float]:
            return asdict(c) | {"precision": c.precision, "recall": c.recall, "one_id_share": c.one_id_share}

        return {
            "splits": {name: counts(c) for name, c in self.by_split.items()},
            "families": {name: counts(c) for name, c in sorted(self.by_family.items())},
            "homonyms": self.homonyms,
            "errors": [
                {"a": p.first, "b": p.second, "same": p.same, "matched": m, "why": p.why} for p, m in self.errors
            ],
        }


def score_pairs(pairs: Iterable[NamePair], matcher: Callable[[str, str, bool], bool] | None = None) -> NameReport:
    """Precision and recall of ``matcher`` (default :func:`same_entity`), per split and per
    family of names; the pairs it gets wrong, with what it said."""
    match = matcher or (lambda a, b, person: same_entity(a, b, person=person))
    report = NameReport({"all": Counts(), **{split: Counts() for split in SPLITS}})
    for pair in pairs:
        if pair.homonym:
            report.homonyms += 1
            continue
        matched = match(pair.first, pair.second, pair.person)
        one_id = id_key(pair.first) == id_key(pair.second)
        for counts in (
            report.by_split["all"],
            report.by_split[pair.split],
            report.by_family.setdefault(pair.family, Counts()),
        ):
            counts.add(pair.same, matched, one_id)
        if matched != pair.same:
            report.errors.append((pair, matched))
    return report
