"""The batch job without surprises, run as users run it: encodings, exit codes, guarded resume, small messages."""

from __future__ import annotations

import codecs
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, SEEDS

from quotes._version import __version__
from quotes.records import SCHEMA_VERSION

CP1252_ARTICLE = (
    "“We will respond to the attack,” the group said on Tuesday. "
    "“It is over for them,” Defence Minister Ahmed Salim told reporters in the capital."
)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quotes", *args], capture_output=True, text=True, cwd=REPO, timeout=300
    )


def status_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf8").splitlines()]


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    """A cp1252 article (curly quotes are bytes 0x93 and 0x94), a UTF-16 one with BOM, and binary data."""
    folder = tmp_path_factory.mktemp("articles")
    (folder / "cp1252.txt").write_bytes(CP1252_ARTICLE.encode("cp1252"))
    (folder / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + CP1252_ARTICLE.encode("utf-16-le"))
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    return folder


@pytest.fixture(scope="module")
def extracted(articles, tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("out") / "quotes.jsonl"
    result = run("extract", str(articles), "-o", str(output))
    assert result.returncode == 1, result.stderr  # the binary file
    return output


def test_encodings_are_detected_and_recorded(extracted):
    statuses = {s["doc_id"]: s for s in status_lines(extracted.with_name("quotes.status.jsonl"))[1:]}
    assert (statuses["cp1252"]["encoding"], statuses["cp1252"]["encoding_guessed"]) == ("cp1252", True)
    assert (statuses["utf16"]["encoding"], statuses["utf16"]["encoding_guessed"]) == ("utf-16-le", False)
    assert statuses["binary"]["status"] == "error" and "binary data" in statuses["binary"]["error"]
    records = [json.loads(line) for line in extracted.read_text(encoding="utf8").splitlines()]
    for doc_id in ("cp1252", "utf16"):
        found = [r for r in records if r["doc_id"] == doc_id]
        assert [r["text"] for r in found] == ["We will respond to the attack,", "It is over for them,"]
        for record in found:  # offsets into the decoded text, its curly quotes around each quote
            assert CP1252_ARTICLE[record["start"] - 1] + CP1252_ARTICLE[record["end"]] == "“”"
            assert CP1252_ARTICLE[record["start"] : record["end"]] == record["text"]


def test_an_explicit_encoding_is_used_and_a_wrong_one_is_an_error_record(articles, tmp_path):
    output = tmp_path / "quotes.jsonl"
    result = run("extract", str(articles / "cp1252.txt"), "-o", str(output), "--encoding", "cp1252")
    assert result.returncode == 0, result.stderr
    (entry,) = status_lines(tmp_path / "quotes.status.jsonl")[1:]
    assert (entry["encoding"], entry["encoding_guessed"], entry["n_quotes"]) == ("cp1252", False, 2)
    result = run("extract", str(articles / "cp1252.txt"), "--encoding", "utf-8")
    assert result.returncode == 1
    assert "cp1252.txt: not valid utf-8 at byte 0" in result.stderr
    result = run("extract", str(articles / "cp1252.txt"), "--encoding", "klingon")
    assert result.returncode == 2 and "no such encoding" in result.stderr


def test_no_input_documents_is_its_own_exit_status(tmp_path):
    result = run("extract", str(tmp_path), "-o", str(tmp_path / "out" / "quotes.jsonl"))
    assert result.returncode == 3
    assert "no input documents" in result.stderr
    assert not (tmp_path / "out").exists()
    (tmp_path / "a.txt").write_text("text", encoding="utf8")
    result = run("extract", str(tmp_path), "--glob", "*.md")
    assert result.returncode == 3 and "*.md" in result.stderr


def test_resume_refuses_another_jobs_files_unless_forced(tmp_path):
    output = tmp_path / "quotes.jsonl"
    seed = sorted(SEEDS.glob("*.txt"))[0]
    assert run("extract", str(seed), "-o", str(output)).returncode == 0
    header = status_lines(tmp_path / "quotes.status.jsonl")[0]["job"]
    assert header["inputs"] == [str(seed)]
    assert (header["package_version"], header["schema_version"]) == (__version__, SCHEMA_VERSION)
    assert header["model"]["name"] == "en_core_web_sm-3.8.0" and len(header["model"]["sha256"]) == 64
    before = (output.read_bytes(), (tmp_path / "quotes.status.jsonl").read_bytes())
    other = sorted(SEEDS.glob("*.txt"))[1]
    for command in (
        ["extract", str(other), "-o", str(output), "--resume"],
        ["extract", str(seed), "-o", str(output), "--resume", "--min-confidence", "0.5"],
    ):
        result = run(*command)
        assert result.returncode == 2, result.stderr
        assert "cannot --resume" in result.stderr and "--force" in result.stderr
        assert (output.read_bytes(), (tmp_path / "quotes.status.jsonl").read_bytes()) == before
    assert "options.min_confidence: 0.0 then, 0.5 now" in result.stderr
    result = run("extract", str(other), "-o", str(output), "--resume", "--force")
    assert result.returncode == 0, result.stderr
    assert [entry.get("doc_id") for entry in status_lines(tmp_path / "quotes.status.jsonl")] == [
        None,
        seed.stem,
        None,
        other.stem,
    ]


def test_version_and_defaults_in_help():
    result = run("--version")
    assert result.returncode == 0
    expected = f"quotes {__version__} (distribution quotes-news-attribution, record schema {SCHEMA_VERSION})"
    assert result.stdout.strip() == expected
    help_text = " ".join(run("extract", "--help").stdout.split())
    assert "documents per nlp.pipe batch (default: 32)" in help_text
    assert "default: auto)" in help_text and "(default: local)" in help_text


def test_speakers_counts_quotes_without_a_speaker(tmp_path):
    records = tmp_path / "quotes.jsonl"
    with_speaker = {"doc_id": "a", "speaker": {"id": "x", "canonical": "X", "kind": "person", "name": "X"}}
    rows = [with_speaker, {"doc_id": "a", "speaker": None}, {"doc_id": "b", "speaker": None}]
    records.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf8")
    text = run("speakers", str(records))
    assert text.returncode == 0, text.stderr
    assert text.stdout.splitlines()[-1] == "     2     2  (no speaker)"
    listed = [json.loads(line) for line in run("speakers", str(records), "--json").stdout.splitlines()]
    assert listed[-1]["no_speaker"] is True and (listed[-1]["quotes"], listed[-1]["documents"]) == (2, 2)
    assert sum(entry["quotes"] for entry in listed) == len(rows)


def test_render_refuses_a_missing_docs_folder(tmp_path):
    records = tmp_path / "quotes.jsonl"
    records.write_text("", encoding="utf8")
    result = run("render", str(records), "--docs", str(tmp_path / "missing"), "-o", str(tmp_path / "r.html"))
    assert result.returncode == 2
    assert "missing: no such file or folder" in result.stderr
    assert not (tmp_path / "r.html").exists()


def test_a_missing_model_says_how_to_install_it():
    result = run("extract", str(SEEDS), "--model", "en_core_web_xx")
    assert result.returncode == 2
    assert "is it installed? (python -m spacy download en_core_web_xx" in result.stderr


def test_jsonl_without_the_text_field_hints_at_text_field(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "a", "body": "“We will respond,” he said."}\n', encoding="utf8")
    result = run("extract", str(feed))
    assert result.returncode == 1
    assert "no string field 'text' (name the text's field with --text-field; its string fields: id, body)" in (
        result.stderr
    )
    result = run("extract", str(feed), "--text-field", "body")
    assert result.returncode == 0 and json.loads(result.stdout.splitlines()[0])["doc_id"] == "a"


def test_evaluate_seeds_finds_texts_next_to_the_gold_or_refuses(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps({"doc": "nowhere", "type": "direct", "content": "x", "cue": "said"}) + "\n", encoding="utf8"
    )
    result = run("evaluate", "seeds", str(gold))
    assert result.returncode == 2
    assert "1 of 1 gold documents have no article (DOC.txt) in" in result.stderr and "nowhere" in result.stderr
    assert "--texts" in result.stderr
