"""Where the training recipe reads and writes: the repository's config, the work folder, the corpora
and the shipped pipeline's folder; shared by its steps, its measurements and its packaging."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CONFIG = REPO / "training" / "config.cfg"
WORKDIR = REPO / "training" / "output"
MODEL_NAME = "en_quotes_news"
PACKAGE_MODEL = REPO / "quotes" / "models" / MODEL_NAME
#: The assembled pipeline (trained components + entity_repair) inside the work folder.
PIPELINE = "pipeline"
#: The day the weights were trained (the model card must not date them by their packaging).
TRAINED_ON = "trained_on.txt"
DEFAULT_CORPORA = REPO.parent / "shared" / "corpora"
