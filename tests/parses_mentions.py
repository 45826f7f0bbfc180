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

UD_DATELINE = [
    ("PARIS", 9, "nsubj", "PROPN", "Paris"),
    ("(", 2, "punct", "PUNCT", "("),
    ("AFP", 0, "appos", "PROPN", "AFP"),
    (")", 2, "punct", "PUNCT", ")"),
    ("-", 8, "punct", "PUNCT", "-"),
    ("The", 6, "det", "DET", "the"),
    ("bank", 8, "nmod:poss", "NOUN", "bank"),
    ("'s", 6, "case", "PART", "'s"),
    ("chairman", 0, "appos", "NOUN", "chairman"),
    ("told", 9, "ROOT", "VERB", "tell", "VBD"),
    ("shareholders", 9, "iobj", "NOUN", "shareholder"),
    ("that", 13, "mark", "SCONJ", "that"),
    ("he", 13, "nsubj", "PRON", "he"),
    ("resigned", 9, "ccomp", "VERB", "resign", "VBD"),
    (".", 9, "punct", "PUNCT", "."),
]
CLEAR_DATELINE = [
    *UD_DATELINE[:6],
    ("bank", 8, "poss", "NOUN", "bank"),
    ("'s", 6, "case", "PART", "'s"),
    *UD_DATELINE[8:10],
    ("shareholders", 9, "dative", "NOUN", "shareholder"),
    *UD_DATELINE[11:],
]
#: `quipped` parsed as a modifier of the speaker noun (same labels in both schemes).
QUIPPED_HOST = [
    ("“", 2, "punct", "PUNCT", "“"),
    ("We", 2, "nsubj", "PRON", "we"),
    ("won", 5, "ccomp", "VERB", "win", "VBD"),
    (",", 2, "punct", "PUNCT", ","),
    ("”", 2, "punct", "PUNCT", "”"),
    ("quipped", 6, "amod", "VERB", "quip", "VBD"),
    ("host", 8, "compound", "NOUN", "host"),
    ("Jo", 8, "compound", "PROPN", "Jo"),
    ("Bell", 8, "ROOT", "PROPN", "Bell"),
    (".", 8, "punct", "PUNCT", "."),
]
#: a hyphenated name whose first part the parser hung elsewhere (same labels in both schemes).
HYPHENATED_NAME = [
    ("“", 2, "punct", "PUNCT", "“"),
    ("We", 2, "nsubj", "PRON", "we"),
    ("won", 5, "ccomp", "VERB", "win", "VBD"),
    (",", 2, "punct", "PUNCT", ","),
    ("”", 2, "punct", "PUNCT", "”"),
    ("said", 5, "ROOT", "VERB", "say", "VBD"),
    ("Anna", 7, "npadvmod", "PROPN", "Anna"),
    ("Keller", 5, "npadvmod", "PROPN", "Keller"),
    ("-", 5, "punct", "PUNCT", "-"),
    ("Sutter", 5, "nsubj", "PROPN", "Sutter"),
    (".", 5, "punct", "PUNCT", "."),
]
HYPHENATED_NAME_SPACES = [False, True, False, False, True, True, True, False, False, False, False]

#: the complement of a cue in a relative clause missed (`deal` taken as its object).
UD_RELATIVE_CUE = [
    ("Smith", 8, "nsubj", "PROPN", "Smith"),
    (",", 0, "punct", "PUNCT", ","),
    ("who", 3, "nsubj", "PRON", "who"),
    ("insisted", 0, "acl:relcl", "VERB", "insist", "VBD"),
    ("the", 5, "det", "DET", "the"),
    ("deal", 3, "obj", "NOUN", "deal"),
    ("was", 6, "ROOT", "AUX", "be", "VBD"),
    ("fair", 6, "xcomp", "ADJ", "fair"),
    (",", 9, "punct", "PUNCT", ","),
    ("resigned", 6, "conj", "VERB", "resign", "VBD"),
    ("in", 11, "case", "ADP", "in"),
    ("May", 9, "obl", "PROPN", "May"),
    (".", 6, "punct", "PUNCT", "."),
]
CLEAR_RELATIVE_CUE = [
    *UD_RELATIVE_CUE[:3],
    ("insisted", 0, "relcl", "VERB", "insist", "VBD"),
    UD_RELATIVE_CUE[4],
    ("deal", 3, "dobj", "NOUN", "deal"),
    UD_RELATIVE_CUE[6],
    ("fair", 6, "acomp", "ADJ", "fair"),
    *UD_RELATIVE_CUE[8:10],
    ("in", 9, "prep", "ADP", "in"),
    ("May", 10, "pobj", "PROPN", "May"),
    UD_RELATIVE_CUE[12],
]

