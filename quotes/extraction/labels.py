"""One view of the parse for the rules, whatever the label scheme.

The shipped pipeline uses UD labels (`nsubj:pass`, `obl` + `case`), spaCy's
``en_core_web_*`` pipelines use ClearNLP labels (`nsubjpass`, `prep` + `pobj`,
`agent`). The quote rules ask only the questions below, never for a raw label.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.strings import get_string_id
from spacy.tokens import Token

from quotes.resources import read_json

#: Keyed by the label's hash (``Token.dep``), which is the same in every vocabulary: the rules
#: ask for millions of roles, and reading ``dep_`` goes through the string store each time.
_ROLES: dict[int, str] = {
    get_string_id(label): name for label, name in read_json("dependency_roles.json")["roles"].items()
}

SUBJECT_ROLES = frozenset({"subject", "passive_subject", "clausal_subject"})
VERBAL_POS = frozenset({"VERB", "AUX"})


def role(token: Token) -> str:
    """The scheme-independent role of a token's dependency label."""
    return _ROLES.get(token.dep, "other")


def children_with(token: Token, *roles: str) -> list[Token]:
    if not (token.n_lefts or token.n_rights):
        return []  # most words have no dependents: skip building the iterator
    return [child for child in token.children if _ROLES.get(child.dep, "other") in roles]


def has_marker(clause: Token, word: str) -> bool:
    """Whether a clause is introduced by ``word`` as its marker (complementizer `that`,
    `as`), not by a pronoun of the same spelling (relative `that`)."""
    return any(c.lower_ == word and role(c) == "marker" for c in clause.children)


def subject_of(verb: Token) -> Token | None:
    """The nominal subject, active before passive (`X said`, `X is believed`)."""
    subjects = children_with(verb, "subject") or children_with(verb, "passive_subject")
    if len(subjects) < 2:
        return subjects[0] if subjects else None
    # two subjects are a parse error: one name split (`US | media`), or a stray noun
    # (`…, its dealings with Asia, said Nargis Kassenova`): the nearest, from its first part
    chosen = min(subjects, key=lambda s: abs(s.i - verb.i))
    for other in sorted(subjects, key=lambda s: s.i, reverse=True):
        gap = verb.doc[max(t.i for t in other.subtree) + 1 : chosen.left_edge.i]
        if other.i < chosen.i and all(t.text == "," for t in gap) and len(gap) <= 1:
            chosen = other
    return chosen


def is_passive(verb: Token) -> bool:
    """Passive voice: a passive auxiliary, or a passive subject and no active one."""
    if children_with(verb, "passive_auxiliary"):
        return True
    return bool(children_with(verb, "passive_subject")) and not children_with(verb, "subject")


def preposition_of(noun: Token) -> str:
    """The lowercased preposition governing a noun (`by`, `to`, `according to`), or ''.

    UD marks it as a `case` child of the noun; ClearNLP makes the noun the
    `pobj` of a `prep` token.
    """
    markers = children_with(noun, "case_marker")
    if markers:
        marker = markers[0]
        return " ".join(t.lower_ for t in [marker, *children_with(marker, "fixed")])
    if role(noun) == "prepositional_object":
        prep = noun.head
        if role(prep) == "preposition" and role(prep.head) == "preposition":
            return f"{prep.head.lower_} {prep.lower_}"  # ClearNLP: according -> to -> X
        return prep.lower_
    return ""


def prepositional_objects(head: Token) -> Iterator[tuple[str, Token]]:
    """Yield (preposition, object) pairs attached to a head, in either scheme."""
    for child in head.children:
        child_role = role(child)
        if child_role in {"oblique", "noun_modifier", "agent"}:
            objects = [child] if child_role != "agent" or not children_with(child, "prepositional_object") else []
            objects += children_with(child, "prepositional_object")
            for obj in objects:
                yield preposition_of(obj) or ("by" if child_role == "agent" else ""), obj
        elif child_role == "preposition":
            for obj in children_with(child, "prepositional_object"):
                yield preposition_of(obj), obj
            for inner in children_with(child, "preposition"):  # according -> to -> X
                for obj in children_with(inner, "prepositional_object"):
                    yield preposition_of(obj), obj


def agent_of(verb: Token) -> Token | None:
    """The `by X` agent of a passive verb, in either scheme."""
    for preposition, obj in prepositional_objects(verb):
        if preposition == "by":
            return obj
    return None


def clausal_complements(verb: Token) -> list[Token]:
    """Heads of clauses a verb reports: `ccomp` in both schemes, UD `parataxis` after it."""
    found = children_with(verb, "clausal_complement")
    found += [c for c in children_with(verb, "parataxis") if c.i > verb.i]
    return sorted(found, key=lambda t: t.i)
