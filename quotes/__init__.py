"""quotes: find who said what in news text.

>>> import quotes
>>> extractor = quotes.Extractor.load()    # load once, pass it in
>>> for quote in extractor.extract(text):
...     print(quote.type, quote.speaker and quote.speaker.text, quote.text)
"""

import logging

from quotes._version import __version__
from quotes.errors import InvalidDocumentError, QuotesError
from quotes.extraction.document import DocumentResult
from quotes.extraction.lexicon import Lexicon
from quotes.extraction.merging import quotes_from_doc
from quotes.extractor import Extractor, extract, extract_many
from quotes.nlp.pipeline import ModelNotFoundError, load_pipeline
from quotes.records import SCHEMA_VERSION, Cue, Quote, Speaker
from quotes.speakers.registry import Registry, RegistryError

# A library logs, the application decides where to: nothing is shown unless it configures logging.
logging.getLogger("quotes").addHandler(logging.NullHandler())

__all__ = [
    "SCHEMA_VERSION",
    "Cue",
    "DocumentResult",
    "Extractor",
    "InvalidDocumentError",
    "Lexicon",
    "ModelNotFoundError",
    "Quote",
    "QuotesError",
    "Registry",
    "RegistryError",
    "Speaker",
    "__version__",
    "extract",
    "extract_many",
    "load_pipeline",
    "quotes_from_doc",
]
