"""Speakers of direct quotes that no reporting verb introduces: a byline after the closing mark
(`“…” —Jo Bell, a nurse`), or the person the sentence right before the quote is about
(`The coach was furious. “We lost.”`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from quotes.extraction.labels import subject_of
from quotes.extraction.mentions import mention_span
from quotes.extraction.quotemarks import QuoteSpan, mark_length, paragraphs_before
from quotes.speakers.words import speaker_words

#: A dash (em, en, horizontal bar, hyphen or a doubled hyphen) after a closing mark on the
#: same line, before a word: the byline of the quote (`” —Jo Bell`, `" - Jo Bell`).
_BYLINE_DASH = re.compile(r"[ \t\u00a0]*(?:—|–|―|--?)[ \t\u00a0]*(?=[^\W\d_])")
_DASHES = "-–—―"
#: Parts of speech of a byline name with its titles (`Councillor Jo Bell`, `Dr. Jo Bell of Leeds`).
_BYLINE_NAME_POS = frozenset({"PROPN", "NOUN", "ADJ", "DET", "PART", "ADP"})
_MAX_BYLINE_NAME = 8
#: Named entities that can introduce a quote in the sentence before it.
_SPEAKER_ENTITIES = frozenset({"PERSON", "ORG"})


def byline(doc: Doc, text: str, span: QuoteSpan) -> tuple[Span, Span] | None:
    """`“…” —Jo Bell, a nurse` on one line: a quote that opens its line, closed and followed
    by a dash and a name, is that person's. Returns (speaker, the attribution after the dash)."""
    if not span.closed:
        return None
    line_start = text.rfind("\n", 0, span.start) + 1
    if any(char.isalnum() for char in text[line_start : span.start]):
        return None  # a quote inside a sentence: a dash after it goes on with that sentence
    position = span.end
    while position < len(text) and text[position] in " \t\u00a0":
        position += 1
    dash = _BYLINE_DASH.match(text, position + mark_length(text, position))
    if dash is None:
        return None
    line_end = text.find("\n", dash.end())
    tail = doc.char_span(dash.end(), len(text) if line_end < 0 else line_end, alignment_mode="expand")
    if tail is None or not len(tail):
        return None
    name = _byline_name(tail)  # its first word may hold the dash (`-Councillor`: one token)
    if name is None:
        return None
    outside = set(range(tail.start)) | set(range(tail.end, len(doc)))
    return mention_span(_head_within(name), outside), tail


def _byline_name(tail: Span) -> Span | None:
    """The name that opens a byline, up to a comma (`Jo Bell`, `Dr. Jo Bell of Leeds`): a few
    nominal words with a proper noun and nothing else before the comma, so that a dash going
    on with a sentence (`” — the talks failed`) is no byline."""
    end = next((t.i for t in tail if t.text == ","), tail.end)
    name = tail.doc[tail.start : end]
    words = [t for t in name if not t.is_space]
    if not words or len(words) > _MAX_BYLINE_NAME or not words[0].text.lstrip(_DASHES)[:1].isupper():
        return None
    if any(t.pos_ not in _BYLINE_NAME_POS and t.text != "." for t in words):
        return None
    last = next((t for t in reversed(words) if t.text != "."), words[0])
    proper = any(t.pos_ == "PROPN" for t in words)
    return name if proper and last.pos_ not in {"DET", "ADP", "PART"} else None


def _head_within(name: Span) -> Token:
    """The word of the name its other words hang on, whatever the parse did with the line."""
    heads = [t for t in name if not t.is_space and not t.is_punct and (t.head.i == t.i or t.head not in name)]
    proper = [t for t in heads if t.pos_ == "PROPN"]
    return (proper or heads or [name[-1]])[-1]


def introducing_speaker(doc: Doc, text: str, span: QuoteSpan, in_quote: Callable[[Token], bool]) -> Span | None:
    """`The coach was furious after the match. “We lost.”`: a quote that opens its sentence
    right after a sentence about a person or an organisation, with no quote of its own, in the
    same paragraph or the one before, is theirs (the subject: a name, a role such as `the
    coach`, or a pronoun the speaker resolution reads later)."""
    covered = doc.char_span(span.start, span.end, alignment_mode="expand")
    if covered is None or not len(covered):
        return None
    sentence = covered[0].sent
    if any(not (t.is_punct or t.is_space) for t in doc[sentence.start : covered.start]):
        return None  # words before the quote in its own sentence
    previous = next((t for t in reversed(doc[: sentence.start]) if not t.is_space), None)
    if previous is None:
        return None
    before = previous.sent
    if any(in_quote(t) for t in before) or text[before.end_char - 1 : before.end_char] == "?":
        return None
    subject = subject_of(before.root)
    if subject is None or not _names_speaker(subject):
        return None
    if paragraphs_before(text, span.start) - paragraphs_before(text, subject.idx) > 1:
        return None
    return mention_span(subject, {t.i for t in before if in_quote(t)})


def _names_speaker(subject: Token) -> bool:
    """A person or an organisation: a name the recogniser marked, a word for a role, a person
    or a body (`the coach`, `residents`, `the council`), or a personal pronoun."""
    words = speaker_words()
    if subject.pos_ == "PRON":
        return subject.lower_ in words.person_pronouns
    if subject.ent_type_ in _SPEAKER_ENTITIES:
        return True
    nouns = (
        words.title_words
        | words.personal_roles
        | words.person_nouns
        | words.anonymous_nouns
        | words.spokesperson_words
        | words.organisation_nouns
    )
    return subject.pos_ == "NOUN" and (subject.lower_ in nouns or subject.lemma_.lower() in nouns)
