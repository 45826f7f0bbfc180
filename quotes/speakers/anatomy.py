"""Mention anatomy: which words of a speaker mention are the name, the title and the organisation.

News names one person as `Deputy Trade Minister Anna Berg`, `Anna Berg, a spokeswoman for the
ministry`, `the ministry's spokeswoman, Anna Berg` or `Anna Berg (Water Agency)`. Only the name
identifies the speaker; the title and the organisation describe them, and an anonymous
`spokesperson for X` speaks for X. These pure functions split a mention in those orders, tell
honorifics (`Mr`) and name particles (`al-`, `bin`, `van der`) from titles, and drop what the
mention caught from before it (a dateline, an earlier line).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from quotes.speakers.words import SpeakerWords, speaker_words

#: Where a mention's parts end: `Anna Berg, a spokeswoman …`, `Anna Berg (Water Agency)`.
_SEPARATORS = frozenset({",", "(", ")", "—", "–", ";", ":"})
_DASHES = frozenset({"-", "–", "—", "--"})
_RELATIVES = frozenset({"who", "whom", "whose", "which", "that"})
_POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})
#: Prepositions that name whom a role is for: `spokeswoman for the agency`, `head of the bank`.
_AFFILIATION_PREPOSITIONS = frozenset({"for", "of", "at", "from", "with", "in"})
_ORGANISATION_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC"})


@dataclass(frozen=True)
class MentionParts:
    """A mention taken apart. Any part may be missing: `he` has none, `the company` only a head."""

    mention: Span
    name: Span | None = None
    title: Span | None = None
    affiliation: Span | None = None
    #: The person or pronoun whose role this is: `Sami Haddad's lawyer`, `his spokesman`.
    possessor: Span | None = None
    honorific: str | None = None
    #: The head word of a mention without a name (`company`, `sources`, `statement`).
    head: Token | None = None

    @property
    def anonymous_spokesperson(self) -> bool:
        """`A spokesperson for X`, `X's spokesman`: no name, speaks for someone."""
        words = speaker_words()
        return (
            self.name is None
            and self.head is not None
            and self.head.lower_ in words.spokesperson_words
            and (self.affiliation is not None or self.possessor is not None)
        )


def parse_mention(mention: Span, words: SpeakerWords | None = None) -> MentionParts:
    """Split ``mention`` into name, title, affiliation, possessor and honorific."""
    words = words or speaker_words()
    if _plain_name(mention, words):
        return MentionParts(mention, name=mention)  # `Trump`, `Anna Berg`: most of an article's names
    return _taken_apart(mention, words)


def _taken_apart(mention: Span, words: SpeakerWords) -> MentionParts:
    span = strip_dateline(last_line(mention))
    parts: list[MentionParts] = []
    for segment, in_brackets in _segments(span):
        if segment[0].lower_ in _RELATIVES and not segment[0].is_upper:
            break  # `Anna Berg, who heads the agency, …`: the rest describes her
        part = _parse_segment(segment, words)
        if in_brackets and parts and part.name is None and segment[-1].text[:1].isupper():
            part = MentionParts(segment, name=_without_determiners(segment))
        if in_brackets and parts and part.name is not None:
            role = parts[0].head is not None and parts[0].head.lower_ in words.title_words
            if parts[0].name is None and not role:  # `the military's regional command (CENTCOM)`
                parts[0] = MentionParts(span, name=part.name, title=parts[0].title, affiliation=parts[0].affiliation)
            elif not _is_acronym_of(part.name, parts[0].name):
                parts[0] = _fill(parts[0], MentionParts(span, affiliation=_without_determiners(segment)))
            continue
        parts.append(part)
    if not parts:
        return MentionParts(span)
    named = [part for part in parts if part.name is not None]
    # `A spokesman for the group, Tahseen Alkhafaji`: the name wins, the rest describes it
    main = named[0] if named else parts[0]
    for other in parts:
        if other is not main:
            main = _fill(main, other)
    return MentionParts(
        span, main.name, main.title, main.affiliation, main.possessor, main.honorific, main.head if not named else None
    )


def last_line(span: Span) -> Span:
    """The part of ``span`` after its last line break: `Friday.\\nThe agency` → `The agency`."""
    start = span.start
    for token in span:
        if "\n" in token.text or "\n" in token.whitespace_:
            start = token.i + 1
    return span.doc[min(start, span.end - 1) : span.end] if start < span.end else span[-1:]


def strip_dateline(span: Span) -> Span:
    """`PARIS, 3 May – Government spokeswoman Anna Berg` → `Government spokeswoman Anna Berg`.

    A dateline is a place in capitals or a name, then a date or agency, up to a dash
    within the first ten words."""
    for token in span[:10]:
        if token.text in _DASHES and token.i > span.start and token.i + 1 < span.end:
            before = span.doc[span.start : token.i]
            if _looks_like_dateline(before):
                return span.doc[token.i + 1 : span.end]
    return span


def _looks_like_dateline(before: Span) -> bool:
    first = before[0]
    if not (first.is_upper and first.is_alpha) and first.ent_type_ != "GPE":
        return False
    return all(t.is_punct or t.like_num or t.text[:1].isupper() or t.is_space for t in before)


def _segments(span: Span) -> list[tuple[Span, bool]]:
    """The comma- and bracket-separated parts of a mention, each with whether it is in brackets."""
    found: list[tuple[Span, bool]] = []
    start, in_brackets = span.start, False
    for token in span:
        if token.text in _SEPARATORS:
            if token.i > start:
                found.append((span.doc[start : token.i], in_brackets))
            start = token.i + 1
            in_brackets = token.text == "(" or (in_brackets and token.text != ")")
    if start < span.end:
        found.append((span.doc[start : span.end], in_brackets))
    return [(segment, brackets) for segment, brackets in found if any(not t.is_punct for t in segment)]


def _parse_segment(segment: Span, words: SpeakerWords) -> MentionParts:
    segment = _without_determiners(segment)
    possessive = _last_possessive(segment)
    if possessive is not None and possessive.i + 1 < segment.end:
        owner = _without_determiners(segment.doc[segment.start : possessive.i])
        rest = _parse_segment(segment.doc[possessive.i + 1 : segment.end], words)
        role = rest.title[-1].lower_ if rest.title is not None else (rest.head.lower_ if rest.head is not None else "")
        personal = _is_person(owner) and (role in words.personal_roles or not role)
        if owner[0].lower_ in words.pronouns | {"his", "its", "their", "our"} or personal:
            return _fill(rest, MentionParts(segment, possessor=owner))
        return _fill(rest, MentionParts(segment, affiliation=owner))
    if len(segment) == 1 and segment[0].lower_ in {"his", "her", "its", "their", "our"}:
        return MentionParts(segment, possessor=segment)
    run = _trailing_name_run(segment, words)
    if run is None:
        return _parse_description(segment, words)
    name_start = run.start
    for token in run:
        if token.lower_ in words.title_words:
            name_start = token.i + 1
    person = _person_entity(segment)
    if person is not None and person.start > name_start:
        between = segment.doc[name_start : person.start]
        other_entity = all(t.ent_type_ in _ORGANISATION_LABELS for t in between) and (
            len(between) >= 2 or between[0].ent_type_ == "NORP"  # `Republican Donald Trump`
        )
        if other_entity or any(
            t.is_lower or t.lower_ in words.title_modifiers or _honorific(t, words) for t in between
        ):
            name_start = person.start  # `Minister of Health Anna Berg`
        else:
            person = None  # the recogniser cut a name short: `Tahseen` + `Alkhafaji`
    region = segment.doc[segment.start : name_start]
    organisation_name = any(t.lower_ in words.name_word_kinds for t in segment)
    if (person is None or organisation_name) and _capitalised_name(segment, words):
        return MentionParts(segment, name=segment)  # `Council for Water Safety`, `Bank of England`
    if person is None and any(t.lower_ in _AFFILIATION_PREPOSITIONS for t in region):
        preposition = next(t for t in region if t.lower_ in _AFFILIATION_PREPOSITIONS)
        before = segment.doc[segment.start : preposition.i]
        if len(before) >= 2 and all(_name_like(t, words) for t in before) and _is_person(before):
            # `Lydia Buchtmann for Food Standards Australia`
            return MentionParts(segment, name=before, affiliation=segment.doc[preposition.i + 1 : segment.end])
        return _parse_description(segment, words)  # `a spokeswoman for the World Health Organization`
    honorific = None
    while name_start < segment.end and _honorific(segment.doc[name_start], words):
        honorific = honorific or _honorific(segment.doc[name_start], words)
        name_start += 1
    region_end = name_start
    while region_end > segment.start and _honorific(segment.doc[region_end - 1], words):
        honorific = honorific or _honorific(segment.doc[region_end - 1], words)
        region_end -= 1
    name = segment.doc[name_start : segment.end] if name_start < segment.end else None
    affiliation, title = _split_title_region(segment.doc[segment.start : region_end], words)
    if name is None and title is not None:
        return _parse_description(segment, words)
    return MentionParts(segment, name=name, title=title, affiliation=affiliation, honorific=honorific)


def _parse_description(segment: Span, words: SpeakerWords) -> MentionParts:
    """`a spokeswoman for the agency`, `the married father of three`, `two security sources`."""
    end = segment.end
    for token in segment[1:]:
        if token.lower_ in _AFFILIATION_PREPOSITIONS or token.dep_ in {"relcl", "acl"}:
            end = token.i
            break
    core = segment.doc[segment.start : end]
    head = core[-1]
    for token in reversed(core):
        if token.pos_ in {"NOUN", "PROPN"}:
            head = token
            break
    affiliation = None
    if end < segment.end and segment.doc[end].lower_ in _AFFILIATION_PREPOSITIONS and end + 1 < segment.end:
        target = _without_determiners(segment.doc[end + 1 : segment.end])
        if not all(t.like_num or t.pos_ == "NUM" for t in target):
            affiliation = target
    leading, title = _split_title_region(core, words)
    if head.lower_ not in words.title_words:
        title = None
    between = segment.doc[leading.end : head.i] if leading is not None else segment[:0]
    if (
        leading is not None
        and head.lower_ in words.organisation_nouns
        and head.lower_ not in words.title_words
        and all(t.pos_ == "PROPN" or t.is_upper for t in leading)
        and all(t.pos_ in {"NOUN", "PROPN"} for t in between)
    ):
        if all(t.ent_type_ in {"GPE", "NORP"} for t in leading):  # `the New Zealand government`
            return MentionParts(segment, name=segment.doc[leading.start : head.i + 1])
        return MentionParts(segment, name=leading)  # `the M5S party`, `Yonhap news agency`
    return MentionParts(segment, title=title, affiliation=leading or affiliation, head=head)


def _split_title_region(region: Span, words: SpeakerWords) -> tuple[Span | None, Span | None]:
    """`UK Foreign Secretary` → (`UK`, `Foreign Secretary`); `Energy Minister` → (None, itself).

    The organisation is the leading run of name words that are not role words."""
    if not len(region):
        return None, None
    cut = region.start
    for token in region:
        lower = token.lower_.rstrip(".")
        if lower in words.title_words or lower in words.title_modifiers or not _name_like(token, words):
            break
        cut = token.i + 1
    leading = region.doc[region.start : cut]
    after = region.doc[cut : region.end]
    if len(leading) and not _organisation_like(leading, words) and not all(t.is_lower for t in after):
        cut = region.start  # `Police Chief`, `Unification Minister`: all of it is the title
    # (before lower-case role words it is a name: `Halden Rail chief executive`)
    if cut == region.end:  # no role words: `Kremlin` alone is no title
        return region, None
    affiliation = region.doc[region.start : cut] if cut > region.start else None
    title = region.doc[cut : region.end]
    while len(title) and (title[-1].is_punct or title[-1].lower_ in _AFFILIATION_PREPOSITIONS):
        title = title[:-1]
    return affiliation, (title if len(title) else None)


def _trailing_name_run(segment: Span, words: SpeakerWords) -> Span | None:
    """The run of name words the segment ends with (particles and hyphens inside it)."""
    start = segment.end
    for token in reversed(segment):
        if _name_like(token, words) or _honorific(token, words):
            start = token.i
        elif (token.lower_ in words.name_particles or token.text in _DASHES) and start < segment.end:
            if token.i == segment.start:
                break
            start = token.i
        else:
            break
    while (
        start < segment.end and not _name_like(segment.doc[start], words) and not _honorific(segment.doc[start], words)
    ):
        start += 1
    return segment.doc[start : segment.end] if start < segment.end else None


def _plain_name(mention: Span, words: SpeakerWords) -> bool:
    """Plain name words only, and no person name that the recogniser starts inside them: the
    rules below would take nothing apart (the shortcut gives what they give)."""
    if not all(_plain_name_word(token, words) for token in mention):
        return False
    person = _person_entity(mention)
    return _without_determiners(mention).start == mention.start and (person is None or person.start == mention.start)


def _plain_name_word(token: Token, words: SpeakerWords) -> bool:
    """A proper noun of letters that is no role, honorific, particle, pronoun or relative word."""
    lower = token.lower_
    return (
        token.pos_ == "PROPN"
        and token.is_alpha
        and lower not in words.title_words
        and lower not in words.honorifics
        and lower not in words.name_particles
        and lower not in words.pronouns
        and lower not in _RELATIVES
    )


def _name_like(token: Token, words: SpeakerWords) -> bool:
    if token.is_upper and token.is_alpha and len(token) >= 2:
        return True  # an acronym, whatever its tag (`WHO say …`)
    if token.is_sent_start and token.pos_ in {"NOUN", "ADJ"}:
        return False  # `Witnesses said …`: capitalised because it starts the sentence
    if "-" in token.text and token.lower_.split("-")[0] in words.name_particles:
        return True  # `al-Thani`, `el-Sayed`
    if token.pos_ == "PROPN" and token.is_alpha is False and not any(c.isalpha() for c in token.text):
        return False
    if token.lower_ in words.pronouns or token.pos_ in {"DET", "PRON", "ADP", "CCONJ", "VERB", "AUX"}:
        return token.pos_ == "PROPN" and token.text[:1].isupper() and token.lower_ not in words.pronouns
    return token.pos_ == "PROPN" or (token.text[:1].isupper() and token.pos_ in {"ADJ", "NOUN", "NUM", "X"})


def _capitalised_name(segment: Span, words: SpeakerWords) -> bool:
    """Name words joined by `of`, `for`, `and`, `the` (`Supreme Court of Veloria`), not a role."""
    if segment[0].lower_ in words.title_words or not _name_like(segment[0], words) or len(segment) < 3:
        return False
    joiners = [t for t in segment if t.is_lower]
    if joiners and any(t.ent_type_ == "PERSON" for t in segment[: joiners[0].i - segment.start]):
        return False  # `Lydia Buchtmann for Food Standards Australia`: a person for an organisation
    return (
        bool(joiners)
        and all(t.lower_ in {"of", "for", "and", "the", "on", "in"} for t in joiners)
        and (_name_like(segment[-1], words))
    )


def _organisation_like(span: Span, words: SpeakerWords) -> bool:
    """Recognised as an organisation or place, an acronym, or named with an organisation word."""
    return (
        all(t.ent_type_ in _ORGANISATION_LABELS for t in span)
        or any(t.lower_ in words.name_word_kinds for t in span)
        or (len(span) == 1 and span[0].is_upper and len(span[0]) >= 2)
    )


def _honorific(token: Token, words: SpeakerWords) -> str | None:
    lower = token.lower_.rstrip(".")
    return lower if lower in words.honorifics else None


def _without_determiners(span: Span) -> Span:
    start = span.start
    while start < span.end - 1 and (
        span.doc[start].pos_ in {"DET", "NUM"}
        or span.doc[start].like_num
        or span.doc[start].lower_ in {"according", "to", "by"}
    ):
        start += 1
    return span.doc[start : span.end]


def _last_possessive(segment: Span) -> Token | None:
    for token in reversed(segment):
        if token.text in _POSSESSIVE_MARKS and token.i > segment.start and token.tag_ == "POS":
            return token
        if token.text in {"'s", "’s"} and token.i > segment.start:
            return token
    return None


def _person_entity(segment: Span) -> Span | None:
    """The person name the recogniser found at the end of the segment (read from the tokens:
    ``Span.ents`` walks the whole document's entities)."""
    end = segment.end
    if not end > segment.start or segment.doc[end - 1].ent_type_ != "PERSON":
        return None
    if end < len(segment.doc) and segment.doc[end].ent_iob_ == "I":
        return None  # the name runs on past the segment
    start = end - 1
    while start > segment.start and segment.doc[start].ent_iob_ == "I":
        start -= 1
    return segment.doc[start:end] if segment.doc[start].ent_iob_ == "B" else None


def _is_person(span: Span) -> bool:
    labels = {t.ent_type_ for t in span}
    return "PERSON" in labels and not labels & _ORGANISATION_LABELS


def _is_acronym_of(candidate: Span, name: Span | None) -> bool:
    """`(CENTCOM)` after `US Central Command` is another name, not an organisation."""
    text = candidate.text
    if name is None or not (text.isupper() and 2 <= len(text) <= 10):
        return False
    initials = "".join(t.text[0] for t in name if t.text[:1].isupper())
    return text[0] == initials[:1] or text in initials


def _fill(main: MentionParts, other: MentionParts) -> MentionParts:
    """``main`` with the parts it lacks taken from ``other``."""
    return MentionParts(
        main.mention,
        main.name or other.name,
        main.title or other.title,
        main.affiliation or other.affiliation,
        main.possessor or other.possessor,
        main.honorific or other.honorific,
        main.head or other.head,
    )


def name_text(name: Span) -> str:
    """A name as a canonical string: no possessive mark, no trailing punctuation."""
    tokens = [t for t in name if t.text not in _POSSESSIVE_MARKS]
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    if not tokens:
        return name.text
    return name.doc[tokens[0].i : tokens[-1].i + 1].text
