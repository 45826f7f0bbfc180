"""Find quoted spans from the quote marks in the raw text.

Works on characters, not tokens, so it never depends on the parse and never
raises: stray or unbalanced marks are skipped and do not derail the quotes
after them (textacy's ``direct_quotations`` raises on an odd count). Rules:

* a quote never spans a paragraph break; an opening mark left open at the end
  of a paragraph runs to the end of it, and when the next paragraph re-opens
  with a mark the two are one multi-paragraph quote (``continues``);
* straight ``"`` is an opener or a closer by the characters around it, so
  mismatched pairs (``"We hold … sides,”``) still pair up;
* two straight apostrophes are a double mark (``''It's up,'' he said``: archives
  that turned typewriter ````…''```` into ASCII), read by context like ``"``;
* single quotes count only outside double-quoted text, and an apostrophe inside
  or at the end of a word (``Kata’ib``, ``Iran’s``, ``forces’``) never opens one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

DOUBLE_OPENERS = "“„«"
DOUBLE_CLOSERS = "”»"
SINGLE_OPENERS = "‘‹"
SINGLE_CLOSERS = "’›"
DOUBLED_APOSTROPHE = "''"
_OPENING_CONTEXT = set(" \t([{—–-/\u00a0") | set(DOUBLE_OPENERS) | set(SINGLE_OPENERS)
#: Characters that can be, or begin, a quote mark: the scans below jump from one to the next.
_DOUBLE_CANDIDATES = re.compile(f"[{DOUBLE_OPENERS}{DOUBLE_CLOSERS}\"']")
_SINGLE_CANDIDATES = re.compile(f"[{SINGLE_OPENERS}{SINGLE_CLOSERS}']")


@dataclass(frozen=True)
class QuoteSpan:
    """A quoted stretch: ``start``/``end`` delimit the content, marks excluded."""

    start: int
    end: int
    paragraph: int
    closed: bool  # False when the content runs to the end of the paragraph
    continues: bool  # the next paragraph re-opens the same (multi-paragraph) quote


def paragraphs(text: str) -> Iterator[tuple[int, int, int]]:
    """Yield (index, start, end) of each paragraph: a line with text. Blank lines between
    paragraphs (a common layout) are separators, not paragraphs, and are not counted."""
    start = 0
    index = 0
    for line in text.split("\n"):
        if line.strip():
            yield index, start, start + len(line)
            index += 1
        start += len(line) + 1


def paragraphs_before(text: str, offset: int) -> int:
    """How many paragraphs end before ``offset``."""
    return sum(1 for line in text[:offset].split("\n")[:-1] if line.strip())


def _is_opener(text: str, i: int, start: int) -> bool:
    return i == start or text[i - 1] in _OPENING_CONTEXT or text[i - 1].isspace()


def _is_closer(text: str, i: int, end: int) -> bool:
    return i + 1 >= end or not text[i + 1].isalnum()


def mark_length(text: str, position: int) -> int:
    """Characters of the quote mark at ``position``: two for a doubled apostrophe."""
    return 2 if text.startswith(DOUBLED_APOSTROPHE, position) else 1


def _double_marks(text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    """Yield (position, 'open' | 'close' | 'either') for double quote marks."""
    i = start
    while (candidate := _DOUBLE_CANDIDATES.search(text, i, end)) is not None:
        i = candidate.start()
        char = text[i]
        if char in DOUBLE_OPENERS:
            yield i, "open"
        elif char in DOUBLE_CLOSERS:
            yield i, "close"
        elif char == '"' and i > start and text[i - 1] == "=":
            pass  # markup attribute (`datetime="2016-07-23"`), not a quotation
        elif char == '"' or text.startswith(DOUBLED_APOSTROPHE, i):
            width = mark_length(text, i)
            if width == 2 and text[i + 2 : i + 3] == "'" and not _is_opener(text, i, start):
                i += 1  # `us,'''`: a single quote closes, then the double one
            opener, closer = _is_opener(text, i, start), _is_closer(text, i + width - 1, end)
            yield i, "open" if opener and not closer else "close" if closer and not opener else "either"
            i += width
            continue
        i += 1


def _single_marks(text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    for candidate in _SINGLE_CANDIDATES.finditer(text, start, end):
        i = candidate.start()
        char = text[i]
        if char == "'" and DOUBLED_APOSTROPHE in text[max(start, i - 1) : i + 2]:
            continue  # part of a double mark
        before_word = i + 1 < end and text[i + 1].isalnum()
        after_word = i > start and text[i - 1].isalnum()
        if char in SINGLE_OPENERS or (char == "'" and before_word and _is_opener(text, i, start)):
            if before_word and not after_word:
                yield i, "open"
        elif not before_word and (after_word or (i > start and text[i - 1] in ".,!?;:")):
            yield i, "close"


def _pair(marks: Iterator[tuple[int, str]]) -> Iterator[tuple[int, int | None]]:
    """Pair openers with closers; yield (open, close) and finally an unclosed (open, None)."""
    open_at: int | None = None
    for position, kind in marks:
        if open_at is None:
            if kind in ("open", "either"):
                open_at = position
        elif kind in ("close", "either"):
            yield open_at, position
            open_at = None
        else:  # a second opener: the first one was stray
            open_at = position
    if open_at is not None:
        yield open_at, None


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _starts_with_opener(text: str, start: int, end: int) -> bool:
    stripped = text[start:end].lstrip()
    return bool(stripped) and (stripped[0] in DOUBLE_OPENERS + '"' or stripped.startswith(DOUBLED_APOSTROPHE))


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """All quoted spans, in text order."""
    spans: list[QuoteSpan] = []
    bounds = list(paragraphs(text))
    for index, par_start, par_end in bounds:
        double: list[tuple[int, int]] = []
        for open_at, close_at in _pair(_double_marks(text, par_start, par_end)):
            closed = close_at is not None
            start, end = _strip(
                text, open_at + mark_length(text, open_at), close_at if close_at is not None else par_end
            )
            if start >= end:
                continue
            double.append((open_at, close_at if close_at is not None else par_end))
            continues = not closed and index + 1 < len(bounds) and _starts_with_opener(text, *bounds[index + 1][1:])
            spans.append(QuoteSpan(start, end, index, closed, continues))
        for open_at, close_at in _pair(_single_marks(text, par_start, par_end)):
            if close_at is None or any(a <= open_at <= b for a, b in double):
                continue
            start, end = _strip(text, open_at + 1, close_at)
            if start < end:
                spans.append(QuoteSpan(start, end, index, True, False))
    return sorted(spans, key=lambda span: span.start)


_WORD = re.compile(r"\w+(?:[-’']\w+)*")


def word_count(text: str) -> int:
    """Words as a reader counts them (`Iran-backed` is one)."""
    return len(_WORD.findall(text))
