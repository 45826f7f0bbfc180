"""Read UD CoNLL-U treebanks (EWT, GUM) into spaCy training ``Doc``s.

spaCy's own ``conllu`` converter cannot read GUM's bracketed ``Entity=``
annotation and drops paragraph breaks, so the recipe uses this reader:

* every ``# newpar`` inside a document becomes a ``"\\n"`` whitespace token, so
  the parser sees the same paragraph tokens it meets in news text;
* multi-word tokens (``don't`` → ``do`` + ``n't``) keep their syntactic words,
  with no space between the parts;
* GUM named mentions (those headed by a proper noun) become entities, with the
  types mapped by :data:`GUM_ENTITY_TYPES`; EWT documents carry no entity
  annotation at all, which spaCy treats as missing (not as "no entities").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

#: GUM entity type → spaCy/OntoNotes label, for named mentions only.
#: ``abstract``, ``substance``, ``plant``, ``animal`` and ``quantity`` mentions are
#: rarely names and are left out; GUM has no separate GPE/LOC, so every named
#: ``place`` is a GPE (countries and cities dominate news text).
GUM_ENTITY_TYPES = {
    "person": "PERSON",
    "organization": "ORG",
    "place": "GPE",
    "event": "EVENT",
    "object": "PRODUCT",
    "time": "DATE",
}

_ENTITY_PART = re.compile(r"\(([^()]+)(\))?|(\d+)\)")


@dataclass
class _Token:
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int  # 1-based within the sentence, 0 = root
    deprel: str
    space_after: bool
    misc: str


@dataclass
class _Sentence:
    tokens: list[_Token] = field(default_factory=list)
    new_doc: bool = False
    new_par: bool = False


def read_sentences(path: Path) -> Iterator[_Sentence]:
    """Yield the sentences of a CoNLL-U file with their doc/paragraph flags."""
    sentence = _Sentence()
    mwt_end = 0
    mwt_space = True
    with path.open(encoding="utf8") as lines:
        for raw in lines:
            line = raw.rstrip("\n")
            if not line:
                if sentence.tokens:
                    yield sentence
                sentence = _Sentence()
                mwt_end = 0
                continue
            if line.startswith("#"):
                if line.startswith("# newdoc"):
                    sentence.new_doc = sentence.new_par = True
                elif line.startswith("# newpar"):
                    sentence.new_par = True
                continue
            cols = line.split("\t")
            if "." in cols[0]:
                continue  # empty nodes of enhanced UD
            if "-" in cols[0]:
                mwt_end, mwt_space = int(cols[0].split("-")[1]), "SpaceAfter=No" not in cols[9]
                continue
            index = int(cols[0])
            if index < mwt_end:
                space = False
            elif index == mwt_end:
                space = mwt_space
            else:
                space = "SpaceAfter=No" not in cols[9]
            sentence.tokens.append(
                _Token(cols[1], cols[2], cols[3], cols[4], cols[5], int(cols[6]), cols[7], space, cols[9])
            )
    if sentence.tokens:
        yield sentence


def _entity_field(misc: str) -> str:
    for item in misc.split("|"):
        if item.startswith("Entity="):
            return item[len("Entity=") :]
    return ""


def _named_entities(doc: Doc, tokens: list[_Token], offsets: list[int]) -> list[Span]:
    """GUM mentions headed by a proper noun, trimmed to their name."""
    open_mentions: dict[str, list[tuple[int, str]]] = {}
    spans: list[Span] = []
    for position, token in enumerate(tokens):
        i = offsets[position]
        for opened, closed_now, closer in _ENTITY_PART.findall(_entity_field(token.misc)):
            if opened:
                eid, etype = [*opened.split("-"), ""][:2]
                if closed_now:
                    spans.extend(_name_span(doc, i, i + 1, etype))
                else:
                    open_mentions.setdefault(eid, []).append((i, etype))
            elif closer and open_mentions.get(closer):
                start, etype = open_mentions[closer].pop()
                spans.extend(_name_span(doc, start, i + 1, etype))
    return filter_spans(spans)


def _name_span(doc: Doc, start: int, end: int, etype: str) -> list[Span]:
    """The run of proper nouns around the mention's head (`Department of Defense`)."""
    label = GUM_ENTITY_TYPES.get(etype)
    root = doc[start:end].root
    if label is None or root.pos_ != "PROPN":
        return []
    left = right = root.i
    while left - 1 >= start and _continues_name(doc, left - 1, left - 2, start, end):
        left -= 1
    while right + 1 < end and _continues_name(doc, right + 1, right + 2, start, end):
        right += 1
    return [Span(doc, left, right + 1, label=label)]


