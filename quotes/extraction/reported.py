"""Reported speech from the dependency parse: cue verb → speaker and content.

Patterns (each tagged with the ``rule`` that produced it):

* ``clausal_complement``: `X said (that) <clause>`, `X told Y <clause>`, also postposed
  where the scheme makes the clause a complement (`<clause>, X added` in ClearNLP);
* ``postposed``: `<clause>, the US military added.` / `…, reported Reuters.` (UD parataxis);
* ``parenthetical``: `<words>, she said, <words>`: the content in two parts around the cue;
* ``embedded_question``: `asked Sanders whether <clause>`, `was asked about <topic>`;
* ``infinitive``: `Biden vowed to “respond”` for verbs that report an infinitive;
* ``quoted_fragment``: `called it a “clear aggression”`, `blamed “radical … groups” for …`:
  a nominal content of these verbs counts only when it carries a quoted fragment;
* ``nominal_object``: `Tehran denied involvement in …`: the noun-phrase object of a
  verb whose object is a proposition (`deny`, `confirm`, `announce`, not `write a blog`);
* ``topic``: `pointed to the polls`, `called for a ban`: what a verb spoke about;
* ``passive_subject``: `the deal was announced on Friday`: the subject of a passive cue;
* ``source_phrase``: `according to X, <clause>`, `<clause>, as indicated by X`;
* ``as_clause``: `As the Times noted, <clause>`;
* ``speech_noun``: `the DOJ demand that <clause>`, `his warning that <clause>`.

Participles (`…, saying <clause>`) and conjoined verbs take the speaker of the verb
they hang from; `a statement saying …` takes the noun.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass

import numpy
from spacy.attrs import LOWER, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span, Token

from quotes.extraction.labels import (
    SUBJECT_ROLES,
    VERBAL_POS,
    agent_of,
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
from quotes.extraction.mentions import CIRCUMSTANCE_PREPOSITIONS, FINITE_TAGS, is_proper, mention_span, noun_phrase_head
from quotes.extraction.nesting import (
    enclosing_relative_clause_end,
    gerund_object,
    not_a_report,
    rehang_postposed_reports,
    subject_taken_as_circumstance,
)
from quotes.extraction.ranges import Range, Ranges

#: Rules whose content is a reported clause of the cue itself.
CLAUSE_RULES = frozenset({"clausal_complement", "that_clause"})
NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X"})
#: Words a subject may take for `says <subject> <verb>` to be read as a clause.
MAX_SUBJECT_WORDS = 5
_SUBJECT_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "it", "they"})
_CLAUSE_END = frozenset({".", ";", ":", "?", "!"})
_LEADING_JUNK = frozenset({"that", "because", ",", ":", ";", "-", "–", "—"})
_TRAILING_JUNK = frozenset({",", ".", ":", ";", "-", "–", "—", "!", "?"})
#: Words of a prepositional phrase between a cue and its `that` (`said in the CNN interview that`).
_CIRCUMSTANCE_POS = frozenset({"ADP", "DET", "NOUN", "PROPN", "ADJ", "NUM"})
#: Words that open an embedded question after a question verb.
_QUESTION_OPENERS = frozenset(
    {"whether", "if", "what", "who", "whom", "whose", "which", "why", "how", "when", "where", "about"}
)
_QUESTION_END = frozenset({",", ";", ":", ".", "?", "!", "—", "–"})
#: Parts of speech that end a nominal content the parser cut short.
_PHRASE_END = frozenset({"CCONJ", "SCONJ"})
#: Punctuation that sets a reporting clause off from its content (`…, she said`).
_ATTRIBUTION_BREAKS = frozenset({",", "—", "–", "-"})
#: Dependents of a cue verb that belong to a bare reporting clause (`has said on Tuesday`).
_REPORTING_CIRCUMSTANCES = frozenset({"auxiliary", "negation", "adverbial", "oblique", "preposition"})


@dataclass(frozen=True)
class Attribution:
    """A cue with its speaker (if any) and the token span of what was reported."""

    cue: Span
    speaker: Span | None
    content: Span
    rule: str
    belief: bool


def find_reported(
    doc: Doc,
    lexicon: Lexicon,
    quoted: Iterable[Range] = (),
    direct_quotes: Iterable[Range] = (),
) -> list[Attribution]:
    """All verb- and phrase-cued attributions, verb-cued ones first.

    ``quoted`` are the character ranges of every quoted span (fragments make a
    nominal content reportable); cues inside ``direct_quotes`` are someone
    else's words and are skipped.
    """

    fragments, direct = Ranges.of(quoted), Ranges.of(direct_quotes)

    def outside_quotes(token: Token) -> bool:
        return not direct.covers(token.idx)

    found = [a for a in _verb_attributions(doc, lexicon, fragments) if outside_quotes(a.cue[0])]
    found += [a for a in _noun_attributions(doc, lexicon) if outside_quotes(a.cue[0])]
    found += [a for a in _source_phrases(doc, lexicon) if outside_quotes(a.cue[0])]
    found = rehang_postposed_reports([_without_tail(a, fragments) for a in found])
    late = {"speech_noun", "source_phrase"}
    return sorted(found, key=lambda a: (a.rule in late, a.content.start, a.cue.start))


#: Punctuation that sets a narrator's comment off from the end of a content.
_TAIL_BREAKS = frozenset({",", "—", "–", "--"})
#: Relative pronouns that open such a comment (`…, which votes on March 1`).
_RELATIVE_PRONOUNS = frozenset({"which", "who", "whom", "whose"})


#: Rules whose content is a noun phrase, not a clause: a participle or a clause after a
#: comma is never part of it.
_NOMINAL_RULES = frozenset({"nominal_object", "topic", "passive_subject", "embedded_question"})
_CLAUSE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _without_tail(attribution: Attribution, quoted: Ranges) -> Attribution:
    """`a Cruz win in Texas, which votes on March 1`, `he met the mayor, a longtime ally`: a
    relative clause or an apposition set off by a comma that ends a content is the
    narrator's description, not what was said (unless it is inside quote marks); a nominal
    content also ends before a participle or a clause after a comma (`denied involvement,
    maintaining …`)."""
    content = attribution.content
    doc = content.doc
    nominal = attribution.rule in _NOMINAL_RULES
    for token in content[2:-1]:
        if token.text not in _TAIL_BREAKS or quoted.covers(token.idx):
            continue
        following = doc[token.i + 1]
        if nominal and (following.tag_ == "VBG" or any(t.tag_ in _CLAUSE_TAGS for t in doc[token.i + 1 : content.end])):
            kept = clause_span(doc, set(range(content.start, token.i)))  # `reprisals for X, the group announced`
            if kept is not None:
                return Attribution(attribution.cue, attribution.speaker, kept, attribution.rule, attribution.belief)
        relative = following.lower_ in _RELATIVE_PRONOUNS
        if not relative and not (following.pos_ == "DET" and role(following.head) == "apposition"):
            continue
        head = following.head
        if head.i <= token.i:
            continue
        last = max(t.i for t in head.subtree)
        if all(t.is_punct or t.is_space for t in doc[last + 1 : content.end]):
            kept = clause_span(doc, set(range(content.start, token.i)))
            if kept is not None and len(kept) >= 2:
                return Attribution(attribution.cue, attribution.speaker, kept, attribution.rule, attribution.belief)
    return attribution


def _tokens_with_pos(doc: Doc, pos: Collection[str]) -> Iterator[Token]:
    """The tokens of these parts of speech, in order, from one array read: a loop over the
    whole ``Doc`` builds a ``Token`` for every word, most of which no rule wants."""
    wanted = [POS_IDS[name] for name in pos]
    for i in numpy.flatnonzero(numpy.isin(doc.to_array(POS), wanted)):
        yield doc[int(i)]


def _verb_attributions(doc: Doc, lexicon: Lexicon, quoted: Ranges) -> Iterator[Attribution]:
    for verb in _tokens_with_pos(doc, VERBAL_POS):
        lemma = lexicon.cue_lemma(verb)
        if not lexicon.is_cue_verb(lemma) and lemma not in lexicon.topic_prepositions:
            continue
        belief = lemma in lexicon.belief_verbs and lemma not in lexicon.speech_verbs
        parts, rule = (_parenthetical(verb) if lexicon.is_cue_verb(lemma) else []), "parenthetical"
        if not parts:
            content, rule = _content_of(verb, lemma, lexicon, quoted)
            if content is None:
                continue
            parts = [content]
        speaker = outer_speaker(verb, lexicon) or _cue_speaker(verb, rule in CLAUSE_RULES)
        if belief and speaker is None:
            continue  # a thought needs a thinker; sourceless beliefs are narration
        if speaker is None and rule == "postposed":
            continue  # a reporting clause after its content names its speaker, or the parse is broken
        for part in parts:
            yield Attribution(
                cue=_cue_span(verb),
                speaker=mention_span(speaker) if speaker is not None else None,
                content=part,
                rule=rule,
                belief=belief,
            )


def _cue_span(verb: Token) -> Span:
    """The verb with a particle (`point out`) when there is one."""
    particles = [c for c in verb.rights if c.dep_ in {"prt", "compound:prt"} and c.i == verb.i + 1]
    return verb.doc[verb.i : verb.i + 1 + len(particles)]


def _content_of(verb: Token, lemma: str, lexicon: Lexicon, quoted: Ranges) -> tuple[Span | None, str]:
    if not lexicon.is_cue_verb(lemma):  # `talked about the economy`: only what it was about
        return _topic_of(verb, lexicon.topic_prepositions[lemma], quoted), "topic"
    if lemma in lexicon.question_verbs:
        question = _embedded_question(verb)
        if question is not None:
            return question, "embedded_question"
    if lemma not in lexicon.fragment_verbs or lemma in lexicon.speech_verbs or lemma in lexicon.belief_verbs:
        complements = [
            c for c in clausal_complements(verb) if not _reporting_clause(c, lexicon) and not not_a_report(c)
        ]
        after = [c for c in complements if c.i > verb.i and not _relative(c)]
        if after:
            complements = after  # its own clause, not the one before
        if complements:
            tokens = {t.i for head in complements for t in head.subtree}
            if complements[0].i < verb.i:
                if _opens_quote(verb):
                    return None, ""  # `When asked why, Tyler said, “…`: the quote is what was said
                speaker = _speaker_in_apposition(verb)
                if speaker is not None:  # the content ends in the name the parser took as subject
                    tokens |= {t.i for t in speaker.head.subtree} - {t.i for t in speaker.subtree}
                return _postposed(verb, clause_span(verb.doc, tokens)), "postposed"
            tokens |= _stranded_subject(verb, complements[0], listener=lemma in lexicon.addressee_verbs)
            if lemma in lexicon.speech_verbs:
                tokens |= _content_continuation(verb, max(tokens), lexicon)
            tokens -= _further_reports(complements, lexicon)
            return clause_span(verb.doc, tokens), "clausal_complement"
        as_clause = _as_clause_content(verb)
        if as_clause is not None:
            return as_clause, "as_clause"
        if role(verb) == "parataxis" and verb.i > verb.head.i and _ends_sentence(verb):
            head = verb.head
            content = _postposed(verb, clause_span(verb.doc, {t.i for t in head.subtree} - {t.i for t in verb.subtree}))
            if content is not None and content.end <= verb.i and is_clause(content):
                return content, "postposed"
        stranded = _stranded_that_clause(verb, lexicon.citing_verbs)
        if stranded is not None:
            return clause_span(verb.doc, {t.i for t in stranded.subtree}), "that_clause"
        trailing = _postposed(verb, _trailing_reporting_clause(verb))
        if trailing is not None:
            return trailing, "postposed"
        surface = _surface_clause(verb, addressee=lemma in lexicon.addressee_verbs)
        if surface is not None:
            return surface, "surface_clause"
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
        if tokens and _has_quote(verb.doc, tokens, quoted):
            return clause_span(verb.doc, tokens), "quoted_fragment"
    if lemma in lexicon.proposition_object_verbs and lemma not in lexicon.target_verbs and is_passive(verb):
        subjects = children_with(verb, "passive_subject")  # `the deal was announced (by …)`
        if subjects and subjects[0].pos_ != "PRON" and subjects[0].ent_type_ != "PERSON":  # not `Smith was charged`
            return clause_span(verb.doc, {t.i for t in subjects[0].subtree}), "passive_subject"
    if lemma in lexicon.proposition_object_verbs and _active_form(verb):
        gerund = gerund_object(verb)  # `reported raising $9 million`, `denied taking part`
        if gerund is not None:
            return clause_span(verb.doc, {t.i for t in gerund.subtree}), "nominal_object"
        objects = [c for c in children_with(verb, "object") if c.i > verb.i and c.pos_ != "PROPN"]
        if objects and len(list(objects[0].subtree)) >= 2:
            tokens = _noun_phrase_core(objects[0])
            return clause_span(verb.doc, tokens | _rest_of_phrase(verb.doc, max(tokens) + 1)), "nominal_object"
    if lemma in lexicon.speech_verbs:
        following = _split_off_content(verb)
        if following is not None:
            return following, "next_sentence"
    return _topic_of(verb, lexicon.topic_prepositions.get(lemma, frozenset()), quoted), "topic"


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
        if not verb.i < child.i < complement.i or role(child) in _REPORTING_CIRCUMSTANCES | {"punctuation", "marker"}:
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


def _noun_phrase_core(noun: Token) -> set[int]:
    """A nominal content without when it was said (`a ban | after the attack`) nor a clause
    or apposition set off by a comma (`a win in Texas|, which votes on March 1`)."""
    tokens = {t.i for t in noun.subtree}
    for child in noun.children:
        if child.i < noun.i:
            continue
        set_off = child.doc[child.left_edge.i - 1].text == ","
        described = set_off and role(child) in {"relative_clause", "clause_modifier", "apposition"}
        timed = preposition_of(child) in _TIME_PREPOSITIONS or (
            role(child) == "preposition" and child.lower_ in _TIME_PREPOSITIONS
        )
        if described or timed:
            tokens -= {t.i for t in child.subtree}
    return tokens


def _rest_of_phrase(doc: Doc, start: int) -> set[int]:
    """`her plans | to combat the problem`: words the parser cut off a nominal content,
    up to the next punctuation (a hyphen inside a word aside: `a now-sold stake`),
    coordinator, subordinate clause (`as the vote neared`) or time (`after the attack`)."""
    end = start
    if start < len(doc) and doc[start].lower_ in _TIME_PREPOSITIONS:
        return set()
    while end < doc[start - 1].sent.end and not (
        (doc[end].is_punct and not (doc[end].tag_ == "HYPH" and not doc[end - 1].whitespace_))
        or doc[end].pos_ in _PHRASE_END
        or doc[end].is_space
    ):
        end += 1
    return set(range(start, end))


def _continues_report(token: Token, lexicon: Lexicon) -> bool:
    """A speech verb coordinated without a subject of its own (`and added`), or a participle
    (`, adding`), as a new report of the same speaker."""
    if token.pos_ not in VERBAL_POS or lexicon.cue_lemma(token) not in lexicon.speech_verbs:
        return False
    if token.tag_ == "VBN" and not children_with(token, "auxiliary"):
        return False  # `personal and not work-related`: an adjective, not a report
    if not (children_with(token, "clausal_complement") or _opens_quote(token)):
        return False  # `and asked him to …`, `tell him “no more nonsense”`: part of what was said
    if role(token) == "conjunct":
        return subject_of(token) is None
    return role(token) == "adverbial_clause" and token.tag_ == "VBG"


def _cue_speaker(verb: Token, reports_clause: bool) -> Token | None:
    """The speaker of a cue verb: from the parse, else from the words around it."""
    speaker = speaker_of(verb)
    if speaker is None and reports_clause and not children_with(verb, "passive_auxiliary"):
        speaker = subject_of(verb)  # a verb with a reported clause and no `be` is active, whatever its label
    if speaker is None and _ends_sentence(verb):  # `<clause>, reported Reuters.` parsed as an object
        speaker = next((c for c in children_with(verb, "object") if c.i == verb.i + 1 and is_proper(c)), None)
    if speaker is None and (verb.tag_ in FINITE_TAGS or (verb.tag_ == "VBN" and not is_passive(verb))):
        speaker = noun_before(verb)  # `Kataeb Hezbollah announced`, whatever the parse made of it
    return speaker


def outer_speaker(verb: Token, lexicon: Lexicon) -> Token | None:
    """The speaker of the report whose content a continuing report hangs in (`X said A and
    added B`, parsed with `added` under `A`): X, not A's subject."""
    if not _continues_report(verb, lexicon):
        return None
    head = verb.head
    while role(head) == "conjunct" and head.head.i != head.i:
        head = head.head
    if role(head) != "clausal_complement" or head.head.pos_ not in VERBAL_POS:
        return None
    cue = head.head
    if not lexicon.is_cue_verb(lexicon.cue_lemma(cue)):
        return None
    return _cue_speaker(cue, reports_clause=True)


