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

# `Half said so in May.`: a proform followed by a phrase of time
UD_SAID_SO_IN_MAY = [
    ("Half", 1, "nsubj", "NOUN", "half", "NN"),
    ("said", 1, "ROOT", "VERB", "say", "VBD"),
    ("so", 1, "advmod", "ADV", "so", "RB"),
    ("in", 4, "case", "ADP", "in", "IN"),
    ("May", 1, "obl", "PROPN", "May", "NNP"),
    (".", 1, "punct", "PUNCT", ".", "."),
]
CLEAR_SAID_SO_IN_MAY = [
    ("Half", 1, "nsubj", "NOUN", "half", "NN"),
    ("said", 1, "ROOT", "VERB", "say", "VBD"),
    ("so", 1, "advmod", "ADV", "so", "RB"),
    ("in", 1, "prep", "ADP", "in", "IN"),
    ("May", 3, "pobj", "PROPN", "May", "NNP"),
    (".", 1, "punct", "PUNCT", ".", "."),
]

# `Rents rose for families, she said.` with the reporting clause tangled in the content (the
# parser made `for` the marker of `said`, as en_core_web_sm does in long sentences)
CLEAR_TANGLED_CLOSING = [
    ("Rents", 1, "nsubj", "NOUN", "rent", "NNS"),
    ("rose", 1, "ROOT", "VERB", "rise", "VBD"),
    ("for", 6, "mark", "SCONJ", "for", "IN"),
    ("families", 2, "pobj", "NOUN", "family", "NNS"),
    (",", 6, "punct", "PUNCT", ",", ","),
    ("she", 6, "nsubj", "PRON", "she", "PRP"),
    ("said", 1, "advcl", "VERB", "say", "VBD"),
    (".", 1, "punct", "PUNCT", ".", "."),
]

# `This covers two towns, the minister told a panel Wednesday.`: the reporting clause parsed
# as a conjunct of the content, with a listener and a time after the verb
UD_CLOSING_WITH_LISTENER = [
    ("This", 1, "nsubj", "PRON", "this", "DT"),
    ("covers", 1, "ROOT", "VERB", "cover", "VBZ"),
    ("two", 3, "nummod", "NUM", "two", "CD"),
    ("towns", 1, "obj", "NOUN", "town", "NNS"),
    (",", 7, "punct", "PUNCT", ",", ","),
    ("the", 6, "det", "DET", "the", "DT"),
    ("minister", 7, "nsubj", "NOUN", "minister", "NN"),
    ("told", 1, "conj", "VERB", "tell", "VBD"),
    ("a", 9, "det", "DET", "a", "DT"),
    ("panel", 7, "obj", "NOUN", "panel", "NN"),
    ("Wednesday", 7, "obl:tmod", "PROPN", "Wednesday", "NNP"),
    (".", 1, "punct", "PUNCT", ".", "."),
]
CLEAR_CLOSING_WITH_LISTENER = [
    (*row[:2], {"obj": "dobj", "obl:tmod": "npadvmod"}.get(row[2], row[2]), *row[3:])
    for row in UD_CLOSING_WITH_LISTENER
]

# `A win for the union, said Ana Ruiz, its head.`: the verb before its subject closes the
# sentence, and what it reports has no verb (or none the tagger saw)
UD_INVERTED_CLOSING = [
    ("A", 1, "det", "DET", "a", "DT"),
    ("win", 6, "nsubj", "NOUN", "win", "NN"),
    ("for", 4, "case", "ADP", "for", "IN"),
    ("the", 4, "det", "DET", "the", "DT"),
    ("union", 1, "nmod", "NOUN", "union", "NN"),
    (",", 6, "punct", "PUNCT", ",", ","),
    ("said", 6, "ROOT", "VERB", "say", "VBD"),
    ("Ana", 8, "compound", "PROPN", "Ana", "NNP"),
    ("Ruiz", 6, "nsubj", "PROPN", "Ruiz", "NNP"),
    (",", 8, "punct", "PUNCT", ",", ","),
    ("its", 11, "nmod:poss", "PRON", "its", "PRP$"),
    ("head", 8, "appos", "NOUN", "head", "NN"),
    (".", 6, "punct", "PUNCT", ".", "."),
]
CLEAR_INVERTED_CLOSING = [
    ("A", 1, "det", "DET", "a", "DT"),
    ("win", 6, "nsubj", "NOUN", "win", "NN"),
    ("for", 1, "prep", "ADP", "for", "IN"),
    ("the", 4, "det", "DET", "the", "DT"),
    ("union", 2, "pobj", "NOUN", "union", "NN"),
    (",", 6, "punct", "PUNCT", ",", ","),
    ("said", 6, "ROOT", "VERB", "say", "VBD"),
    ("Ana", 8, "compound", "PROPN", "Ana", "NNP"),
    ("Ruiz", 6, "nsubj", "PROPN", "Ruiz", "NNP"),
    (",", 8, "punct", "PUNCT", ",", ","),
    ("its", 11, "poss", "PRON", "its", "PRP$"),
    ("head", 8, "appos", "NOUN", "head", "NN"),
    (".", 6, "punct", "PUNCT", ".", "."),
]

