"""The confidence models: logistic regressions over :func:`record_features`, shipped as JSON.

``confidence`` is the probability, estimated on PolNeAR train by cross-validation, that a record is
a real attribution (at least half of its content lies inside an annotated one);
``speaker_confidence`` is the probability that its speaker is right (overlaps the annotated
source), if it is. ``nox -s calibrate`` refits both and writes ``quotes/data/confidence.json``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from quotes.confidence.features import record_features
from quotes.errors import QuotesError
from quotes.extraction.lexicon import Lexicon
from quotes.records import Quote
from quotes.resources import read_json, schema_error


class ConfidenceModelError(QuotesError, ValueError):
    """A confidence model file that does not follow ``confidence.schema.json``."""


@dataclass(frozen=True)
class LogisticModel:
    """Weights by feature name; a feature the model does not know weighs nothing."""

    intercept: float
    weights: Mapping[str, float]

    def probability(self, features: Mapping[str, float]) -> float:
        score = self.intercept + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    def to_dict(self) -> dict[str, Any]:
        return {
            "intercept": round(self.intercept, 6),
            "weights": {name: round(weight, 6) for name, weight in sorted(self.weights.items())},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LogisticModel:
        return cls(float(data["intercept"]), dict(data["weights"]))


@dataclass(frozen=True)
class ConfidenceModel:
    """The record model, and the speaker model (``None``: records get no ``speaker_confidence``)."""

    record: LogisticModel
    speaker: LogisticModel | None = None
    #: How the weights were made (corpus, folds, regularisation), kept with them.
    trained_on: str = ""

    def apply(self, quotes: list[Quote], text: str, lexicon: Lexicon) -> list[Quote]:
        """The records with their calibrated confidences."""
        scored = []
        for quote in quotes:
            features = record_features(quote, text, lexicon)
            speaker = None
            if self.speaker is not None and quote.speaker is not None:
                speaker = round(self.speaker.probability(features), 3)
            scored.append(
                replace(quote, confidence=round(self.record.probability(features), 3), speaker_confidence=speaker)
            )
        return scored

    def to_dict(self) -> dict[str, Any]:
        return {
            "_comment": "Written by `nox -s calibrate`: logistic regressions over quotes.confidence.features.",
            "trained_on": self.trained_on,
            "record": self.record.to_dict(),
            **({"speaker": self.speaker.to_dict()} if self.speaker is not None else {}),
        }

    @classmethod
    def from_dict(cls, data: Any, source: str = "confidence model") -> ConfidenceModel:
        error = schema_error(data, "confidence.schema.json")
        if error is not None:
            raise ConfidenceModelError(f"invalid {source} {error}")
        speaker = LogisticModel.from_dict(data["speaker"]) if "speaker" in data else None
        return cls(LogisticModel.from_dict(data["record"]), speaker, data.get("trained_on", ""))

    @classmethod
    def from_file(cls, path: str | Path) -> ConfidenceModel:
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf8")), str(path))

    def to_file(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.to_dict(), indent=1, ensure_ascii=False) + "\n", encoding="utf8")

    @classmethod
    def default(cls) -> ConfidenceModel:
        return default_confidence_model()


@cache
def default_confidence_model() -> ConfidenceModel:
    """The shipped models, read once (read-only)."""
    return ConfidenceModel.from_dict(read_json("confidence.json"), "shipped confidence model")
