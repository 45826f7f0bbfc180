"""quotes: find who said what in news text.

>>> import quotes
>>> extractor = quotes.Extractor.load()    # load once, pass it in
>>> for quote in extractor.extract(text):
...     print(quote.type, quote.speaker and quote.speaker.text, quote.text)
"""

import logging

from .errors import InvalidDocumentError, QuotesError
from .extract import DocumentResult, quotes_from_doc
from .extractor import Extractor, extract, extract_many
from .lexicon import Lexicon
from .pipeline import ModelNotFoundError, load_pipeline
from .records import SCHEMA_VERSION, Cue, Quote, Speaker
from .speakers import Registry, RegistryError

__version__ = "0.1.0"

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
