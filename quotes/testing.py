"""Assertions for tests of journalism tools: ``from quotes.testing import assert_quoted``.

The public home of :mod:`quotes.review.assertions`, where they are written.
"""

from quotes.review.assertions import (
    QuoteAssertionError,
    assert_not_quoted,
    assert_quoted,
    assert_speakers,
    seed_articles,
    seed_quotes,
)

__all__ = [
    "QuoteAssertionError",
    "assert_not_quoted",
    "assert_quoted",
    "assert_speakers",
    "seed_articles",
    "seed_quotes",
]
