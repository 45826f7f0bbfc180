"""Speaker look-backs (`he`, `the group`, `Biden` after `Joe Biden`) in logarithmic time: the same
answers as scanning every earlier entity, as the resolver first did."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.speakers.resolution import STATEMENT_NOUNS, Entity, Timeline, normalise_name


def scanned_latest_before(
    entries: list[tuple[int, Entity]], before: int, person: bool | None = None, noun: str = ""
) -> Entity | None:
    """The first version: sort, then scan from the most recent."""
    for offset, entity in sorted(entries, key=lambda item: item[0], reverse=True):
        if offset >= before:
            continue
        if person is not None and (entity.kind == "person") == person:
            return entity
        if noun and (noun in entity.nouns or (noun in STATEMENT_NOUNS and entity.kind != "person")):
            return entity
    return None


def scanned_fuller_name(entries: list[tuple[int, Entity]], name: str) -> Entity | None:
    key = normalise_name(name)
    for _, entity in reversed(entries):
        if key and normalise_name(entity.name).endswith(key) and normalise_name(entity.name) != key:
            return entity
    return None


NAMES = ["Joe Biden", "Biden", "President Joe Biden", "Kata'ib Hezbollah", "Hezbollah", "den", "CENTCOM"]
NOUNS = ["group", "militia", "command", "statement", "post"]

entities = st.builds(
    lambda n, name, kind, nouns: Entity(id=f"e{n}", name=name, kind=kind, nouns=tuple(nouns)),
    st.integers(0, 1000),
    st.sampled_from(NAMES),
    st.sampled_from(["person", "organisation", "military", "group"]),
    st.lists(st.sampled_from(NOUNS), max_size=2, unique=True),
)


@settings(max_examples=300, deadline=None)
@given(
    entries=st.lists(st.tuples(st.integers(0, 30), entities), max_size=25),
    queries=st.lists(
        st.tuples(st.integers(0, 35), st.sampled_from([None, True, False]), st.sampled_from(["", *NOUNS, "army"])),
        max_size=10,
    ),
    names=st.lists(st.sampled_from([*NAMES, "", "Joe"]), max_size=5),
    ordered=st.booleans(),
)
def test_same_answers_as_the_scan(entries, queries, names, ordered):
    if ordered:  # as the resolver adds speakers: in the order of their offsets
        entries = sorted(entries, key=lambda item: item[0])
    timeline = Timeline(entries)
    for before, person, noun in queries:
        assert timeline.latest_before(before, person, noun) is scanned_latest_before(entries, before, person, noun)
    for name in names:
        assert timeline.latest_fuller_name(normalise_name(name)) is scanned_fuller_name(entries, name)
