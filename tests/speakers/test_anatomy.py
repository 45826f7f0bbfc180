"""Mention anatomy on hand-built parses, in both label schemes (ClearNLP as en_core_web_*, UD as
en_quotes_news): no model, so each rule is pinned on its own."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from quotes.speakers.anatomy import MentionParts, _plain_name, _taken_apart, last_line, parse_mention, strip_dateline
from quotes.speakers.names import proper_noun_runs
from quotes.speakers.ties import with_titles
from quotes.speakers.words import speaker_words

#: (word, pos, tag, ClearNLP dep, UD dep); every token hangs from the last one, which is the root.
Row = tuple[str, str, str, str, str]
SCHEMES = {"clearnlp": 3, "ud": 4}


def mention(make_doc, scheme: str, rows: list[Row], ents: tuple[tuple[int, int, str], ...] = ()) -> Span:
    root = len(rows) - 1
    column = SCHEMES[scheme]
    doc = make_doc(
        [(r[0], root, "ROOT" if i == root else r[column], r[1], r[0].lower(), r[2]) for i, r in enumerate(rows)]
    )
    doc.ents = [Span(doc, start, end, label) for start, end, label in ents]
    return doc[:]


def texts(parts: MentionParts) -> dict[str, str | None]:
    spans = {"name": parts.name, "title": parts.title, "affiliation": parts.affiliation, "possessor": parts.possessor}
    return {key: (span.text if span is not None else None) for key, span in spans.items()} | {
        "honorific": parts.honorific
    }


PROPN: tuple[str, str] = ("PROPN", "NNP")
NOUN: tuple[str, str] = ("NOUN", "NN")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_title_before_a_name_is_not_part_of_it(make_doc, scheme):
    rows = [(w, *PROPN, "compound", "compound") for w in ("Deputy", "Trade", "Minister", "Rosa", "Vidal")]
    parts = parse_mention(mention(make_doc, scheme, rows, ((3, 5, "PERSON"),)))
    assert texts(parts) == {
        "name": "Rosa Vidal",
        "title": "Deputy Trade Minister",
        "affiliation": None,
        "possessor": None,
        "honorific": None,
    }


@pytest.mark.parametrize("scheme", SCHEMES)
def test_organisation_before_a_role_is_the_affiliation(make_doc, scheme):
    rows = [
        ("Harbour", *PROPN, "compound", "compound"),
        ("Authority", *PROPN, "compound", "compound"),
        ("spokesman", *NOUN, "compound", "compound"),
        ("Ivo", *PROPN, "compound", "compound"),
        ("Kranjc", *PROPN, "compound", "flat"),
    ]
    parts = parse_mention(mention(make_doc, scheme, rows, ((0, 2, "ORG"), (3, 5, "PERSON"))))
    assert (parts.name.text, parts.title.text, parts.affiliation.text) == (
        "Ivo Kranjc",
        "spokesman",
        "Harbour Authority",
    )


@pytest.mark.parametrize("scheme", SCHEMES)
def test_organisation_name_before_a_person_name_is_the_affiliation(make_doc, scheme):
    """Every word a plain proper noun, but two names: the recogniser's person starts inside."""
    rows = [(w, *PROPN, "compound", "compound") for w in ("Harbour", "Authority", "Ivo", "Kranjc")]
    parts = parse_mention(mention(make_doc, scheme, rows, ((0, 2, "ORG"), (2, 4, "PERSON"))))
    assert (parts.name.text, parts.affiliation.text) == ("Ivo Kranjc", "Harbour Authority")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_name_then_role_for_an_organisation(make_doc, scheme):
    rows = [
        ("Ivo", *PROPN, "compound", "compound"),
        ("Kranjc", *PROPN, "nsubj", "nsubj"),
        (",", "PUNCT", ",", "punct", "punct"),
        ("a", "DET", "DT", "det", "det"),
        ("spokesman", *NOUN, "appos", "appos"),
        ("for", "ADP", "IN", "prep", "case"),
        ("the", "DET", "DT", "det", "det"),
        ("Harbour", *PROPN, "compound", "compound"),
        ("Authority", *PROPN, "pobj", "nmod"),
    ]
    parts = parse_mention(mention(make_doc, scheme, rows, ((0, 2, "PERSON"), (7, 9, "ORG"))))
    assert (parts.name.text, parts.title.text, parts.affiliation.text) == (
        "Ivo Kranjc",
        "spokesman",
        "Harbour Authority",
    )


