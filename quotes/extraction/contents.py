"""What a cue verb reports: its clause, else a phrase (an infinitive, a quoted fragment, an
object, a topic), with the rule that found it; and the edges of a nominal content.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from quotes.extraction.clauses import NOMINAL_POS, clause_span, ends_sentence, has_quote, is_clause, opens_quote
from quotes.extraction.cue_speakers import continues_report, speaker_in_apposition
from quotes.extraction.labels import (
    SUBJECT_ROLES,
    VERBAL_POS,
    children_with,
    clausal_complements,
    has_marker,
    is_passive,
    preposition_of,
    prepositional_objects,
    role,
    subject_of,
)
from quotes.extraction.lexicon import Lexicon
from quotes.extraction.mentions import FINITE_TAGS
from quotes.extraction.nesting import gerund_object, not_a_report, subject_taken_as_circumstance
from quotes.extraction.ranges import Ranges
from quotes.extraction.reporting_clauses import (
    REPORTING_CIRCUMSTANCES,
    after_last_stop,
    as_clause_content,
    is_relative_clause,
    is_reporting_clause,
    postposed,
    trailing_reporting_clause,
)
from quotes.extraction.surface_contents import (
    closing_reporting_clause,
    embedded_question,
    split_off_content,
    stranded_that_clause,
    surface_clause,
)

#: Rules whose content is a reported clause of the cue itself.
CLAUSE_RULES = frozenset({"clausal_complement", "that_clause"})


#: Parts of speech that end a nominal content the parser cut short.
_PHRASE_END = frozenset({"CCONJ", "SCONJ"})


def content_of(verb: Token, lemma: str, lexicon: Lexicon, quoted: Ranges) -> tuple[Span | None, str]:
    """What a cue verb reports, with the rule that found it: a clause where the verb takes
    one, else a phrase (an infinitive, a quoted fragment, an object, a topic)."""
    if not lexicon.is_cue_verb(lemma):  # `talked about the economy`: only what it was about
        return _topic_of(verb, lexicon.topic_prepositions[lemma], quoted), "topic"
    if lemma in lexicon.question_verbs:
        question = embedded_question(verb)
        if question is not None:
            return question, "embedded_question"
    if lemma not in lexicon.fragment_verbs or lemma in lexicon.speech_verbs or lemma in lexicon.belief_verbs:
        clausal = _clausal_content(verb, lemma, lexicon)
        if clausal is not None:
            return clausal
    return _phrasal_content(verb, lemma, lexicon, quoted)


def _clausal_content(verb: Token, lemma: str, lexicon: Lexicon) -> tuple[Span | None, str] | None:
    """The clause a cue reports, from the parse or, where the parse missed it, from the
    words around the cue; None when the cue has no clause (a content of None with a rule
    means: the cue reports something else, such as the quote that follows it)."""
    from_complement = _complement_content(verb, lemma, lexicon)
    if from_complement is not None:
        return from_complement
    as_clause = as_clause_content(verb)
    if as_clause is not None:
        return as_clause, "as_clause"
    if role(verb) == "parataxis" and verb.i > verb.head.i and ends_sentence(verb):
        head = verb.head
        content = postposed(verb, clause_span(verb.doc, {t.i for t in head.subtree} - {t.i for t in verb.subtree}))
        if content is not None and content.end <= verb.i and is_clause(content):
            return content, "postposed"
    stranded = stranded_that_clause(verb, lexicon.citing_verbs)
    if stranded is not None:
        return clause_span(verb.doc, {t.i for t in stranded.subtree}), "that_clause"
    trailing = postposed(verb, trailing_reporting_clause(verb))
    if trailing is not None:
        return trailing, "postposed"
    surface = surface_clause(verb, addressee=lemma in lexicon.addressee_verbs)
    if surface is not None:
        return surface, "surface_clause"
    closing = closing_reporting_clause(verb, addressee=lemma in lexicon.addressee_verbs)
    closing = after_last_stop(verb, closing) if closing is not None else None  # subordination read from the words
    if closing is not None:
        return closing, "postposed"
    return None


def _complement_content(verb: Token, lemma: str, lexicon: Lexicon) -> tuple[Span | None, str] | None:
    """The cue's clausal complement: its own clause after it, else one before it (a
    postposed report), without reports of their own hung inside it."""
    complements = [c for c in clausal_complements(verb) if not is_reporting_clause(c, lexicon) and not not_a_report(c)]
    after = [c for c in complements if c.i > verb.i and not is_relative_clause(c)]
    if after:
        complements = after  # its own clause, not the one before
    if not complements:
        return None
    tokens = {t.i for head in complements for t in head.subtree}
    if complements[0].i < verb.i:
        if opens_quote(verb):
            return None, ""  # `When asked why, Tyler said, “…`: the quote is what was said
        speaker = speaker_in_apposition(verb)
        if speaker is not None:  # the content ends in the name the parser took as subject
            tokens |= {t.i for t in speaker.head.subtree} - {t.i for t in speaker.subtree}
        return postposed(verb, clause_span(verb.doc, tokens)), "postposed"
    tokens |= _stranded_subject(verb, complements[0], listener=lemma in lexicon.addressee_verbs)
    if lemma in lexicon.speech_verbs:
        tokens |= _content_continuation(verb, max(tokens), lexicon)
    tokens -= _further_reports(complements, lexicon)
    return clause_span(verb.doc, tokens), "clausal_complement"


def _phrasal_content(verb: Token, lemma: str, lexicon: Lexicon, quoted: Ranges) -> tuple[Span | None, str]:
    """A content that is not a clause of the cue: an infinitive (`vowed to respond`), a
    quoted fragment, the subject of a passive cue or the object of an active one, the
    next sentence, or the topic."""
    if lemma in lexicon.infinitival_verbs:
        for xcomp in children_with(verb, "open_complement"):
            if xcomp.i > verb.i and any(c.lower_ == "to" for c in xcomp.children):
                return clause_span(verb.doc, {t.i for t in xcomp.subtree}), "infinitive"
    if lemma in lexicon.fragment_verbs or lemma in lexicon.speech_verbs:
        excluded = SUBJECT_ROLES | {"punctuation", "coordinator", "conjunct", "parataxis", "agent"}
        if lemma not in lexicon.fragment_verbs:
            excluded |= {"adverbial_clause"}
        dependents = [c for c in verb.rights if role(c) not in excluded]
        tokens = {t.i for c in dependents for t in c.subtree}
        if tokens and has_quote(verb.doc, tokens, quoted):
            return clause_span(verb.doc, tokens), "quoted_fragment"
    if lemma in lexicon.speech_verbs:
        proform = _proform(verb, lexicon.proform_contents)
        if proform is not None:
            return proform, "proform"
    if lemma in lexicon.proposition_object_verbs and not _absolute(verb):
        nominal = _nominal_object(verb, passive_subject=lemma not in lexicon.target_verbs)
        if nominal is not None:
            return nominal
    if lemma in lexicon.speech_verbs:
        following = split_off_content(verb)
        if following is not None:
            return following, "next_sentence"
    return _topic_of(verb, lexicon.topic_prepositions.get(lemma, frozenset()), quoted), "topic"


def _absolute(verb: Token) -> bool:
    """`With the US promising reprisals, …`: a participle with its own subject in a `with`
    clause sets the scene of the main clause; its object is no report of its own."""
    if verb.tag_ != "VBG" or subject_of(verb) is None:
        return False
    if has_marker(verb, "with"):
        return True  # UD: `with` marks the clause
    return role(verb) == "prepositional_complement" and verb.head.lower_ == "with"  # ClearNLP


def _declared_clause(verb: Token, subjects: list[Token]) -> Span | None:
    """`Sanders was declared the winner`: a passive cue whose subject is given a nominal
    predicate reports the whole small clause, subject, verb and predicate."""
    predicates = [c for c in children_with(verb, "open_complement") if c.i > verb.i and c.pos_ in NOMINAL_POS]
    if not subjects or not predicates:
        return None
    tokens = {t.i for t in subjects[0].subtree} | {t.i for t in predicates[0].subtree}
    tokens |= set(range(subjects[0].i, predicates[0].i))
    return clause_span(verb.doc, tokens)


def _proform(verb: Token, proforms: frozenset[str]) -> Span | None:
    """`said so`, `said yes.`: a word that stands for the whole proposition or answer, hung on
    the cue right after it and ending the phrase, is what was said."""
    doc = verb.doc
    if verb.i + 1 >= len(doc):
        return None
    word = doc[verb.i + 1]
    if word.lower_ not in proforms or word.head.i != verb.i:
        return None
    after = doc[word.i + 1] if word.i + 1 < len(doc) else None
    if after is not None and not (after.is_punct or after.is_space or after.pos_ in {"CCONJ", "SCONJ", "ADP"}):
        return None  # `said so far`, `said no one`; but `said so in May`, `said yes while …`
    return doc[word.i : word.i + 1]


def _nominal_object(verb: Token, passive_subject: bool) -> tuple[Span | None, str] | None:
    """What a verb with a proposition as object reports: the subject when passive (`the
    deal was announced`, unless ``passive_subject`` is false: the subject of a passive
    `target` verb is its target), else its gerund (`denied taking part`) or noun-phrase
    object."""
    if passive_subject and is_passive(verb):
        subjects = children_with(verb, "passive_subject")  # `the deal was announced (by …)`
        if subjects and subjects[0].pos_ != "PRON" and subjects[0].ent_type_ != "PERSON":  # not `Smith was charged`
            return clause_span(verb.doc, {t.i for t in subjects[0].subtree}), "passive_subject"
        declared = _declared_clause(verb, subjects)
        if declared is not None:
            return declared, "passive_subject"
    if not _active_form(verb):
        return None
    gerund = gerund_object(verb)  # `reported raising $9 million`, `denied taking part`
    if gerund is not None:
        return clause_span(verb.doc, {t.i for t in gerund.subtree}), "nominal_object"
    objects = [c for c in children_with(verb, "object") if c.i > verb.i and c.pos_ != "PROPN"]
    if objects and len(list(objects[0].subtree)) >= 2:
        tokens = _noun_phrase_core(objects[0])
        return clause_span(verb.doc, tokens | _rest_of_phrase(verb.doc, max(tokens) + 1)), "nominal_object"
    return None


def _topic_of(verb: Token, prepositions: frozenset[str], quoted: Ranges) -> Span | None:
    """`pointed to the polls`, `did not respond to requests for comment`, `called for a
    ban`: the object of the verb's preposition is what was spoken about."""
    if quoted.covers(verb.idx):
        return None  # `vowed to “respond” to the attack`: the verb is someone's words
    for preposition, obj in prepositional_objects(verb):
        if preposition in prepositions and obj.i > verb.i:
            tokens = {t.i for t in obj.subtree if t.i > verb.i} - {c.i for c in children_with(obj, "case_marker")}
            tokens &= _noun_phrase_core(obj)
            if not tokens:
                continue
            content = clause_span(verb.doc, tokens | _rest_of_phrase(verb.doc, max(tokens) + 1))
            if content is not None and len(content) >= 2:
                return content
    return None