def _continues_name(doc: Doc, i: int, beyond: int, start: int, end: int) -> bool:
    """A name word, or a connector (`of`, `and`, `-`) followed by one."""
    if _is_name_word(doc[i]):
        return True
    connector = doc[i].pos_ in {"ADP", "CCONJ", "DET"} or doc[i].text in {"-", "."}
    return connector and start <= beyond < end and _is_name_word(doc[beyond])


def _is_name_word(token: Token) -> bool:
    """Proper nouns, numbers, and capitalised words inside names (`New`, `National`, `United`)."""
    return token.pos_ in {"PROPN", "NUM"} or (token.pos_ in {"ADJ", "NOUN", "VERB"} and token.text[:1].isupper())


def sentences_to_doc(vocab: Vocab, sentences: list[_Sentence], with_entities: bool) -> Doc:
    """Build one training ``Doc``; paragraph starts get a preceding ``"\\n"`` token."""
    words: list[str] = []
    spaces: list[bool] = []
    tags: list[str] = []
    pos: list[str] = []
    morphs: list[str] = []
    lemmas: list[str] = []
    heads: list[int] = []
    deps: list[str] = []
    sent_starts: list[bool | int | None] = []
    sentence_offsets: list[list[int]] = []
    for n, sentence in enumerate(sentences):
        if n and sentence.new_par:
            spaces[-1] = False
            words.append("\n")
            spaces.append(False)
            tags.append("_SP")
            pos.append("SPACE")
            morphs.append("")
            lemmas.append("\n")
            heads.append(len(words) - 2)
            deps.append("dep")
            sent_starts.append(False)
        base = len(words)
        sentence_offsets.append([base + k for k in range(len(sentence.tokens))])
        for k, token in enumerate(sentence.tokens):
            words.append(token.form)
            spaces.append(token.space_after)
            tags.append(token.xpos)
            pos.append(token.upos)
            morphs.append("" if token.feats == "_" else token.feats)
            lemmas.append(token.lemma)
            heads.append(base + token.head - 1 if token.head else base + k)
            deps.append("ROOT" if token.deprel == "root" else token.deprel)
            sent_starts.append(k == 0)
    if spaces:
        spaces[-1] = False
    doc = Doc(
        vocab,
        words=words,
        spaces=spaces,
        tags=tags,
        pos=pos,
        morphs=morphs,
        lemmas=lemmas,
        heads=heads,
        deps=deps,
        sent_starts=sent_starts,
    )
    if with_entities:
        ents: list[Span] = []
        for sentence, offsets in zip(sentences, sentence_offsets, strict=True):
            ents.extend(_named_entities(doc, sentence.tokens, offsets))
        doc.set_ents(filter_spans(ents), default="outside")
    return doc


def read_docs(vocab: Vocab, paths: Iterable[Path], with_entities: bool, max_sentences: int = 30) -> Iterator[Doc]:
    """Group sentences into documents, split at paragraphs after ``max_sentences``."""
    for path in paths:
        group: list[_Sentence] = []
        for sentence in read_sentences(path):
            if group and (sentence.new_doc or (sentence.new_par and len(group) >= max_sentences)):
                yield sentences_to_doc(vocab, group, with_entities)
                group = []
            group.append(sentence)
        if group:
            yield sentences_to_doc(vocab, group, with_entities)