def _further_reports(heads: list[Token], lexicon: Lexicon) -> set[int]:
    """`said it was too early but added, “…”`, `said A, adding that B`, `…, and most said B`:
    a cue verb coordinated with (or hung as a participle on) the content is a report of its
    own, not part of this one."""
    found: set[int] = set()
    for head in heads:
        for token in head.subtree:
            if token.i != head.i and token.i not in found and _continues_report(token, lexicon):
                found |= {t.i for t in token.subtree}
                before = token.doc[token.left_edge.i - 1]
                if before.pos_ == "CCONJ":  # `… but added`: the coordinator goes with it
                    found.add(before.i)
    return found


def _content_continuation(verb: Token, content_end: int, lexicon: Lexicon) -> set[int]:
    """`said he has not held dinners and never called a donor`, `said … and that the
    committee would continue`: a conjunct the parser hung on the cue, after its content,
    with no subject of its own or opened by `that`, and not itself a report, continues
    the content."""
    tokens: set[int] = set()
    for conjunct in children_with(verb, "conjunct"):
        if conjunct.i <= content_end or conjunct.pos_ not in VERBAL_POS | NOMINAL_POS | {"ADJ"}:
            continue
        if subject_of(conjunct) is not None and not has_marker(conjunct, "that"):
            continue
        if lexicon.is_cue_verb(lexicon.cue_lemma(conjunct)) or conjunct.sent.start != verb.sent.start:
            continue
        tokens |= {t.i for t in conjunct.subtree}
    return tokens