def _stranded_subject(verb: Token, complement: Token, listener: bool) -> set[int]:
    """`says the NRA’s refusal … is itself …`: words between the cue and its complement
    that the parser hung on the cue, other than when, where and to whom it was said,
    belong to the complement (usually its subject)."""
    kept: set[int] = set()
    subjectless = subject_of(complement) is None and complement.tag_ in FINITE_TAGS
    for child in verb.children:
        if subjectless and subject_taken_as_circumstance(child, complement):
            kept |= {t.i for t in child.subtree}  # `said about half of them reflected …`
            continue
        if not verb.i < child.i < complement.i or role(child) in REPORTING_CIRCUMSTANCES | {"punctuation", "marker"}:
            continue
        if listener and role(child) in {"object", "indirect_object"}:
            continue
        kept |= {t.i for t in child.subtree}
    return kept


def _active_form(verb: Token) -> bool:
    """A finite or bare verb, a gerund or participle (`announcing the release`), or a perfect
    (`has proposed a ban`): not a passive participle (`the ban proposed by …`)."""
    if verb.tag_ == "VBN":
        return bool(children_with(verb, "auxiliary")) and not is_passive(verb)
    return True


#: Prepositions of when something was said (`proposed a ban | after the attack`).
_TIME_PREPOSITIONS = frozenset({"after", "before", "since", "amid", "until", "ahead"})


