"""Parses of sentences written for the reporting-clause tests, as the shipped pipeline (UD
labels) and en_core_web_sm 3.8 (ClearNLP labels) parse them: a reporting clause between
commas after a fronted content, with what follows hung on the cue verb."""

# `The budget was cut, the minister said, by a third.`
# `The ferry will resume, the operator told passengers, within two days.`
UD_FRONTED_WITH_PHRASE = [
    ("The", 1, "det", "DET", "the", "DT"),
    ("budget", 3, "nsubj:pass", "NOUN", "budget", "NN"),
    ("was", 3, "aux:pass", "AUX", "be", "VBD"),
    ("cut", 7, "ccomp", "VERB", "cut", "VBN"),
    (",", 7, "punct", "PUNCT", ",", ","),
    ("the", 6, "det", "DET", "the", "DT"),
    ("minister", 7, "nsubj", "NOUN", "minister", "NN"),
    ("said", 7, "ROOT", "VERB", "say", "VBD"),
    (",", 11, "punct", "PUNCT", ",", ","),
    ("by", 11, "case", "ADP", "by", "IN"),
    ("a", 11, "det", "DET", "a", "DT"),
    ("third", 7, "obl", "ADJ", "third", "JJ"),
    (".", 7, "punct", "PUNCT", ".", "."),
]
UD_FRONTED_WITH_LISTENER = [
    ("The", 1, "det", "DET", "the", "DT"),
    ("ferry", 3, "nsubj", "NOUN", "ferry", "NN"),
    ("will", 3, "aux", "AUX", "will", "MD"),
    ("resume", 3, "ROOT", "VERB", "resume", "VB"),
    (",", 7, "punct", "PUNCT", ",", ","),
    ("the", 6, "det", "DET", "the", "DT"),
    ("operator", 7, "nsubj", "NOUN", "operator", "NN"),
    ("told", 3, "ccomp", "VERB", "tell", "VBD"),
    ("passengers", 7, "iobj", "NOUN", "passenger", "NNS"),
    (",", 12, "punct", "PUNCT", ",", ","),
    ("within", 12, "case", "ADP", "within", "IN"),
    ("two", 12, "nummod", "NUM", "two", "CD"),
    ("days", 7, "obl", "NOUN", "day", "NNS"),
    (".", 3, "punct", "PUNCT", ".", "."),
]
CLEAR_FRONTED_WITH_PHRASE = [
    ("The", 1, "det", "DET", "the", "DT"),
    ("budget", 3, "nsubjpass", "NOUN", "budget", "NN"),
    ("was", 3, "auxpass", "AUX", "be", "VBD"),
    ("cut", 3, "ROOT", "VERB", "cut", "VBN"),
    (",", 7, "punct", "PUNCT", ",", ","),
    ("the", 6, "det", "DET", "the", "DT"),
    ("minister", 7, "nsubj", "NOUN", "minister", "NN"),
    ("said", 3, "parataxis", "VERB", "say", "VBD"),
    (",", 7, "punct", "PUNCT", ",", ","),
    ("by", 7, "prep", "ADP", "by", "IN"),
    ("a", 11, "det", "DET", "a", "DT"),
    ("third", 9, "pobj", "NOUN", "third", "NN"),
    (".", 7, "punct", "PUNCT", ".", "."),
]
CLEAR_FRONTED_WITH_LISTENER = [
    ("The", 1, "det", "DET", "the", "DT"),
    ("ferry", 3, "nsubj", "NOUN", "ferry", "NN"),
    ("will", 3, "aux", "AUX", "will", "MD"),
    ("resume", 7, "ccomp", "VERB", "resume", "VB"),
    (",", 7, "punct", "PUNCT", ",", ","),
    ("the", 6, "det", "DET", "the", "DT"),
    ("operator", 7, "nsubj", "NOUN", "operator", "NN"),
    ("told", 7, "ROOT", "VERB", "tell", "VBD"),
    ("passengers", 7, "dobj", "NOUN", "passenger", "NNS"),
    (",", 7, "punct", "PUNCT", ",", ","),
    ("within", 7, "prep", "ADP", "within", "IN"),
    ("two", 12, "nummod", "NUM", "two", "CD"),
    ("days", 10, "pobj", "NOUN", "day", "NNS"),
    (".", 7, "punct", "PUNCT", ".", "."),
]
