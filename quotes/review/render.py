"""An HTML review page of extracted quotes: one self-contained file an editor can open offline.

Each article's text is shown with every quote highlighted by type, its speaker mention and
cue marked; hovering or clicking a quote shows its canonical speaker, how it was resolved
and the confidence in a side panel. An index of canonical speakers with counts filters the
view. No network resources: the CSS and JavaScript are inline.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from html import escape
from itertools import pairwise
from typing import Any

from quotes.resources import read_text

Record = Mapping[str, Any]


def _speaker_key(record: Record) -> str:
    speaker = record.get("speaker") or {}
    return str(speaker.get("id") or speaker.get("canonical") or "")


def _segments(text: str, records: Sequence[Record]) -> list[tuple[int, int]]:
    """Cut the text at every boundary of a quote, a speaker mention and a cue."""
    cuts = {0, len(text)}
    for record in records:
        cuts |= {record["start"], record["end"]}
        for part in ("speaker", "cue"):
            if record.get(part):
                cuts |= {record[part]["start"], record[part]["end"]}
    ordered = sorted(cut for cut in cuts if 0 <= cut <= len(text))
    return [(a, b) for a, b in pairwise(ordered) if a < b]


def _wrap(piece: str, start: int, end: int, records: Sequence[Record]) -> str:
    """A piece of text inside every highlight that covers it, outermost (longest) first."""
    html = escape(piece).replace("\n", "<br>\n")
    layers: list[tuple[int, str, str]] = []
    for record in records:
        qid = escape(record["quote_id"], quote=True)
        for part, tag in (("cue", "cue"), ("speaker", "speaker")):
            span = record.get(part)
            if span and span["start"] <= start and end <= span["end"]:
                layers.append((span["end"] - span["start"], f'<span class="{tag}" data-{tag}-of="{qid}">', "</span>"))
        if record["start"] <= start and end <= record["end"]:
            attributes = f'class="quote {escape(record["type"])}" data-quote-id="{qid}" tabindex="0"'
            layers.append((record["end"] - record["start"], f"<mark {attributes}>", "</mark>"))
    for _, opening, closing in sorted(layers, key=lambda layer: layer[0]):
        html = f"{opening}{html}{closing}"
    return html


def _details(record: Record) -> dict[str, Any]:
    speaker = record.get("speaker") or {}
    cue = record.get("cue") or {}
    return {
        "type": record["type"],
        "text": record["text"],
        "speaker": speaker.get("canonical"),
        "mention": speaker.get("text"),
        "speaker_id": speaker.get("id"),
        "kind": speaker.get("kind"),
        "resolved_by": speaker.get("resolved_by"),
        "affiliation": speaker.get("affiliation"),
        "cue": cue.get("text"),
        "confidence": record.get("confidence"),
        "rule": record.get("rule"),
        "speaker_key": _speaker_key(record),
    }


def _article(doc_id: str, text: str, records: Sequence[Record]) -> str:
    body = "".join(_wrap(text[a:b], a, b, records) for a, b in _segments(text, records))
    problems = [r for r in records if text[r["start"] : r["end"]] != r["text"]]
    warning = (
        f'<p class="warning">{len(problems)} record(s) whose offsets do not match this text: '
        + ", ".join(escape(r["quote_id"]) for r in problems)
        + "</p>"
        if problems
        else ""
    )
    rows = "".join(
        f'<tr data-quote-id="{escape(r["quote_id"], quote=True)}" '
        f'data-speaker-key="{escape(_speaker_key(r), quote=True)}">'
        f'<td><span class="swatch {escape(r["type"])}"></span>{escape(r["type"])}</td>'
        f"<td>{escape((r.get('speaker') or {}).get('canonical') or '—')}</td>"
        f"<td>{escape((r.get('speaker') or {}).get('resolved_by') or '—')}</td>"
        f"<td>{r.get('confidence', '')}</td><td>{escape(r['text'][:140])}</td></tr>"
        for r in records
    )
    keys = "|".join(sorted({escape(_speaker_key(r), quote=True) for r in records}))
    return (
        f'<section class="article" data-speaker-keys="{keys}"><h2>{escape(doc_id)}</h2>{warning}'
        f'<div class="text">{body}</div>'
        f'<table class="quotes"><thead><tr><th>type</th><th>speaker</th><th>resolved by</th><th>confidence</th>'
        f"<th>text</th></tr></thead><tbody>{rows}</tbody></table></section>"
    )


def _speaker_index(records: Sequence[Record]) -> str:
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    for record in records:
        key = _speaker_key(record)
        counts[key] += 1
        names[key] = (record.get("speaker") or {}).get("canonical") or "(no speaker)"
    items = "".join(
        f'<li><button type="button" data-speaker-key="{escape(key, quote=True)}">'
        f'{escape(names[key])} <span class="count">{count}</span></button></li>'
        for key, count in sorted(counts.items(), key=lambda item: (-item[1], names[item[0]]))
    )
    everyone = (
        '<li><button type="button" data-speaker-key="*" class="active">'
        f'all speakers <span class="count">{len(records)}</span></button></li>'
    )
    return f'<ul class="speakers">{everyone}{items}</ul>'


def _script_json(data: Any) -> str:
    """JSON safe inside a <script> element (which ends at the first ``</``)."""
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def render_report(records: Sequence[Record], texts: Mapping[str, str], title: str = "Quotes review") -> str:
    """The whole page. Records of articles with no text are listed, not dropped."""
    by_article: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        by_article[record["doc_id"]].append(record)
    articles = "".join(
        _article(doc_id, texts[doc_id], sorted(found, key=lambda r: (r["start"], r["end"])))
        for doc_id, found in by_article.items()
        if doc_id in texts
    )
    missing = sorted(doc_id for doc_id in by_article if doc_id not in texts)
    missing_note = (
        f'<p class="warning">No text given for {len(missing)} article(s) with records: {escape(", ".join(missing))}</p>'
        if missing
        else ""
    )
    details = {r["quote_id"]: _details(r) for r in records}
    style, script = read_text("review.css"), read_text("review.js")
    counts = Counter(r["type"] for r in records)
    legend = " ".join(
        f'<span class="legend"><span class="swatch {kind}"></span>{kind} ({counts[kind]})</span>'
        for kind in ("direct", "indirect", "mixed")
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title><style>{style}</style></head>
<body><header><h1>{escape(title)}</h1><p>{len(by_article)} articles, {len(records)} quotes. {legend}
<span class="legend"><span class="speaker">speaker</span></span>
<span class="legend"><span class="cue">cue</span></span></p></header>
<nav class="index"><h2>Speakers</h2>{_speaker_index(records)}</nav>
<aside class="panel" aria-live="polite"><h2>Quote</h2><div id="detail">Hover or select a quote.</div></aside>
<main>{missing_note}{articles}</main>
<script id="quote-data" type="application/json">{_script_json(details)}</script>
<script>{script}</script></body></html>
"""
