"""Reports inside reports the parser hung the wrong way round."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from quotes.extraction.labels import role

if TYPE_CHECKING:
    from quotes.extraction.reported import Attribution


def rehang_postposed_reports(found: list[Attribution]) -> list[Attribution]:
    """`X said <clause>, Y reported.` parsed with `reported` as the complement of `said`:
    `said` then takes `<clause>, Y reported` and `reported` only `<clause>`. Y reported all
    of `X said <clause>`, and X said `<clause>`, as when the parser hangs `said` under
    `reported`."""
    result = list(found)
    for k, outer in enumerate(found):
        if outer.rule != "postposed":
            continue
        verb = outer.cue[0]
        cue = verb.head
        if role(verb) != "clausal_complement" or cue.i >= outer.content.start or verb.i < outer.content.end:
            continue
        for j, inner in enumerate(found):
            if inner.cue[0].i != cue.i or inner.speaker is None or inner.speaker.start > cue.i:
                continue
            if not inner.content.start <= verb.i < inner.content.end:
                continue
            doc = verb.doc
            start = min(inner.speaker.start, cue.left_edge.i)
            result[j] = replace(inner, content=outer.content)
            result[k] = replace(outer, content=doc[start : outer.content.end])
    return result
