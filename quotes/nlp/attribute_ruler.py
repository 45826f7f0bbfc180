"""spaCy's ``attribute_ruler``, with its patterns compiled into array look-ups.

:class:`CompiledAttributeRuler` is spaCy's ``AttributeRuler`` (same patterns, serialisation and
scorer) with another ``__call__``, which applies the rules compiled by
:mod:`quotes.nlp.attribute_ruler_compiler`; a ruler with a pattern it cannot compile (operators
such as ``OP``, extension attributes, predicates other than equality, ``IN``, ``NOT_IN`` and
``REGEX``) runs spaCy's own. The results are the same as spaCy's:
``python -m quotes.nlp.attribute_ruler --verify CORPUS`` compares both token by token
(:mod:`quotes.nlp.attribute_ruler_verification`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.pipeline.attributeruler import attribute_ruler_score
from spacy.tokens import Doc
from spacy.vocab import Vocab

from quotes.nlp.attribute_ruler_compiler import CompiledRules, NotCompilable, apply_rules, compile_rules

FACTORY = "compiled_attribute_ruler"


class CompiledAttributeRuler(AttributeRuler):
    """spaCy's AttributeRuler, annotating with its patterns compiled (see the module's docstring)."""

    def __init__(self, vocab: Vocab, name: str = "attribute_ruler", *, validate: bool = False, scorer: Any = None):
        super().__init__(vocab, name, validate=validate, scorer=scorer or attribute_ruler_score)
        self._compiled: CompiledRules | None = None
        self._not_compilable: str | None = None

    def clear(self) -> None:
        super().clear()
        self._compiled, self._not_compilable = None, None

    def add(self, patterns: Iterable[Any], attrs: dict[Any, Any], index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._compiled, self._not_compilable = None, None

    @property
    def compiled(self) -> CompiledRules | None:
        """The compiled rules, or ``None`` when a pattern cannot be compiled (see ``why_not_compiled``)."""
        if self._compiled is None and self._not_compilable is None:
            try:
                specs, rules = compile_rules(self)
            except NotCompilable as error:
                self._not_compilable = str(error)
            else:
                self._compiled = CompiledRules(specs, rules, self.vocab)
        return self._compiled

    @property
    def why_not_compiled(self) -> str | None:
        return self._not_compilable if self.compiled is None else None

    def __call__(self, doc: Doc) -> Doc:
        compiled = self.compiled
        if compiled is None:
            return super().__call__(doc)
        error_handler = self.get_error_handler()
        try:
            return apply_rules(compiled, doc)
        except Exception as error:
            return cast(Doc, error_handler(self.name, self, [doc], error))


@Language.factory(FACTORY, default_config={"validate": False}, default_score_weights={})
def make_compiled_attribute_ruler(nlp: Language, name: str, validate: bool) -> CompiledAttributeRuler:
    return CompiledAttributeRuler(nlp.vocab, name, validate=validate)


def compile_attribute_rulers(nlp: Language) -> list[str]:
    """Replace every spaCy ``attribute_ruler`` of ``nlp`` by a compiled one with the same patterns;
    the names of those replaced. A ruler whose patterns cannot all be compiled is left as it is."""
    replaced = []
    for name, component in list(nlp.pipeline):
        if type(component) is not AttributeRuler:
            continue
        compiled = CompiledAttributeRuler(nlp.vocab, name, validate=component.validate, scorer=component.scorer)
        compiled.add_patterns(component.patterns)
        if compiled.compiled is None:
            continue
        nlp.replace_pipe(name, FACTORY, config={"validate": component.validate})
        replacement = cast(CompiledAttributeRuler, nlp.get_pipe(name))
        replacement.add_patterns(component.patterns)
        replaced.append(name)
    return replaced


if __name__ == "__main__":
    from quotes.nlp.attribute_ruler_verification import main

    raise SystemExit(main())
