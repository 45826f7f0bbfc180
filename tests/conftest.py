from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import quotes

pytest_plugins = ["pytester"]

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The default pipeline (en_core_web_sm), loaded once for the whole run."""
    return quotes.load_pipeline()


@pytest.fixture(scope="session")
def news_nlp() -> Language:
    """The project's own pipeline, en_quotes_news (UD labels), loaded once for the whole run."""
    return quotes.load_pipeline("en_quotes_news")


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    return {path.stem: path.read_text(encoding="utf8") for path in sorted(SEEDS.glob("*.txt"))}


DocMaker = Callable[..., Doc]


@pytest.fixture(scope="session")
def make_doc() -> DocMaker:
    """Build a parsed ``Doc`` by hand: rules are tested without any model.

    ``rows`` are (word, head index, dep, pos, lemma[, tag]); heads are absolute
    token indices, a token that heads itself is the root; ``sentences`` are the
    indices of the tokens that start a sentence.
    """
    vocab = spacy.blank("en").vocab

    def build(rows: list[tuple[str, ...]], spaces: list[bool] | None = None, sentences: tuple[int, ...] = (0,)) -> Doc:
        words = [r[0] for r in rows]
        if spaces is None:
            spaces = [
                i + 1 < len(words) and words[i + 1] not in {",", ".", ":", "”", "'s", "’s"} and words[i] not in {"“"}
                for i in range(len(words))
            ]
        return Doc(
            vocab,
            words=words,
            spaces=spaces,
            heads=[int(r[1]) for r in rows],
            deps=[r[2] for r in rows],
            pos=[r[3] for r in rows],
            lemmas=[r[4] for r in rows],
            tags=[r[5] if len(r) > 5 else "" for r in rows],
            sent_starts=[i in sentences for i in range(len(rows))],
        )

    return build
