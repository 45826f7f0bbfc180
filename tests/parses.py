"""Hand-built parses shared by the rule tests: (word, head, dep, pos, lemma[, tag]) rows."""

UD_SAID_THAT = [
    ("CENTCOM", 1, "nsubj", "PROPN", "CENTCOM"),
    ("said", 1, "ROOT", "VERB", "say", "VBD"),
    ("that", 5, "mark", "SCONJ", "that"),
    ("the", 4, "det", "DET", "the"),
    ("strike", 5, "nsubj", "NOUN", "strike"),
    ("killed", 1, "ccomp", "VERB", "kill", "VBD"),
    ("a", 7, "det", "DET", "a"),
    ("commander", 5, "obj", "NOUN", "commander"),
    (".", 1, "punct", "PUNCT", "."),
]
CLEAR_SAID_THAT = [row if row[2] != "obj" else (*row[:2], "dobj", *row[3:]) for row in UD_SAID_THAT]

UD_PASSIVE_AGENT = [
    ("It", 2, "nsubj:pass", "PRON", "it"),
    ("was", 2, "aux:pass", "AUX", "be"),
    ("denied", 2, "ROOT", "VERB", "deny", "VBN"),
    ("by", 4, "case", "ADP", "by"),
    ("Tehran", 2, "obl:agent", "PROPN", "Tehran"),
    (".", 2, "punct", "PUNCT", "."),
]
CLEAR_PASSIVE_AGENT = [
    ("It", 2, "nsubjpass", "PRON", "it"),
    ("was", 2, "auxpass", "AUX", "be"),
    ("denied", 2, "ROOT", "VERB", "deny", "VBN"),
    ("by", 2, "agent", "ADP", "by"),
    ("Tehran", 3, "pobj", "PROPN", "Tehran"),
    (".", 2, "punct", "PUNCT", "."),
]
UD_ACCORDING = [
    ("According", 2, "case", "VERB", "accord", "VBG"),
    ("to", 0, "fixed", "ADP", "to"),
    ("Reuters", 4, "obl", "PROPN", "Reuters"),
    ("it", 4, "nsubj", "PRON", "it"),
    ("ended", 4, "ROOT", "VERB", "end"),
]
CLEAR_ACCORDING = [
    ("According", 4, "prep", "VERB", "accord", "VBG"),
    ("to", 0, "prep", "ADP", "to"),
    ("Reuters", 1, "pobj", "PROPN", "Reuters"),
    ("it", 4, "nsubj", "PRON", "it"),
    ("ended", 4, "ROOT", "VERB", "end"),
]

UD_POSTPOSED = [
    ("There", 1, "expl", "PRON", "there"),
    ("is", 1, "ROOT", "VERB", "be"),
    ("no", 3, "det", "DET", "no"),
    ("evidence", 1, "nsubj", "NOUN", "evidence"),
    (",", 8, "punct", "PUNCT", ","),
    ("the", 7, "det", "DET", "the"),
    ("US", 7, "compound", "PROPN", "US"),
    ("military", 8, "nsubj", "NOUN", "military"),
    ("added", 1, "parataxis", "VERB", "add", "VBD"),
    (".", 1, "punct", "PUNCT", "."),
]
CLEAR_POSTPOSED = [
    ("There", 1, "expl", "PRON", "there"),
    ("is", 8, "ccomp", "VERB", "be"),
    ("no", 3, "det", "DET", "no"),
    ("evidence", 1, "attr", "NOUN", "evidence"),
    (",", 8, "punct", "PUNCT", ","),
    ("the", 7, "det", "DET", "the"),
    ("US", 7, "compound", "PROPN", "US"),
    ("military", 8, "nsubj", "NOUN", "military"),
    ("added", 8, "ROOT", "VERB", "add", "VBD"),
    (".", 8, "punct", "PUNCT", "."),
]
UD_SAYING = [
    ("CENTCOM", 1, "nsubj", "PROPN", "CENTCOM"),
    ("claimed", 1, "ROOT", "VERB", "claim", "VBD"),
    ("responsibility", 1, "obj", "NOUN", "responsibility"),
    (",", 4, "punct", "PUNCT", ","),
    ("saying", 1, "advcl", "VERB", "say", "VBG"),
    ("the", 6, "det", "DET", "the"),
    ("attack", 9, "nsubj", "NOUN", "attack"),
    ("was", 9, "cop", "AUX", "be"),
    ("a", 9, "det", "DET", "a"),
    ("response", 4, "ccomp", "NOUN", "response"),
    (".", 1, "punct", "PUNCT", "."),
]
UD_VOWED = [
    ("Biden", 1, "nsubj", "PROPN", "Biden"),
    ("vowed", 1, "ROOT", "VERB", "vow", "VBD"),
    ("to", 4, "mark", "PART", "to"),
    ("“", 4, "punct", "PUNCT", "“"),
    ("respond", 1, "xcomp", "VERB", "respond", "VB"),
    ("”", 4, "punct", "PUNCT", "”"),
    (".", 1, "punct", "PUNCT", "."),
]
VOWED_SPACES = [True, True, True, False, False, False, False]
UD_SOURCELESS = [
    ("The", 1, "det", "DET", "the"),
    ("militia", 3, "nsubj:pass", "NOUN", "militia"),
    ("is", 3, "aux:pass", "AUX", "be"),
    ("said", 3, "ROOT", "VERB", "say", "VBN"),
    ("to", 5, "mark", "PART", "to"),
    ("lead", 3, "xcomp", "VERB", "lead", "VB"),
    ("it", 5, "obj", "PRON", "it"),
]