def _opens_quote(verb: Token) -> bool:
    """The cue is followed by a comma or colon and an opening quote mark."""
    after = verb.doc[verb.i + 1 : verb.i + 3]
    return len(after) == 2 and after[0].text in {",", ":"} and after[1].is_quote


def _split_off_content(verb: Token) -> Span | None:
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


def _embedded_question(verb: Token) -> Span | None:
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


def _as_clause_content(verb: Token) -> Span | None:
    """`As the International Business Times noted, <clause>`: the clause the `as`-clause
    modifies is what was noted."""
    if role(verb) != "adverbial_clause" or verb.head.i == verb.i:
        return None
    if not has_marker(verb, "as") and verb.doc[min(t.i for t in verb.subtree)].lower_ != "as":
        return None  # `as Clyburn noted`, with `as` parsed as the subject's preposition
    if children_with(verb, "object", "indirect_object", "clausal_complement", "open_complement") or is_passive(verb):
        return None  # `… as the band announced a concert`: when, not what was announced
    head = verb.head
    content = clause_span(verb.doc, {t.i for t in head.subtree} - {t.i for t in verb.subtree})
    return content if content is not None and is_clause(content) else None


def _noun_attributions(doc: Doc, lexicon: Lexicon) -> Iterator[Attribution]:
    """`the DOJ demand that HB2 not be implemented`, `his warning that …`: a speech noun
    with a `that`-clause; the speaker is its possessor or compound, when it has one."""
    for noun in _tokens_with_pos(doc, ["NOUN"]):
        if noun.lemma_.lower() not in lexicon.speech_nouns:
            continue
        for clause in noun.children:
            if clause.i < noun.i or clause.pos_ not in VERBAL_POS:
                continue
            if not has_marker(clause, "that"):
                continue
            content = clause_span(doc, {t.i for t in clause.subtree})
            if content is None:
                continue
            owners = [c for c in noun.children if role(c) in {"possessive", "compound"} and c.i < noun.i]
            speaker = mention_span(owners[0]) if owners else None
            yield Attribution(doc[noun.i : noun.i + 1], speaker, content, "speech_noun", belief=False)
            break


