"""Hand-built parses for the speaker-mention tests: (word, head, dep, pos, lemma[, tag]) rows."""

UD_HEAD_OF_AGENCY_IN_CITY = [
    ("The", 1, "det", "DET", "the"),
    ("head", 8, "nsubj", "NOUN", "head"),
    ("of", 4, "case", "ADP", "of"),
    ("the", 4, "det", "DET", "the"),
    ("agency", 1, "nmod", "NOUN", "agency"),
    ("in", 7, "case", "ADP", "in"),
    ("the", 7, "det", "DET", "the"),
    ("port", 4, "nmod", "NOUN", "port"),
    ("said", 8, "ROOT", "VERB", "say", "VBD"),
    ("it", 10, "nsubj", "PRON", "it"),
    ("ended", 8, "ccomp", "VERB", "end", "VBD"),
    (".", 8, "punct", "PUNCT", "."),
]
CLEAR_HEAD_OF_AGENCY_IN_CITY = [
    ("The", 1, "det", "DET", "the"),
    ("head", 8, "nsubj", "NOUN", "head"),
    ("of", 1, "prep", "ADP", "of"),
    ("the", 4, "det", "DET", "the"),
    ("agency", 2, "pobj", "NOUN", "agency"),
    ("in", 4, "prep", "ADP", "in"),
    ("the", 7, "det", "DET", "the"),
    ("port", 5, "pobj", "NOUN", "port"),
    ("said", 8, "ROOT", "VERB", "say", "VBD"),
    ("it", 10, "nsubj", "PRON", "it"),
    ("ended", 8, "ccomp", "VERB", "end", "VBD"),
    (".", 8, "punct", "PUNCT", "."),
]