# `The strike killed a commander, the US military added.` with the reporting clause
# mis-attached as a clause modifier of a noun (a real parser error).
UD_MISATTACHED_TAIL = [
    ("The", 1, "det", "DET", "the"),
    ("strike", 2, "nsubj", "NOUN", "strike"),
    ("killed", 2, "ROOT", "VERB", "kill", "VBD"),
    ("a", 4, "det", "DET", "a"),
    ("commander", 2, "obj", "NOUN", "commander"),
    (",", 9, "punct", "PUNCT", ","),
    ("the", 8, "det", "DET", "the"),
    ("US", 8, "compound", "PROPN", "US"),
    ("military", 9, "nsubj", "NOUN", "military"),
    ("added", 4, "acl", "VERB", "add", "VBD"),
    (".", 2, "punct", "PUNCT", "."),
]
# `Hendler warned Saturday that the move could damage the party.` with `Saturday` as object
# and the clause hung on it (parser error): only the words show the complement.
UD_WARNED_SATURDAY_THAT = [
    ("Hendler", 1, "nsubj", "PROPN", "Hendler"),
    ("warned", 1, "ROOT", "VERB", "warn", "VBD"),
    ("Saturday", 1, "obj", "PROPN", "Saturday"),
    ("that", 6, "nsubj", "PRON", "that"),
    ("the", 5, "det", "DET", "the"),
    ("move", 6, "nsubj", "NOUN", "move"),
    ("damaged", 2, "acl:relcl", "VERB", "damage", "VBD"),
    ("the", 8, "det", "DET", "the"),
    ("party", 6, "obj", "NOUN", "party"),
    (".", 1, "punct", "PUNCT", "."),
]
# `Tehran denied involvement in the attack.`
UD_DENIED_INVOLVEMENT = [
    ("Tehran", 1, "nsubj", "PROPN", "Tehran"),
    ("denied", 1, "ROOT", "VERB", "deny", "VBD"),
    ("involvement", 1, "obj", "NOUN", "involvement"),
    ("in", 5, "case", "ADP", "in"),
    ("the", 5, "det", "DET", "the"),
    ("attack", 2, "nmod", "NOUN", "attack"),
    (".", 1, "punct", "PUNCT", "."),
]
# `He told reporters.`: the object of `tell` is the listener, never the content.
UD_TOLD_REPORTERS = [
    ("He", 1, "nsubj", "PRON", "he"),
    ("told", 1, "ROOT", "VERB", "tell", "VBD"),
    ("local", 3, "amod", "ADJ", "local"),
    ("reporters", 1, "obj", "NOUN", "reporter"),
    (".", 1, "punct", "PUNCT", "."),
]
# `The military in a statement said it struck.`: the speaker is `The military`.
UD_MILITARY_IN_STATEMENT = [
    ("The", 1, "det", "DET", "the"),
    ("military", 5, "nsubj", "NOUN", "military"),
    ("in", 4, "case", "ADP", "in"),
    ("a", 4, "det", "DET", "a"),
    ("statement", 1, "nmod", "NOUN", "statement"),
    ("said", 5, "ROOT", "VERB", "say", "VBD"),
    ("it", 7, "nsubj", "PRON", "it"),
    ("struck", 5, "ccomp", "VERB", "strike", "VBD"),
    (".", 5, "punct", "PUNCT", "."),
]
# `As the Times noted, Clinton raised money.`
UD_AS_NOTED = [
    ("As", 3, "mark", "SCONJ", "as"),
    ("the", 2, "det", "DET", "the"),
    ("Times", 3, "nsubj", "PROPN", "Times"),
    ("noted", 6, "advcl", "VERB", "note", "VBD"),
    (",", 3, "punct", "PUNCT", ","),
    ("Clinton", 6, "nsubj", "PROPN", "Clinton"),
    ("raised", 6, "ROOT", "VERB", "raise", "VBD"),
    ("money", 6, "obj", "NOUN", "money"),
    (".", 6, "punct", "PUNCT", "."),
]
# `They ignored the DOJ demand that HB2 be dropped.`
UD_DEMAND_THAT = [
    ("They", 1, "nsubj", "PRON", "they"),
    ("ignored", 1, "ROOT", "VERB", "ignore", "VBD"),
    ("the", 4, "det", "DET", "the"),
    ("DOJ", 4, "compound", "PROPN", "DOJ"),
    ("demand", 1, "obj", "NOUN", "demand"),
    ("that", 8, "mark", "SCONJ", "that"),
    ("HB2", 8, "nsubj:pass", "PROPN", "HB2"),
    ("be", 8, "aux:pass", "AUX", "be"),
    ("dropped", 4, "acl", "VERB", "drop", "VBN"),
    (".", 1, "punct", "PUNCT", "."),
]
# `A faction of the forces, Kata’ib Hezbollah, announced it.`: the apposition parsed as a
# second subject.
UD_TWO_SUBJECTS = [
    ("A", 1, "det", "DET", "a"),
    ("faction", 9, "nsubj", "NOUN", "faction"),
    ("of", 4, "case", "ADP", "of"),
    ("the", 4, "det", "DET", "the"),
    ("forces", 1, "nmod", "NOUN", "force"),
    (",", 6, "punct", "PUNCT", ","),
    ("Kata’ib", 9, "nsubj", "PROPN", "Kata’ib"),
    ("Hezbollah", 6, "flat", "PROPN", "Hezbollah"),
    (",", 9, "punct", "PUNCT", ","),
    ("announced", 9, "ROOT", "VERB", "announce", "VBD"),
    ("that", 12, "mark", "SCONJ", "that"),
    ("it", 12, "nsubj", "PRON", "it"),
    ("ended", 9, "ccomp", "VERB", "end", "VBD"),
]
# `CENTCOM confirmed that it ended.` with the verb parsed as a participle modifying the noun.
UD_SUBJECT_LOST = [
    ("CENTCOM", 0, "ROOT", "PROPN", "CENTCOM", "NNP"),
    ("confirmed", 0, "acl", "VERB", "confirm", "VBD"),
    ("that", 4, "mark", "SCONJ", "that"),
    ("it", 4, "nsubj", "PRON", "it"),
    ("ended", 1, "ccomp", "VERB", "end", "VBD"),
]
# `Clinton says many doubted her.` with the complement clause lost by the parse.
UD_SAYS_NO_THAT = [
    ("Clinton", 1, "nsubj", "PROPN", "Clinton", "NNP"),
    ("says", 1, "ROOT", "VERB", "say", "VBZ"),
    ("many", 3, "nsubj", "PRON", "many", "JJ"),
    ("doubted", 1, "dep", "VERB", "doubt", "VBD"),
    ("her", 3, "obj", "PRON", "she", "PRP"),
    (".", 1, "punct", "PUNCT", ".", "."),
]

