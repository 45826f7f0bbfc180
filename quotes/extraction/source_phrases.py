"""`according to X, <clause>` and its kin: a phrase cue whose object is the source."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from quotes.extraction.clauses import NOMINAL_POS, clause_span, is_clause
from quotes.extraction.labels import SUBJECT_ROLES, VERBAL_POS, children_with, clausal_complements, has_marker, role
from quotes.extraction.lexicon import Lexicon


def source_phrases(doc: Doc, lexicon: Lexicon) -> Iterator[tuple[Span, Token, Span]]:
    """`according to X, <clause>` and its kin, as (cue phrase, source, content): the
    phrase's object is the source."""
    lowered = doc.to_array(LOWER).tolist()  # string hashes, without a Token per word
    phrases = [tuple(doc.vocab.strings[word] for word in phrase) for phrase in lexicon.source_phrases]
    first_words = {phrase[0] for phrase in phrases}
    for i in (i for i, word in enumerate(lowered) if word in first_words):
        for phrase in phrases:
            if tuple(lowered[i : i + len(phrase)]) != phrase:
                continue
            cue = doc[i : i + len(phrase)]
            source = _phrase_object(cue)
            if source is None:
                break
            content = _phrase_content(cue, source, lexicon)
            if content is not None:
                yield cue, source, content
            break


def _phrase_content(cue: Span, source: Token, lexicon: Lexicon) -> Span | None:
    """What a source phrase reports: the clause after it when it opens the sentence, else
    the clause it hangs on, else the clause it closes."""
    doc = cue.doc
    opening = _opening_phrase_content(cue, source)
    if opening is not None:
        return opening
    anchor = _clause_anchor(source, cue)
    if anchor.pos_ in VERBAL_POS and lexicon.is_cue_verb(lexicon.cue_lemma(anchor)) and clausal_complements(anchor):
        return _closing_phrase_content(cue, source)  # `X said …, as per Y`: the verb's own attribution covers it
    demonstrative = _demonstrative_subject(cue)
    if demonstrative is not None:
        return demonstrative
    anchor = _whole_coordination(anchor, cue, lexicon)
    pp_tokens = {t.i for t in cue} | {t.i for t in source.subtree}
    content = clause_span(doc, {t.i for t in anchor.subtree} - pp_tokens)
    return content if content is not None else _closing_phrase_content(cue, source)


def _demonstrative_subject(cue: Span) -> Span | None:
    """`That’s according to X.`: the demonstrative stands for what was reported."""
    doc, sentence = cue.doc, cue.sent
    words = [t for t in doc[sentence.start : cue.start] if not (t.is_punct or t.is_space or t.pos_ == "CCONJ")]
    if len(words) != 2 or words[0].lower_ not in _DEMONSTRATIVES:
        return None
    if words[1].lemma_ == "be" or words[1].lower_ in _COPULAS:
        return doc[words[0].i : words[0].i + 1]
    return None


_DEMONSTRATIVES = frozenset({"that", "this", "those", "these"})


#: Forms of `be` a tagger may miss after a demonstrative (`That’s`, with a curly apostrophe).
_COPULAS = frozenset({"'s", "’s", "is", "was", "are", "were"})


def _opening_phrase_content(cue: Span, source: Token) -> Span | None:
    """`According to X[, who …][, a spokesman], <clause>.`: a source phrase that opens its
    sentence reports everything after the comma that closes it, whatever the parser made
    of the words in between (a participle or a relative clause on X, an apposition, a
    copular or passive clause headed by a name)."""
    doc, sentence = cue.doc, cue.sent
    if any(not (t.is_punct or t.is_space or t.pos_ == "CCONJ") for t in doc[sentence.start : cue.start]):
        return None
    end = max(t.i for t in source.subtree if not t.is_punct)
    commas = [t.i for t in doc[end + 1 : sentence.end] if t.text == ","]
    if not commas:
        return None
    start = commas[0] + 1
    if (
        len(commas) > 1
        and _is_apposition(doc[start : commas[1]])
        and _has_own_clause(doc[commas[1] + 1 : sentence.end])
    ):
        start = commas[1] + 1  # `According to X, a spokesman for Y, <clause>`
    content = clause_span(doc, set(range(start, sentence.end)))
    return content if content is not None and is_clause(content) else None