def _reporting_clause(clause: Token, lexicon: Lexicon) -> bool:
    """`…, Alsumaria reported`: a cue with its own subject beside the content reports it,
    it is not part of it."""
    return (
        role(clause) == "parataxis"
        and lexicon.is_cue_verb(lexicon.cue_lemma(clause))
        and bool(children_with(clause, "subject"))
    )


def _stranded_that_clause(verb: Token, citing_verbs: frozenset[str]) -> Token | None:
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


#: Punctuation that ends what a postposed reporting clause can report (`… duress: A
#: pending ballot initiative threatened …`).
_POSTPOSED_STOPS = frozenset({":", ";"})


def _postposed(verb: Token, content: Span | None) -> Span | None:
    """A content before its cue, if the cue can report it: not from inside a subordinate
    (`…, although X pleaded guilty`) or relative clause (`…, who added to his portfolio`),
    and only what follows the last colon or semicolon before the cue."""
    if content is None:
        return content
    if children_with(verb, "marker"):
        return None
    if role(verb) in {"relative_clause", "clause_modifier"} and not _own_subject(verb):
        return None
    doc = verb.doc
    stops = [t.i for t in doc[content.start : verb.i] if t.text in _POSTPOSED_STOPS]
    if stops:
        rest = clause_span(doc, set(range(stops[-1] + 1, content.end)))
        return rest if rest is not None and is_clause(rest) else None
    for token in content[1:]:  # `<clause>, according to a source, reported Reuters`: the
        if token.lower_ == "according" and token.nbor(-1).text == ",":  # phrase reports it
            return clause_span(doc, set(range(content.start, token.i - 1))) or content
    return content


