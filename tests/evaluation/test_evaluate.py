"""Scoring rules and gold readers, on small hand-made gold."""

from __future__ import annotations

import dataclasses
import json
import zlib
from pathlib import Path

import pytest

from quotes.archive.registry_draft import consolidated_ids
from quotes.archive.speakers import SpeakerTally
from quotes.evaluation.scoring import (
    GoldAttribution,
    quote_type_of,
    read_brat,
    read_seed_gold,
    score,
)
from quotes.records import Cue, Quote, Speaker
from quotes.speakers.name_keys import id_key
from quotes.speakers.registry import normalise_name

TEXT = "Officials said the strike killed a commander. “We will respond,” the group added."


def quote(start: int, end: int, speaker: str | None = None, kind: str = "indirect") -> Quote:
    spk = None
    if speaker is not None:
        at = TEXT.index(speaker)
        spk = Speaker(speaker, at, at + len(speaker), speaker)
    return Quote("d", kind, TEXT[start:end], start, end, spk, Cue("said", "say", 10, 14), 0, 0, 0.9, "test")  # type: ignore[arg-type]


def gold(start: int, end: int, required: bool = True, mentions: tuple[str, ...] = ("Officials",)) -> GoldAttribution:
    return GoldAttribution("d", "indirect", start, end, "said", required, mentions)


def test_half_overlap_counts_as_found_and_correct():
    g = gold(15, 44)  # "the strike killed a commander"
    report = score("t", [g], [quote(15, 32, "Officials")])  # covers 17 of 29 gold characters
    assert report.overall.found == 1 and report.overall.correct == 1
    assert report.speaker_correct == 1


def test_small_overlap_is_a_miss_and_a_false_positive():
    report = score("t", [gold(15, 44)], [quote(0, 20)])
    assert report.overall.found == 0 and report.overall.predicted == 1 and report.overall.correct == 0


def test_optional_gold_is_neither_needed_nor_penalised():
    report = score("t", [gold(15, 44, required=False)], [quote(15, 44)])
    assert report.overall.gold == 0 and report.overall.predicted == 0


def test_wrong_speaker_is_counted():
    report = score("t", [gold(15, 44)], [quote(15, 44, "group")])
    assert report.speaker_checked == 1 and report.speaker_correct == 0


def test_mentions_compare_without_case_apostrophes_or_leading_the():
    assert normalise_name("The KATA’IB Hezbollah") == normalise_name("Kata'ib hezbollah")


def test_quote_type_of_brat_content():
    assert quote_type_of("“We will respond.”") == "direct"
    assert quote_type_of("to “respond” to the attack") == "mixed"
    assert quote_type_of("the strike killed a commander") == "indirect"


def test_read_brat_joins_source_cue_and_content(tmp_path: Path):
    ann = tmp_path / "doc.ann"
    ann.write_text(
        "T1\tSource 0 9\tOfficials\nT2\tCue 10 14\tsaid\n"
        "T3\tContent 15 22;23 44\tthe strike killed a commander\n"
        "T4\tAttribution 10 14\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n",
        encoding="utf8",
    )
    (item,) = read_brat(ann, TEXT)
    assert (item.start, item.end, item.cue, item.source_spans) == (15, 44, "said", ((0, 9),))


def test_read_seed_gold_locates_repeated_contents(tmp_path: Path):
    text = "“Again,” he said. “Again,” she said."
    path = tmp_path / "gold.jsonl"
    line = json.dumps({"doc": "d", "type": "direct", "content": "Again,", "mentions": ["he"], "cue": "said"})
    path.write_text(line + "\n" + line.replace('"he"', '"she"') + "\n", encoding="utf8")
    first, second = read_seed_gold(path, {"d": text})
    assert (first.start, second.start) == (1, 19)


def test_parts_of_a_split_quote_count_together():
    text = "“We hold them,” he said, “responsible for everything that happens.”"
    said = Cue("said", "say", 19, 23)

    def part(start: int, end: int) -> Quote:
        return Quote("d", "direct", text[start:end], start, end, None, said, 0, 0, 0.9, "test")

    first, second = part(1, 14), part(26, 66)
    whole = GoldAttribution("d", "direct", 1, 66, "said", mentions=("he",))
    assert score("t", [whole], [first, second]).overall.found == 1
    assert score("t", [whole], [first]).overall.found == 0


def test_discontinuous_content_is_measured_by_its_pieces(tmp_path: Path):
    text = "“We will win,” Trump told a rally, saying the polls are wrong and we will win it all."
    ann = tmp_path / "d.ann"
    ann.write_text(
        "T1\tSource 15 20\tTrump\nT2\tCue 21 25\ttold\n"
        "T3\tContent 0 14;42 85\tx\nT4\tAttribution 21 25\ttold\n"
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n",
        encoding="utf8",
    )
    (item,) = read_brat(ann, text)
    assert item.content_length == 14 + 43
    quote_only = Quote("d", "direct", text[1:13], 1, 13, None, None, 0, 0, 0.9, "test")
    assert score("t", [item], [quote_only]).overall.found == 0  # 12 of 57 characters
    assert score("t", [item], [quote_only]).overall.correct == 1  # but wholly inside the content


