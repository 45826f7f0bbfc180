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
#: `said` parsed as a conjunct of the main verb: a reporting clause between commas.
UD_PARENTHETICAL = [
    ("A", 1, "det", "DET", "a"),
    ("wall", 3, "nsubj", "NOUN", "wall"),
    ("would", 3, "aux", "AUX", "would", "MD"),
    ("stop", 3, "ROOT", "VERB", "stop", "VB"),
    ("criminals", 3, "obj", "NOUN", "criminal"),
    (",", 7, "punct", "PUNCT", ","),
    ("she", 7, "nsubj", "PRON", "she"),
    ("said", 3, "conj", "VERB", "say", "VBD"),
    (",", 11, "punct", "PUNCT", ","),
    ("but", 11, "cc", "CCONJ", "but"),
    ("also", 11, "advmod", "ADV", "also"),
    ("drugs", 3, "conj", "NOUN", "drug"),
    (".", 3, "punct", "PUNCT", "."),
]
#: The comma before the speaker attached to the speaker.
UD_COMMA_ON_SPEAKER = [
    ("Growth", 1, "nsubj", "NOUN", "growth"),
    ("slowed", 1, "ROOT", "VERB", "slow", "VBD"),
    (",", 4, "punct", "PUNCT", ","),
    ("an", 4, "det", "DET", "an"),
    ("official", 5, "nsubj", "NOUN", "official"),
    ("said", 1, "conj", "VERB", "say", "VBD"),
    (".", 1, "punct", "PUNCT", "."),
]
#: A sentence break at the comma before the reporting clause (two sentences: 0 and 4).
UD_BREAK_BEFORE_SPEAKER = [
    ("Troops", 2, "nsubj", "NOUN", "troop"),
    ("would", 2, "aux", "AUX", "would", "MD"),
    ("help", 2, "ROOT", "VERB", "help", "VB"),
    (",", 2, "punct", "PUNCT", ","),
    ("Carson", 5, "nsubj", "PROPN", "Carson"),
    ("said", 5, "ROOT", "VERB", "say", "VBD"),
    (".", 5, "punct", "PUNCT", "."),
]
#: The question's subject parsed as a second object of `asked`.
UD_ASKED_WHETHER = [
    ("Conroy", 1, "nsubj", "PROPN", "Conroy"),
    ("asked", 1, "ROOT", "VERB", "ask", "VBD"),
    ("Sanders", 1, "obj", "PROPN", "Sanders"),
    ("whether", 7, "mark", "SCONJ", "whether"),
    ("the", 5, "det", "DET", "the"),
    ("questions", 1, "obj", "NOUN", "question"),
    ("were", 7, "cop", "AUX", "be", "VBD"),
    ("fair", 1, "ccomp", "ADJ", "fair"),
    (".", 1, "punct", "PUNCT", "."),
]
UD_POINTED_TO = [
    ("She", 1, "nsubj", "PRON", "she"),
    ("pointed", 1, "ROOT", "VERB", "point", "VBD"),
    ("to", 4, "case", "ADP", "to"),
    ("the", 4, "det", "DET", "the"),
    ("polls", 1, "obl", "NOUN", "poll"),
    (".", 1, "punct", "PUNCT", "."),
]
UD_DEAL_ANNOUNCED = [
    ("The", 1, "det", "DET", "the"),
    ("deal", 3, "nsubj:pass", "NOUN", "deal"),
    ("was", 3, "aux:pass", "AUX", "be", "VBD"),
    ("announced", 3, "ROOT", "VERB", "announce", "VBN"),
    ("on", 5, "case", "ADP", "on"),
    ("Friday", 3, "obl", "PROPN", "Friday"),
    (".", 3, "punct", "PUNCT", "."),
]
UD_GROUP_BLAMED = [
    ("The", 1, "det", "DET", "the"),
    ("group", 3, "nsubj:pass", "NOUN", "group"),
    ("was", 3, "aux:pass", "AUX", "be", "VBD"),
    ("blamed", 3, "ROOT", "VERB", "blame", "VBN"),
    ("for", 5, "case", "ADP", "for"),
    ("attacks", 3, "obl", "NOUN", "attack"),
    (".", 3, "punct", "PUNCT", "."),
]
#: The complement's subject parsed as the object of `says`.
UD_SUBJECT_AS_OBJECT = [
    ("He", 1, "nsubj", "PRON", "he"),
    ("says", 1, "ROOT", "VERB", "say", "VBZ"),
    ("the", 3, "det", "DET", "the"),
    ("law", 1, "obj", "NOUN", "law"),
    ("unfairly", 5, "advmod", "ADV", "unfairly"),
    ("targets", 1, "ccomp", "VERB", "target", "VBZ"),
    ("gays", 5, "obj", "NOUN", "gay"),
    (".", 1, "punct", "PUNCT", "."),
]
#: `said, “…” that …`: the report goes on after an unfinished quote.
UD_QUOTE_THEN_MORE = [
    ("Lawyers", 1, "nsubj", "NOUN", "lawyer"),
    ("said", 1, "ROOT", "VERB", "say", "VBD"),
    (",", 1, "punct", "PUNCT", ","),
    ("“", 5, "punct", "PUNCT", "“"),
    ("they", 5, "nsubj", "PRON", "they"),
    ("reach", 1, "ccomp", "VERB", "reach", "VBP"),
    ("the", 7, "det", "DET", "the"),
    ("conclusion", 5, "obj", "NOUN", "conclusion"),
    ("”", 5, "punct", "PUNCT", "”"),
    ("that", 11, "mark", "SCONJ", "that"),
    ("Cruz", 11, "nsubj", "PROPN", "Cruz"),
    ("qualifies", 7, "acl", "VERB", "qualify", "VBZ"),
    (".", 1, "punct", "PUNCT", "."),
]
#: A noun before the reporting clause parsed as a second subject of `said`.
UD_STRAY_SUBJECT = [
    ("Influence", 1, "nsubj", "NOUN", "influence"),
    ("grew", 1, "ROOT", "VERB", "grow", "VBD"),
    ("in", 3, "case", "ADP", "in"),
    ("Asia", 5, "nsubj", "PROPN", "Asia"),
    (",", 5, "punct", "PUNCT", ","),
    ("said", 1, "conj", "VERB", "say", "VBD"),
    ("Nargis", 5, "nsubj", "PROPN", "Nargis"),
    (".", 1, "punct", "PUNCT", "."),
]
#: One name parsed as two subjects.
UD_SPLIT_NAME_SUBJECTS = [
    ("US", 2, "nsubj", "PROPN", "US"),
    ("media", 2, "nsubj", "NOUN", "media"),
    ("reported", 2, "ROOT", "VERB", "report", "VBD"),
]
# `Al Arabiya reported, quoting a source, that a drone hit a car.`: the parser made the
# news outlet a passive subject (no `was`) and hung the that-clause on `quoting`.
UD_REPORTED_QUOTING_THAT = [
    ("Al", 1, "compound", "PROPN", "Al"),
    ("Arabiya", 2, "nsubj:pass", "PROPN", "Arabiya"),
    ("reported", 2, "ROOT", "VERB", "report", "VBN"),
    (",", 4, "punct", "PUNCT", ","),
    ("quoting", 2, "advcl", "VERB", "quote", "VBG"),
    ("a", 6, "det", "DET", "a"),
    ("source", 4, "obj", "NOUN", "source"),
    (",", 11, "punct", "PUNCT", ","),
    ("that", 11, "mark", "SCONJ", "that"),
    ("a", 10, "det", "DET", "a"),
    ("drone", 11, "nsubj", "NOUN", "drone"),
    ("hit", 4, "advcl", "VERB", "hit", "VBD"),
    ("a", 13, "det", "DET", "a"),
    ("car", 11, "obj", "NOUN", "car"),
    (".", 2, "punct", "PUNCT", "."),
]
# `Hezbollah said the US will pay, Alsumaria reported.`: a report inside a report.
UD_NESTED_REPORT = [
    ("Hezbollah", 1, "nsubj", "PROPN", "Hezbollah"),
    ("said", 1, "ROOT", "VERB", "say", "VBD"),
    ("the", 3, "det", "DET", "the"),
    ("US", 5, "nsubj", "PROPN", "US"),
    ("will", 5, "aux", "AUX", "will"),
    ("pay", 1, "ccomp", "VERB", "pay", "VB"),
    (",", 8, "punct", "PUNCT", ","),
    ("Alsumaria", 8, "nsubj", "PROPN", "Alsumaria"),
    ("reported", 1, "parataxis", "VERB", "report", "VBD"),
    (".", 1, "punct", "PUNCT", "."),
]
# `Trump leads Bill Clinton, Fiorina said.`: the content's last name parsed as the subject,
# the speaker as its apposition.
UD_SPEAKER_AS_APPOSITION = [
    ("Trump", 1, "nsubj", "PROPN", "Trump"),
    ("leads", 6, "ccomp", "VERB", "lead", "VBZ"),
    ("Bill", 6, "nsubj", "PROPN", "Bill"),
    ("Clinton", 2, "flat", "PROPN", "Clinton"),
    (",", 5, "punct", "PUNCT", ","),
    ("Fiorina", 2, "appos", "PROPN", "Fiorina"),
    ("said", 6, "ROOT", "VERB", "say", "VBD"),
    (".", 6, "punct", "PUNCT", "."),
]