def _relative(clause: Token) -> bool:
    """A relative clause the parser took for a complement (`said Mr. X, who runs the club`)."""
    subject = subject_of(clause)
    return subject is not None and subject.tag_ in {"WP", "WDT"}


def _own_subject(verb: Token) -> bool:
    """A nominal subject that is not a relative pronoun (`, the poll found` parsed as a
    relative clause has one; `, who added` does not)."""
    subject = subject_of(verb)
    return subject is not None and subject.tag_ not in {"WP", "WDT"} and subject.lower_ != "that"


def _trailing_reporting_clause(verb: Token) -> Span | None:
    """`<clause>, the US military added.` / `…, reported Reuters.` however the parser
    attached the reporting clause: a cue with a subject and no object closes the
    sentence after a comma, and everything before the comma is the content."""
    subject = _bare_reporting_subject(verb)
    if subject is None:
        return None
    doc, sentence = verb.doc, verb.sent
    if sentence[-1].text == ":" or (len(sentence) > 1 and sentence[-1].is_space and sentence[-2].text == ":"):
        return None  # `In a 1963 speech, he declared:` introduces what follows
    reporting = {t.i for t in verb.subtree} | {t.i for t in subject.subtree} | {verb.i}
    first = min(i for i in reporting if not doc[i].is_punct)
    after = [t for t in sentence if t.i > first and t.i not in reporting]
    if any(not t.is_punct for t in after) or first == 0 or doc[first - 1].text not in _ATTRIBUTION_BREAKS:
        return None
    # `“Boots on the ground” would be appropriate, | Carson said`: a sentence break the
    # parser put at the comma leaves the content in the sentence before
    start = sentence.start if first - 1 > sentence.start else doc[first - 1].sent.start
    content = clause_span(doc, set(range(start, first - 1)))
    return content if content is not None and is_clause(content) else None


