"""What every process of a job does: build its extractor from the settings, turn a batch of documents into records.

Shared by the job in one process, its worker pool and the Dask engine.
"""

from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass, replace
from pathlib import Path

from threadpoolctl import threadpool_limits

from quotes.batch.inputs import InputDocument
from quotes.batch.memory import release_free_memory
from quotes.batch.output import DocumentStatus, Processed, failed
from quotes.errors import QuotesError
from quotes.extractor import Extractor, check_min_confidence
from quotes.nlp.pipeline import load_pipeline, model_exists
from quotes.speakers.registry import Registry


@dataclass(frozen=True)
class JobSettings:
    """What a process needs to build its extractor; small and picklable, sent to every worker."""

    model: str | None = None
    registry: str | None = None
    registry_only: bool = False
    code: tuple[str, ...] = ()
    batch_size: int = 32
    min_confidence: float = 0.0

    def load(self) -> Extractor:
        threadpool_limits(limits=1)  # `--workers` is the job's parallelism: one BLAS thread per process
        self._prepare()
        return Extractor.load(
            self.model, registry=self.registry, registry_only=self.registry_only, min_confidence=self.min_confidence
        )

    def check(self) -> None:
        """Fail early, in the parent, on what would make every worker fail: code, registry, model."""
        self._prepare()
        Registry.load(self.registry, only=self.registry_only)
        check_min_confidence(self.min_confidence, "--min-confidence")
        if not model_exists(self.model):
            load_pipeline(self.model)  # raises the explanatory ModelNotFoundError

    def _prepare(self) -> None:
        for path in self.code:
            import_code(path)


def import_code(path: str) -> None:
    """Import a Python file that registers custom spaCy components (like ``spacy train --code``)."""
    spec = importlib.util.spec_from_file_location(Path(path).stem, path)
    if spec is None or spec.loader is None:
        raise QuotesError(f"cannot import code file {path!r}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)


def process_documents(extractor: Extractor, documents: list[InputDocument]) -> list[Processed]:
    """Each document's records as JSON Lines and its status; the readable ones parsed as one batch."""
    readable = [d for d in documents if d.text is not None and d.error is None]
    batch = replace(extractor, batch_size=max(1, len(readable)))
    results = batch.extract_many((d.doc_id, d.text or "") for d in readable)
    by_document = {id(d): r for d, r in zip(readable, results, strict=True)}
    processed = []
    for document in documents:
        result = by_document.get(id(document))
        if result is None:
            processed.append(failed(document, document.error or "no text"))
            continue
        if result.error:
            processed.append(failed(document, result.error))
            continue
        records = [quote.to_dict() | ({"meta": document.meta} if document.meta else {}) for quote in result.quotes]
        lines = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
        status = DocumentStatus(
            document.doc_id,
            document.source,
            "ok",
            len(records),
            parse_ms=round(result.parse_seconds * 1000, 2),
            extract_ms=round(result.extract_seconds * 1000, 2),
            encoding=document.encoding,
            encoding_guessed=document.encoding_guessed,
        )
        processed.append(Processed(status, lines.encode("utf8")))
    release_free_memory()  # the batch's parses are garbage now: hand their pages back
    return processed


#: A document still to extract, or one whose outcome is already decided (a skipped duplicate).
Item = InputDocument | Processed


def process_batch(extractor: Extractor, batch: list[Item]) -> list[Processed]:
    fresh = iter(process_documents(extractor, [item for item in batch if isinstance(item, InputDocument)]))
    return [item if isinstance(item, Processed) else next(fresh) for item in batch]
