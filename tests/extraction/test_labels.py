"""The label-scheme bridge, on hand-built parses in UD and ClearNLP labels."""

from __future__ import annotations

from parses import (
    CLEAR_ACCORDING,
    CLEAR_PASSIVE_AGENT,
    CLEAR_SAID_THAT,
    UD_ACCORDING,
    UD_PASSIVE_AGENT,
    UD_SAID_THAT,
    UD_SPLIT_NAME_SUBJECTS,
    UD_STRAY_SUBJECT,
)

from quotes.extraction import labels


def test_roles_of_both_schemes_agree(make_doc):
    ud, clear = make_doc(UD_SAID_THAT), make_doc(CLEAR_SAID_THAT)
    assert [labels.role(t) for t in ud] == [labels.role(t) for t in clear]
    assert labels.role(ud[7]) == "object"
    assert (
        labels.role(make_doc(UD_PASSIVE_AGENT)[0]) == labels.role(make_doc(CLEAR_PASSIVE_AGENT)[0]) == "passive_subject"
    )


def test_unknown_label_is_other(make_doc):
    doc = make_doc([("Hi", 0, "discourse:weird", "INTJ", "hi")])
    assert labels.role(doc[0]) == "other"


def test_subject_and_complement(make_doc):
    for rows in (UD_SAID_THAT, CLEAR_SAID_THAT):
        doc = make_doc(rows)
        assert labels.subject_of(doc[1]).text == "CENTCOM"
        assert [t.text for t in labels.clausal_complements(doc[1])] == ["killed"]


def test_passive_agent_in_both_schemes(make_doc):
    for rows in (UD_PASSIVE_AGENT, CLEAR_PASSIVE_AGENT):
        doc = make_doc(rows)
        assert labels.is_passive(doc[2])
        assert labels.agent_of(doc[2]).text == "Tehran"


def test_preposition_of_according_to(make_doc):
    assert labels.preposition_of(make_doc(UD_ACCORDING)[2]) == "according to"
    assert labels.preposition_of(make_doc(CLEAR_ACCORDING)[2]) == "according to"


def test_prepositional_objects(make_doc):
    ud = make_doc(UD_ACCORDING)
    assert [(p, o.text) for p, o in labels.prepositional_objects(ud[4])] == [("according to", "Reuters")]
    clear = make_doc(CLEAR_ACCORDING)
    assert [(p, o.text) for p, o in labels.prepositional_objects(clear[4])] == [("according to", "Reuters")]


def test_of_two_subjects_the_nearest_is_the_speaker(make_doc):
    assert labels.subject_of(make_doc(UD_STRAY_SUBJECT)[5]).text == "Nargis"
    assert labels.subject_of(make_doc(UD_SPLIT_NAME_SUBJECTS)[2]).text == "US"
