"""The ``quotes`` spaCy component: ``nlp.add_pipe("quotes")`` annotates who said what.

Registered through the ``spacy_factories`` entry point, so it is available in any
program once the package is installed. It needs a dependency parser, tags and
lemmas earlier in the pipeline. What it writes is described in
:mod:`quotes.annotations`; ``doc._.quotes`` reads it back as :class:`quotes.Quote` records.

Its lexicon and speaker registry come from the config, as registered functions
(``{"@misc": "quotes.default_lexicon.v1"}``) or inline JSON data, or, as before, as
file paths. They are resolved into plain data the first time the component is needed
(or on :meth:`QuotesComponent.initialize`), and that data is what ``nlp.to_disk`` saves:
a loaded pipeline reads it back instead of the config, so it needs no other file.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from spacy import util
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import registry as spacy_registry

from quotes.extraction.lexicon import Lexicon, LexiconError
from quotes.extractor import Extractor
from quotes.nlp.annotations import annotate, read_quotes
from quotes.records import Quote
from quotes.resources import read_json
from quotes.speakers.registry import Registry, RegistryError, merge_registry_data, shipped_registry_data

#: What the rules read from earlier components (see ``nlp.analyze_pipes()``).
REQUIRES = ["token.dep", "token.head", "token.pos", "token.tag", "token.lemma", "doc.sents"]
ASSIGNS = ["doc.spans", "doc.user_data", "doc._.quotes"]
LEXICON_FILE = "lexicon.json"
REGISTRY_FILE = "registry.json"


def default_lexicon() -> dict[str, Any]:
    """The shipped reporting-cue lexicon (``quotes/data/cues.json``), as data (a copy: the
    caller may change it without changing the shipped one)."""
    return copy.deepcopy(read_json("cues.json"))


def default_registry() -> dict[str, Any]:
    """The shipped speaker registry (``quotes/data/registry.json`` and ``registry_general.json``), as data (a copy)."""
    return copy.deepcopy(shipped_registry_data())


# Registered by name for configs: ``{"@misc": "quotes.default_lexicon.v1"}`` (and found through
# the ``spacy_misc`` entry points before this module is imported).
spacy_registry.misc.register("quotes.default_lexicon.v1", func=default_lexicon)
spacy_registry.misc.register("quotes.default_registry.v1", func=default_registry)


@dataclass(frozen=True)
class QuotesSettings:
    """The component's config as given: data or file paths, not yet read."""

    lexicon: dict[str, Any] | None = None
    registry: dict[str, Any] | None = None
    registry_only: bool = False
    lexicon_path: str | None = None
    registry_path: str | None = None


@dataclass(frozen=True)
class QuotesData:
    """The lexicon and the whole speaker registry (shipped and own entities merged) as
    JSON data: what the component saves, so a loaded pipeline needs no other file."""

    lexicon: dict[str, Any]
    registry: dict[str, Any]


def resolve_data(settings: QuotesSettings) -> QuotesData:
    """Read the files the settings name and merge the registries.

    ``registry`` (or the file at ``registry_path``) is added to the shipped registry, its
    entities replacing shipped ones with the same id, or, with ``registry_only``, used alone."""
    lexicon = _data_or_file(settings.lexicon, settings.lexicon_path, "cue lexicon", LexiconError)
    own = _data_or_file(settings.registry, settings.registry_path, "speaker registry", RegistryError)
    return QuotesData(
        lexicon if lexicon is not None else default_lexicon(),
        merge_registry_data(default_registry(), own, only=settings.registry_only),
    )


def _data_or_file(
    data: dict[str, Any] | None, path: str | None, what: str, error: type[Exception]
) -> dict[str, Any] | None:
    """Inline (or registered) data, or the JSON file at ``path``; naming both is ambiguous."""
    if data is not None and path:
        raise error(f"give the {what} as data or as a path, not both (path {path!r})")
    if not path:
        return data
    try:
        loaded = json.loads(Path(path).read_text(encoding="utf8"))
    except (OSError, ValueError) as reason:
        raise error(f"cannot read {what} {path}: {reason}") from reason
    if not isinstance(loaded, dict):
        raise error(f"{what} {path} must hold a JSON object, not {type(loaded).__name__}")
    return loaded


@dataclass(frozen=True)
class _Resources:
    """The data, and the extractor built from it once."""

    data: QuotesData
    extractor: Extractor

    @classmethod
    def of(cls, data: QuotesData, nlp: Language) -> _Resources:
        return cls(data, Extractor(nlp, Lexicon.from_dict(data.lexicon), Registry.from_dict(data.registry)))


def register_extensions() -> None:
    """``Doc._.quotes`` (the records, read from the annotations) and ``Doc._.doc_id`` (set
    it to name the records). Called by the component, so importing this module changes nothing."""
    if not Doc.has_extension("quotes"):
        Doc.set_extension("quotes", getter=read_quotes)
    if not Doc.has_extension("doc_id"):
        Doc.set_extension("doc_id", default=None)