# `Officials said they would help, but there is no money.`: a conjunct with an expletive
# subject is a clause of its own, not more of the content (ClearNLP: `money` is `attr`)
CLEAR_BUT_THERE_IS = [
    ("Officials", 1, "nsubj", "NOUN", "official", "NNS"),
    ("said", 1, "ROOT", "VERB", "say", "VBD"),
    ("they", 4, "nsubj", "PRON", "they", "PRP"),
    ("would", 4, "aux", "AUX", "would", "MD"),
    ("help", 1, "ccomp", "VERB", "help", "VB"),
    (",", 1, "punct", "PUNCT", ",", ","),
    ("but", 1, "cc", "CCONJ", "but", "CC"),
    ("there", 8, "expl", "PRON", "there", "EX"),
    ("is", 1, "conj", "VERB", "be", "VBZ"),
    ("no", 10, "det", "DET", "no", "DT"),
    ("money", 8, "attr", "NOUN", "money", "NN"),
    (".", 1, "punct", "PUNCT", ".", "."),
]
UD_BUT_THERE_IS = [
    ("Officials", 1, "nsubj", "NOUN", "official", "NNS"),
    ("said", 1, "ROOT", "VERB", "say", "VBD"),
    ("they", 4, "nsubj", "PRON", "they", "PRP"),
    ("would", 4, "aux", "AUX", "would", "MD"),
    ("help", 1, "ccomp", "VERB", "help", "VB"),
    (",", 8, "punct", "PUNCT", ",", ","),
    ("but", 8, "cc", "CCONJ", "but", "CC"),
    ("there", 8, "expl", "PRON", "there", "EX"),
    ("is", 1, "conj", "VERB", "be", "VBZ"),
    ("no", 10, "det", "DET", "no", "DT"),
    ("money", 8, "nsubj", "NOUN", "money", "NN"),
    (".", 1, "punct", "PUNCT", ".", "."),
]

