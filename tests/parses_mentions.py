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

#: `reported` misparsed as the complement of `said`, with the clause as its own complement.
UD_REPORT_HUNG_ON_SAID = [
    ("The", 2, "det", "DET", "the"),
    ("rebel", 2, "compound", "NOUN", "rebel"),
    ("group", 5, "nsubj", "NOUN", "group"),
    ("on", 4, "case", "ADP", "on"),
    ("Monday", 5, "obl", "PROPN", "Monday"),
    ("said", 5, "ROOT", "VERB", "say", "VBD"),
    ("the", 7, "det", "DET", "the"),
    ("government", 9, "nsubj", "NOUN", "government"),
    ("will", 9, "aux", "AUX", "will", "MD"),
    ("pay", 14, "ccomp", "VERB", "pay", "VB"),
    (",", 14, "punct", "PUNCT", ","),
    ("a", 13, "det", "DET", "a"),
    ("local", 13, "amod", "ADJ", "local"),
    ("paper", 14, "nsubj", "NOUN", "paper"),
    ("reported", 5, "ccomp", "VERB", "report", "VBD"),
    (".", 5, "punct", "PUNCT", "."),
]
CLEAR_REPORT_HUNG_ON_SAID = [
    *UD_REPORT_HUNG_ON_SAID[:3],
    ("on", 5, "prep", "ADP", "on"),
    ("Monday", 3, "pobj", "PROPN", "Monday"),
    *UD_REPORT_HUNG_ON_SAID[5:],
]