class QuotesComponent(Pipe):
    """Finds the quotes of a document and writes them as spans and user data (see
    :mod:`quotes.annotations`); errors go to the pipeline's error handler."""

    def __init__(self, nlp: Language, name: str = "quotes", settings: QuotesSettings | None = None) -> None:
        register_extensions()
        self.nlp = nlp
        self.name = name
        self.settings = settings or QuotesSettings()
        self._resources: _Resources | None = None

    def __call__(self, doc: Doc) -> Doc:
        try:
            annotate(doc, self.find(doc), doc._.doc_id or "doc")
        except Exception as error:  # spaCy's convention: the handler decides (the default re-raises)
            self.get_error_handler()(self.name, self, [doc], error)
        return doc

    def find(self, doc: Doc) -> list[Quote]:
        """The quotes of a parsed ``doc``, as :func:`quotes.quotes_from_doc` finds them."""
        if not doc.text.strip():
            return []
        if not doc.has_annotation("DEP"):
            raise ValueError(
                f"[{self.name}] needs a dependency parser before it in the pipeline "
                "(e.g. quotes.load_pipeline() or en_core_web_sm)"
            )
        return self._ready().extractor.extract_doc(doc, doc._.doc_id)

    def initialize(
        self, get_examples: Callable[[], Iterable[Example]] | None = None, *, nlp: Language | None = None
    ) -> None:
        """Read the lexicon and registry the config names (files included), now rather than
        on the first document; nothing is learnt from ``get_examples``."""
        self._resources = _Resources.of(resolve_data(self.settings), self.nlp)

    @property
    def lexicon(self) -> Lexicon:
        return self._ready().extractor.lexicon

    @property
    def registry(self) -> Registry:
        return self._ready().extractor.registry

    @property
    def data(self) -> QuotesData:
        """What :meth:`to_disk` and :meth:`to_bytes` save."""
        return self._ready().data

    def _ready(self) -> _Resources:
        if self._resources is None:
            self.initialize()
        assert self._resources is not None  # for mypy: initialize() sets it
        return self._resources

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        data = _as_parts(self.data)
        return util.to_bytes({part: partial(_dumps, value) for part, value in data.items()}, exclude)

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> QuotesComponent:
        loaded: dict[str, dict[str, Any]] = {}
        util.from_bytes(bytes_data, {part: partial(_keep_bytes, loaded, part) for part in _PARTS}, exclude)
        self._load(loaded)
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        data = _as_parts(self.data)
        util.to_disk(path, {name: partial(_write, data[part]) for part, name in _PARTS.items()}, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> QuotesComponent:
        loaded: dict[str, dict[str, Any]] = {}
        util.from_disk(path, {name: partial(_keep_file, loaded, part) for part, name in _PARTS.items()}, exclude)
        self._load(loaded)
        return self

    def _load(self, loaded: dict[str, dict[str, Any]]) -> None:
        """Use saved data; a part left out by ``exclude`` comes from the config as before."""
        if len(loaded) < len(_PARTS):
            loaded = _as_parts(self.data) | loaded
        self._resources = _Resources.of(QuotesData(loaded["lexicon"], loaded["registry"]), self.nlp)


#: The saved parts, with their file names (the stem is what ``exclude`` names).
_PARTS = {"lexicon": LEXICON_FILE, "registry": REGISTRY_FILE}


def _as_parts(data: QuotesData) -> dict[str, dict[str, Any]]:
    return {"lexicon": data.lexicon, "registry": data.registry}


def _dumps(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf8")


def _write(data: dict[str, Any], path: Path) -> None:
    path.write_bytes(_dumps(data))


def _keep_bytes(loaded: dict[str, dict[str, Any]], part: str, saved: bytes) -> None:
    loaded[part] = json.loads(saved)


def _keep_file(loaded: dict[str, dict[str, Any]], part: str, path: Path) -> None:
    """A part saved by :meth:`QuotesComponent.to_disk`; a pipeline saved before the component
    saved anything has none, and keeps what its config names."""
    if path.exists():
        loaded[part] = json.loads(path.read_bytes())


@Language.factory(
    "quotes",
    default_config={
        "lexicon": None,
        "registry": None,
        "registry_only": False,
        "lexicon_path": None,
        "registry_path": None,
    },
    requires=REQUIRES,
    assigns=ASSIGNS,
)
def make_quotes_component(
    nlp: Language,
    name: str,
    lexicon: dict[str, Any] | None,
    registry: dict[str, Any] | None,
    registry_only: bool,
    lexicon_path: str | None,
    registry_path: str | None,
) -> QuotesComponent:
    """``lexicon``/``registry``: registered functions or inline data (``None``: the shipped
    lexicon, no own speakers); ``registry_only``: own speakers replace the shipped registry;
    ``*_path``: the same as JSON files, read once and saved with the pipeline."""
    return QuotesComponent(nlp, name, QuotesSettings(lexicon, registry, registry_only, lexicon_path, registry_path))