# `The mayor joked that the bridge was old, but went on to say the city would fix it.`: a
# conjunct whose open complement is a cue verb is a report of its own, not more of the content
CLEAR_WENT_ON_TO_SAY = [
    ("The", 1, "det", "DET", "the", "DT"),
    ("mayor", 2, "nsubj", "NOUN", "mayor", "NN"),
    ("joked", 2, "ROOT", "VERB", "joke", "VBD"),
    ("that", 6, "mark", "SCONJ", "that", "IN"),
    ("the", 5, "det", "DET", "the", "DT"),
    ("bridge", 6, "nsubj", "NOUN", "bridge", "NN"),
    ("was", 2, "ccomp", "AUX", "be", "VBD"),
    ("old", 6, "acomp", "ADJ", "old", "JJ"),
    (",", 2, "punct", "PUNCT", ",", ","),
    ("but", 2, "cc", "CCONJ", "but", "CC"),
    ("went", 2, "conj", "VERB", "go", "VBD"),
    ("on", 10, "prt", "ADP", "on", "RP"),
    ("to", 13, "aux", "PART", "to", "TO"),
    ("say", 10, "xcomp", "VERB", "say", "VB"),
    ("the", 15, "det", "DET", "the", "DT"),
    ("city", 17, "nsubj", "NOUN", "city", "NN"),
    ("would", 17, "aux", "AUX", "would", "MD"),
    ("fix", 13, "ccomp", "VERB", "fix", "VB"),
    ("it", 17, "dobj", "PRON", "it", "PRP"),
    (".", 2, "punct", "PUNCT", ".", "."),
]
UD_WENT_ON_TO_SAY = [
    ("The", 1, "det", "DET", "the", "DT"),
    ("mayor", 2, "nsubj", "NOUN", "mayor", "NN"),
    ("joked", 2, "ROOT", "VERB", "joke", "VBD"),
    ("that", 7, "mark", "SCONJ", "that", "IN"),
    ("the", 5, "det", "DET", "the", "DT"),
    ("bridge", 7, "nsubj", "NOUN", "bridge", "NN"),
    ("was", 7, "cop", "AUX", "be", "VBD"),
    ("old", 2, "ccomp", "ADJ", "old", "JJ"),
    (",", 10, "punct", "PUNCT", ",", ","),
    ("but", 10, "cc", "CCONJ", "but", "CC"),
    ("went", 2, "conj", "VERB", "go", "VBD"),
    ("on", 10, "compound:prt", "ADP", "on", "RP"),
    ("to", 13, "mark", "PART", "to", "TO"),
    ("say", 10, "xcomp", "VERB", "say", "VB"),
    ("the", 15, "det", "DET", "the", "DT"),
    ("city", 17, "nsubj", "NOUN", "city", "NN"),
    ("would", 17, "aux", "AUX", "would", "MD"),
    ("fix", 13, "ccomp", "VERB", "fix", "VB"),
    ("it", 17, "obj", "PRON", "it", "PRP"),
    (".", 2, "punct", "PUNCT", ".", "."),
]

