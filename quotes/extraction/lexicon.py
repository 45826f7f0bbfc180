"""The reporting-cue lexicon (``quotes/data/cues.json``), loaded into an immutable value."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from spacy.tokens import Token

from quotes.errors import QuotesError
from quotes.extraction.labels import VERBAL_POS
from quotes.resources import read_json, schema_error

_INFLECTIONS = (
    ("ied", "y"),
    ("ies", "y"),
    ("ing", ""),
    ("ing", "e"),
    ("ed", ""),
    ("ed", "e"),
    ("es", ""),
    ("s", ""),
)


class LexiconError(QuotesError, ValueError):
    """A cue lexicon that cannot be read or does not follow ``cues.schema.json``."""


@dataclass(frozen=True)
class Lexicon:
    """Lemmas and phrases that signal an attribution; see ``cues.json`` for each list's role."""

    speech_verbs: frozenset[str]
    infinitival_verbs: frozenset[str]
    fragment_verbs: frozenset[str]
    belief_verbs: frozenset[str]
    source_phrases: tuple[tuple[str, ...], ...]
    quote_verbs: frozenset[str]
    addressee_verbs: frozenset[str]
    question_verbs: frozenset[str]
    topic_prepositions: dict[str, frozenset[str]]
    target_verbs: frozenset[str]
    citing_verbs: frozenset[str]
    speech_nouns: frozenset[str]
    proposition_verbs: frozenset[str]
    creation_verbs: frozenset[str]
    #: Words that stand for a whole proposition or answer after a speech verb (`said so`).
    proform_contents: frozenset[str] = frozenset()

    @classmethod
    def from_dict(cls, data: dict[str, Any], source: str = "cue lexicon") -> Lexicon:
        """Build from cue JSON; raises :class:`LexiconError` naming the key that is wrong."""
        error = schema_error(data, "cues.schema.json")
        if error is not None:
            raise LexiconError(f"invalid {source} {error}")
        return cls(
            speech_verbs=frozenset(data["speech_verbs"]),
            infinitival_verbs=frozenset(data["infinitival_verbs"]),
            fragment_verbs=frozenset(data["fragment_verbs"]),
            belief_verbs=frozenset(data["belief_verbs"]),
            source_phrases=tuple(sorted((tuple(p) for p in data["source_phrases"]), key=len, reverse=True)),
            quote_verbs=frozenset(data["quote_verbs"]),
            addressee_verbs=frozenset(data["addressee_verbs"]),
            question_verbs=frozenset(data.get("question_verbs", ())),
            target_verbs=frozenset(data.get("target_verbs", ())),
            citing_verbs=frozenset(data.get("citing_verbs", ())),
            topic_prepositions={verb: frozenset(p) for verb, p in data.get("topic_prepositions", {}).items()},
            speech_nouns=frozenset(data["speech_nouns"]),
            proposition_verbs=frozenset(data["proposition_verbs"]),
            creation_verbs=frozenset(data["creation_verbs"]),
            proform_contents=frozenset(data.get("proform_contents", ())),
        )

    @classmethod
    def default(cls) -> Lexicon:
        return default_lexicon()

    @classmethod
    def from_file(cls, path: str | Path) -> Lexicon:
        try:
            data = json.loads(Path(path).read_text(encoding="utf8"))
        except (OSError, ValueError) as error:
            raise LexiconError(f"cannot read cue lexicon {path}: {error}") from error
        return cls.from_dict(data, f"cue lexicon {path}")

    def is_cue_verb(self, lemma: str) -> bool:
        """A cue of reported speech or thought (not the direct-only ``quote_verbs``)."""
        return lemma in self.speech_verbs or lemma in self.belief_verbs or lemma in self.fragment_verbs

    def cue_lemma(self, token: Token) -> str:
        """The token's lemma, or, for a verb the lemmatizer got wrong (`joked` → `joked`),
        the lexicon entry its inflection points to."""
        key = (token.lemma, token.tag, token.lower)
        if key not in self._cue_lemmas:  # asked for every verb of every text: a few thousand forms
            self._cue_lemmas[key] = self._cue_lemma(token.lemma_.lower(), token.tag_, token.lower_)
        return self._cue_lemmas[key]

    @cached_property
    def _cue_lemmas(self) -> dict[tuple[int, int, int], str]:
        return {}

    def _cue_lemma(self, lemma: str, tag: str, word: str) -> str:
        if self.is_quote_cue(lemma) or not tag.startswith("VB"):
            return lemma
        for suffix, replacement in _INFLECTIONS:
            if word.endswith(suffix) and self.is_quote_cue(candidate := word[: -len(suffix)] + replacement):
                return candidate
        return lemma

    @cached_property
    def proposition_object_verbs(self) -> frozenset[str]:
        """Verbs whose noun-phrase object is what was said (`denied involvement`)."""
        return self.proposition_verbs | (self.speech_verbs - self.addressee_verbs - self.creation_verbs)

    def is_quote_cue(self, lemma: str) -> bool:
        """A verb that can introduce a direct quote."""
        return self.is_cue_verb(lemma) or lemma in self.quote_verbs

    def is_quoting_verb(self, token: Token) -> bool:
        """A verb token that can introduce a direct quote (`said`, `yelled`, `joked`)."""
        return token.pos_ in VERBAL_POS and self.is_quote_cue(self.cue_lemma(token))


@cache
def default_lexicon() -> Lexicon:
    """The shipped lexicon, validated and built once (immutable)."""
    return Lexicon.from_dict(read_json("cues.json"), "shipped cue lexicon")