#: Entity types of a time expression (`in recent weeks`, `on Tuesday`).
_TIME_ENTITIES = frozenset({"DATE", "TIME"})


def _dated(phrase: Token) -> bool:
    """A prepositional phrase of time by its object's entity type (`in recent weeks`): the
    object itself (UD: `obl` with a `case` child) or the object of the preposition (ClearNLP)."""
    if phrase.ent_type_ in _TIME_ENTITIES and children_with(phrase, "case_marker"):
        return True
    return any(obj.ent_type_ in _TIME_ENTITIES for obj in children_with(phrase, "prepositional_object"))


def _noun_phrase_core(noun: Token) -> set[int]:
    """A nominal content without when it was said (`a ban | after the attack`, `| in recent
    weeks`) nor a clause or apposition set off by a comma (`a win in Texas|, which votes on March 1`)."""
    tokens = {t.i for t in noun.subtree}
    for child in noun.children:
        if child.i < noun.i:
            continue
        set_off = child.doc[child.left_edge.i - 1].text == ","
        described = set_off and role(child) in {"relative_clause", "clause_modifier", "apposition"}
        timed = preposition_of(child) in _TIME_PREPOSITIONS or _dated(child)
        timed |= role(child) == "preposition" and (child.lower_ in _TIME_PREPOSITIONS or _dated(child))
        if described or timed:
            tokens -= {t.i for t in child.subtree}
    return tokens


