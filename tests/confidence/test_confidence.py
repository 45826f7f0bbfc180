"""The confidence model: features of a record, the fit, the calibration measures, the shipped file."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy
import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotes.confidence.features import cue_class, record_features
from quotes.confidence.fitting import expected_calibration_error, fit_logistic, reliability
from quotes.confidence.model import ConfidenceModel, ConfidenceModelError, LogisticModel, default_confidence_model
from quotes.extraction.lexicon import Lexicon
from quotes.records import Cue, Quote, Speaker

TEXT = (
    'Officials met on Monday.\n"We will rebuild the bridge," the mayor said. She added that costs would rise. '
    "According to the council, work starts in May."
)


def _quote(
    text: str, cue: tuple[str, str] | None, rule: str, speaker: str | None = None, **speaker_fields: object
) -> Quote:
    start = TEXT.index(text)
    cue_record = None
    if cue is not None:
        cue_start = TEXT.index(cue[0])
        cue_record = Cue(cue[0], cue[1], cue_start, cue_start + len(cue[0]))
    speaker_record = None
    if speaker is not None:
        s = TEXT.index(speaker)
        speaker_record = Speaker(speaker, s, s + len(speaker), **speaker_fields)  # type: ignore[arg-type]
    return Quote("d", "direct", text, start, start + len(text), speaker_record, cue_record, 1, 1, 0.5, rule)


def test_features_of_a_direct_quote() -> None:
    quote = _quote(
        '"We will rebuild the bridge,"', ("said", "say"), "direct_postposed", "the mayor", canonical=None, kind="person"
    )
    features = record_features(quote, TEXT, Lexicon.default())
    assert features["rule=direct_postposed"] == 1.0
    assert features["cue=speech"] == 1.0
    assert features["speaker=person"] == 1.0
    assert features["quoted"] == 1.0 and features["has_quote_mark"] == 1.0
    assert features["paragraph_start"] == 1.0 and features["first_paragraph"] == 0.0
    assert features["cue_after"] == 1.0 and features["cue_inside"] == 0.0
    assert features["speaker_unresolved"] == 1.0  # no canonical name
    assert features["log_cue_gap"] == pytest.approx(math.log1p(len(" the mayor ")) / 5)


def test_features_of_a_report_without_speaker() -> None:
    quote = _quote("that costs would rise", ("added", "add"), "clausal_complement")
    features = record_features(quote, TEXT, Lexicon.default())
    assert features["speaker=none"] == 1.0 and features["resolved_by=none"] == 1.0
    assert features["quoted"] == 0.0 and features["paragraph_start"] == 0.0
    assert features["cue_after"] == 0.0


@pytest.mark.parametrize(
    ("cue", "expected"),
    [
        (("said", "say"), "speech"),
        (("According to", "according to"), "phrase"),
        (("met", "meet"), "other"),
        (None, "none"),
    ],
)
def test_cue_class(cue: tuple[str, str] | None, expected: str) -> None:
    assert cue_class(_quote("Officials met on Monday.", cue, "postposed"), Lexicon.default()) == expected


def test_fit_recovers_a_known_model() -> None:
    rng = numpy.random.default_rng(7)
    x = rng.normal(size=(4000, 2))
    p = 1 / (1 + numpy.exp(-(0.5 + 2.0 * x[:, 0] - 1.0 * x[:, 1])))
    y = rng.random(4000) < p
    rows = [{"a": float(a), "b": float(b)} for a, b in x]
    model = fit_logistic(rows, list(y), l2=0.01)
    assert model.intercept == pytest.approx(0.5, abs=0.15)
    assert model.weights["a"] == pytest.approx(2.0, abs=0.2)
    assert model.weights["b"] == pytest.approx(-1.0, abs=0.15)
    held = [model.probability(row) for row in rows]
    assert expected_calibration_error(held, list(y)) < 0.03


def test_fit_refuses_mismatched_input() -> None:
    with pytest.raises(ValueError, match="as many labels"):
        fit_logistic([{"a": 1.0}], [True, False])


def test_calibration_error_of_overconfident_scores() -> None:
    labels = [True, False] * 50
    assert expected_calibration_error([1.0] * 100, labels) == pytest.approx(0.5)
    assert expected_calibration_error([0.5] * 100, labels) == pytest.approx(0.0)
    table = reliability([0.05, 0.95, 1.0], [False, True, True])
    assert (table[0].count, table[-1].count, table[-1].accuracy) == (1, 2, 1.0)
    with pytest.raises(ValueError):
        expected_calibration_error([], [])


@given(st.dictionaries(st.sampled_from(["rule=direct_preposed", "log_words", "quoted", "unknown"]), st.floats(-50, 50)))
def test_probability_is_a_probability(features: dict[str, float]) -> None:
    model = default_confidence_model()
    assert 0.0 <= model.record.probability(features) <= 1.0
    assert model.speaker is not None and 0.0 <= model.speaker.probability(features) <= 1.0


def test_a_feature_the_model_does_not_know_weighs_nothing() -> None:
    model = LogisticModel(0.0, {"quoted": 2.0})
    assert model.probability({"quoted": 1.0, "new_feature": 5.0}) == model.probability({"quoted": 1.0})


def test_model_file_round_trip_and_schema(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    model = ConfidenceModel(LogisticModel(-0.5, {"quoted": 1.25}), LogisticModel(0.25, {"short": -1.0}), "test")
    model.to_file(path)
    assert ConfidenceModel.from_file(path) == model
    path.write_text(json.dumps({"record": {"intercept": 0, "weights": {"quoted": "high"}}}), encoding="utf8")
    with pytest.raises(ConfidenceModelError, match="record/weights/quoted"):
        ConfidenceModel.from_file(path)


def test_records_without_speaker_get_no_speaker_confidence() -> None:
    model = ConfidenceModel(LogisticModel(0.0, {}), LogisticModel(2.0, {}))
    with_speaker = _quote(
        '"We will rebuild the bridge,"', ("said", "say"), "direct_postposed", "the mayor", canonical=None
    )
    without = _quote("that costs would rise", ("added", "add"), "clausal_complement")
    scored = model.apply([with_speaker, without], TEXT, Lexicon.default())
    assert [q.confidence for q in scored] == [0.5, 0.5]
    assert [q.speaker_confidence for q in scored] == [0.881, None]


def test_shipped_model_was_trained() -> None:
    model = default_confidence_model()
    assert model.trained_on.startswith("PolNeAR train") and len(model.record.weights) > 20
