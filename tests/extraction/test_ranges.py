"""Ranges answer like a scan of the list would, only faster."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from quotes.extraction.ranges import Ranges

RANGES = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda r: (r[0], r[0] + r[1])), max_size=15)


@example(ranges=[(5, 5)], low=0, width=5, margin=0)
@given(ranges=RANGES, low=st.integers(-5, 90), width=st.integers(0, 30), margin=st.integers(0, 2))
def test_lookups_agree_with_a_scan(ranges, low, width, margin):
    high = low + width
    index = Ranges(ranges[: len(ranges) // 2])
    for item in ranges[len(ranges) // 2 :]:
        index.add(item)
    assert sorted(index) == sorted(ranges)
    touching = [(a, b) for a, b in ranges if a < max(high, low + 1) and (b > low or a == b == low)]
    assert sorted(index.touching(low, high)) == sorted(touching)
    assert sorted(index.within(low, high)) == sorted((a, b) for a, b in ranges if low <= a and b <= high)
    assert index.covers(low, margin) == any(a - margin <= low < b + margin for a, b in ranges)


@example(ranges=[(5, 5)], positions=[4, 5, 6], margin=1)
@given(
    ranges=RANGES,
    positions=st.lists(st.integers(-5, 90), max_size=40, unique=True).map(sorted),
    margin=st.integers(0, 2),
)
def test_covered_positions_agree_with_covers(ranges, positions, margin):
    index = Ranges(ranges)
    assert index.covered(positions, margin) == [index.covers(p, margin) for p in positions]