# `Most voters said yes.` / `He said so.`: a pro-form right after a speech verb is the content
UD_SAID_YES = [
    ("Most", 1, "amod", "ADJ", "most", "JJS"),
    ("voters", 2, "nsubj", "NOUN", "voter", "NNS"),
    ("said", 2, "ROOT", "VERB", "say", "VBD"),
    ("yes", 2, "obj", "INTJ", "yes", "UH"),
    (".", 2, "punct", "PUNCT", ".", "."),
]
CLEAR_SAID_YES = [row if row[2] != "obj" else (*row[:2], "intj", *row[3:]) for row in UD_SAID_YES]
UD_SAID_SO = [
    ("He", 1, "nsubj", "PRON", "he", "PRP"),
    ("said", 1, "ROOT", "VERB", "say", "VBD"),
    ("so", 1, "advmod", "ADV", "so", "RB"),
    (".", 1, "punct", "PUNCT", ".", "."),
]
# `She said no one came.`: `no` opens a noun phrase here, it is no answer
UD_SAID_NO_ONE = [
    ("She", 1, "nsubj", "PRON", "she", "PRP"),
    ("said", 1, "ROOT", "VERB", "say", "VBD"),
    ("no", 3, "det", "DET", "no", "DT"),
    ("one", 4, "nsubj", "PRON", "one", "NN"),
    ("came", 1, "ccomp", "VERB", "come", "VBD"),
    (".", 1, "punct", "PUNCT", ".", "."),
]

