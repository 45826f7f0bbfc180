"""The training record the model card reports."""

from __future__ import annotations

import json
from pathlib import Path

from quotes.training.measurement import training_record
from quotes.training.paths import TRAINED_ON


def test_a_packaged_pipeline_keeps_its_training_record(tmp_path: Path) -> None:
    workdir, model = tmp_path / "work", tmp_path / "model"
    workdir.mkdir()
    model.mkdir()
    (workdir / TRAINED_ON).write_text("2026-11-22\n")
    (workdir / "timing.json").write_text(json.dumps({"train": 41.0}))
    assert training_record(model, workdir) == {"trained_on": "2026-11-22", "training_minutes": {"train": 41.0}}
    (model / "scores.json").write_text(json.dumps({"trained_on": "2026-11-21", "training_minutes": {"train": 37.4}}))
    assert training_record(model, workdir) == {"trained_on": "2026-11-21", "training_minutes": {"train": 37.4}}
