"""What the model card reports of a trained pipeline: test-set scores, single-core speed, and when
and how long it was trained."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

from quotes.training.paths import TRAINED_ON


def evaluate(model: Path, workdir: Path, corpora: Path) -> dict[str, Any]:
    """Test-set scores (EWT, GUM) and single-core speed on news text."""
    import spacy
    from spacy.training import Corpus

    import quotes.nlp.pipeline  # noqa: F401  registers the pipeline's own components
    from quotes.nlp.ops import numpy_blas_ops
    from quotes.training.corpus import converted_corpus

    with numpy_blas_ops():  # as quotes.load_pipeline() loads it
        nlp = spacy.load(model)
    results: dict[str, Any] = {}
    for name in ("ewt-test", "gum-test"):
        examples = list(Corpus(str(converted_corpus(workdir, corpora, name)))(nlp))
        scores = nlp.evaluate(examples)
        results[name] = {
            key: scores.get(key)
            for key in (
                "pos_acc",
                "tag_acc",
                "morph_acc",
                "lemma_acc",
                "dep_uas",
                "dep_las",
                "sents_f",
                "ents_f",
                "ents_p",
                "ents_r",
            )
        }
        results[name]["ents_per_type"] = scores.get("ents_per_type")
        if name == "gum-test" and "entity_repair" in nlp.pipe_names:
            with nlp.select_pipes(disable=["entity_repair"]):
                results[name]["ents_per_type_without_repair"] = nlp.evaluate(examples).get("ents_per_type")
    results["speed"] = measure_speed(nlp, corpora)
    return results


def training_record(model: Path, workdir: Path) -> dict[str, Any]:
    """When the weights were trained and in how many minutes: a packaged pipeline carries
    its own record (``scores.json``), so re-measuring it never re-dates it; a pipeline fresh
    from ``train`` takes the work folder's."""
    if (model / "scores.json").exists():
        packaged = json.loads((model / "scores.json").read_text())
        return {key: packaged.get(key) for key in ("trained_on", "training_minutes")}
    trained_on, timing = workdir / TRAINED_ON, workdir / "timing.json"
    return {
        "trained_on": trained_on.read_text().strip() if trained_on.exists() else "unknown",
        "training_minutes": json.loads(timing.read_text()) if timing.exists() else None,
    }


def measure_speed(nlp: Any, corpora: Path, documents: int = 200, runs: int = 3) -> dict[str, Any]:
    """Words per second of the whole pipeline on PolNeAR news texts, one process on one core.

    Pinned (where the OS allows) and with one BLAS thread, so the number does not depend on
    the other cores; the median of `runs` passes, as this shared machine varies by ±10%.
    """
    from threadpoolctl import threadpool_limits

    texts = [p.read_text(encoding="utf8") for p in sorted((corpora / "polnear-train" / "text").glob("*.txt"))]
    texts = texts[:documents]
    pinnable = hasattr(os, "sched_setaffinity")
    cpus = os.sched_getaffinity(0) if pinnable else set()
    if pinnable:
        os.sched_setaffinity(0, {min(cpus)})
    seconds = []
    try:
        with threadpool_limits(limits=1):
            list(nlp.pipe(texts[:5]))  # warm-up
            for _ in range(runs):
                started = time.perf_counter()
                docs = nlp.pipe(texts, batch_size=32)
                words = sum(sum(1 for t in doc if not t.is_space and not t.is_punct) for doc in docs)
                seconds.append(time.perf_counter() - started)
    finally:
        if pinnable:
            os.sched_setaffinity(0, cpus)
    median = sorted(seconds)[len(seconds) // 2]
    return {
        "documents": len(texts),
        "words": words,
        "seconds": round(median, 2),
        "words_per_second": round(words / median),
        "runs_words_per_second": [round(words / s) for s in seconds],
        "cores": 1 if pinnable else "unpinned",
    }
