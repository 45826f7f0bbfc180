"""Golden fixtures: export, verify, report changes, update; and the repository's own seed fixtures."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import REPO, SEEDS

from quotes import Extractor
from quotes.review.fixtures import verify_fixtures


def quotes_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "quotes", *args], capture_output=True, text=True, cwd=REPO)


def test_the_repository_seed_fixtures_still_hold(nlp):
    diffs = verify_fixtures(REPO / "data" / "fixtures", Extractor(nlp))
    assert len(diffs) == len(list(SEEDS.glob("*.txt")))
    assert [diff.report() for diff in diffs if not diff.unchanged] == []


def test_export_verify_report_and_update(tmp_path):
    outdir = tmp_path / "fixtures"
    assert quotes_cli("fixtures", "export", str(outdir), str(SEEDS)).returncode == 0
    files = sorted(outdir.glob("*.json"))
    assert [f.stem for f in files] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    stored = json.loads(files[0].read_text(encoding="utf8"))
    assert stored["text"] == (SEEDS / f"{files[0].stem}.txt").read_text(encoding="utf8")
    assert {"schema_version", "extractor_version", "pipeline", "source", "quotes"} <= stored.keys()
    assert files[0].read_text(encoding="utf8").endswith("}\n") and '\n  "article_id"' in files[0].read_text()
    assert quotes_cli("fixtures", "verify", str(outdir)).returncode == 0

    # pin a different behaviour: one quote gone, one speaker renamed, one quote that is not there
    removed, renamed = stored["quotes"][0], stored["quotes"][1]
    stored["quotes"] = [*stored["quotes"][1:], dict(removed, start=0, end=3, text=stored["text"][:3])]
    renamed["speaker"] = dict(renamed["speaker"] or {}, canonical="Somebody Else")
    files[0].write_text(json.dumps(stored, ensure_ascii=False, indent=2), encoding="utf8")
    result = quotes_cli("fixtures", "verify", str(outdir))
    assert result.returncode == 1
    assert f"{stored['article_id']} ({files[0].name}): +1 -1 ~1" in result.stdout
    assert "speaker: 'Somebody Else [kataib-hezbollah]' →" in result.stdout  # with its id: an id may change alone
    assert "5 fixtures, 1 changed" in result.stderr

    assert quotes_cli("fixtures", "verify", str(outdir), "--update").returncode == 0
    assert quotes_cli("fixtures", "verify", str(outdir)).returncode == 0