# `The union called for new talks in recent weeks.`: the time phrase (a DATE entity, tokens
# 5-7) is when it was said, not part of the topic; the parsers hang it on the noun or the verb
UD_CALLED_FOR_IN_WEEKS = [
    ("The", 1, "det", "DET", "the", "DT"),
    ("union", 2, "nsubj", "NOUN", "union", "NN"),
    ("called", 2, "ROOT", "VERB", "call", "VBD"),
    ("for", 5, "case", "ADP", "for", "IN"),
    ("new", 5, "amod", "ADJ", "new", "JJ"),
    ("talks", 2, "obl", "NOUN", "talk", "NNS"),
    ("in", 8, "case", "ADP", "in", "IN"),
    ("recent", 8, "amod", "ADJ", "recent", "JJ"),
    ("weeks", 5, "nmod", "NOUN", "week", "NNS"),
    (".", 2, "punct", "PUNCT", ".", "."),
]
CLEAR_CALLED_FOR_IN_WEEKS = [
    ("The", 1, "det", "DET", "the", "DT"),
    ("union", 2, "nsubj", "NOUN", "union", "NN"),
    ("called", 2, "ROOT", "VERB", "call", "VBD"),
    ("for", 2, "prep", "ADP", "for", "IN"),
    ("new", 5, "amod", "ADJ", "new", "JJ"),
    ("talks", 3, "pobj", "NOUN", "talk", "NNS"),
    ("in", 2, "prep", "ADP", "in", "IN"),
    ("recent", 8, "amod", "ADJ", "recent", "JJ"),
    ("weeks", 6, "pobj", "NOUN", "week", "NNS"),
    (".", 2, "punct", "PUNCT", ".", "."),
]

# `With the city promising repairs, residents waited.`: a participle with its own subject in a
# `with` clause sets the scene; its object is not reported
UD_WITH_PROMISING = [
    ("With", 3, "mark", "SCONJ", "with", "IN"),
    ("the", 2, "det", "DET", "the", "DT"),
    ("city", 3, "nsubj", "NOUN", "city", "NN"),
    ("promising", 7, "advcl", "VERB", "promise", "VBG"),
    ("new", 5, "amod", "ADJ", "new", "JJ"),
    ("repairs", 3, "obj", "NOUN", "repair", "NNS"),
    (",", 7, "punct", "PUNCT", ",", ","),
    ("residents", 7, "nsubj", "NOUN", "resident", "NNS"),
    ("waited", 7, "ROOT", "VERB", "wait", "VBD"),
    (".", 7, "punct", "PUNCT", ".", "."),
]
CLEAR_WITH_PROMISING = [
    ("With", 8, "prep", "ADP", "with", "IN"),
    ("the", 2, "det", "DET", "the", "DT"),
    ("city", 3, "nsubj", "NOUN", "city", "NN"),
    ("promising", 0, "pcomp", "VERB", "promise", "VBG"),
    ("new", 5, "amod", "ADJ", "new", "JJ"),
    ("repairs", 3, "dobj", "NOUN", "repair", "NNS"),
    (",", 8, "punct", "PUNCT", ",", ","),
    ("residents", 8, "nsubj", "NOUN", "resident", "NNS"),
    ("waited", 8, "ROOT", "VERB", "wait", "VBD"),
    (".", 8, "punct", "PUNCT", ".", "."),
]
# the same participle without `with` reports its object
UD_AFTER_PROMISING = [("After", 3, "mark", "SCONJ", "after", "IN"), *UD_WITH_PROMISING[1:]]

