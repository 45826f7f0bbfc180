"""What the parse ties to a name, on hand-built parses in both label schemes."""

from __future__ import annotations

from quotes.speakers.ties import acronym_definitions, descriptions_of, headline, issuer_tokens, noun_phrase
from quotes.speakers.words import speaker_words


def test_acronym_definitions_both_ways_but_not_a_dateline():
    text = "The Council for Water Safety (CWS) met. NWA, the National Water Authority, agreed. ZURICH (Reuters) -"
    assert [(name, acronym) for name, _, acronym in acronym_definitions(text)] == [
        ("The Council for Water Safety", "CWS"),
        ("National Water Authority", "NWA"),
    ]


# `Vela Freight, a logistics company, said`: (word, head, dep, pos, lemma); ClearNLP and UD agree here
APPOSITION = [
    ("Vela", 1, "compound", "PROPN", "vela"),
    ("Freight", 7, "nsubj", "PROPN", "freight"),
    (",", 1, "punct", "PUNCT", ","),
    ("a", 5, "det", "DET", "a"),
    ("logistics", 5, "compound", "NOUN", "logistic"),
    ("company", 1, "appos", "NOUN", "company"),
    (",", 1, "punct", "PUNCT", ","),
    ("said", 7, "ROOT", "VERB", "say"),
]


def test_an_apposition_says_what_a_name_is(make_doc):
    doc = make_doc(APPOSITION)
    assert [noun_phrase(t) for t in descriptions_of(doc[1])] == ["logistics company"]


def test_a_copula_says_what_a_name_is_in_both_schemes(make_doc):
    clearnlp = make_doc(
        [
            ("Rask", 1, "nsubj", "PROPN", "rask"),
            ("is", 1, "ROOT", "AUX", "be"),
            ("a", 3, "det", "DET", "a"),
            ("militia", 1, "attr", "NOUN", "militia"),
        ]
    )
    ud = make_doc(
        [
            ("Rask", 3, "nsubj", "PROPN", "rask"),
            ("is", 3, "cop", "AUX", "be"),
            ("a", 3, "det", "DET", "a"),
            ("militia", 3, "ROOT", "NOUN", "militia"),
        ]
    )
    assert [t.text for t in descriptions_of(clearnlp[0])] == [t.text for t in descriptions_of(ud[0])] == ["militia"]


def test_the_issuer_of_a_statement_in_both_schemes(make_doc):
    # `Rask said in a statement`
    clearnlp = make_doc(
        [
            ("Rask", 1, "nsubj", "PROPN", "rask"),
            ("said", 1, "ROOT", "VERB", "say"),
            ("in", 1, "prep", "ADP", "in"),
            ("a", 4, "det", "DET", "a"),
            ("statement", 2, "pobj", "NOUN", "statement"),
        ]
    )
    ud = make_doc(
        [
            ("Rask", 1, "nsubj", "PROPN", "rask"),
            ("said", 1, "ROOT", "VERB", "say"),
            ("in", 4, "case", "ADP", "in"),
            ("a", 4, "det", "DET", "a"),
            ("statement", 1, "obl", "NOUN", "statement"),
        ]
    )
    assert [t.text for t in issuer_tokens(clearnlp[4])] == [t.text for t in issuer_tokens(ud[4])] == ["Rask"]
    # `a statement from Rask`
    from_clearnlp = make_doc(
        [
            ("a", 1, "det", "DET", "a"),
            ("statement", 1, "ROOT", "NOUN", "statement"),
            ("from", 1, "prep", "ADP", "from"),
            ("Rask", 2, "pobj", "PROPN", "rask"),
        ]
    )
    from_ud = make_doc(
        [
            ("a", 1, "det", "DET", "a"),
            ("statement", 1, "ROOT", "NOUN", "statement"),
            ("from", 3, "case", "ADP", "from"),
            ("Rask", 1, "nmod", "PROPN", "rask"),
        ]
    )
    assert [t.text for t in issuer_tokens(from_clearnlp[1])] == [t.text for t in issuer_tokens(from_ud[1])] == ["Rask"]


def test_a_headline_is_a_line_without_a_full_stop(make_doc):
    text = "Ministry Defends Water Plan\nThe ministry said it would act."
    doc = make_doc(
        [(w, 0, "dep", "PROPN", w.lower()) for w in ("Ministry", "Defends", "Water", "Plan")]
        + [("\n", 0, "dep", "SPACE", "\n")]
        + [(w, 5, "dep", "NOUN", w.lower()) for w in ("The", "ministry", "said", "it", "would", "act", ".")],
        spaces=[True, True, True, False, False, True, True, True, True, True, False, False],
        sentences=(0, 5),
    )
    assert doc.text == text
    first, second = doc.sents
    assert headline(first, text) and not headline(second, text)
    assert speaker_words().statement_nouns >= {"statement", "report"}
