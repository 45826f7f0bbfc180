"""Freed memory goes back to the system between batches."""

from __future__ import annotations

import sys

import psutil
import pytest

from quotes.batch import memory


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")
def test_release_free_memory_returns_freed_heap_pages() -> None:
    if memory._malloc_trim() is None:
        pytest.skip("this C library has no malloc_trim")
    process = psutil.Process()
    blocks = [bytearray(1000) for _ in range(200_000)]  # above pymalloc's limit: glibc's heap
    survivors = blocks[::1000]  # a few live blocks pin the heap, as a parse's leftovers do
    del blocks
    before = process.memory_info().rss
    memory.release_free_memory()
    after = process.memory_info().rss
    assert before - after > 100 * 2**20
    assert len(survivors) == 200


def test_release_free_memory_is_harmless_without_malloc_trim(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory, "_malloc_trim", lambda: None)
    memory.release_free_memory()
