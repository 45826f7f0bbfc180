"""Contents read from the words after a cue where the parse missed them: `warned Saturday that
<clause>`, `says he …`, `asked whether …`, a `that`-clause hung elsewhere, a sentence split off.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from quotes.extraction.clauses import clause_span, is_clause
from quotes.extraction.labels import VERBAL_POS, children_with, has_marker, subject_of
from quotes.extraction.mentions import FINITE_TAGS
from quotes.extraction.nesting import ADVERBIAL_MARKERS, enclosing_relative_clause_end

#: Words a subject may take for `says <subject> <verb>` to be read as a clause.
MAX_SUBJECT_WORDS = 5


_SUBJECT_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "it", "they"})


_CLAUSE_END = frozenset({".", ";", ":", "?", "!"})


#: Words of a prepositional phrase between a cue and its `that` (`said in the CNN interview that`).
_CIRCUMSTANCE_POS = frozenset({"ADP", "DET", "NOUN", "PROPN", "ADJ", "NUM"})


#: Words that open an embedded question after a question verb.
_QUESTION_OPENERS = frozenset(
    {"whether", "if", "what", "who", "whom", "whose", "which", "why", "how", "when", "where", "about"}
)


_QUESTION_END = frozenset({",", ";", ":", ".", "?", "!", "—", "–"})


def split_off_content(verb: Token) -> Span | None:
    """`The Vatican says | Pope Francis has no plans …`: a sentence break the parser put
    right after a finite speech verb, with no stop, colon aside, and no line break: the
    next sentence is what was said."""
    sentence = verb.sent
    rest = [t for t in sentence if t.i > verb.i and not (t.is_punct or t.is_space)]
    if rest or verb.tag_ not in FINITE_TAGS or subject_of(verb) is None or sentence.end >= len(verb.doc):
        return None
    between = verb.doc[verb.i + 1 : sentence.end]
    if any(t.text in {".", "!", "?", ";"} or "\n" in t.text for t in between):
        return None
    following = verb.doc[sentence.end]
    if following.is_space or following.is_punct:
        return None
    content = clause_span(verb.doc, {t.i for t in following.sent})
    return content if content is not None and is_clause(content) else None


#: Words of the short subject of a reporting clause read from the surface (`…, the Defense
#: Secretary said.`).
_SUBJECT_POS = frozenset({"DET", "ADJ", "NUM", "NOUN", "PROPN", "PRON", "PART"})


#: Punctuation that sets a closing reporting clause off from what it reports (a hyphen is
#: not one: read from the words, `-` is as often inside a name or a number as a dash).
_REPORT_BREAKS = frozenset({",", "—", "–"})


def closing_reporting_clause(verb: Token, addressee: bool) -> Span | None:
    """`<words>, she said.`, `<words>, X told a Senate panel Wednesday.`, `<words>, said
    X, director of Y.` when the parse tangled the reporting clause with what it reports: a
    comma, a short subject and the verb, or the verb and its subject, then nothing but a
    listener, a time or a place to the end of the sentence. Everything before the comma
    is what was said."""
    doc, sentence = verb.doc, verb.sent
    if verb.tag_ not in FINITE_TAGS:
        return None
    start = _reporting_clause_start(verb, addressee)
    if start is None or start - 1 <= sentence.start or doc[start - 1].text not in _REPORT_BREAKS:
        return None
    content = clause_span(doc, set(range(sentence.start, start - 1)))
    if content is None or (_subordinate(content[0]) and not any(t.text in _REPORT_BREAKS for t in content)):
        return None  # `After the court ruled, X asked the justices for …`: when, not what
    if not (start == verb.i or any(t.pos_ in VERBAL_POS for t in content)):
        return None  # `, said X.` closes a report, whatever the tagger made of it; `, X said.` a clause
    return content


def _subordinate(word: Token) -> bool:
    """A word that opens a clause telling when, why or while, which the main clause after
    it does not report."""
    return word.pos_ == "SCONJ" or word.lower_ in ADVERBIAL_MARKERS


def _reporting_clause_start(verb: Token, addressee: bool) -> int | None:
    """Where a closing reporting clause starts: its short subject (`, the minister said`),
    or its verb when the subject follows and runs to the end (`, said X, director of Y.`)."""
    doc, sentence = verb.doc, verb.sent
    subject = subject_of(verb)
    if subject is not None and subject.i > verb.i:
        covered = {t.i for t in subject.subtree} | {verb.i}
        rest = [t for t in doc[verb.i + 1 : sentence.end] if t.i not in covered]
        return verb.i if all(t.is_punct or t.is_space for t in rest) else None
    if not all(_closes_reporting_clause(t, verb, addressee) for t in doc[verb.i + 1 : sentence.end]):
        return None
    if subject is not None and _runs_to(subject, verb) and doc[subject.left_edge.i - 1].text in _REPORT_BREAKS:
        return subject.left_edge.i  # `, Jo Hale, the undersecretary, wrote in a memo.`
    start = verb.i
    while start - 1 > sentence.start and verb.i - start < MAX_SUBJECT_WORDS and doc[start - 1].pos_ in _SUBJECT_POS:
        start -= 1
    return start if any(t.pos_ in {"NOUN", "PROPN", "PRON"} for t in doc[start : verb.i]) else None


def _runs_to(subject: Token, verb: Token) -> bool:
    """The subject's words, and nothing else, fill the gap up to the verb."""
    words = {t.i for t in subject.subtree}
    return subject.left_edge.i > verb.sent.start and all(
        i in words or verb.doc[i].is_punct for i in range(subject.left_edge.i, verb.i)
    )


