"""Character ranges (quotes, contents) with log-time "which ranges touch here" lookups.

The rules ask this for every token of every candidate; scanning a list made extraction
quadratic in the number of quotes, which a long document (thousands of them) felt.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable, Iterator, Sequence

import numpy

Range = tuple[int, int]


class Ranges:
    """Half-open ``(start, end)`` ranges kept sorted by start."""

    def __init__(self, ranges: Iterable[Range] = ()) -> None:
        self._ranges: list[Range] = sorted(ranges)
        self._starts = [start for start, _ in self._ranges]
        self._longest = max((end - start for start, end in self._ranges), default=0)

    @classmethod
    def of(cls, ranges: Iterable[Range]) -> Ranges:
        return ranges if isinstance(ranges, Ranges) else cls(ranges)

    def add(self, item: Range) -> None:
        insort(self._ranges, item)
        self._starts.insert(bisect_left(self._starts, item[0]), item[0])
        self._longest = max(self._longest, item[1] - item[0])

    def touching(self, low: int, high: int) -> list[Range]:
        """The ranges sharing at least one position with ``[low, high)``, or empty ones inside it."""
        first = bisect_left(self._starts, low - self._longest)
        last = bisect_left(self._starts, max(high, low + 1))
        return [(start, end) for start, end in self._ranges[first:last] if end > low or start == end == low]

    def covers(self, position: int, margin: int = 0) -> bool:
        """Whether ``position`` lies in a range widened by ``margin`` on both sides."""
        return any(
            start - margin <= position < end + margin
            for start, end in self.touching(position - margin, position + margin + 1)
        )

    def covered(self, positions: Sequence[int] | numpy.ndarray, margin: int = 0) -> list[bool]:
        """:meth:`covers` for each of ascending ``positions`` (a document's token offsets), in one
        pass over the ranges instead of one search per position."""
        flags = numpy.zeros(len(positions), dtype=bool)
        for start, end in self._ranges:
            low, high = numpy.searchsorted(positions, [start - margin, end + margin])
            flags[low:high] = True
        return flags.tolist()  # type: ignore[no-any-return]

    def within(self, low: int, high: int) -> list[Range]:
        """The ranges lying wholly inside ``[low, high]``."""
        first, last = bisect_left(self._starts, low), bisect_right(self._starts, high)
        return [(start, end) for start, end in self._ranges[first:last] if end <= high]

    def __iter__(self) -> Iterator[Range]:
        return iter(self._ranges)

    def __len__(self) -> int:
        return len(self._ranges)
