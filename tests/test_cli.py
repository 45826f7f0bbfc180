"""The command line, run in a real subprocess as users run it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import REPO, SEEDS
from schema import assert_valid_record


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "quotes", *args], input=stdin, capture_output=True, cwd=REPO)


def records(output: bytes) -> list[dict]:
    return [json.loads(line) for line in output.decode().splitlines() if line.strip()]


def test_help_explains_the_commands():
    result = run("--help")
    assert result.returncode == 0
    assert b"quotes extract article.txt" in result.stdout
    assert b"--model" in run("extract", "--help").stdout


def test_extract_seeds_folder_to_file(tmp_path):
    out = tmp_path / "quotes.jsonl"
    result = run("extract", str(SEEDS), "-o", str(out))
    assert result.returncode == 0, result.stderr
    found = records(out.read_bytes())
    texts = {p.stem: p.read_text(encoding="utf8") for p in SEEDS.glob("*.txt")}
    assert {r["doc_id"] for r in found} == set(texts)
    for record in found:
        assert_valid_record(record, texts[record["doc_id"]])


def test_stdin_text_and_jsonl():
    result = run("extract", "-", stdin="“We will respond to the attack,” the group said.".encode())
    assert result.returncode == 0
    assert [r["doc_id"] for r in records(result.stdout)] == ["stdin"]
    jsonl = b'{"id": "a1", "text": "\\u201cWe will respond to the attack,\\u201d he said."}\n'
    result = run("extract", "-", "--stdin-jsonl", stdin=jsonl)
    assert [r["doc_id"] for r in records(result.stdout)] == ["a1"]


def test_bad_inputs_are_reported_and_the_rest_processed(tmp_path: Path):
    (tmp_path / "good.txt").write_text("“We will respond to the attack,” the group said.", encoding="utf8")
    (tmp_path / "latin1.txt").write_bytes("“Caf\xe9 is closed,” he said.".encode("latin-1", "replace"))
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "empty.txt").write_text("", encoding="utf8")
    (tmp_path / "feed.jsonl").write_text(
        '{"id": "ok", "text": "\\u201cWe hold them responsible for it,\\u201d she said."}\n'
        "this is not json\n"
        '{"id": "no-text"}\n',
        encoding="utf8",
    )
    result = run("extract", str(tmp_path), str(tmp_path / "missing.txt"))
    assert result.returncode == 1
    stderr = result.stderr.decode()
    assert "latin1" not in stderr  # not UTF-8, but --encoding auto detects it
    assert "binary data" in stderr
    assert "'empty'" in stderr and "text is empty" in stderr
    assert "line 2 is not JSON" in stderr
    assert "no string field 'text'" in stderr
    assert "no such file" in stderr
    assert sorted({r["doc_id"] for r in records(result.stdout)}) == ["good", "ok"]


def test_unknown_model_exits_with_usage_error():
    result = run("extract", str(SEEDS), "--model", "no_such_model")
    assert result.returncode == 2
    assert b"cannot load spaCy pipeline 'no_such_model'" in result.stderr


def test_evaluate_prints_scores_and_writes_json(tmp_path):
    out = tmp_path / "scores.json"
    result = run("evaluate", "seeds", "quotes/data/seeds/seeds.gold.jsonl", "--json", str(out))
    assert result.returncode == 0, result.stderr
    assert b"| all |" in result.stdout
    scores = json.loads(out.read_text())
    assert set(scores["by_type"]) == {"direct", "indirect", "mixed"}


def test_evaluate_names_scores_pairs_without_a_pipeline(tmp_path):
    pairs = tmp_path / "pairs.jsonl"
    lines = [
        {"a": "Muammar Gaddafi", "b": "Moammar Gadafi", "same": True, "kind": "person"},
        {"a": "Kim Jong Un", "b": "Kim Jong Il", "same": False, "kind": "person"},
        {"a": "Hizbollah", "b": "Hezbollah", "same": True, "kind": "organisation"},
    ]
    pairs.write_text("".join(json.dumps(line) + "\n" for line in lines))
    readme = tmp_path / "README.md"
    readme.write_text("x\n<!-- accuracy:names:start -->\n<!-- accuracy:names:end -->\n")
    out = tmp_path / "names.json"
    result = run("evaluate", "names", str(pairs), "--json", str(out), "--readme", str(readme))
    assert result.returncode == 0, result.stderr
    scores = json.loads(out.read_text())["splits"]["all"]
    assert (scores["true_positive"], scores["true_negative"]) == (2, 1)
    assert "| all | 2 / 1 | 1.000 | 1.000 |" in readme.read_text()
    pairs.write_text('{"a": "Kim Jong Un"}\n')
    result = run("evaluate", "names", str(pairs))
    assert result.returncode != 0 and b"pairs.jsonl:1: not a name pair" in result.stderr


def test_speakers_lists_canonical_speakers_with_counts(tmp_path):
    output = tmp_path / "quotes.jsonl"
    assert run("extract", str(SEEDS), "-o", str(output)).returncode == 0
    result = run("speakers", str(output), "--json")
    assert result.returncode == 0
    rows = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert rows == sorted(rows, key=lambda r: -r["quotes"])
    kh = next(r for r in rows if r["id"] == "kataib-hezbollah")
    assert (kh["canonical"], kh["kind"]) == ("Kata'ib Hezbollah", "organisation")
    speakers = [r for r in rows if not r.get("no_speaker")]
    assert sum(r["quotes"] for r in speakers) == sum(1 for r in records(output.read_bytes()) if r["speaker"])
    assert sum(r["quotes"] for r in rows) == len(records(output.read_bytes()))  # the quotes without speaker too


def test_speakers_counts_unresolved_speakers_together(tmp_path):
    output = tmp_path / "quotes.jsonl"
    (tmp_path / "story.txt").write_text("“We will never give up,” he said. “Not now,” she added.\n", encoding="utf8")
    assert run("extract", str(tmp_path / "story.txt"), "-o", str(output)).returncode == 0
    rows = [json.loads(line) for line in run("speakers", str(output), "--json").stdout.decode().splitlines()]
    assert [(r["id"], r["canonical"], r["quotes"], r["documents"]) for r in rows] == [(None, None, 2, 1)]
    assert "(unresolved)" in run("speakers", str(output)).stdout.decode()


def test_speakers_suggests_a_registry_that_extraction_takes_back(tmp_path):
    """Unknown speakers spelled two ways across articles: one drafted entity, and with the draft
    as ``--registry`` both spellings get its id."""
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(
        "Khaled al-Zorbani, a spokesman for the Popular Front for Zorblax (PFZ), said the talks had failed.\n",
        encoding="utf8",
    )
    (articles / "b.txt").write_text("Khalid Zurbani said on Monday that the ceasefire would hold.\n", encoding="utf8")
    (articles / "c.txt").write_text(
        "The Popular Front for Zorblax (PFZ) said it would respond. Later the PFZ said that talks were over.\n",
        encoding="utf8",
    )
    (articles / "d.txt").write_text("The PFZ said on Tuesday that it had withdrawn from the talks.\n", encoding="utf8")
    output, draft = tmp_path / "quotes.jsonl", tmp_path / "draft.json"
    assert run("extract", str(articles), "-o", str(output)).returncode == 0
    result = run("speakers", str(output), "--suggest-registry", str(draft))
    assert result.returncode == 0, result.stderr
    entities = json.loads(draft.read_text(encoding="utf8"))["entities"]
    names = sorted((e["name"], *e.get("aliases", ())) for e in entities)
    assert names == [("Khaled al-Zorbani", "Khalid Zurbani"), ("Popular Front for Zorblax", "PFZ")]
    again = tmp_path / "again.jsonl"
    assert run("extract", str(articles), "-o", str(again), "--registry", str(draft)).returncode == 0
    ids = {r["doc_id"]: r["speaker"]["id"] for r in records(again.read_bytes())}
    person = next(e for e in entities if e["kind"] == "person")
    front = next(e["id"] for e in entities if e["name"] == "Popular Front for Zorblax")
    assert ids["a"] == ids["b"] == person["id"]
    assert ids["c"] == ids["d"] == front
    assert person["affiliation"] == front  # what the spokesman speaks for, drafted too


def test_speakers_reads_dask_parts_and_reports_bad_lines(tmp_path):
    parts = tmp_path / "out.jsonl.parts"
    parts.mkdir()
    line = json.dumps({"doc_id": "a", "speaker": {"id": "reuters", "canonical": "Reuters", "kind": "media"}})
    (parts / "part-00000.jsonl").write_text(line + "\nnot json\n", encoding="utf8")
    result = run("speakers", str(parts), "--json")
    assert result.returncode == 1
    assert b"part-00000.jsonl: line 2 is not a JSON record" in result.stderr
    assert [json.loads(row)["id"] for row in result.stdout.decode().splitlines()] == ["reuters"]


def test_bad_registry_is_a_usage_error(tmp_path):
    registry = tmp_path / "registry.json"
    registry.write_text('{"entities": [{"id": "Bad Id", "name": "x", "kind": "person"}]}', encoding="utf8")
    result = run("extract", str(SEEDS), "--registry", str(registry))
    assert result.returncode == 2
    assert b"registry.json at entities/0/id" in result.stderr


def test_min_confidence_keeps_only_records_at_or_above_it(tmp_path):
    everything, confident = tmp_path / "all.jsonl", tmp_path / "confident.jsonl"
    assert run("extract", str(SEEDS), "-o", str(everything), "-q").returncode == 0
    result = run("extract", str(SEEDS), "-o", str(confident), "-q", "--min-confidence", "0.9")
    assert result.returncode == 0, result.stderr
    kept = [r for r in records(everything.read_bytes()) if r["confidence"] >= 0.9]
    assert records(confident.read_bytes()) == kept and 0 < len(kept) < len(records(everything.read_bytes()))
    refused = run("extract", str(SEEDS), "--min-confidence", "1.5")
    assert refused.returncode == 2 and b"--min-confidence must be between 0 and 1" in refused.stderr


def test_verbose_logs_what_is_skipped_and_quiet_by_default(tmp_path):
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf8")
    (tmp_path / "story.txt").write_text("“We will respond,” the group said.\n", encoding="utf8")
    out = tmp_path / "quotes.jsonl"
    plain = run("extract", str(tmp_path), "-o", str(out), "-q")
    assert plain.returncode == 1 and b"skipped" not in plain.stderr
    verbose = run("-v", "extract", str(tmp_path), "-o", str(out), "-q")
    assert b"quotes: skipped document 'empty': text is only whitespace" in verbose.stderr
