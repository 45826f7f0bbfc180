"""A reviewer's decisions applied to golden fixtures, and `fixtures verify` holding the extractor to them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

import quotes
from quotes.batch.inputs import InputDocument
from quotes.review.corrections import CorrectionError, apply_decisions, read_decisions
from quotes.review.fixtures import FIXTURE_VERSION, export_fixtures, verify_fixtures

TEXT = (
    "“We will rebuild the bridge by spring,” the mayor said on Monday.\n"
    "The council's treasurer, Ruth Okafor, said the budget would not stretch that far.\n"
    "“Nobody asked the people who cross it every day,” said Tom Reyes, a shop owner.\n"
)


@pytest.fixture()
def fixtures(nlp, tmp_path) -> Path:
    folder = tmp_path / "fixtures"
    list(export_fixtures([InputDocument("bridge", TEXT, "bridge.txt")], folder, quotes.Extractor(nlp)))
    return folder


def _stored(folder: Path) -> dict:
    return json.loads((folder / "bridge.json").read_text(encoding="utf8"))


def _decide(folder: Path, *actions: dict) -> list[str]:
    ids = [q["quote_id"] for q in _stored(folder)["quotes"]]
    lines = [json.dumps({"doc_id": "bridge", "quote_id": ids[n], **action}) for n, action in actions]
    return lines


def test_decisions_mark_records_reviewed_and_verify_holds_the_extractor_to_them(nlp, fixtures):
    records = _stored(fixtures)["quotes"]
    assert len(records) == 3 and _stored(fixtures)["fixture_version"] == FIXTURE_VERSION
    lines = _decide(
        fixtures,
        (0, {"action": "accept"}),
        (1, {"action": "reject"}),
        (2, {"action": "correct", "speaker": "Thomas Reyes"}),
    )
    applied = apply_decisions(read_decisions(lines), fixtures)
    assert len(applied.changed) == 3 and not applied.unknown
    stored = _stored(fixtures)
    assert [q.get("reviewed") for q in stored["quotes"]] == [True, True]
    assert stored["quotes"][1]["speaker"]["canonical"] == "Thomas Reyes"
    assert [q["quote_id"] for q in stored["rejected"]] == [records[1]["quote_id"]]

    (diff,) = verify_fixtures(fixtures, quotes.Extractor(nlp))
    assert not diff.unchanged and not (diff.added or diff.removed or diff.changed)
    assert len(diff.disagreements) == 2  # the speaker a reviewer corrected, the quote a reviewer rejected
    assert any("Thomas Reyes" in text and "Tom Reyes" in text for text in diff.disagreements)
    assert any(text.startswith("rejected by a reviewer") for text in diff.disagreements)

    verify_fixtures(fixtures, quotes.Extractor(nlp), update=True)
    assert _stored(fixtures) == stored  # --update never overwrites a reviewer's decision


def test_a_corrected_span_and_type(fixtures):
    record = _stored(fixtures)["quotes"][0]
    start, end = record["start"] + 1, record["end"] - 2
    lines = _decide(fixtures, (0, {"action": "correct", "start": start, "end": end, "type": "mixed"}))
    apply_decisions(read_decisions(lines), fixtures)
    corrected = _stored(fixtures)["quotes"][0]
    assert (corrected["start"], corrected["end"], corrected["type"]) == (start, end, "mixed")
    assert corrected["text"] == TEXT[start:end] and corrected["quote_id"].startswith(f"bridge:{start}-{end}:")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "line 1: not JSON"),
        ('{"doc_id": "a", "quote_id": "q"}', "action missing"),
        ('{"doc_id": "a", "quote_id": "q", "action": "maybe"}', "action 'maybe'"),
        ('{"doc_id": "a", "quote_id": "q", "action": "correct", "start": 3}', "both start and end"),
        ('{"doc_id": "a", "quote_id": "q", "action": "correct", "type": "rumour"}', "type 'rumour'"),
    ],
)
def test_a_bad_decision_names_its_line(line, message):
    with pytest.raises(CorrectionError, match=message):
        list(read_decisions([line]))


def test_a_span_outside_the_text_changes_nothing(fixtures):
    before = _stored(fixtures)
    lines = _decide(fixtures, (0, {"action": "accept"}), (1, {"action": "correct", "start": 5, "end": 10**6}))
    with pytest.raises(CorrectionError, match="outside the text"):
        apply_decisions(read_decisions(lines), fixtures)
    assert _stored(fixtures) == before


def test_review_apply_on_the_command_line(fixtures, tmp_path):
    decisions = tmp_path / "decisions.jsonl"
    lines = _decide(fixtures, (0, {"action": "accept"}))
    decisions.write_text("\n".join([*lines, json.dumps({"doc_id": "x", "quote_id": "y", "action": "accept"})]))
    command = [sys.executable, "-m", "quotes", "review", "apply", str(decisions), "--to", str(fixtures)]
    result = subprocess.run(command, capture_output=True, cwd=REPO)
    assert result.returncode == 1, result.stderr  # one decision names a quote the fixtures do not hold
    assert b"accepted" in result.stdout and b"x y: no such quote" in result.stderr
    missing = subprocess.run([*command[:-1], str(tmp_path / "nowhere")], capture_output=True, cwd=REPO)
    assert missing.returncode == 2 and b"no such folder" in missing.stderr