# `Kata’ib` attached to the quote as punctuation, as the shipped parser sometimes does
UD_NAME_SPLIT_BY_PARSE = [
    ("Strikes", 1, "nsubj", "NOUN", "strike"),
    ("continue", 5, "ccomp", "VERB", "continue"),
    (",", 1, "punct", "PUNCT", ","),
    ("Kata’ib", 1, "punct", "PROPN", "Kata’ib", "NNP"),
    ("Hezbollah", 5, "nsubj", "PROPN", "Hezbollah", "NNP"),
    ("said", 5, "ROOT", "VERB", "say", "VBD"),
    (".", 5, "punct", "PUNCT", "."),
]

# the parser hung the second half of the content on the cue (`said … but has not decided`)
UD_CONTENT_CONTINUES = [
    ("Conway", 1, "nsubj", "PROPN", "Conway", "NNP"),
    ("said", 1, "ROOT", "VERB", "say", "VBD"),
    ("she", 3, "nsubj", "PRON", "she", "PRP"),
    ("recruited", 1, "ccomp", "VERB", "recruit", "VBD"),
    ("Bossie", 3, "obj", "PROPN", "Bossie", "NNP"),
    ("but", 8, "cc", "CCONJ", "but", "CC"),
    ("has", 8, "aux", "AUX", "have", "VBZ"),
    ("not", 8, "advmod", "PART", "not", "RB"),
    ("decided", 1, "conj", "VERB", "decide", "VBN"),
    (".", 1, "punct", "PUNCT", ".", "."),
]

# a sentence break put right after the cue (`The Vatican says | Pope Francis has no plans`)
UD_BREAK_AFTER_CUE = [
    ("The", 1, "det", "DET", "the", "DT"),
    ("Vatican", 2, "nsubj", "PROPN", "Vatican", "NNP"),
    ("says", 2, "ROOT", "VERB", "say", "VBZ"),
    ("Pope", 5, "nsubj", "PROPN", "Pope", "NNP"),
    ("Francis", 3, "flat", "PROPN", "Francis", "NNP"),
    ("has", 5, "ROOT", "VERB", "have", "VBZ"),
    ("no", 7, "det", "DET", "no", "DT"),
    ("plans", 5, "obj", "NOUN", "plan", "NNS"),
    (".", 5, "punct", "PUNCT", ".", "."),
]
