"""Loading the English pipeline: en_core_web_sm by default, the shipped model or any installed one.

Every pipeline goes through :func:`prepare_pipeline`, so the quote rules see the
same tokenization of news names and the same paragraph sentence breaks whether
the model is ours or ``en_core_web_sm``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import numpy
import spacy
from spacy.attrs import IS_SPACE, SENT_START, TAG
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from quotes.errors import QuotesError
from quotes.nlp import entity_repair as entities  # noqa: F401  registers the shipped pipeline's entity_repair factory
from quotes.nlp.attribute_ruler import compile_attribute_rulers
from quotes.nlp.lemmatizer import memoise_lemmatizers
from quotes.nlp.model_integrity import (
    installed_package,
    known_model_of,
    known_models,
    package_data_dir,
    verify_model_files,
)
from quotes.nlp.ops import numpy_blas_ops
from quotes.resources import read_json

#: The pipeline used when none is named: spaCy's en_core_web_sm 3.8 (MIT, trained by Explosion
#: on OntoNotes 5), from spaCy's package or its pinned re-upload on the package index.
DEFAULT_MODEL = "en_core_web_sm"
MODELS_DIR = Path(__file__).parent.parent / "models"


class ModelNotFoundError(QuotesError, LookupError):
    """Raised when a named pipeline is neither a shipped, installed nor on-disk model."""


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every newline (headlines and datelines have no final stop),
    and never between two proper nouns (`Kata’ib | Hezbollah`), when tags are there.

    Written once for the whole ``Doc`` from arrays: setting ``token.is_sent_start`` token by
    token makes spaCy check the whole ``Doc`` for a parse each time, which made this step
    quadratic in the length of the document (minutes for a few megabytes)."""
    if len(doc) < 2:
        return doc
    columns = doc.to_array([SENT_START, TAG, IS_SPACE])
    sent_starts = sent_starts_after_paragraphs(
        columns[:, 0].astype(numpy.int64),
        columns[:, 1] == doc.vocab.strings.add("NNP"),
        newline_tokens(doc, columns[:, 2].astype(bool)),
    )
    if (sent_starts != columns[:, 0].astype(numpy.int64)).any():
        if doc.has_annotation("DEP"):  # as spaCy's own setter: sentences of a parse are the parse's
            raise ValueError("paragraph_breaks must run before the parser: this Doc is already parsed")
        doc.from_array([SENT_START], sent_starts.astype(numpy.uint64))  # type: ignore[arg-type]
    return doc


def newline_tokens(doc: Doc, is_space: numpy.ndarray[Any, Any]) -> numpy.ndarray[Any, Any]:
    """Which tokens are whitespace holding a newline (only the whitespace tokens are looked at)."""
    found = numpy.zeros(len(doc), dtype=bool)
    for i in numpy.flatnonzero(is_space):
        found[i] = "\n" in doc[int(i)].text
    return found


def sent_starts_after_paragraphs(
    sent_starts: numpy.ndarray[Any, Any], proper_noun: numpy.ndarray[Any, Any], newline: numpy.ndarray[Any, Any]
) -> numpy.ndarray[Any, Any]:
    """SENT_START values (1 start, -1 not, 0 unknown): a token after a newline starts a sentence;
    otherwise one proper noun after another does not; every other token keeps its value."""
    result = sent_starts.copy()
    after_newline = newline[:-1]
    inside_name = proper_noun[1:] & proper_noun[:-1] & ~after_newline
    result[1:][inside_name] = -1
    result[1:][after_newline] = 1
    return cast("numpy.ndarray[Any, Any]", result)


Matcher = Callable[[str], "re.Match[str] | None"]


def hyphenated_name_pattern(particles: list[str]) -> str:
    """`al-Sa’edi`-style names as one token, but leave a possessive `’s` to split."""
    alternatives = "|".join(sorted((re.escape(p) for p in particles), key=len, reverse=True))
    return rf"^(?i:{alternatives})-[A-Z][\w]*(?:['’][a-z]+)?$(?<!['’]s)"


#: C0 control characters (not tab/newline/CR) and DEL: split off like punctuation, so a
#: stray control byte never glues itself to a word (``\x07“We``).
CONTROL_CHARACTERS = "[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]"


def _tried_first(pattern: str, rule: Matcher | None, method: str) -> Matcher:
    """A tokenizer rule that tries `pattern` before `rule`.

    Kept a compiled regex whenever `rule` is one, so the tokenizer can still be saved."""
    original = getattr(rule, "__self__", None)
    if isinstance(original, re.Pattern):
        return getattr(re.compile(f"{pattern}|{original.pattern}"), method)  # type: ignore[no-any-return]
    first: Matcher = getattr(re.compile(pattern), method)
    if rule is None:
        return first
    return lambda text: first(text) or rule(text)