def _rest_of_phrase(doc: Doc, start: int) -> set[int]:
    """`her plans | to combat the problem`: words the parser cut off a nominal content,
    up to the next punctuation (a hyphen inside a word aside: `a now-sold stake`),
    coordinator, subordinate clause (`as the vote neared`) or time (`after the attack`, `in
    recent weeks`)."""
    end = start
    if start < len(doc) and doc[start].lower_ in _TIME_PREPOSITIONS:
        return set()
    while end < doc[start - 1].sent.end and not (
        (doc[end].is_punct and not (doc[end].tag_ == "HYPH" and not doc[end - 1].whitespace_))
        or doc[end].pos_ in _PHRASE_END
        or doc[end].is_space
        or (doc[end].pos_ == "ADP" and end + 1 < len(doc) and doc[end + 1].ent_type_ in _TIME_ENTITIES)
    ):
        end += 1
    return set(range(start, end))


def _further_reports(heads: list[Token], lexicon: Lexicon) -> set[int]:
    """`said it was too early but added, “…”`, `said A, adding that B`, `…, and most said B`:
    a cue verb coordinated with (or hung as a participle on) the content is a report of its
    own, not part of this one."""
    found: set[int] = set()
    for head in heads:
        for token in head.subtree:
            if token.i != head.i and token.i not in found and continues_report(token, lexicon):
                found |= {t.i for t in token.subtree}
                before = token.doc[token.left_edge.i - 1]
                if before.pos_ == "CCONJ":  # `… but added`: the coordinator goes with it
                    found.add(before.i)
    return found


def _content_continuation(verb: Token, content_end: int, lexicon: Lexicon) -> set[int]:
    """`said he has not held dinners and never called a donor`, `said … and that the
    committee would continue`: a conjunct the parser hung on the cue, after its content,
    with no subject of its own (nor an expletive `there`) or opened by `that`, and not
    itself a report (nor `went on to say`), continues the content."""
    tokens: set[int] = set()
    for conjunct in children_with(verb, "conjunct"):
        if conjunct.i <= content_end or conjunct.pos_ not in VERBAL_POS | NOMINAL_POS | {"ADJ"}:
            continue
        if children_with(conjunct, *SUBJECT_ROLES, "expletive") and not has_marker(conjunct, "that"):
            continue  # `…, but there is …`: a clause of its own, whatever fills its subject
        if _holds_report(conjunct, lexicon) or conjunct.sent.start != verb.sent.start:
            continue
        tokens |= {t.i for t in conjunct.subtree}
    return tokens


def _holds_report(verb: Token, lexicon: Lexicon) -> bool:
    """A cue verb, or a verb whose open complement is one (`went on to say`): a report of its own."""
    chain = [verb, *children_with(verb, "open_complement")]
    return any(t.pos_ in VERBAL_POS and lexicon.is_cue_verb(lexicon.cue_lemma(t)) for t in chain)