# `The mayor rebutted that criticism on Monday.`: `that` determines the noun; the content is
# the noun phrase, not the words after `that`
UD_REBUTTED_THAT_CRITICISM = [
    ("The", 1, "det", "DET", "the", "DT"),
    ("mayor", 2, "nsubj", "NOUN", "mayor", "NN"),
    ("rebutted", 2, "ROOT", "VERB", "rebut", "VBD"),
    ("that", 4, "det", "DET", "that", "DT"),
    ("criticism", 2, "obj", "NOUN", "criticism", "NN"),
    ("on", 6, "case", "ADP", "on", "IN"),
    ("Monday", 2, "obl", "PROPN", "Monday", "NNP"),
    (".", 2, "punct", "PUNCT", ".", "."),
]
CLEAR_REBUTTED_THAT_CRITICISM = [
    ("The", 1, "det", "DET", "the", "DT"),
    ("mayor", 2, "nsubj", "NOUN", "mayor", "NN"),
    ("rebutted", 2, "ROOT", "VERB", "rebut", "VBD"),
    ("that", 4, "det", "DET", "that", "DT"),
    ("criticism", 2, "dobj", "NOUN", "criticism", "NN"),
    ("on", 2, "prep", "ADP", "on", "IN"),
    ("Monday", 5, "pobj", "PROPN", "Monday", "NNP"),
    (".", 2, "punct", "PUNCT", ".", "."),
]

# `“We won,” said Mayor Lee who runs the city.` with the quote left unattached: the words after
# a verb that follows a closing quote mark name the speaker, they are no clause it reports
CLEAR_SAID_AFTER_QUOTE = [
    ("“", 2, "punct", "PUNCT", "“", "``"),
    ("We", 2, "nsubj", "PRON", "we", "PRP"),
    ("won", 5, "dep", "VERB", "win", "VBD"),
    (",", 5, "punct", "PUNCT", ",", ","),
    ("”", 5, "punct", "PUNCT", "”", "''"),
    ("said", 5, "ROOT", "VERB", "say", "VBD"),
    ("Mayor", 7, "compound", "PROPN", "Mayor", "NNP"),
    ("Lee", 5, "nsubj", "PROPN", "Lee", "NNP"),
    ("who", 9, "nsubj", "PRON", "who", "WP"),
    ("runs", 7, "relcl", "VERB", "run", "VBZ"),
    ("the", 11, "det", "DET", "the", "DT"),
    ("city", 9, "dobj", "NOUN", "city", "NN"),
    (".", 5, "punct", "PUNCT", ".", "."),
]
UD_SAID_AFTER_QUOTE = [
    row if row[2] not in {"relcl", "dobj"} else (*row[:2], {"relcl": "acl:relcl", "dobj": "obj"}[row[2]], *row[3:])
    for row in CLEAR_SAID_AFTER_QUOTE
]

# `Sanders was declared the winner.`: a passive cue whose subject gets a nominal predicate
# reports the small clause (token 0 is a PERSON entity)
CLEAR_DECLARED_WINNER = [
    ("Sanders", 2, "nsubjpass", "PROPN", "Sanders", "NNP"),
    ("was", 2, "auxpass", "AUX", "be", "VBD"),
    ("declared", 2, "ROOT", "VERB", "declare", "VBN"),
    ("the", 4, "det", "DET", "the", "DT"),
    ("winner", 2, "oprd", "NOUN", "winner", "NN"),
    (".", 2, "punct", "PUNCT", ".", "."),
]
UD_DECLARED_WINNER = [
    ("Sanders", 2, "nsubj:pass", "PROPN", "Sanders", "NNP"),
    ("was", 2, "aux:pass", "AUX", "be", "VBD"),
    ("declared", 2, "ROOT", "VERB", "declare", "VBN"),
    ("the", 4, "det", "DET", "the", "DT"),
    ("winner", 2, "xcomp", "NOUN", "winner", "NN"),
    (".", 2, "punct", "PUNCT", ".", "."),
]