UD_BEFORE_ADDING = [
    ("The", 1, "det", "DET", "the"),
    ("senator", 2, "nsubj", "NOUN", "senator"),
    ("spoke", 2, "ROOT", "VERB", "speak", "VBD"),
    ("before", 4, "mark", "SCONJ", "before"),
    ("adding", 2, "advcl", "VERB", "add", "VBG"),
    ("that", 8, "mark", "SCONJ", "that"),
    ("he", 8, "nsubj", "PRON", "he"),
    ("would", 8, "aux", "AUX", "would", "MD"),
    ("run", 4, "ccomp", "VERB", "run", "VB"),
    (".", 2, "punct", "PUNCT", "."),
]
CLEAR_BEFORE_ADDING = [
    *UD_BEFORE_ADDING[:3],
    ("before", 2, "prep", "ADP", "before"),
    ("adding", 3, "pcomp", "VERB", "add", "VBG"),
    *UD_BEFORE_ADDING[5:],
]
UD_LIKELY_TO_SAY = [
    ("Voters", 2, "nsubj", "NOUN", "voter"),
    ("are", 2, "cop", "AUX", "be", "VBP"),
    ("likely", 2, "ROOT", "ADJ", "likely"),
    ("to", 4, "mark", "PART", "to"),
    ("say", 2, "xcomp", "VERB", "say", "VB"),
    ("the", 6, "det", "DET", "the"),
    ("economy", 8, "nsubj", "NOUN", "economy"),
    ("is", 8, "cop", "AUX", "be", "VBZ"),
    ("weak", 4, "ccomp", "ADJ", "weak"),
    (".", 2, "punct", "PUNCT", "."),
]
CLEAR_LIKELY_TO_SAY = [
    ("Voters", 1, "nsubj", "NOUN", "voter"),
    ("are", 1, "ROOT", "AUX", "be", "VBP"),
    ("likely", 1, "acomp", "ADJ", "likely"),
    ("to", 4, "aux", "PART", "to"),
    ("say", 2, "xcomp", "VERB", "say", "VB"),
    ("the", 6, "det", "DET", "the"),
    ("economy", 7, "nsubj", "NOUN", "economy"),
    ("is", 4, "ccomp", "AUX", "be", "VBZ"),
    ("weak", 7, "acomp", "ADJ", "weak"),
    (".", 1, "punct", "PUNCT", "."),
]

#: the subject of a complement taken as a prepositional phrase of the cue (`about half …`).
UD_SUBJECT_AS_PREPOSITION = [
    ("The", 1, "det", "DET", "the"),
    ("office", 2, "nsubj", "NOUN", "office"),
    ("said", 2, "ROOT", "VERB", "say", "VBD"),
    ("about", 4, "case", "ADP", "about"),
    ("half", 2, "obl", "NOUN", "half"),
    ("of", 6, "case", "ADP", "of"),
    ("it", 4, "nmod", "PRON", "it"),
    ("reflected", 2, "ccomp", "VERB", "reflect", "VBD"),
    ("losses", 7, "obj", "NOUN", "loss"),
    (".", 2, "punct", "PUNCT", "."),
]
CLEAR_SUBJECT_AS_PREPOSITION = [
    *UD_SUBJECT_AS_PREPOSITION[:3],
    ("about", 2, "prep", "ADP", "about"),
    ("half", 3, "pobj", "NOUN", "half"),
    ("of", 4, "prep", "ADP", "of"),
    ("it", 5, "pobj", "PRON", "it"),
    UD_SUBJECT_AS_PREPOSITION[7],
    ("losses", 7, "dobj", "NOUN", "loss"),
    UD_SUBJECT_AS_PREPOSITION[9],
]

UD_REPORTED_GERUND = [
    ("The", 1, "det", "DET", "the"),
    ("campaign", 2, "nsubj", "NOUN", "campaign"),
    ("reported", 2, "ROOT", "VERB", "report", "VBD"),
    ("raising", 2, "xcomp", "VERB", "raise", "VBG"),
    ("nine", 5, "nummod", "NUM", "nine"),
    ("million", 6, "compound", "NUM", "million"),
    ("dollars", 3, "obj", "NOUN", "dollar"),
    (".", 2, "punct", "PUNCT", "."),
]
CLEAR_REPORTED_GERUND = [
    *UD_REPORTED_GERUND[:4],
    *UD_REPORTED_GERUND[4:6],
    ("dollars", 3, "dobj", "NOUN", "dollar"),
    UD_REPORTED_GERUND[7],
]
#: an adverbial clause parsed as the cue's complement (same labels in both schemes).
AS_CLAUSE_AS_COMPLEMENT = [
    ("Jo", 1, "nsubj", "PROPN", "Jo"),
    ("said", 1, "ROOT", "VERB", "say", "VBD"),
    (",", 1, "punct", "PUNCT", ","),
    ("as", 6, "mark", "SCONJ", "as"),
    ("the", 5, "det", "DET", "the"),
    ("crowd", 6, "nsubj", "NOUN", "crowd"),
    ("left", 1, "ccomp", "VERB", "leave", "VBD"),
    (".", 1, "punct", "PUNCT", "."),
]
UD_PARTICIPLE_AS_COMPLEMENT = [
    ("Jo", 1, "nsubj", "PROPN", "Jo"),
    ("said", 1, "ROOT", "VERB", "say", "VBD"),
    ("in", 4, "case", "ADP", "in"),
    ("an", 4, "det", "DET", "an"),
    ("interview", 1, "obl", "NOUN", "interview"),
    ("aired", 1, "ccomp", "VERB", "air", "VBN"),
    ("Monday", 5, "obl:tmod", "PROPN", "Monday"),
    (".", 1, "punct", "PUNCT", "."),
]
CLEAR_PARTICIPLE_AS_COMPLEMENT = [
    *UD_PARTICIPLE_AS_COMPLEMENT[:2],
    ("in", 1, "prep", "ADP", "in"),
    UD_PARTICIPLE_AS_COMPLEMENT[3],
    ("interview", 2, "pobj", "NOUN", "interview"),
    UD_PARTICIPLE_AS_COMPLEMENT[5],
    ("Monday", 5, "npadvmod", "PROPN", "Monday"),
    UD_PARTICIPLE_AS_COMPLEMENT[7],
]

