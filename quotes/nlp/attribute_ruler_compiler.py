"""The compiler behind :mod:`quotes.nlp.attribute_ruler`: Matcher patterns → rules applied to a ``Doc`` with numpy.

en_core_web_sm's ``attribute_ruler`` maps tags to POS and morphology with 179 Matcher patterns,
and took a fifth of the pipeline's time (BENCHMARKS.md): spaCy's Matcher tries every pattern at
every token, then sets the attributes of each match through a ``Span``, one at a time. Nearly all
of these patterns look at one token, and only at a few of its attributes (TAG, LOWER, DEP,
IS_SPACE), so the outcome for a token depends only on which of the values mentioned by the
patterns it has. :class:`CompiledRules` works out that outcome once per distinct combination
(memoised), :func:`apply_rules` applies it to the whole ``Doc`` with numpy, matches the few
fixed-length multi-token patterns on arrays, and writes everything back with one ``Doc.from_array``.

spaCy semantics kept: all matches are found on the ``Doc`` as it came in, then applied in the
order of their pattern, so that for every token and attribute the last pattern that sets it wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, cast

import numpy
from spacy.attrs import DEP, IDS, LEMMA, MORPH, POS, TAG
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.vocab import Vocab

#: Token attributes a compiled pattern may test: each one is a column of ``Doc.to_array`` that
#: holds what spaCy's Matcher compares (strings as their hashes, flags as 0/1).
MATCHABLE = frozenset({"ORTH", "TEXT", "LOWER", "TAG", "DEP", "POS", "LEMMA", "IS_SPACE"})

#: Attributes a compiled pattern may set: spaCy sets exactly these token fields and nothing else
#: (its ``set_token_attrs`` also writes lexeme fields, but none of these is one).
WRITABLE = (POS, TAG, DEP, LEMMA, MORPH)

#: Distinct token outcomes remembered between documents; the memo is cleared past this.
MAX_MEMO = 200_000


class NotCompilable(ValueError):
    """A pattern uses something the compiled ruler does not implement."""


@dataclass(frozen=True)
class Test:
    """One attribute test of a token pattern: ``attribute`` equal to, in or not in ``values``
    (string hashes or ints), or its string matching ``regex``."""

    attribute: int
    operator: str  # "==", "IN", "NOT_IN", "REGEX"
    values: frozenset[int] = frozenset()
    regex: re.Pattern[str] | None = None

    def passes(self, value: int | None, text: str | None) -> bool:
        """``value`` is the token's value, or ``None`` for a value that no test mentions and no
        regex matches (``text`` is the string of a value, for ``REGEX``)."""
        if self.operator == "REGEX":
            return text is not None and self.regex is not None and bool(self.regex.search(text))
        inside = value is not None and value in self.values
        return not inside if self.operator == "NOT_IN" else inside


TokenSpec = tuple[Test, ...]


@dataclass(frozen=True)
class Rule:
    """One pattern of the ruler: the token specs in a row, which one is changed, and to what."""

    order: int  # the ruler's pattern number: a later one wins
    specs: tuple[int, ...]  # indices into the compiled token specs
    index: int
    attrs: tuple[tuple[int, int], ...]  # (column of WRITABLE, value)


def token_spec(token: dict[str, Any], vocab: Vocab) -> TokenSpec:
    """The tests of one token of a Matcher pattern, as the Matcher reads it."""
    tests = []
    for key, value in token.items():
        name = str(key).upper()
        if name not in MATCHABLE:
            raise NotCompilable(f"token attribute {key!r}")
        attribute = IDS["ORTH" if name == "TEXT" else name]
        if isinstance(value, bool | int | str):
            tests.append(Test(attribute, "==", frozenset({_value_id(value, vocab)})))
        elif isinstance(value, dict) and len(value) == 1:
            ((operator, argument),) = value.items()
            if operator in {"IN", "NOT_IN"} and isinstance(argument, list | tuple):
                tests.append(Test(attribute, operator, frozenset(_value_id(v, vocab) for v in argument)))
            elif operator == "REGEX" and isinstance(argument, str):
                tests.append(Test(attribute, "REGEX", regex=re.compile(argument)))
            else:
                raise NotCompilable(f"predicate {operator!r}")
        else:
            raise NotCompilable(f"value {value!r}")
    return tuple(tests)


def _value_id(value: object, vocab: Vocab) -> int:
    if isinstance(value, str):
        return int(vocab.strings.add(value))
    if isinstance(value, bool | int):
        return int(value)
    raise NotCompilable(f"value {value!r}")


def compile_rules(ruler: AttributeRuler) -> tuple[list[TokenSpec], list[Rule]]:
    """The ruler's own patterns (``ruler.patterns``, with its normalised ``ruler.attrs``) as rules."""
    specs: dict[TokenSpec, int] = {}
    rules = []
    for order, (pattern, attrs, index) in enumerate(zip(ruler.patterns, ruler.attrs, ruler.indices, strict=True)):
        written = []
        for attribute, value in attrs.items():
            if attribute not in WRITABLE:
                raise NotCompilable(f"sets attribute {attribute!r}")
            written.append((WRITABLE.index(attribute), int(value)))
        for tokens in cast(list[list[dict[str, Any]]], pattern["patterns"]):
            if not tokens or any(not isinstance(t, dict) for t in tokens):
                raise NotCompilable("empty or malformed pattern")
            ids = tuple(specs.setdefault(token_spec(t, ruler.vocab), len(specs)) for t in tokens)
            if not -len(ids) <= index < len(ids):
                raise NotCompilable(f"index {index} outside a pattern of {len(ids)} tokens")
            rules.append(Rule(order, ids, index, tuple(written)))
    return list(specs), rules