def _bare_reporting_subject(verb: Token, subjectless_complement: bool = False) -> Token | None:
    """The subject of a reporting clause with no object or complement of its own
    (`the US military added`, `said Reuters`), if the verb heads one; with
    ``subjectless_complement``, a complement without a subject is allowed (`he says, is …`)."""
    subject = subject_of(verb)
    if subject is None or is_passive(verb) or children_with(verb, "object", "open_complement"):
        return None
    for complement in children_with(verb, "clausal_complement"):
        if (
            not subjectless_complement
            or complement.i < verb.i
            or children_with(complement, *SUBJECT_ROLES, "expletive")
        ):
            return None
    return subject


def _parenthetical(verb: Token) -> list[Span]:
    """`A wall would stop criminals, she said, but also drugs.`, `The top issues,
    respondents said, are …`, `This campaign, he says, is different`: a reporting clause
    between commas inside a sentence, however the parser attached it. The words around
    it are the content, in two parts that share the cue."""
    subject = _bare_reporting_subject(verb, subjectless_complement=True)
    if subject is None:
        return []  # a complement with a subject of its own is the whole content
    complements = children_with(verb, "clausal_complement")
    doc, sentence = verb.doc, verb.sent
    words = {t.i for t in subject.subtree} | {verb.i}
    for child in verb.children:
        if role(child) in _REPORTING_CIRCUMSTANCES:  # `has said`, `said on Tuesday`
            words |= {t.i for t in child.subtree}
    first = min(i for i in words if not doc[i].is_punct)
    last = max(i for i in words if not doc[i].is_punct)
    if any(i not in words for i in range(first, last + 1)):
        return []
    if first - 1 <= sentence.start or last + 2 >= sentence.end:
        return []
    if doc[first - 1].text not in _ATTRIBUTION_BREAKS or doc[last + 1].text not in _ATTRIBUTION_BREAKS:
        return []
    if doc[last + 2] in verb.subtree and not any(doc[last + 2] in c.subtree for c in complements):
        return []  # `…, she said, adding that …`: the cue's own clause follows
    before = clause_span(doc, set(range(sentence.start, first - 1)))
    after = clause_span(doc, set(range(last + 2, sentence.end)))
    if before is None or after is None:
        return []
    around = set(range(before.start, before.end)) | set(range(after.start, after.end))
    has_clause = any(child.i in around for i in around for child in children_with(doc[i], *SUBJECT_ROLES, "expletive"))
    if not has_clause:
        return []
    # `In the end, he said, voters …`, `But, she added, …`: words before the cue without a
    # verb or a subject open the sentence; only the clause after it is a part of its own
    opening = not any(t.pos_ in VERBAL_POS or role(t) in SUBJECT_ROLES for t in before)
    return [after] if opening else [before, after]


def is_clause(span: Span) -> bool:
    """A span headed by a predicate with a subject, not a bare phrase: `In a 1963
    speech` or `In a letter filed Monday` is where a report was made, not what was reported."""
    heads = [t for t in span if t.head.i == t.i or not span.start <= t.head.i < span.end]
    return any(children_with(head, *SUBJECT_ROLES, "expletive") for head in heads)


def _ends_sentence(verb: Token) -> bool:
    """Nothing but punctuation follows the reporting clause (`…, the group added.`)."""
    last = max(t.i for t in verb.subtree)
    return all(t.is_punct or t.is_space for t in verb.doc[last + 1 : verb.sent.end])