def prepare_pipeline(nlp: Language) -> Language:
    """Add the news tokenization rules and the paragraph component to any pipeline."""
    tokenizer = nlp.tokenizer
    if isinstance(tokenizer, Tokenizer):  # a custom tokenizer is left as its author made it
        names = hyphenated_name_pattern(read_json("tokenizer.json")["hyphenated_name_particles"])
        tokenizer.token_match = _tried_first(names, tokenizer.token_match, "match")
        tokenizer.prefix_search = _tried_first(f"^{CONTROL_CHARACTERS}", tokenizer.prefix_search, "search")
        tokenizer.suffix_search = _tried_first(f"{CONTROL_CHARACTERS}$", tokenizer.suffix_search, "search")
    if "paragraph_breaks" not in nlp.pipe_names:
        first_syntax = next((name for name in ("parser", "senter", "sentencizer") if name in nlp.pipe_names), None)
        if first_syntax:
            nlp.add_pipe("paragraph_breaks", before=first_syntax)
        else:
            nlp.add_pipe("paragraph_breaks", first=True)
    return nlp


def resolve_model(name: str | Path | None = None) -> str | Path:
    """What :func:`load_pipeline` loads for `name`: a shipped model's folder, a folder, the
    installed package that carries a known pipeline (``en_core_web_sm`` from spaCy or from the
    pinned re-upload), or the name as given."""
    target = str(name or DEFAULT_MODEL)
    shipped = MODELS_DIR / target
    if shipped.is_dir():
        return shipped
    if Path(target).is_dir():
        return Path(target)
    return installed_package(target) or target


def pipeline_name(nlp: Language) -> str:
    """``en_core_web_sm-3.8.0`` whichever package carried it; ``lang_name-version`` for others."""
    package = f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'pipeline')}"
    known = next((m.name for m in known_models().values() if package in m.packages), package)
    return f"{known}-{nlp.meta.get('version', '0')}"


def default_model() -> str:
    """The installed package that carries the default pipeline (or its name if none does)."""
    return str(resolve_model(DEFAULT_MODEL))


def model_exists(name: str | Path | None) -> bool:
    """Whether :func:`load_pipeline` would find the model, without loading it."""
    target = resolve_model(name)
    return isinstance(target, Path) or spacy.util.is_package(target)


def load_pipeline(name: str | Path | None = None) -> Language:
    """Load the default pipeline (en_core_web_sm), a shipped model, an installed package, or a path.

    Load it once and pass it to :func:`quotes.extract`; loading is the slow part. The files of an
    installed package recorded in ``model_checksums.json`` are checked first
    (:class:`ModelIntegrityError` names a file that differs); a folder is the caller's own, and
    may hold a pipeline saved after changes. Its models do their matrix products with numpy's BLAS
    (:mod:`quotes.ops`), unless another thinc backend was chosen before, and its ``attribute_ruler``
    is compiled into array look-ups (:mod:`quotes.nlp.attribute_ruler`) and its rule lemmatizer memoised
    (:mod:`quotes.nlp.lemmatizer`): same annotations, a fraction of the time.
    ``prepare_pipeline(spacy.load(name))`` keeps thinc's ops and spaCy's components.
    """
    target = resolve_model(name)
    if isinstance(target, Path):
        folder = target
    elif spacy.util.is_package(target):
        folder = package_data_dir(target)
        known = known_model_of(folder)
        if known:
            verify_model_files(folder, known)
    else:
        raise ModelNotFoundError(_not_found(target))
    try:
        with numpy_blas_ops():
            nlp = spacy.load(folder)
    except OSError as error:
        raise ModelNotFoundError(_not_found(str(target))) from error
    if nlp.lang != "en":
        raise ModelNotFoundError(f"pipeline {str(target)!r} is for language {nlp.lang!r}, not English")
    compile_attribute_rulers(nlp)
    memoise_lemmatizers(nlp)
    return prepare_pipeline(nlp)


def _not_found(name: str) -> str:
    known = known_models().get(name)
    if known:
        return f"spaCy pipeline {name!r} is not installed: {known.install}"
    available = sorted(p.name for p in MODELS_DIR.iterdir() if p.is_dir()) if MODELS_DIR.is_dir() else []
    if "/" in name or "\\" in name:
        where = f"there is no pipeline folder {name!r}"
    else:
        where = f"is it installed? (python -m spacy download {name}, or pip install its package)"
    return (
        f"cannot load spaCy pipeline {name!r}: {where}; give an installed package name (e.g. {DEFAULT_MODEL}), "
        f"a pipeline directory, or one of the shipped models {available}"
    )
