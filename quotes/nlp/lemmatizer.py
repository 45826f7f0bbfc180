"""spaCy's English rule lemmatizer, with its answers memoised and written with one array.

en_core_web_sm's ``lemmatizer`` takes a token at a time in Python: it reads the token's
morphology into a dict to decide whether it is a base form, and caches only the lemmas it
derived from its rules, so that most tokens (singular nouns, base verbs, punctuation) go through
the whole check every time, and it tests whether a candidate form is a known word by scanning a
list of thousands. It took a fifth of the pipeline's time on unseen text. A lemma is a
function of the token's text, POS and morphology (and the lemmatizer's tables), so
:class:`MemoisedLemmatizer` asks spaCy's own method once per distinct (ORTH, POS, MORPH) and
writes the lemmas of a whole ``Doc`` with ``Doc.from_array``; the lemmas are spaCy's.

Its ``rule_lemmatize`` is spaCy's, step for step, with the word lists as sets. It is the same
component otherwise (tables, configuration, serialisation, scorer): only
``__call__`` differs. Lemmatizers of other classes (trainable ones, custom subclasses) are left
as they are.
"""

from __future__ import annotations

import warnings
from typing import Any, TypeGuard, cast

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors, Warnings
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc, Token

FACTORY = "memoised_lemmatizer"

#: Distinct (ORTH, POS, MORPH) remembered; the memo is cleared past this.
MAX_MEMO = 500_000

#: Lemmatizers whose answer depends only on the token's ORTH, POS and MORPH (and the tables).
MEMOISABLE = (EnglishLemmatizer,)


class MemoisedLemmatizer(EnglishLemmatizer):
    """spaCy's English lemmatizer, asked once per distinct (ORTH, POS, MORPH)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._memo: dict[tuple[int, int, int], int] = {}
        self._index_sets: tuple[object, dict[str, frozenset[str]]] | None = None

    def _index(self, univ_pos: str) -> frozenset[str]:
        """The ``lemma_index`` words of a POS as a set: spaCy's tables hold lists, and its rule
        lemmatizer tests membership in them, a scan of thousands of words per candidate form."""
        table = self.lookups.get_table("lemma_index", {})
        if self._index_sets is None or self._index_sets[0] is not table:
            self._index_sets = (table, {})  # spaCy's tables are keyed by string hashes: filled per POS
        sets = self._index_sets[1]
        if univ_pos not in sets:
            sets[univ_pos] = frozenset(table.get(univ_pos, ()))
        return sets[univ_pos]

    def rule_lemmatize(self, token: Token) -> list[str]:
        """spaCy's ``Lemmatizer.rule_lemmatize``, step for step, with set look-ups in the index."""
        cache_key = (token.orth, token.pos, token.morph.key)  # type: ignore[attr-defined]
        if cache_key in self.cache:
            return self.cache[cache_key]  # type: ignore[no-any-return]
        string = token.text
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space"):
            if univ_pos == "":
                warnings.warn(Warnings.W108, stacklevel=2)
            return [string.lower()]
        if self.is_base_form(token):
            return [string.lower()]
        index_table = self.lookups.get_table("lemma_index", {})
        exc_table = self.lookups.get_table("lemma_exc", {})
        rules_table = self.lookups.get_table("lemma_rules", {})
        if not any((index_table.get(univ_pos), exc_table.get(univ_pos), rules_table.get(univ_pos))):
            return [string] if univ_pos == "propn" else [string.lower()]
        index = self._index(univ_pos)
        exceptions = exc_table.get(univ_pos, {})
        rules = rules_table.get(univ_pos, {})
        orig = string
        string = string.lower()
        forms: list[str] = []
        oov_forms = []
        for old, new in rules:
            if string.endswith(old):
                form = string[: len(string) - len(old)] + new
                if not form:
                    pass
                elif form in index or not form.isalpha():
                    if form in index:
                        forms.insert(0, form)
                    else:
                        forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))
        for form in exceptions.get(string, []):
            if form not in forms:
                forms.insert(0, form)
        if not forms:
            forms.extend(oov_forms)
        if not forms:
            forms.append(orig)
        self.cache[cache_key] = forms
        return forms

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated:
            self._validate_tables(Errors.E1004)
        error_handler = self.get_error_handler()
        try:
            return self._lemmatize_doc(doc)
        except Exception as error:
            return error_handler(self.name, self, [doc], error)

    def _lemmatize_doc(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        columns = doc.to_array([LEMMA, ORTH, POS, MORPH]).reshape(len(doc), -1)
        lemmas = columns[:, 0].copy()
        todo = numpy.arange(len(doc)) if self.overwrite else numpy.flatnonzero(lemmas == 0)
        if not len(todo):
            return doc
        memo = self._memo
        if len(memo) >= MAX_MEMO:
            memo.clear()
        strings = doc.vocab.strings
        found = []
        for i, key in zip(todo.tolist(), map(tuple, columns[todo, 1:].tolist()), strict=True):
            lemma = memo.get(key)
            if lemma is None:
                lemma = memo[key] = strings.add(self.lemmatize(doc[i])[0])
            found.append(lemma)
        lemmas[todo] = numpy.array(found, dtype=numpy.uint64)
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


@Language.factory(
    FACTORY,
    assigns=["token.lemma"],
    default_config={
        "model": None,
        "mode": "rule",
        "overwrite": False,
        "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"},
    },
    default_score_weights={"lemma_acc": 1.0},
)
def make_memoised_lemmatizer(
    nlp: Language, model: Any, name: str, mode: str, overwrite: bool, scorer: Any
) -> MemoisedLemmatizer:
    return MemoisedLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)


def memoisable(component: object) -> TypeGuard[Lemmatizer]:
    return type(component) in MEMOISABLE and getattr(component, "mode", None) in {"rule", "lookup"}


def adopt_tables(replacement: MemoisedLemmatizer, original: Lemmatizer) -> MemoisedLemmatizer:
    """Give ``replacement`` the tables (already loaded and checked) and scorer of ``original``."""
    replacement.lookups = original.lookups
    replacement._validated = original._validated
    replacement.scorer = original.scorer
    return replacement


def memoised_copy(original: Lemmatizer) -> MemoisedLemmatizer:
    """A memoised lemmatizer with the tables and settings of ``original`` (outside any pipeline)."""
    copy = MemoisedLemmatizer(original.vocab, None, original.name, mode=original.mode, overwrite=original.overwrite)
    return adopt_tables(copy, original)


def memoise_lemmatizers(nlp: Language) -> list[str]:
    """Replace every spaCy English rule or lookup lemmatizer of ``nlp`` by a memoised one with the
    same tables and settings; the names of those replaced."""
    replaced = []
    for name, component in list(nlp.pipeline):
        if not memoisable(component):
            continue
        nlp.replace_pipe(name, FACTORY, config={"mode": component.mode, "overwrite": component.overwrite})
        adopt_tables(cast(MemoisedLemmatizer, nlp.get_pipe(name)), component)
        replaced.append(name)
    return replaced