def _closes_reporting_clause(word: Token, verb: Token, addressee: bool) -> bool:
    """A word that may follow the verb of a closing reporting clause: a stop, a time, a place,
    or who was told (`told a Senate panel`), not an object (`said a prayer`) or a new clause."""
    if word.is_space or (word.is_punct and word.text not in {",", ":"} and not word.is_quote):
        return True
    if word.pos_ not in _CIRCUMSTANCE_POS | {"ADV", "PRON"}:
        return False
    dated = word.ent_type_ in {"DATE", "TIME"}
    is_object = (
        word.head.i == verb.i
        and word.pos_ in {"NOUN", "PROPN", "PRON", "ADJ"}
        and not dated
        and not children_with(word, "case_marker")  # UD `said in a memo`
    )
    return addressee or not is_object


def embedded_question(verb: Token) -> Span | None:
    """`asked Sanders whether …`, `Asked on Fox News who leads the party, he said …`,
    `was asked about a loan`: the question runs from its wh-word (or after `about`) to
    the next comma or the end of the sentence. Read from the words: parsers often split
    a wh-clause from its verb."""
    doc, end = verb.doc, verb.sent.end
    for j in range(verb.i + 1, min(verb.i + 8, end - 1)):
        token = doc[j]
        if token.lower_ in _QUESTION_OPENERS:
            first = j + 1 if token.lower_ == "about" else j
            stop = next((k for k in range(first, end) if doc[k].text in _QUESTION_END), end)
            return clause_span(doc, set(range(first, stop)))
        if token.pos_ not in _CIRCUMSTANCE_POS | {"PRON", "ADV"} or token.text in _QUESTION_END:
            return None
    return None


def stranded_that_clause(verb: Token, citing_verbs: frozenset[str]) -> Token | None:
    """A `that`-clause the parser hung on a noun after the verb (`announced at the end of
    January that …`) or on a participle naming the source (`reported, quoting a source,
    that …`): complementizer `that` is a marker, unlike relative `that`."""
    for token in verb.subtree:
        if token.i <= verb.i or token.pos_ not in VERBAL_POS:
            continue
        if not has_marker(token, "that"):
            continue
        path = token.head
        while (
            path.i != verb.i
            and path.head.i != path.i
            and (path.pos_ not in VERBAL_POS or _cites(path, verb, citing_verbs))
        ):
            path = path.head
        if path.i == verb.i:
            return token
    return None


