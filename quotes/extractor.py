"""The one object a program holds: the loaded pipeline, the cue lexicon and the speaker registry.

Loading a pipeline is the slow part, so a program builds one :class:`Extractor` and passes it
in. The command line, the batch job and its workers, the Dask workers, the spaCy component,
the pytest plugin and the golden fixtures all go through it; :func:`extract` and
:func:`extract_many` are conveniences over a default one, loaded once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from quotes.confidence.model import ConfidenceModel
from quotes.errors import QuotesError
from quotes.extraction.document import DocumentResult, extract_text, stream_results
from quotes.extraction.lexicon import Lexicon
from quotes.extraction.merging import quotes_from_doc
from quotes.nlp.pipeline import load_pipeline
from quotes.records import Quote
from quotes.speakers.registry import Registry


@dataclass(frozen=True)
class Extractor:
    """What extraction needs, loaded once; its methods are safe to call again and again."""

    nlp: Language
    lexicon: Lexicon = field(default_factory=Lexicon.default)
    registry: Registry = field(default_factory=Registry.default)
    #: Documents parsed together by ``nlp.pipe`` in :meth:`extract_many`.
    batch_size: int = 32
    #: Gives each record its calibrated ``confidence`` (see ``quotes.confidence``).
    confidence: ConfidenceModel = field(default_factory=ConfidenceModel.default)
    #: Records below this confidence are left out.
    min_confidence: float = 0.0

    def __post_init__(self) -> None:
        check_min_confidence(self.min_confidence)

    @classmethod
    def load(
        cls,
        model: str | Path | None = None,
        *,
        registry: str | Path | None = None,
        registry_only: bool = False,
        lexicon: str | Path | None = None,
        batch_size: int = 32,
        confidence: str | Path | None = None,
        min_confidence: float = 0.0,
    ) -> Extractor:
        """The pipeline by name or path (default en_core_web_sm), the shipped lexicon or a
        file, the shipped registry, a file merged over it, or (`registry_only`) the file, and
        the shipped confidence model or a file."""
        return cls(
            load_pipeline(model),
            Lexicon.from_file(lexicon) if lexicon else Lexicon.default(),
            Registry.load(registry, only=registry_only),
            batch_size,
            ConfidenceModel.from_file(confidence) if confidence else ConfidenceModel.default(),
            min_confidence,
        )

    def extract(self, text: str, doc_id: str | None = None) -> list[Quote]:
        """All quotes of one text; raises :class:`quotes.InvalidDocumentError` for empty or non-text input."""
        return self._kept(extract_text(text, doc_id or "doc", self.nlp, self.lexicon, self.registry, self.confidence))

    def extract_many(self, items: Iterable[str | tuple[str, str]]) -> Iterator[DocumentResult]:
        """Results in input order, streamed through ``nlp.pipe``; a bad document gives an error result."""
        results = stream_results(items, self.nlp, self.lexicon, self.registry, self.batch_size, self.confidence)
        if not self.min_confidence:
            return results
        return (replace(result, quotes=self._kept(result.quotes)) for result in results)

    def extract_doc(self, doc: Doc, doc_id: str | None = None) -> list[Quote]:
        """The quotes of a Doc this pipeline (or another with a parser) has already parsed."""
        return self._kept(
            quotes_from_doc(doc, doc_id or "doc", self.lexicon, registry=self.registry, confidence=self.confidence)
        )

    def _kept(self, quotes: list[Quote]) -> list[Quote]:
        return [quote for quote in quotes if quote.confidence >= self.min_confidence]


class SettingError(QuotesError, ValueError):
    """A setting out of its range (the command line's usage error)."""


def check_min_confidence(value: float, name: str = "min_confidence") -> None:
    """A confidence threshold is a probability; ``name`` is how the caller's user wrote it."""
    if not 0.0 <= value <= 1.0:
        raise SettingError(f"{name} must be between 0 and 1, not {value!r}")


@cache
def default_extractor() -> Extractor:
    """The default pipeline, lexicon and registry, loaded on first use and kept."""
    return Extractor.load()


def _extractor(nlp: Language | None, lexicon: Lexicon | None, registry: Registry | None) -> Extractor:
    if nlp is None and lexicon is None and registry is None:
        return default_extractor()
    return Extractor(
        nlp if nlp is not None else default_extractor().nlp,
        lexicon or Lexicon.default(),
        registry or Registry.default(),
    )


def extract(
    text: str,
    doc_id: str | None = None,
    nlp: Language | None = None,
    lexicon: Lexicon | None = None,
    registry: Registry | None = None,
) -> list[Quote]:
    """All quotes in one text, by the default :class:`Extractor` or one made of what is given."""
    return _extractor(nlp, lexicon, registry).extract(text, doc_id)


def extract_many(
    items: Iterable[str | tuple[str, str]],
    nlp: Language | None = None,
    lexicon: Lexicon | None = None,
    batch_size: int = 32,
    registry: Registry | None = None,
) -> Iterator[DocumentResult]:
    """Stream results in input order, by the default :class:`Extractor` or one made of what is given."""
    return replace(_extractor(nlp, lexicon, registry), batch_size=batch_size).extract_many(items)
