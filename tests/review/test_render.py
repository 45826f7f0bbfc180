"""The HTML review page, opened in a real headless browser."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import REPO, SEEDS

from quotes.review.render import render_report

CHROMIUM = next(
    (shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome") if shutil.which(name)), None
)
needs_browser = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"), reason="no chromium here (.ci/run installs Debian's)"
)


class Highlights(HTMLParser):
    """The text inside each quote highlight, by quote id, as the browser's DOM has it."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str | None] = []
        self.text: dict[str, str] = {}
        self.marks: dict[str, int] = {}
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag in ("script", "link", "img") and (attributes.get("src") or attributes.get("href")):
            self.external.append(str(attributes.get("src") or attributes.get("href")))
        if tag == "br":
            self.handle_data("\n")
            return
        quote = attributes.get("data-quote-id") if tag == "mark" else None
        if quote:
            self.marks[quote] = self.marks.get(quote, 0) + 1
        self.open.append(quote)

    def handle_endtag(self, tag: str) -> None:
        if tag != "br" and self.open:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        for quote in {q for q in self.open if q}:
            self.text[quote] = self.text.get(quote, "") + data


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> tuple[Path, list[dict]]:
    folder = tmp_path_factory.mktemp("report")
    records_file = folder / "quotes.jsonl"
    subprocess.run(
        [sys.executable, "-m", "quotes", "extract", str(SEEDS), "-o", str(records_file), "-q"], check=True, cwd=REPO
    )
    page = folder / "report.html"
    result = subprocess.run(
        [sys.executable, "-m", "quotes", "render", str(records_file), "--docs", str(SEEDS), "-o", str(page)],
        capture_output=True,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    return page, [json.loads(line) for line in records_file.read_text(encoding="utf8").splitlines()]


@needs_browser
def test_every_record_is_highlighted_once_in_the_browser(report):
    page, records = report
    assert CHROMIUM, "chromium is missing: .ci/run installs it"
    dom = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", page.as_uri()],
        capture_output=True,
        timeout=120,
        check=True,
    ).stdout.decode("utf8")
    highlights = Highlights()
    highlights.feed(dom)
    assert set(highlights.text) == {r["quote_id"] for r in records}
    for record in records:
        assert highlights.text[record["quote_id"]] == record["text"], record["quote_id"]
    assert 'title="direct · ' in dom  # the page's script ran: hover details are attached
    assert highlights.external == []  # self-contained: nothing loaded from elsewhere


@needs_browser
def test_screenshot_of_the_page(report, tmp_path):
    page, _ = report
    assert CHROMIUM, "chromium is missing: .ci/run installs it"
    shot = tmp_path / "report.png"
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--screenshot={shot}",
            "--window-size=1366,900",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


def test_overlapping_and_crossing_quotes_are_each_whole():
    text = "The group said it would respond, the officials said."
    records = [
        {
            "doc_id": "a",
            "quote_id": "q1",
            "type": "indirect",
            "text": text[15:31],
            "start": 15,
            "end": 31,
            "speaker": {"text": "The group", "start": 0, "end": 9, "canonical": "KH", "id": "kh"},
            "cue": {"text": "said", "start": 10, "end": 14},
        },
        {
            "doc_id": "a",
            "quote_id": "q2",
            "type": "mixed",
            "text": text[10:40],
            "start": 10,
            "end": 40,
            "speaker": None,
            "cue": None,
        },
    ]
    highlights = Highlights()
    highlights.feed(render_report(records, {"a": text, "b": "unused"}))
    assert highlights.text == {"q1": text[15:31], "q2": text[10:40]}


def test_records_without_their_text_are_listed_not_dropped():
    record = {"doc_id": "gone", "quote_id": "q", "type": "direct", "text": "x", "start": 0, "end": 1}
    assert "No text given for 1 article(s) with records: gone" in render_report([record], {})
