"""``python -m quotes.nlp.attribute_ruler --verify CORPUS``: the compiled attribute_ruler and the
memoised lemmatizer annotate every token of a corpus exactly as spaCy's own."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from quotes.nlp.attribute_ruler import CompiledAttributeRuler
from quotes.nlp.attribute_ruler_compiler import NotCompilable
from quotes.nlp.lemmatizer import memoisable, memoised_copy


def token_annotations(doc: Doc) -> list[tuple[str, ...]]:
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, str(t.head.i)) for t in doc]


@dataclass
class Comparison:
    documents: int = 0
    tokens: int = 0
    differences: list[str] = field(default_factory=list)


def compare_rulers(nlp: Language, texts: Iterable[str], name: str = "attribute_ruler") -> Comparison:
    """Annotate each text up to ``name``, then finish it twice: with spaCy's AttributeRuler and the
    components after it up to the NER (the lemmatizer), and with the compiled ruler and the memoised
    lemmatizer (:mod:`quotes.nlp.lemmatizer`), as ``load_pipeline`` loads them; compare every token's
    tag, POS, morphology, lemma and dependency."""
    original = cast(AttributeRuler, nlp.get_pipe(name))
    compiled = CompiledAttributeRuler(nlp.vocab, name)
    compiled.add_patterns(original.patterns)
    if compiled.compiled is None:
        raise NotCompilable(f"{name}: {compiled.why_not_compiled}")
    names = nlp.pipe_names
    after = names[names.index(name) + 1 :]
    rest = [nlp.get_pipe(n) for n in after[: next((i for i, n in enumerate(after) if n == "ner"), len(after))]]
    our_rest: list[Any] = [memoised_copy(c) if memoisable(c) else c for c in rest]  # as load_pipeline swaps them
    result = Comparison()
    with nlp.select_pipes(enable=names[: names.index(name)]):
        for doc in nlp.pipe(texts):
            theirs, ours = original(doc.copy()), compiled(doc.copy())
            for component, our_component in zip(rest, our_rest, strict=True):
                theirs, ours = component(theirs), our_component(ours)
            result.documents += 1
            result.tokens += len(doc)
            for token, a, b in zip(doc, token_annotations(theirs), token_annotations(ours), strict=True):
                if a != b and len(result.differences) < 20:
                    result.differences.append(
                        f"document {result.documents}, token {token.i} {token.text!r}: {a} != {b}"
                    )
    return result


def _texts(paths: Sequence[str]) -> Iterator[str]:
    for path in paths:
        folder = Path(path)
        files = sorted(folder.glob("*.txt")) if folder.is_dir() else [folder]
        for file in files:
            yield file.read_text(encoding="utf8")


def main(argv: list[str] | None = None) -> int:
    import spacy

    from quotes.nlp.ops import numpy_blas_ops
    from quotes.nlp.pipeline import default_model, prepare_pipeline

    parser = argparse.ArgumentParser(
        prog="python -m quotes.nlp.attribute_ruler",
        description="spaCy's ``attribute_ruler``, with its patterns compiled into array look-ups.",
    )
    parser.add_argument("--verify", nargs="+", metavar="CORPUS", required=True, help=".txt files or folders of them")
    parser.add_argument("--model", default=None, help="pipeline with an attribute_ruler (default: the default one)")
    args = parser.parse_args(argv)
    model = args.model or default_model()
    with numpy_blas_ops():  # as load_pipeline loads it, but with spaCy's attribute_ruler to compare with
        nlp = prepare_pipeline(spacy.load(model))
    result = compare_rulers(nlp, _texts(args.verify))
    for line in result.differences:
        sys.stdout.write(line + "\n")
    verdict = "identical" if not result.differences else "DIFFERENT"
    sys.stdout.write(
        f"{verdict}: tag, POS, morph, lemma and dep of {result.tokens:,} tokens in {result.documents:,} documents "
        f"({model}: spaCy's attribute_ruler and lemmatizer vs the compiled and memoised ones)\n"
    )
    return 0 if not result.differences else 1