@dataclass
class Outcome:
    """What the single-token rules do to a token with given values, and which specs it passes."""

    values: numpy.ndarray[Any, Any]  # per WRITABLE column
    winner: numpy.ndarray[Any, Any]  # the order of the rule that set it, -1 for none
    passes: numpy.ndarray[Any, Any]  # bool per token spec


#: A token's values as the tests see them: each value, or ``None`` for one no test can tell apart.
ClassKey = tuple[int | None, ...]


@dataclass
class CompiledRules:
    """Token specs and rules, with memos: the outcome of each distinct combination of values.

    Tokens are told apart only by the values the tests mention (or a regex matches), so there
    are few outcomes; the memo from a token's raw values to its outcome saves even that
    classification for the values seen before."""

    specs: list[TokenSpec]
    rules: list[Rule]
    vocab: Vocab
    attributes: list[int] = field(init=False)
    mentioned: list[frozenset[int]] = field(init=False)
    regexes: list[tuple[re.Pattern[str], ...]] = field(init=False)
    single: list[Rule] = field(init=False)
    multi: list[Rule] = field(init=False)
    _classes: list[dict[int, int | None]] = field(init=False)
    _outcome_ids: dict[ClassKey, int] = field(init=False, default_factory=dict)
    _outcomes: list[Outcome] = field(init=False, default_factory=list)
    _tables: tuple[numpy.ndarray[Any, Any], ...] = field(init=False, default=())
    _rows: dict[tuple[int, ...], int] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        tests = [test for spec in self.specs for test in spec]
        self.attributes = sorted({test.attribute for test in tests})
        self.mentioned = [frozenset().union(*(t.values for t in tests if t.attribute == a)) for a in self.attributes]
        self.regexes = [tuple(t.regex for t in tests if t.attribute == a and t.regex) for a in self.attributes]
        self.single = sorted((r for r in self.rules if len(r.specs) == 1), key=lambda r: r.order)
        self.multi = [r for r in self.rules if len(r.specs) > 1]
        self._classes = [{} for _ in self.attributes]

    def _class_of(self, column: int, value: int) -> int | None:
        """The value itself if a test can tell it from others, else ``None`` ("any other value")."""
        known = self._classes[column]
        if value not in known:
            if len(known) >= MAX_MEMO:
                known.clear()
            regexes = self.regexes[column]
            relevant = value in self.mentioned[column] or (
                bool(regexes) and any(r.search(self.vocab.strings[value]) for r in regexes)
            )
            known[value] = value if relevant else None
        return known[value]

    def outcome_ids(self, rows: list[list[Any]]) -> numpy.ndarray[Any, Any]:
        """The outcome number of each token, from its values (one row per token)."""
        memo = self._rows
        if len(memo) >= MAX_MEMO:
            memo.clear()
        get = memo.get
        ids = []
        for row in map(tuple, rows):
            found = get(row)
            if found is None:
                key = tuple(self._class_of(j, value) for j, value in enumerate(row))
                found = memo[row] = self._outcome_id(key)
            ids.append(found)
        return numpy.array(ids, dtype=numpy.intp)

    def _outcome_id(self, key: ClassKey) -> int:
        found = self._outcome_ids.get(key)
        if found is None:
            found = self._outcome_ids[key] = len(self._outcomes)
            self._outcomes.append(self._evaluate(key))
        return found

    def tables(self) -> tuple[numpy.ndarray[Any, Any], ...]:
        """Values, winners and passed specs of every outcome so far, one row per outcome number."""
        if not self._tables or len(self._tables[0]) != len(self._outcomes):
            self._tables = tuple(
                numpy.stack([getattr(o, name) for o in self._outcomes]) for name in ("values", "winner", "passes")
            )
        return self._tables

    def _evaluate(self, key: ClassKey) -> Outcome:
        position = {attribute: j for j, attribute in enumerate(self.attributes)}

        def passes(spec: TokenSpec) -> bool:
            for test in spec:
                value = key[position[test.attribute]]
                text = self.vocab.strings[value] if value is not None and test.operator == "REGEX" else None
                if not test.passes(value, text):
                    return False
            return True

        passed = numpy.fromiter((passes(spec) for spec in self.specs), bool, len(self.specs))
        values = numpy.zeros(len(WRITABLE), numpy.uint64)
        winner = numpy.full(len(WRITABLE), -1, numpy.int64)
        for rule in self.single:  # in pattern order: a later rule overwrites
            if passed[rule.specs[0]]:
                for column, value in rule.attrs:
                    values[column], winner[column] = value, rule.order
        return Outcome(values, winner, passed)