def _closing_phrase_content(cue: Span, source: Token) -> Span | None:
    """`<clause>, according to X.`: a source phrase that closes a clause reports the whole
    of it, reports inside it included (`Y told her that …, according to an account`),
    whatever the parser hung the phrase on."""
    doc, sentence = cue.doc, cue.sent
    end = max(t.i for t in source.subtree)
    rest = [t for t in doc[end + 1 : sentence.end] if not t.is_space]
    if rest and not (rest[0].is_punct and rest[0].text != "("):
        return None
    content = clause_span(doc, set(range(sentence.start, cue.start)))
    if content is None or content.end < cue.start - 1:
        return None
    return content if is_clause(content) or any(t.pos_ in VERBAL_POS for t in content) else None


def _is_apposition(words: Span) -> bool:
    """A noun phrase without a verb (`a spokeswoman for the agency`)."""
    return (
        len(words) > 0
        and words[0].pos_ in {"DET", "ADJ", "NOUN", "PROPN", "NUM"}
        and not any(t.pos_ in VERBAL_POS for t in words)
    )


def _has_own_clause(words: Span) -> bool:
    """The words hold a subject and its predicate."""
    inside = range(words.start, words.end)
    return any(role(t) in SUBJECT_ROLES and t.head.i in inside and t.head.i != t.i for t in words)


def _phrase_object(cue: Span) -> Token | None:
    """The nominal head governed by a cue phrase (`two security sources`)."""
    doc = cue.doc
    if cue.end >= len(doc):
        return None
    for word in cue:  # ClearNLP: according -> to -> sources
        objects = [c for c in children_with(word, "prepositional_object") if c.i >= cue.end]
        if objects and objects[0].pos_ in NOMINAL_POS:
            return objects[0]
    for word in cue:  # UD: `according to` is the case marker of the source
        if role(word) == "case_marker" and word.head.i >= cue.end and word.head.pos_ in NOMINAL_POS:
            return word.head
    token = doc[cue.end]
    # otherwise climb from the first word to its noun, but not out of the phrase: the
    # head of a phrase that attaches to the clause (`… sources, the commander was John
    # Smith`, with the copular clause headed by the name) is the clause, not the source
    while (
        token.head.i >= cue.end
        and token.head.i != token.i
        and token.head.pos_ in NOMINAL_POS
        and role(token) not in {"oblique", "prepositional_object", "noun_modifier", "apposition", "conjunct"}
        and "," not in {t.text for t in doc[min(token.i, token.head.i) : max(token.i, token.head.i)]}
    ):
        token = token.head
    return token if token.pos_ in NOMINAL_POS else None


def _clause_anchor(source: Token, cue: Span) -> Token:
    """The clause a source phrase attaches to: the nearest head with a subject, or the root."""
    anchor = source.head if source.head.i not in range(cue.start, cue.end) else cue[0].head
    while anchor.head.i != anchor.i and not children_with(anchor, *SUBJECT_ROLES):
        anchor = anchor.head
    return anchor


def _whole_coordination(anchor: Token, cue: Span, lexicon: Lexicon) -> Token:
    """`A, and B, according to X`, `A, while B, according to X`: a phrase after the last of
    coordinated clauses, or after a contrast hung on the first, reports all of them (unless
    the first is a report of its own: `Y said A, and B, according to X`)."""
    head = anchor
    while head.i < cue.start and head.head.i < head.i and _joins_clauses(head):
        head = head.head
    if head.pos_ in VERBAL_POS and lexicon.is_cue_verb(lexicon.cue_lemma(head)):
        return anchor
    return head


def _joins_clauses(clause: Token) -> bool:
    """A clause with a subject coordinated with the one before it, or a `while` contrast hung on it."""
    if role(clause) == "conjunct":
        return clause.pos_ in VERBAL_POS and bool(children_with(clause, *SUBJECT_ROLES, "expletive"))
    return role(clause) == "adverbial_clause" and has_marker(clause, "while")
