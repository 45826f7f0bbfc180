"""Hand-built parses of direct quotes without a reporting verb: (word, head, dep, pos, lemma[, tag]) rows."""

#: `The nurse was tired after the shift. “We need more staff.”` (sentences start at 0 and 8)
_UD_QUOTE_AFTER_SUBJECT = [
    ("The", 1, "det", "DET", "the"),
    ("nurse", 3, "nsubj", "NOUN", "nurse"),
    ("was", 3, "cop", "AUX", "be", "VBD"),
    ("tired", 3, "ROOT", "ADJ", "tired"),
    ("after", 6, "case", "ADP", "after"),
    ("the", 6, "det", "DET", "the"),
    ("shift", 3, "obl", "NOUN", "shift"),
    (".", 3, "punct", "PUNCT", "."),
    ("“", 10, "punct", "PUNCT", "“"),
    ("We", 10, "nsubj", "PRON", "we"),
    ("need", 10, "ROOT", "VERB", "need", "VBP"),
    ("more", 12, "amod", "ADJ", "more"),
    ("staff", 10, "obj", "NOUN", "staff"),
    (".", 10, "punct", "PUNCT", "."),
    ("”", 10, "punct", "PUNCT", "”"),
]
_CLEAR_QUOTE_AFTER_SUBJECT = [
    ("The", 1, "det", "DET", "the"),
    ("nurse", 2, "nsubj", "NOUN", "nurse"),
    ("was", 2, "ROOT", "AUX", "be", "VBD"),
    ("tired", 2, "acomp", "ADJ", "tired"),
    ("after", 2, "prep", "ADP", "after"),
    ("the", 6, "det", "DET", "the"),
    ("shift", 4, "pobj", "NOUN", "shift"),
    (".", 2, "punct", "PUNCT", "."),
    ("“", 10, "punct", "PUNCT", "“"),
    ("We", 10, "nsubj", "PRON", "we"),
    ("need", 10, "ROOT", "VERB", "need", "VBP"),
    ("more", 12, "amod", "ADJ", "more"),
    ("staff", 10, "dobj", "NOUN", "staff"),
    (".", 10, "punct", "PUNCT", "."),
    ("”", 10, "punct", "PUNCT", "”"),
]


def _with_subject(rows: list[tuple[str, ...]], word: str, pos: str = "NOUN") -> list[tuple[str, ...]]:
    return [(word, row[1], row[2], pos, word.lower(), *row[5:]) if i == 1 else row for i, row in enumerate(rows)]


UD_QUOTE_AFTER_PERSON = _UD_QUOTE_AFTER_SUBJECT
CLEAR_QUOTE_AFTER_PERSON = _CLEAR_QUOTE_AFTER_SUBJECT
#: `The road was tired …`: a subject that is no person nor organisation.
UD_QUOTE_AFTER_THING = _with_subject(_UD_QUOTE_AFTER_SUBJECT, "road")
CLEAR_QUOTE_AFTER_THING = _with_subject(_CLEAR_QUOTE_AFTER_SUBJECT, "road")
#: `The Vellmar was tired …`: a proper noun the recogniser marks as a person in the test.
UD_QUOTE_AFTER_NAME = _with_subject(_UD_QUOTE_AFTER_SUBJECT, "Vellmar", "PROPN")
CLEAR_QUOTE_AFTER_NAME = _with_subject(_CLEAR_QUOTE_AFTER_SUBJECT, "Vellmar", "PROPN")

#: `The nurse called it “a mess”. “We need more staff.”` (sentences start at 0 and 9)
UD_QUOTE_AFTER_QUOTE = [
    ("The", 1, "det", "DET", "the"),
    ("nurse", 2, "nsubj", "NOUN", "nurse"),
    ("called", 2, "ROOT", "VERB", "call", "VBD"),
    ("it", 2, "obj", "PRON", "it"),
    ("“", 6, "punct", "PUNCT", "“"),
    ("a", 6, "det", "DET", "a"),
    ("mess", 2, "xcomp", "NOUN", "mess"),
    ("”", 6, "punct", "PUNCT", "”"),
    (".", 2, "punct", "PUNCT", "."),
    ("“", 11, "punct", "PUNCT", "“"),
    ("We", 11, "nsubj", "PRON", "we"),
    ("need", 11, "ROOT", "VERB", "need", "VBP"),
    ("more", 13, "amod", "ADJ", "more"),
    ("staff", 11, "obj", "NOUN", "staff"),
    (".", 11, "punct", "PUNCT", "."),
    ("”", 11, "punct", "PUNCT", "”"),
]
CLEAR_QUOTE_AFTER_QUOTE = [
    (*row[:2], {"obj": "dobj", "xcomp": "oprd"}.get(row[2], row[2]), *row[3:]) for row in UD_QUOTE_AFTER_QUOTE
]

#: `“We need more staff.” — Dr. Jo Hale of the clinic` (sentences start at 0 and 7)
UD_BYLINE = [
    ("“", 2, "punct", "PUNCT", "“"),
    ("We", 2, "nsubj", "PRON", "we"),
    ("need", 2, "ROOT", "VERB", "need", "VBP"),
    ("more", 4, "amod", "ADJ", "more"),
    ("staff", 2, "obj", "NOUN", "staff"),
    (".", 2, "punct", "PUNCT", "."),
    ("”", 2, "punct", "PUNCT", "”"),
    ("—", 10, "punct", "PUNCT", "—"),
    ("Dr.", 10, "compound", "PROPN", "Dr."),
    ("Jo", 10, "compound", "PROPN", "Jo"),
    ("Hale", 10, "ROOT", "PROPN", "Hale"),
    ("of", 13, "case", "ADP", "of"),
    ("the", 13, "det", "DET", "the"),
    ("clinic", 10, "nmod", "NOUN", "clinic"),
]
CLEAR_BYLINE = [
    *[(*row[:2], "dobj" if row[2] == "obj" else row[2], *row[3:]) for row in UD_BYLINE[:11]],
    ("of", 10, "prep", "ADP", "of"),
    ("the", 13, "det", "DET", "the"),
    ("clinic", 11, "pobj", "NOUN", "clinic"),
]

#: `“We need more staff.” — The ward was full` (sentences start at 0 and 7): a dash that
#: goes on with a sentence, no byline.
UD_DASH_SENTENCE = [
    *UD_BYLINE[:7],
    ("—", 11, "punct", "PUNCT", "—"),
    ("The", 9, "det", "DET", "the"),
    ("ward", 11, "nsubj", "NOUN", "ward"),
    ("was", 11, "cop", "AUX", "be", "VBD"),
    ("full", 11, "ROOT", "ADJ", "full"),
]
CLEAR_DASH_SENTENCE = [
    *CLEAR_BYLINE[:7],
    ("—", 10, "punct", "PUNCT", "—"),
    ("The", 9, "det", "DET", "the"),
    ("ward", 10, "nsubj", "NOUN", "ward"),
    ("was", 10, "ROOT", "AUX", "be", "VBD"),
    ("full", 10, "acomp", "ADJ", "full"),
]