def _surface_clause(verb: Token, addressee: bool) -> Span | None:
    """When the parse missed the complement: `warned Saturday that <clause>`, `told the
    Times that <clause>`, `says he <verb> …`, read from the words after the verb."""
    doc, end = verb.doc, min(verb.sent.end, enclosing_relative_clause_end(verb) or len(verb.doc))
    allowed = {"ADV", "PROPN", "PRON", "PUNCT"} | ({"DET", "NOUN", "ADJ"} if addressee else set())
    circumstance = False  # `said in the CNN interview that …`
    for j in range(verb.i + 1, min(verb.i + 7, end - 1)):
        token = doc[j]
        if token.lower_ == "that":
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


def _has_quote(doc: Doc, tokens: set[int], quoted: Ranges) -> bool:
    low = min(doc[i].idx for i in tokens)
    high = max(doc[i].idx + len(doc[i]) for i in tokens)
    return bool(quoted.within(low, high))


def speaker_of(verb: Token) -> Token | None:
    """The source of a cue verb: its subject, passive agent, or inherited from its head."""
    verb_role = role(verb)
    bare_participle = verb.tag_ == "VBN" and not children_with(verb, "auxiliary", "subject")
    if is_passive(verb) or bare_participle:  # `…, accused by the US military of …`
        return agent_of(verb)
    subject = _speaker_in_apposition(verb) or subject_of(verb)
    if subject is not None:
        if subject.tag_ in {"WP", "WDT"} and role(verb) == "relative_clause":
            return verb.head  # the group, which said …
        return subject
    head = verb.head
    if head.i == verb.i:
        return None
    if verb_role == "relative_clause" or (verb_role == "clause_modifier" and head.pos_ in NOMINAL_POS):
        return head  # a statement saying …
    if verb_role in {"adverbial_clause", "prepositional_complement"} and verb.tag_ == "VBG":
        return _nearest_active_subject(verb)  # `…, saying …`, `… before adding …` speak for the main clause
    if verb_role == "open_complement" and head.pos_ == "ADJ":  # `voters are more likely to say …`
        return subject_of(head) or (speaker_of(head.head) if head.head.pos_ in VERBAL_POS else None)
    if verb_role in {"conjunct", "adverbial_clause", "open_complement", "clause_modifier"} and head.pos_ in VERBAL_POS:
        return speaker_of(head)
    return None


def _speaker_in_apposition(verb: Token) -> Token | None:
    """`<content> attacking Bill Clinton, Carly Fiorina said`: the parser made the last name
    of a postposed content the subject and the speaker its apposition, which (unlike a true
    apposition, `X, a spokesman, said`) runs up to the cue with no comma."""
    subject = subject_of(verb)
    complements = clausal_complements(verb)
    if subject is None or not complements or not complements[0].i < subject.i < verb.i:
        return None
    appositions = [c for c in subject.children if role(c) == "apposition" and c.i > subject.i]
    if not appositions or max(t.i for t in appositions[-1].subtree) + 1 != verb.i:
        return None
    return appositions[-1]


def _nearest_active_subject(verb: Token) -> Token | None:
    """The subject of the closest governing verb that has an active subject."""
    for ancestor in verb.ancestors:
        if ancestor.pos_ in VERBAL_POS and not is_passive(ancestor):
            subject = subject_of(ancestor)
            if subject is not None:
                return subject
    return None


def noun_before(verb: Token) -> Token | None:
    """The head of a noun phrase ending right before the verb, if one does."""
    doc, i = verb.doc, verb.i - 1
    while i >= 0:
        phrase = _phrase_ending_at(doc[i])
        if preposition_of(phrase) not in CIRCUMSTANCE_PREPOSITIONS:
            break
        i = phrase.left_edge.i - 1  # step over `on February 8`
    if i < 0 or doc[i].pos_ not in NOMINAL_POS:
        return None
    return noun_phrase_head(doc[i])


def _phrase_ending_at(token: Token) -> Token:
    """The largest phrase whose last word is ``token``."""
    while token.head.i != token.i and max(t.i for t in token.head.subtree) == token.i:
        token = token.head
    return token


def clause_span(doc: Doc, tokens: set[int]) -> Span | None:
    """The longest contiguous run of a token set, without a leading `that` or edge punctuation."""
    if not tokens:
        return None
    runs: list[tuple[int, int]] = []
    for i in sorted(tokens):
        if runs and (i == runs[-1][1] or all(doc[j].is_punct or doc[j].is_space for j in range(runs[-1][1], i))):
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    start, end = max(runs, key=lambda run: (sum(not doc[j].is_punct for j in range(*run)), -run[0]))
    while start < end and (doc[start].lower_ in _LEADING_JUNK or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in _TRAILING_JUNK or doc[end - 1].is_space):
        end -= 1
    return doc[start:end] if start < end else None