#: `accused by the US military of being …`: the agent's preposition takes a clause.
UD_AGENT_OF_BEING = [
    ("It", 2, "nsubj:pass", "PRON", "it"),
    ("was", 2, "aux:pass", "AUX", "be", "VBD"),
    ("accused", 2, "ROOT", "VERB", "accuse", "VBN"),
    ("by", 5, "case", "ADP", "by"),
    ("the", 5, "det", "DET", "the"),
    ("army", 2, "obl:agent", "NOUN", "army"),
    ("of", 7, "mark", "SCONJ", "of"),
    ("lying", 2, "advcl", "VERB", "lie", "VBG"),
    (".", 2, "punct", "PUNCT", "."),
]
CLEAR_AGENT_OF_BEING = [
    ("It", 2, "nsubjpass", "PRON", "it"),
    ("was", 2, "auxpass", "AUX", "be", "VBD"),
    ("accused", 2, "ROOT", "VERB", "accuse", "VBN"),
    ("by", 2, "agent", "ADP", "by"),
    ("the", 5, "det", "DET", "the"),
    ("army", 3, "pobj", "NOUN", "army"),
    ("of", 5, "prep", "ADP", "of"),
    ("lying", 6, "pcomp", "VERB", "lie", "VBG"),
    (".", 2, "punct", "PUNCT", "."),
]

UD_NAME_WITH_PLACE = [
    ("The", 2, "det", "DET", "the"),
    ("Islamic", 2, "compound", "PROPN", "Islamic"),
    ("Resistance", 5, "nsubj", "PROPN", "Resistance"),
    ("in", 4, "case", "ADP", "in"),
    ("Iraq", 2, "nmod", "PROPN", "Iraq"),
    ("said", 5, "ROOT", "VERB", "say", "VBD"),
    ("it", 7, "nsubj", "PRON", "it"),
    ("ended", 5, "ccomp", "VERB", "end", "VBD"),
    (".", 5, "punct", "PUNCT", "."),
]
CLEAR_NAME_WITH_PLACE = [
    *UD_NAME_WITH_PLACE[:3],
    ("in", 2, "prep", "ADP", "in"),
    ("Iraq", 3, "pobj", "PROPN", "Iraq"),
    *UD_NAME_WITH_PLACE[5:],
]

UD_OPENING_PHRASE_THEN_CUE = [
    ("In", 2, "case", "ADP", "in"),
    ("the", 2, "det", "DET", "the"),
    ("end", 8, "obl", "NOUN", "end"),
    (",", 5, "punct", "PUNCT", ","),
    ("Jo", 5, "nsubj", "PROPN", "Jo"),
    ("said", 8, "parataxis", "VERB", "say", "VBD"),
    (",", 5, "punct", "PUNCT", ","),
    ("voters", 8, "nsubj", "NOUN", "voter"),
    ("left", 8, "ROOT", "VERB", "leave", "VBD"),
    (".", 8, "punct", "PUNCT", "."),
]
CLEAR_OPENING_PHRASE_THEN_CUE = [
    ("In", 8, "prep", "ADP", "in"),
    UD_OPENING_PHRASE_THEN_CUE[1],
    ("end", 0, "pobj", "NOUN", "end"),
    *UD_OPENING_PHRASE_THEN_CUE[3:],
]

UD_PERSON_ANNOUNCED = [
    ("Jo", 1, "compound", "PROPN", "Jo"),
    ("Bell", 3, "nsubj:pass", "PROPN", "Bell"),
    ("was", 3, "aux:pass", "AUX", "be", "VBD"),
    ("announced", 3, "ROOT", "VERB", "announce", "VBN"),
    ("as", 5, "case", "ADP", "as"),
    ("head", 3, "obl", "NOUN", "head"),
    (".", 3, "punct", "PUNCT", "."),
]
CLEAR_PERSON_ANNOUNCED = [
    UD_PERSON_ANNOUNCED[0],
    ("Bell", 3, "nsubjpass", "PROPN", "Bell"),
    ("was", 3, "auxpass", "AUX", "be", "VBD"),
    UD_PERSON_ANNOUNCED[3],
    ("as", 3, "prep", "ADP", "as"),
    ("head", 4, "pobj", "NOUN", "head"),
    UD_PERSON_ANNOUNCED[6],
]