def apply_rules(compiled: CompiledRules, doc: Doc) -> Doc:
    """Match every rule on the ``Doc`` as it is, then write the winners of each token at once."""
    if not len(doc):
        return doc
    columns: list[int | str] = list(compiled.attributes)
    rows = (
        doc.to_array(columns).reshape(len(doc), -1).tolist() if columns else [[] for _ in doc]
    )  # `[{}]` tests nothing
    ids = compiled.outcome_ids(rows)
    value_table, winner_table, passes_table = compiled.tables()
    values, winner = value_table[ids], winner_table[ids]
    if compiled.multi:
        for rule, start in multi_token_matches(compiled.multi, passes_table[ids]):
            target = start + rule.index if rule.index >= 0 else start + len(rule.specs) + rule.index
            for column, value in rule.attrs:
                if rule.order > winner[target, column]:
                    values[target, column], winner[target, column] = value, rule.order
    written = [j for j in range(len(WRITABLE)) if (winner[:, j] >= 0).any()]
    if not written:
        return doc
    attributes: list[int | str] = [WRITABLE[j] for j in written]
    current = doc.to_array(attributes).reshape(len(doc), -1)
    result = numpy.where(winner[:, written] >= 0, values[:, written], current)
    if (result != current).any():
        doc.from_array(attributes, result)  # type: ignore[arg-type]
    return doc


def multi_token_matches(rules: Iterable[Rule], passes: numpy.ndarray[Any, Any]) -> Iterator[tuple[Rule, int]]:
    """(rule, start) of every match of the fixed-length rules, from each token's passed specs."""
    length = passes.shape[0]
    for rule in rules:
        width = len(rule.specs)
        if width > length:
            continue
        hits = numpy.ones(length - width + 1, bool)
        for offset, spec in enumerate(rule.specs):
            hits &= passes[offset : length - width + 1 + offset, spec]
        for start in numpy.flatnonzero(hits):
            yield rule, int(start)