# `Officials said the vote would be held in Texas, where turnout is low.`: a relative clause
# opened by `where` after a comma is the narrator's description, not what was said
CLEAR_HELD_IN_TEXAS_WHERE = [
    ("Officials", 1, "nsubj", "NOUN", "official", "NNS"),
    ("said", 1, "ROOT", "VERB", "say", "VBD"),
    ("the", 3, "det", "DET", "the", "DT"),
    ("vote", 6, "nsubjpass", "NOUN", "vote", "NN"),
    ("would", 6, "aux", "AUX", "would", "MD"),
    ("be", 6, "auxpass", "AUX", "be", "VB"),
    ("held", 1, "ccomp", "VERB", "hold", "VBN"),
    ("in", 6, "prep", "ADP", "in", "IN"),
    ("Texas", 7, "pobj", "PROPN", "Texas", "NNP"),
    (",", 8, "punct", "PUNCT", ",", ","),
    ("where", 12, "advmod", "SCONJ", "where", "WRB"),
    ("turnout", 12, "nsubj", "NOUN", "turnout", "NN"),
    ("is", 8, "relcl", "AUX", "be", "VBZ"),
    ("low", 12, "acomp", "ADJ", "low", "JJ"),
    (".", 1, "punct", "PUNCT", ".", "."),
]
UD_HELD_IN_TEXAS_WHERE = [
    ("Officials", 1, "nsubj", "NOUN", "official", "NNS"),
    ("said", 1, "ROOT", "VERB", "say", "VBD"),
    ("the", 3, "det", "DET", "the", "DT"),
    ("vote", 6, "nsubj:pass", "NOUN", "vote", "NN"),
    ("would", 6, "aux", "AUX", "would", "MD"),
    ("be", 6, "aux:pass", "AUX", "be", "VB"),
    ("held", 1, "ccomp", "VERB", "hold", "VBN"),
    ("in", 8, "case", "ADP", "in", "IN"),
    ("Texas", 6, "obl", "PROPN", "Texas", "NNP"),
    (",", 13, "punct", "PUNCT", ",", ","),
    ("where", 13, "advmod", "SCONJ", "where", "WRB"),
    ("turnout", 13, "nsubj", "NOUN", "turnout", "NN"),
    ("is", 13, "cop", "AUX", "be", "VBZ"),
    ("low", 8, "acl:relcl", "ADJ", "low", "JJ"),
    (".", 1, "punct", "PUNCT", ".", "."),
]

# `Officials asked for more time.`: what was asked for is what was said (a topic preposition)
UD_ASKED_FOR = [
    ("Officials", 1, "nsubj", "NOUN", "official", "NNS"),
    ("asked", 1, "ROOT", "VERB", "ask", "VBD"),
    ("for", 4, "case", "ADP", "for", "IN"),
    ("more", 4, "amod", "ADJ", "more", "JJR"),
    ("time", 1, "obl", "NOUN", "time", "NN"),
    (".", 1, "punct", "PUNCT", ".", "."),
]
CLEAR_ASKED_FOR = [
    ("Officials", 1, "nsubj", "NOUN", "official", "NNS"),
    ("asked", 1, "ROOT", "VERB", "ask", "VBD"),
    ("for", 1, "prep", "ADP", "for", "IN"),
    ("more", 4, "amod", "ADJ", "more", "JJR"),
    ("time", 2, "pobj", "NOUN", "time", "NN"),
    (".", 1, "punct", "PUNCT", ".", "."),
]

# `The senators agreed with the proposal.`: what a speaker agreed with is what was spoken about
UD_AGREED_WITH = [
    ("The", 1, "det", "DET", "the", "DT"),
    ("senators", 2, "nsubj", "NOUN", "senator", "NNS"),
    ("agreed", 2, "ROOT", "VERB", "agree", "VBD"),
    ("with", 5, "case", "ADP", "with", "IN"),
    ("the", 5, "det", "DET", "the", "DT"),
    ("proposal", 2, "obl", "NOUN", "proposal", "NN"),
    (".", 2, "punct", "PUNCT", ".", "."),
]
CLEAR_AGREED_WITH = [
    ("The", 1, "det", "DET", "the", "DT"),
    ("senators", 2, "nsubj", "NOUN", "senator", "NNS"),
    ("agreed", 2, "ROOT", "VERB", "agree", "VBD"),
    ("with", 2, "prep", "ADP", "with", "IN"),
    ("the", 5, "det", "DET", "the", "DT"),
    ("proposal", 3, "pobj", "NOUN", "proposal", "NN"),
    (".", 2, "punct", "PUNCT", ".", "."),
]
