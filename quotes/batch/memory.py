"""Handing freed memory back to the system between batches.

Parsing a batch allocates and frees hundreds of megabytes of small blocks; glibc keeps them in
its heaps, so a worker's resident memory stays at its largest batch's and drifts up as the heaps
fragment (median over a batch job: 550 MB per worker, against 236 MB once trimmed after every
batch). ``malloc_trim`` returns the free pages; it costs about a millisecond per batch.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Callable
from functools import cache


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or None where the C library has none (macOS, Windows, musl)."""
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        return ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):
        return None


def release_free_memory() -> None:
    """Return the C heap's free pages to the system, where the C library can."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
