"""What the text ties to a name, read from the parse: pure functions over tokens and spans.

An apposition or copula says what a name is (`Vela Freight, a logistics company`; `Lehmann,
who has been chairman`), a statement says whose it is (`a statement from X`, `X's statement`,
`X said in a statement`), a possession says what an outlet is (`The Sun's story`), and a
definition gives an acronym (`the Council for Water Safety (CWS)`). Both label schemes are read:
ClearNLP (en_core_web_*) and UD (en_quotes_news).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from quotes.speakers.words import SpeakerWords

_ACRONYM_AFTER = re.compile(
    r"((?:[A-Z][\w’'.&-]*\s+(?:(?:of|for|and|the|on|de|du)\s+)*){1,8})\(([A-Z][A-Za-z&]{1,9})\)"
)
_ACRONYM_BEFORE = re.compile(r"\b([A-Z]{2,10}),\s+the\s+((?:[A-Z][\w’'.&-]*\s*(?:(?:of|for|and|on)\s+)*){2,8})")
#: Verbs whose object is a statement its subject issued (`X issued a statement`).
_ISSUING = frozenset({"issue", "release", "publish", "post", "put", "send", "make", "tweet"})
_POSSESSIVE = frozenset({"poss", "nmod:poss"})


def acronym_definitions(text: str) -> Iterator[tuple[str, int, str]]:
    """(name, offset of the name, acronym) for `Name (ACR)` and `ACR, the Name`; the acronym's
    capitals must start like the name (`ZURICH (Reuters)` is a dateline, not a definition)."""
    found = [(m.group(1).strip(), m.start(1), m.group(2)) for m in _ACRONYM_AFTER.finditer(text)]
    found += [(m.group(2).strip(), m.start(2), m.group(1)) for m in _ACRONYM_BEFORE.finditer(text)]
    for name, start, acronym in found:
        capitals = [c for c in acronym if c.isupper()]
        initials = {word[0] for word in name.split() if word[:1].isupper()}
        if len(capitals) >= 2 and len(capitals) >= 0.6 * len(acronym) and capitals[0] in initials:
            yield name, start, acronym


def descriptions_of(head: Token) -> list[Token]:
    """Nouns the parse ties to a name: its apposition, the noun it is in apposition to, the
    predicate of a copula (ClearNLP `attr`, UD noun with a `cop` child), also in a relative
    clause (`Lehmann, who has been chairman for a year`)."""
    found = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    for clause in (c for c in head.children if c.dep_ in {"relcl", "acl:relcl"}):
        found += _predicates(clause)
    if head.dep_ == "appos" and head.head.pos_ == "NOUN":
        found.append(head.head)
    if head.dep_.startswith("nsubj"):
        found += _predicates(head.head)
    return found


def _predicates(verb: Token) -> list[Token]:
    if verb.lemma_ == "be":
        return [c for c in verb.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
    if verb.pos_ == "NOUN" and any(c.dep_ == "cop" for c in verb.children):
        return [verb]
    return []


def noun_phrase(noun: Token) -> str:
    """`logistics company` for `a logistics company`: the noun with the modifier just before it."""
    left = [c for c in noun.lefts if c.dep_ in {"compound", "amod"} and c.i == noun.i - 1]
    return " ".join([*(t.lower_ for t in left), noun.lower_])


def issuer_tokens(statement: Token) -> list[Token]:
    """Where the issuer of a statement is named: `X's statement`, `a statement from X`, `X said
    in a statement`, `X issued a statement` (the head tokens of those names)."""
    found = [c for c in statement.children if c.dep_ in _POSSESSIVE]
    for child in statement.children:
        if child.lower_ in {"from", "by"} and child.dep_ == "prep":  # ClearNLP: prep → pobj
            found += [c for c in child.children if c.dep_ == "pobj"]
        elif child.dep_ in {"nmod", "obl"} and any(c.lower_ in {"from", "by"} for c in child.children):
            found.append(child)  # UD: the name is the nmod, `from` its case
    in_a_statement = statement.head.lower_ == "in" or any(
        c.lower_ == "in" and c.dep_ == "case" for c in statement.children
    )
    verb = statement.head.head if statement.head.lower_ == "in" else statement.head
    if in_a_statement or (statement.dep_ in {"dobj", "obj"} and verb.lemma_ in _ISSUING):
        found += [c for c in verb.children if c.dep_.startswith("nsubj")]
    return found


def owns_media_product(name: Token, words: SpeakerWords) -> bool:
    """`The Sun's story`, `the Gazette's report`: what an outlet produces is its."""
    return name.dep_ in _POSSESSIVE and name.head.lemma_.lower() in words.media_products


def headline(sentence: Span, text: str) -> bool:
    """A line of its own without a full stop (`FIFA suspends President Rubiales after Hermoso
    Kiss`): its capitals are style, not names. ``text`` is the document's."""
    start, end = sentence.start_char, sentence.end_char
    whole_line = (start == 0 or text[start - 1] == "\n") and ("\n" in text[end - 1 : end + 1] or end == len(text))
    if not whole_line or text[start:end].rstrip()[-1:] in {".", "!", "?", "”", '"', "’", ")"}:
        return False
    return sum(t.is_alpha for t in sentence) >= 3


def with_titles(doc: Doc, runs: list[Span], words: SpeakerWords) -> list[Span]:
    """Runs of names joined across lower-case role words (`Credit Suisse chairman Axel
    Lehmann`) and `of`/`for` (`Ministry of Water`), each with the role words before it
    (`health secretary Matt Hancock`)."""
    joined: list[Span] = []
    for run in runs:
        start = run.start
        while start > 0 and _role_word(doc[start - 1], words):
            start -= 1
        gap = doc[joined[-1].end : run.start] if joined else None
        if (joined and start <= joined[-1].end and start < run.start) or (
            gap is not None and 0 < len(gap) <= 2 and all(t.lower_ in {"of", "for", "the"} for t in gap)
        ):
            joined[-1] = doc[joined[-1].start : run.end]
        else:
            joined.append(doc[start : run.end])
    return joined


def _role_word(token: Token, words: SpeakerWords) -> bool:
    lower = token.lower_
    return lower in words.title_words or (lower in words.title_modifiers and token.is_lower)


def following_noun(run: Span, words: SpeakerWords) -> Token | None:
    """The organisation noun right after a name (`The Sun newspaper`, `Yonhap news agency`)."""
    following = [t for t in run.doc[run.end : run.end + 2] if t.is_lower and t.pos_ == "NOUN"]
    if not following or following[0].i != run.end:
        return None
    head = following[-1] if len(following) == 2 and following[-1].i == following[0].i + 1 else following[0]
    return head if head.lower_ in words.organisation_nouns else None


def pronouns_after(sentence: Span, offset: int, words: SpeakerWords) -> str | None:
    """The gender the personal pronouns after ``offset`` in ``sentence`` show, if only one."""
    after = {t.lower_ for t in sentence if t.idx >= offset and t.tag_ in {"PRP", "PRP$"}}
    male, female = after & words.masculine_pronouns, after & words.feminine_pronouns
    if bool(male) == bool(female):
        return None
    return "m" if male else "f"


def gender_of_honorific(honorific: str, words: SpeakerWords) -> str | None:
    if honorific in words.masculine_honorifics:
        return "m"
    if honorific in words.feminine_honorifics:
        return "f"
    return None
