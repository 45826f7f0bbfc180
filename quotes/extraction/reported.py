"""Reported speech from the dependency parse: cue verb → speaker and content.

Patterns (each tagged with the ``rule`` that produced it):

* ``clausal_complement``: `X said (that) <clause>`, `X told Y <clause>`, also postposed
  where the scheme makes the clause a complement (`<clause>, X added` in ClearNLP);
* ``postposed``: `<clause>, the US military added.` / `…, reported Reuters.` (UD parataxis),
  also read from the words when the parse tangled the two (`…, she said.`, `…, said X, head of Y.`);
* ``parenthetical``: `<words>, she said, <words>`: the content in two parts around the cue, also
  `<clause>, X told them, by <phrase>` with what follows hung on the cue;
* ``embedded_question``: `asked Sanders whether <clause>`, `was asked about <topic>`;
* ``infinitive``: `Biden vowed to “respond”` for verbs that report an infinitive;
* ``quoted_fragment``: `called it a “clear aggression”`, `blamed “radical … groups” for …`:
  a nominal content of these verbs counts only when it carries a quoted fragment;
* ``nominal_object``: `Tehran denied involvement in …`: the noun-phrase object of a
  verb whose object is a proposition (`deny`, `confirm`, `announce`, not `write a blog`);
* ``proform``: `he said so`, `most said yes`: a word that stands for the proposition;
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
from spacy.attrs import POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span, Token

from quotes.extraction.clauses import clause_span
from quotes.extraction.contents import CLAUSE_RULES, content_of
from quotes.extraction.cue_speakers import cue_speaker, outer_speaker
from quotes.extraction.labels import VERBAL_POS, has_marker, role
from quotes.extraction.lexicon import Lexicon
from quotes.extraction.mentions import mention_span
from quotes.extraction.nesting import rehang_postposed_reports
from quotes.extraction.ranges import Range, Ranges
from quotes.extraction.reporting_clauses import parenthetical
from quotes.extraction.source_phrases import source_phrases


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
    found += [
        Attribution(cue, mention_span(source), content, "source_phrase", belief=False)
        for cue, source, content in source_phrases(doc, lexicon)
        if outside_quotes(cue[0])
    ]
    found = rehang_postposed_reports([_without_tail(a, fragments) for a in found])
    late = {"speech_noun", "source_phrase"}
    return sorted(found, key=lambda a: (a.rule in late, a.content.start, a.cue.start))


#: Punctuation that sets a narrator's comment off from the end of a content.
_TAIL_BREAKS = frozenset({",", "—", "–", "--"})


#: Relative words that open such a comment (`…, which votes on March 1`, `…, where he trailed`).
_RELATIVE_PRONOUNS = frozenset({"which", "who", "whom", "whose", "where"})


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
        if _in_markup(verb):
            continue
        belief = lemma in lexicon.belief_verbs and lemma not in lexicon.speech_verbs
        parts, rule = (parenthetical(verb, lexicon) if lexicon.is_cue_verb(lemma) else []), "parenthetical"
        if not parts:
            content, rule = content_of(verb, lemma, lexicon, quoted)
            if content is None:
                continue
            parts = [content]
        speaker = outer_speaker(verb, lexicon) or cue_speaker(verb, rule in CLAUSE_RULES)
        if belief and speaker is None:
            continue  # a thought needs a thinker; sourceless beliefs are narration
        if speaker is None and rule in {"postposed", "surface_clause"}:
            continue  # a reporting clause after its content names its speaker, or the parse is broken;
            # so does one whose clause was read from the words: without a speaker, a misread verb
        for part in parts:
            yield Attribution(
                cue=_cue_span(verb),
                speaker=mention_span(speaker) if speaker is not None else None,
                content=part,
                rule=rule,
                belief=belief,
            )


def _in_markup(word: Token) -> bool:
    """`<tweet pic="" …>` left in a text: a tag name, not a verb."""
    return word.i > 0 and word.doc[word.i - 1].text in {"<", "</"}


def _cue_span(verb: Token) -> Span:
    """The verb with a particle (`point out`) when there is one."""
    particles = [c for c in verb.rights if c.dep_ in {"prt", "compound:prt"} and c.i == verb.i + 1]
    return verb.doc[verb.i : verb.i + 1 + len(particles)]


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