# `Two towns flooded, Jo Hale, the mayor, said in a memo.`: a subject with an apposition
UD_CLOSING_APPOSITION = [
    ("Two", 1, "nummod", "NUM", "two", "CD"),
    ("towns", 2, "nsubj", "NOUN", "town", "NNS"),
    ("flooded", 2, "ROOT", "VERB", "flood", "VBD"),
    (",", 10, "punct", "PUNCT", ",", ","),
    ("Jo", 5, "compound", "PROPN", "Jo", "NNP"),
    ("Hale", 10, "nsubj", "PROPN", "Hale", "NNP"),
    (",", 5, "punct", "PUNCT", ",", ","),
    ("the", 8, "det", "DET", "the", "DT"),
    ("mayor", 5, "appos", "NOUN", "mayor", "NN"),
    (",", 5, "punct", "PUNCT", ",", ","),
    ("said", 2, "conj", "VERB", "say", "VBD"),
    ("in", 13, "case", "ADP", "in", "IN"),
    ("a", 13, "det", "DET", "a", "DT"),
    ("memo", 10, "obl", "NOUN", "memo", "NN"),
    (".", 2, "punct", "PUNCT", ".", "."),
]
CLEAR_CLOSING_APPOSITION = [
    *UD_CLOSING_APPOSITION[:11],
    ("in", 10, "prep", "ADP", "in", "IN"),
    ("a", 13, "det", "DET", "a", "DT"),
    ("memo", 11, "pobj", "NOUN", "memo", "NN"),
    (".", 2, "punct", "PUNCT", ".", "."),
]

# `She tweeted her thanks to the nurses.`: what was posted is the content
UD_TWEETED_OBJECT = [
    ("She", 1, "nsubj", "PRON", "she", "PRP"),
    ("tweeted", 1, "ROOT", "VERB", "tweet", "VBD"),
    ("her", 3, "nmod:poss", "PRON", "her", "PRP$"),
    ("thanks", 1, "obj", "NOUN", "thanks", "NNS"),
    ("to", 6, "case", "ADP", "to", "IN"),
    ("the", 6, "det", "DET", "the", "DT"),
    ("nurses", 3, "nmod", "NOUN", "nurse", "NNS"),
    (".", 1, "punct", "PUNCT", ".", "."),
]
CLEAR_TWEETED_OBJECT = [
    ("She", 1, "nsubj", "PRON", "she", "PRP"),
    ("tweeted", 1, "ROOT", "VERB", "tweet", "VBD"),
    ("her", 3, "poss", "PRON", "her", "PRP$"),
    ("thanks", 1, "dobj", "NOUN", "thanks", "NNS"),
    ("to", 3, "prep", "ADP", "to", "IN"),
    ("the", 6, "det", "DET", "the", "DT"),
    ("nurses", 4, "pobj", "NOUN", "nurse", "NNS"),
    (".", 1, "punct", "PUNCT", ".", "."),
]

# `<tweet pic="" author="x">`: markup left in a text, parsed as a verb and its object
CLEAR_TWEET_MARKUP = [
    ("<", 1, "punct", "PUNCT", "<", "-LRB-"),
    ("tweet", 1, "ROOT", "VERB", "tweet", "VB"),
    ('pic=""', 1, "dobj", "NOUN", 'pic=""', "NN"),
    ('author="x"', 2, "appos", "NOUN", 'author="x"', "NN"),
    (">", 1, "punct", "PUNCT", ">", "-RRB-"),
]