def test_pipelines_are_compared_side_by_side_in_the_readme(tmp_path):
    from quotes.evaluation import compare

    readme = tmp_path / "README.md"
    readme.write_text("# Accuracy\n\n<!-- accuracy:models:start -->\nPREVIOUS TABLE\n<!-- accuracy:models:end -->\n")
    argv = ["--models", "en_core_web_sm", "no_such_pipeline", "--readme", str(readme)]
    argv += ["--dev-news", str(tmp_path / "none"), "--polnear", str(tmp_path / "none")]
    assert compare.main(argv) == 0
    text = readme.read_text()
    assert "PREVIOUS TABLE" not in text and text.count("<!-- accuracy:models:start -->") == 1
    sm_row = next(line for line in text.splitlines() if line.startswith("| en_core_web_sm-3.8.0 |"))
    seeds_recall = float(sm_row.split("|")[2])
    assert seeds_recall >= 0.9
    assert "Not installed here, so not measured: `no_such_pipeline`." in text


def test_the_held_out_fold_is_a_fifth_and_stable():
    from quotes.evaluation.compare import held_out

    ids = [f"doc{n}" for n in range(2000)]
    assert 300 < sum(map(held_out, ids)) < 500
    assert [held_out(i) for i in ids] == [held_out(i) for i in ids]


def test_the_textacy_baseline_is_an_optional_extra(nlp, monkeypatch):
    import sys

    from quotes.errors import QuotesError
    from quotes.evaluation.baseline import textacy_quotes

    monkeypatch.setitem(sys.modules, "textacy.extract.triples", None)  # as if textacy were not installed
    with pytest.raises(QuotesError, match=r"pip install -e \"\.\[baseline\]\""):
        textacy_quotes(nlp("“We will respond,” he said."), "doc")


def test_folds_split_brat_documents_by_id(tmp_path: Path):
    from quotes.evaluation.corpora import load_brat
    from quotes.evaluation.scoring import FOLDS, fold_of

    for name in ("a", "b", "c", "d", "e", "f"):
        (tmp_path / f"{name}.txt").write_text("Officials said the strike killed a commander.", encoding="utf8")
        (tmp_path / f"{name}.ann").write_text("", encoding="utf8")
    assert fold_of("a") == zlib.crc32(b"a") % FOLDS
    held_out, _ = load_brat(tmp_path, folds={0})
    tuning, _ = load_brat(tmp_path, folds={1, 2, 3, 4})
    assert sorted(held_out) == [n for n in "abcdef" if fold_of(n) == 0]
    assert set(held_out) | set(tuning) == set("abcdef")
    assert not set(held_out) & set(tuning)


def test_of_two_records_covering_the_gold_alike_the_tighter_is_scored():
    # `Officials said the strike killed a commander`, reported by someone, and `said`'s own content
    outer = dataclasses.replace(quote(0, 44, "group"), cue=Cue("added", "add", 73, 78))
    inner = quote(15, 44, "Officials")
    report = score("t", [gold(15, 44)], [outer, inner])
    assert report.speaker_checked == 1 and report.speaker_correct == 1


def test_an_entity_whose_right_quotes_carry_two_ids_is_split_until_consolidated():
    """Two documents name one person two ways: both canonical names are right, but two ids are
    one entity split; consolidating the records' speakers joins them."""
    texts = {"a": "Khaled Zorbani said talks failed.", "b": "Khalid al-Zurbani said talks failed."}
    golds, quotes = [], []
    for doc, text in texts.items():
        name = text.split(" said")[0]
        golds.append(
            GoldAttribution(doc, "indirect", text.index("talks"), len(text) - 1, "said", True, (name,), ("Z",))
        )
        speaker = Speaker(name, 0, len(name), name, name, kind="person", id="unknown:" + id_key(name))
        quotes.append(
            Quote(
                doc,
                "indirect",
                "talks failed",
                golds[-1].start,
                golds[-1].end,
                speaker,
                Cue("said", "say", 0, 0),
                0,
                0,
                0.9,
                "t",
            )
        )
    report = score("t", golds, quotes, canonical=lambda g, q: True)
    assert report.split_entities == {"Z": sorted(q.speaker.id for q in quotes)}
    report.consolidated = consolidated_ids(SpeakerTally().add_all(q.to_dict() for q in quotes).summaries())
    assert report.split_after_consolidation == {}
    assert "entities split over two or more speaker ids: 1 of 1" in report.to_markdown()
