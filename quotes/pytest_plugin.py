"""The pytest plugin (entry point ``pytest11``): fixtures for testing journalism tools with quotes.

Installed with the package, so any project's tests can use them (``pytest --fixtures`` lists them):

* ``quotes_nlp``: the pipeline, loaded once per test session (``--quotes-model`` picks another);
* ``extract_quotes``: ``extract_quotes(text, doc_id="doc") -> list[Quote]``;
* ``seed_articles``: the bundled seed articles, id → text;
* ``seed_quotes``: their hand-annotated quotes, as records.

Assertions to go with them are in :mod:`quotes.testing`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from spacy.language import Language

from .extractor import Extractor
from .records import Quote
from .testing import seed_articles as bundled_articles
from .testing import seed_quotes as bundled_quotes


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("quotes")
    group.addoption(
        "--quotes-model",
        default=None,
        help="spaCy pipeline for the quotes fixtures (default: en_core_web_sm)",
    )


@pytest.fixture(scope="session")
def quotes_extractor(pytestconfig: pytest.Config) -> Extractor:
    """The quotes :class:`~quotes.Extractor`, loaded once for the whole test session."""
    return Extractor.load(pytestconfig.getoption("quotes_model"))


@pytest.fixture(scope="session")
def quotes_nlp(quotes_extractor: Extractor) -> Language:
    """The quotes pipeline, loaded once for the whole test session."""
    return quotes_extractor.nlp


@pytest.fixture(scope="session")
def extract_quotes(quotes_extractor: Extractor) -> Callable[..., list[Quote]]:
    """Extract the quotes of a text: ``extract_quotes(text, doc_id="doc") -> list[Quote]``."""

    def run(text: str, doc_id: str = "doc") -> list[Quote]:
        return quotes_extractor.extract(text, doc_id)

    return run


@pytest.fixture(scope="session")
def seed_articles() -> dict[str, str]:
    """The five seed articles bundled with quotes: id → text."""
    return bundled_articles()


@pytest.fixture(scope="session")
def seed_quotes() -> list[dict[str, Any]]:
    """The hand-annotated quotes of the seed articles, as records."""
    return bundled_quotes()