def _source_phrases(doc: Doc, lexicon: Lexicon) -> Iterator[Attribution]:
    """`according to X, <clause>` and its kin: the phrase's object is the source."""
    lowered = doc.to_array(LOWER).tolist()  # string hashes, without a Token per word
    phrases = [tuple(doc.vocab.strings[word] for word in phrase) for phrase in lexicon.source_phrases]
    first_words = {phrase[0] for phrase in phrases}
    for i in (i for i, word in enumerate(lowered) if word in first_words):
        for phrase in phrases:
            if tuple(lowered[i : i + len(phrase)]) != phrase:
                continue
            cue = doc[i : i + len(phrase)]
            source = _phrase_object(cue)
            if source is None:
                break
            pp_tokens = {t.i for t in cue} | {t.i for t in source.subtree}
            anchor = _clause_anchor(source, cue)
            if (
                anchor.pos_ in VERBAL_POS
                and lexicon.is_cue_verb(lexicon.cue_lemma(anchor))
                and clausal_complements(anchor)
            ):
                break  # `X said …, as per Y`: the verb's own attribution covers it
            content = _opening_phrase_content(cue, source)
            if content is None:
                content = clause_span(doc, {t.i for t in anchor.subtree} - pp_tokens)
            if content is not None:
                yield Attribution(cue, mention_span(source), content, "source_phrase", belief=False)
            break


def _opening_phrase_content(cue: Span, source: Token) -> Span | None:
    """`According to X[, who …][, a spokesman], <clause>.`: a source phrase that opens its
    sentence reports everything after the comma that closes it, whatever the parser made
    of the words in between (a participle or a relative clause on X, an apposition, a
    copular or passive clause headed by a name)."""
    doc, sentence = cue.doc, cue.sent
    if any(not (t.is_punct or t.is_space or t.pos_ == "CCONJ") for t in doc[sentence.start : cue.start]):
        return None
    end = max(t.i for t in source.subtree if not t.is_punct)
    commas = [t.i for t in doc[end + 1 : sentence.end] if t.text == ","]
    if not commas:
        return None
    start = commas[0] + 1
    if (
        len(commas) > 1
        and _is_apposition(doc[start : commas[1]])
        and _has_own_clause(doc[commas[1] + 1 : sentence.end])
    ):
        start = commas[1] + 1  # `According to X, a spokesman for Y, <clause>`
    content = clause_span(doc, set(range(start, sentence.end)))
    return content if content is not None and is_clause(content) else None


def _is_apposition(words: Span) -> bool:
    """A noun phrase without a verb (`a spokeswoman for the agency`)."""
    return (
        len(words) > 0
        and words[0].pos_ in {"DET", "ADJ", "NOUN", "PROPN", "NUM"}
        and not any(t.pos_ in VERBAL_POS for t in words)
    )


def _has_own_clause(words: Span) -> bool:
    """The words hold a subject and its predicate."""
    inside = range(words.start, words.end)
    return any(role(t) in SUBJECT_ROLES and t.head.i in inside and t.head.i != t.i for t in words)


def _phrase_object(cue: Span) -> Token | None:
    """The nominal head governed by a cue phrase (`two security sources`)."""
    doc = cue.doc
    if cue.end >= len(doc):
        return None
    for word in cue:  # ClearNLP: according -> to -> sources
        objects = [c for c in children_with(word, "prepositional_object") if c.i >= cue.end]
        if objects and objects[0].pos_ in NOMINAL_POS:
            return objects[0]
    for word in cue:  # UD: `according to` is the case marker of the source
        if role(word) == "case_marker" and word.head.i >= cue.end and word.head.pos_ in NOMINAL_POS:
            return word.head
    token = doc[cue.end]
    # otherwise climb from the first word to its noun, but not out of the phrase: the
    # head of a phrase that attaches to the clause (`… sources, the commander was John
    # Smith`, with the copular clause headed by the name) is the clause, not the source
    while (
        token.head.i >= cue.end
        and token.head.i != token.i
        and token.head.pos_ in NOMINAL_POS
        and role(token) not in {"oblique", "prepositional_object", "noun_modifier", "apposition", "conjunct"}
        and "," not in {t.text for t in doc[min(token.i, token.head.i) : max(token.i, token.head.i)]}
    ):
        token = token.head
    return token if token.pos_ in NOMINAL_POS else None


def _clause_anchor(source: Token, cue: Span) -> Token:
    """The clause a source phrase attaches to: the nearest head with a subject, or the root."""
    anchor = source.head if source.head.i not in range(cue.start, cue.end) else cue[0].head
    while anchor.head.i != anchor.i and not children_with(anchor, *SUBJECT_ROLES):
        anchor = anchor.head
    return anchor