def _cites(participle: Token, verb: Token, citing_verbs: frozenset[str]) -> bool:
    return participle.head.i == verb.i and participle.tag_ == "VBG" and participle.lemma_ in citing_verbs


def surface_clause(verb: Token, addressee: bool) -> Span | None:
    """When the parse missed the complement: `warned Saturday that <clause>`, `told the
    Times that <clause>`, `says he <verb> …`, read from the words after the verb."""
    doc, end = verb.doc, min(verb.sent.end, enclosing_relative_clause_end(verb) or len(verb.doc))
    if _after_closing_quote(verb):
        return None  # `“…,” said Sen. X who …`: the words after the verb name the speaker
    allowed = {"ADV", "PROPN", "PRON", "PUNCT"} | ({"DET", "NOUN", "ADJ"} if addressee else set())
    circumstance = False  # `said in the CNN interview that …`
    for j in range(verb.i + 1, min(verb.i + 7, end - 1)):
        token = doc[j]
        if token.lower_ == "that":
            if _demonstrative(token):  # `rebut that criticism`: the noun phrase, not a clause after it
                return clause_span(doc, {t.i for t in token.head.subtree if t.i >= j})
            return clause_span(doc, set(range(j + 1, end)))
        if circumstance or (token.pos_ == "ADP" and j == verb.i + 1):
            circumstance = token.pos_ in _CIRCUMSTANCE_POS
            if circumstance:
                continue
            return None
        pronoun_clause = token.lower_ in _SUBJECT_PRONOUNS and doc[j + 1].pos_ in VERBAL_POS
        if pronoun_clause and (j == verb.i + 1 or addressee):  # `says he …`, `tells voters she’s …`
            return clause_span(doc, set(range(j, end)))
        if j == verb.i + 1 and not addressee and _opens_clause(doc[j:end]):
            return clause_span(doc, set(range(j, end)))  # `Clinton says many doubted her …`
        if token.pos_ not in allowed or token.text in _CLAUSE_END:
            return None
    return None


def _opens_clause(words: Span) -> bool:
    """A short noun phrase then a finite verb: the words start a clause of their own."""
    for k, token in enumerate(words[: MAX_SUBJECT_WORDS + 1]):
        if token.tag_ in FINITE_TAGS | {"MD"}:
            return k > 0
        if token.pos_ == "ADV" and k > 0:
            continue  # `says the law unfairly targets …`
        if token.pos_ not in {"DET", "ADJ", "NUM", "NOUN", "PROPN", "PRON"} and token.tag_ != "POS":
            return False
    return False


def _demonstrative(that: Token) -> bool:
    """`that` as a determiner of the singular noun after it (`that criticism`), not a
    complementizer (`that troops would …`: a plural noun takes no `that`), and with no verb
    of its own after the noun phrase (`that Russia would …`)."""
    noun = that.head
    if that.pos_ != "DET" or noun.i <= that.i or noun.tag_ not in {"NN", "NNP"}:
        return False
    following = that.doc[noun.i + 1] if noun.i + 1 < len(that.doc) else None
    return following is None or not (following.pos_ in VERBAL_POS and following.tag_ in FINITE_TAGS | {"MD"})


#: Marks that only close a quotation.
_CLOSING_MARKS = frozenset({"”", "’’", "''"})


def _after_closing_quote(verb: Token) -> bool:
    """The verb comes right after a closing quote mark, with or without a comma (`“…,” said`)."""
    before = [t for t in verb.doc[max(0, verb.i - 3) : verb.i] if not t.is_space]
    if before and before[-1].text == ",":
        before.pop()
    return bool(before) and before[-1].is_quote and (before[-1].tag_ == "''" or before[-1].text in _CLOSING_MARKS)