@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_person_who_owns_the_role_is_no_organisation(make_doc, scheme):
    rows = [
        ("Omar", *PROPN, "compound", "compound"),
        ("Saleh", *PROPN, "nsubj", "nsubj"),
        (",", "PUNCT", ",", "punct", "punct"),
        ("Lina", *PROPN, "compound", "compound"),
        ("Haddad", *PROPN, "poss", "nmod:poss"),
        ("’s", "PART", "POS", "case", "case"),
        ("lawyer", *NOUN, "appos", "appos"),
    ]
    parts = parse_mention(mention(make_doc, scheme, rows, ((0, 2, "PERSON"), (3, 5, "PERSON"))))
    assert texts(parts)["name"] == "Omar Saleh"
    assert (parts.title.text, parts.possessor.text, parts.affiliation) == ("lawyer", "Lina Haddad", None)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_anonymous_spokesperson_speaks_for_the_organisation(make_doc, scheme):
    rows = [
        ("A", "DET", "DT", "det", "det"),
        ("spokeswoman", *NOUN, "nsubj", "nsubj"),
        ("for", "ADP", "IN", "prep", "case"),
        ("the", "DET", "DT", "det", "det"),
        ("Water", *PROPN, "compound", "compound"),
        ("Board", *PROPN, "pobj", "nmod"),
    ]
    parts = parse_mention(mention(make_doc, scheme, rows, ((4, 6, "ORG"),)))
    assert parts.name is None and parts.anonymous_spokesperson
    assert (parts.title.text, parts.affiliation.text) == ("spokeswoman", "Water Board")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_honorifics_are_no_titles_and_particles_stay_in_the_name(make_doc, scheme):
    rows = [
        ("Sheikh", *PROPN, "compound", "compound"),
        ("Nasser", *PROPN, "compound", "flat"),
        ("bin", *PROPN, "compound", "flat"),
        ("Hamad", *PROPN, "compound", "flat"),
        ("al-Kuwari", *NOUN, "nsubj", "flat"),
    ]
    parts = parse_mention(mention(make_doc, scheme, rows, ((1, 5, "PERSON"),)))
    assert (parts.name.text, parts.title, parts.honorific) == ("Nasser bin Hamad al-Kuwari", None, "sheikh")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_dateline_and_earlier_lines_are_dropped(make_doc, scheme):
    rows = [
        ("OSLO", *PROPN, "npadvmod", "obl"),
        (",", "PUNCT", ",", "punct", "punct"),
        ("4", "NUM", "CD", "nummod", "nummod"),
        ("June", *PROPN, "npadvmod", "obl"),
        ("–", "PUNCT", ":", "punct", "punct"),
        ("Health", *PROPN, "compound", "compound"),
        ("Minister", *PROPN, "compound", "compound"),
        ("Eva", *PROPN, "compound", "compound"),
        ("Lund", *PROPN, "nsubj", "nsubj"),
    ]
    span = mention(make_doc, scheme, rows, ((0, 1, "GPE"), (7, 9, "PERSON")))
    assert strip_dateline(span).text == "Health Minister Eva Lund"
    assert parse_mention(span).name.text == "Eva Lund"
    lines = make_doc(
        [
            ("Friday", 2, "npadvmod", "PROPN", "friday"),
            ("\n", 2, "dep", "SPACE", "\n"),
            ("Agency", 2, "ROOT", "PROPN", "agency"),
        ]
    )
    assert last_line(lines[:]).text == "Agency"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_bracketed_organisation_after_a_name(make_doc, scheme):
    rows = [
        ("Eva", *PROPN, "compound", "compound"),
        ("Lund", *PROPN, "nsubj", "nsubj"),
        ("(", "PUNCT", "-LRB-", "punct", "punct"),
        ("Nordic", *PROPN, "compound", "compound"),
        ("Ports", *PROPN, "appos", "appos"),
        (")", "PUNCT", "-RRB-", "punct", "punct"),
    ]
    parts = parse_mention(mention(make_doc, scheme, rows, ((0, 2, "PERSON"), (3, 5, "ORG"))))
    assert (parts.name.text, parts.affiliation.text) == ("Eva Lund", "Nordic Ports")


@pytest.mark.parametrize("pipeline", ["nlp", "news_nlp"])
def test_plain_names_skip_the_rules_only_where_the_rules_would_keep_them_whole(request, pipeline, seed_texts):
    """The shortcut for plain names must give what taking the mention apart gives, on every
    run of capitalised words in the seeds (parsed in both label schemes)."""
    nlp = request.getfixturevalue(pipeline)
    words = speaker_words()
    checked = 0
    for doc in nlp.pipe(seed_texts.values()):
        for sentence in doc.sents:
            for run in with_titles(doc, proper_noun_runs(sentence), words):
                for start in range(run.start, run.end):  # every suffix too: `Berg`, `Anna Berg`
                    piece = doc[start : run.end]
                    if _plain_name(piece, words):
                        checked += 1
                        assert _taken_apart(piece, words) == parse_mention(piece, words), piece.text
    assert checked > 100
