"""The ``quotes`` spaCy component: ``nlp.add_pipe("quotes")`` fills ``doc._.quotes``.

Registered through the ``spacy_factories`` entry point, so it is available in
any program once the package is installed. It needs a dependency parser (and
lemmas) earlier in the pipeline.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .extract import quotes_from_doc
from .lexicon import Lexicon
from .speakers import Registry

if not Doc.has_extension("quotes"):
    Doc.set_extension("quotes", default=None)
if not Doc.has_extension("doc_id"):
    Doc.set_extension("doc_id", default=None)


class QuotesComponent:
    """Adds the list of :class:`quotes.Quote` records of a document to ``doc._.quotes``."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        lexicon_path: str | None,
        registry_path: str | None,
        registry_only: bool,
    ) -> None:
        self.name = name
        self.lexicon = Lexicon.from_file(lexicon_path) if lexicon_path else Lexicon.default()
        self.registry = Registry.load(registry_path, only=registry_only)

    def __call__(self, doc: Doc) -> Doc:
        if not doc.text.strip():
            doc._.quotes = []
            return doc
        if not doc.has_annotation("DEP"):
            raise ValueError(
                f"[{self.name}] needs a dependency parser before it in the pipeline "
                "(e.g. quotes.load_pipeline() or en_core_web_sm)"
            )
        doc._.quotes = quotes_from_doc(doc, doc._.doc_id or "doc", self.lexicon, registry=self.registry)
        return doc


@Language.factory("quotes", default_config={"lexicon_path": None, "registry_path": None, "registry_only": False})
def make_quotes_component(
    nlp: Language, name: str, lexicon_path: str | None, registry_path: str | None, registry_only: bool
) -> QuotesComponent:
    return QuotesComponent(nlp, name, lexicon_path, registry_path, registry_only)
