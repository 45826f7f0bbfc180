"""Exceptions the library raises; all derive from :class:`QuotesError`."""

from __future__ import annotations


class QuotesError(Exception):
    """Base class for errors raised by quotes."""


class InvalidDocumentError(QuotesError, ValueError):
    """A document that cannot be processed (empty, not text, undecodable)."""

    def __init__(self, doc_id: str, reason: str) -> None:
        super().__init__(f"document {doc_id!r}: {reason}")
        self.doc_id = doc_id
        self.reason = reason
