"""GUM coreference reader and speaker-identity scorer, on an invented CoNLL-U snippet."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from quotes.cli import main
from quotes.evaluation.coref import CorefDocument, parse_conllu
from quotes.evaluation.gum import (
    check_quote,
    cluster_keys,
    cluster_names,
    in_split,
    match_mention,
    read_gum,
    read_splits,
    score_gum,
)
from quotes.records import Quote, Speaker

SNIPPET = Path(__file__).parent / "data" / "gum_snippet.conllu"
TEXT = (
    'Mayor Lena Okafor said the bridge will open. "It is safe," she told Riverside Radio\'s reporters.\n'
    'Tom Reyes, her deputy, said: "We will wait."\n'
    '"Not yet," Okafor said.'
)
SPLITS_MD = """# Splits

Some prose about the splits.

## dev

  * GUM_news_bridge
  * GUM_bio_someone

## test

  * GUM_interview_talk

## test2

  * GENTLE_news_other
"""


@pytest.fixture(scope="module")
def doc() -> CorefDocument:
    (document,) = parse_conllu(SNIPPET.read_text(encoding="utf8"))
    return document


def texts(doc: CorefDocument, cluster: str) -> list[str]:
    return [m.text for m in doc.cluster(cluster)]


def quote(doc: CorefDocument, speaker: str, canonical: str, occurrence: int = 0) -> Quote:
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(speaker, start + 1)
    who = Speaker(speaker, start, start + len(speaker), canonical)
    return Quote(doc.id, "direct", "Not yet,", 140, 148, who, None, 0, 0, 0.9, "test")


# --- reading ------------------------------------------------------------------------------------


def test_text_is_rebuilt_one_paragraph_a_line_with_space_after(doc):
    assert doc.id == "GUM_news_bridge"
    assert doc.text == TEXT


def test_every_mention_and_word_has_its_offsets(doc):
    for mention in doc.mentions:
        assert doc.text[mention.start : mention.end] == mention.text
    for word in doc.words:
        assert doc.text[word.start : word.end] == word.form


def test_multiword_token_is_written_once_and_split_into_its_words(doc):
    radio, possessive = (w for w in doc.words if w.form in {"Radio", "'s"})
    assert doc.text[radio.start : possessive.end] == "Radio's"
    assert possessive.start == radio.end


def test_nested_and_several_brackets_on_one_word(doc):
    assert texts(doc, "1") == ["Mayor Lena Okafor", "she", "her", "Okafor"]
    assert texts(doc, "3") == ["Riverside Radio's"]  # opened together with 4, closed on the 's
    assert texts(doc, "4") == ["Riverside Radio's reporters"]
    # cluster 5 opens twice on `Tom`: `Reyes` closes the inner one, `deputy` the appositive and the outer
    assert texts(doc, "5") == ["Tom Reyes, her deputy", "Tom Reyes", "her deputy"]
    links = {m.text: m.link for m in doc.cluster("5")}
    assert links == {"Tom Reyes, her deputy": None, "Tom Reyes": "Tom Reyes", "her deputy": None}


def test_entity_type_link_head_and_kind(doc):
    mayor = doc.cluster("1")[0]
    assert (mayor.entity, mayor.link, mayor.head.form, mayor.kind) == ("person", "Lena Okafor", "Mayor", "name")
    assert doc.cluster("3")[0].link == "Riverside Radio, Inc."  # percent-decoded, underscores as spaces
    kinds = {m.text: m.kind for m in doc.mentions}
    assert (kinds["she"], kinds["her deputy"], kinds["the bridge"]) == ("pronoun", "description", "description")


def test_closing_an_unopened_entity_is_an_error():
    broken = "# newdoc id = d\n# newpar\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\tEntity=7)\n"
    with pytest.raises(ValueError, match="unopened entity 7"):
        parse_conllu(broken)


def test_splits_are_read_under_their_headings_and_train_is_listed_or_the_rest(tmp_path):
    path = tmp_path / "splits.md"
    path.write_text(SPLITS_MD, encoding="utf8")
    splits = read_splits(path)
    assert splits["dev"] == {"GUM_news_bridge", "GUM_bio_someone"}
    assert in_split("GUM_news_bridge", "dev", splits)
    assert not in_split("GUM_bio_someone", "dev", splits)  # not news or interview
    assert in_split("GUM_interview_talk", "test", splits) and not in_split("GUM_interview_talk", "dev", splits)
    assert in_split("GUM_news_unlisted", "train", splits) and not in_split("GUM_news_bridge", "train", splits)
    path.write_text(SPLITS_MD + "\n## train\n\n  * GUM_news_listed\n", encoding="utf8")
    assert in_split("GUM_news_listed", "train", read_splits(path))
    assert not in_split("GUM_news_unlisted", "train", read_splits(path))


def test_read_gum_takes_the_split_from_the_folder(tmp_path):
    (tmp_path / "dep").mkdir()
    (tmp_path / "dep" / "GUM_news_bridge.conllu").write_text(SNIPPET.read_text(encoding="utf8"), encoding="utf8")
    (tmp_path / "splits.md").write_text(SPLITS_MD, encoding="utf8")
    assert [d.id for d in read_gum(tmp_path, "dev")] == ["GUM_news_bridge"]
    with pytest.raises(FileNotFoundError):
        read_gum(tmp_path, "test")


# --- matching -----------------------------------------------------------------------------------


def test_speaker_matches_the_mention_with_its_head_then_the_best_overlap(doc):
    at = doc.text.index("Tom Reyes")
    assert match_mention(doc, at, at + len("Tom Reyes")).text == "Tom Reyes"
    assert match_mention(doc, at, at + len("Tom Reyes, her deputy")).text == "Tom Reyes, her deputy"
    # a span running into `said`: headed by `said`, so the best overlap (≥ 0.5) decides
    assert match_mention(doc, at, at + len("Tom Reyes, her deputy, said")).text == "Tom Reyes, her deputy"
    assert match_mention(doc, at, doc.text.index('"We')) is not None
    assert match_mention(doc, at, len(doc.text)) is None  # most of the span is no mention


HEADED = """# newdoc id = d
# newpar
1\tAna\tAna\tPROPN\tNNP\t_\t7\tnsubj\t_\tEntity=(1-person-new-s-c-1-coref
2\tRuiz\tRuiz\tPROPN\tNNP\t_\t1\tflat\t_\tEntity=1)
3\tfor\tfor\tADP\tIN\t_\t6\tcase\t_\t_
4\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\tEntity=(2-organization-new-s-c-3-coref
5\tWater\tWater\tPROPN\tNNP\t_\t6\tcompound\t_\t_
6\tBoard\tBoard\tPROPN\tNNP\t_\t1\tnmod\t_\tEntity=2)
7\tspoke\tspeak\tVERB\tVBD\t_\t0\troot\t_\t_
"""


def test_the_same_head_beats_a_bigger_overlap():
    (doc,) = parse_conllu(HEADED)
    span = doc.text.index("Ana"), doc.text.index(" spoke")  # `Ana Ruiz for the Water Board`
    assert match_mention(doc, *span).text == "Ana Ruiz"  # `the Water Board` overlaps more


def test_names_of_a_person_are_the_fullest(doc):
    names = cluster_names(doc.cluster("1"))
    assert names == {"mayor lena okafor", "lena okafor"}  # not `okafor` alone
    assert "okafor" in cluster_keys(doc.cluster("1")) and "she" not in cluster_keys(doc.cluster("1"))
    assert cluster_names(doc.cluster("5")) == {"tom reyes"}
    assert cluster_names(doc.cluster("2")) == frozenset()  # the bridge: no name
    assert cluster_names(doc.cluster("3")) == {"riverside radio", "riverside radio inc"}


@pytest.mark.parametrize(
    ("speaker", "canonical", "occurrence", "cluster", "canonical_right"),
    [
        ("she", "Lena Okafor", 0, True, True),
        ("she", "she", 0, False, False),  # a pronoun left unresolved
        ("she", "Tom Reyes", 0, False, False),  # resolved to the wrong person
        ("Okafor", "Okafor", 1, True, False),  # the surname only, though the article has the full name
        ("Okafor", "Ms Lena Okafor", 1, True, True),  # honorifics do not matter
        ("Okafor", "Okafor's", 1, True, False),
        ("her deputy", "deputy", 0, True, False),  # a description: its cluster, but no name
        ("her deputy", "Tom Reyes", 0, True, True),
        ("Tom Reyes", "Lena Okafor", 0, False, False),
        ("Tom Reyes", "Tom Reyes, her deputy", 0, True, False),  # the apposition kept: the name inside decides
        ("her deputy", "Okafor's deputy", 0, False, False),  # the name inside is someone else's
        ("Tom Reyes", "Lena Okafor and Tom Reyes", 0, False, False),  # two names as long: a tie decides nothing
    ],
)
def test_cluster_and_canonical_verdicts(doc, speaker, canonical, occurrence, cluster, canonical_right):
    check = check_quote(doc, quote(doc, speaker, canonical, occurrence))
    assert (check.cluster_right, check.canonical_right) == (cluster, canonical_right)


def test_nameless_cluster_is_not_judged_on_canonical(doc):
    at = doc.text.index("the bridge")
    who = Speaker("the bridge", at, at + 10, "bridge")
    check = check_quote(doc, Quote(doc.id, "direct", "x", 0, 1, who, None, 0, 0, 0.9, "test"))
    assert check.cluster_right and check.canonical_right is None and check.kind == "description"


def test_an_antecedent_span_decides_the_cluster(doc):
    at, mayor = doc.text.index("she"), doc.text.index("Mayor")
    right = SimpleNamespace(
        text="she", start=at, end=at + 3, canonical="x", antecedent=SimpleNamespace(start=mayor, end=mayor + 17)
    )
    reyes = doc.text.index("Tom Reyes")
    wrong = SimpleNamespace(
        text="she",
        start=at,
        end=at + 3,
        canonical="Lena Okafor",
        antecedent=SimpleNamespace(start=reyes, end=reyes + 9),
    )
    assert check_quote(doc, Quote(doc.id, "direct", "x", 0, 1, right, None, 0, 0, 0.9, "t")).cluster_right  # type: ignore[arg-type]
    assert not check_quote(doc, Quote(doc.id, "direct", "x", 0, 1, wrong, None, 0, 0, 0.9, "t")).cluster_right  # type: ignore[arg-type]


def test_a_nameless_speaker_is_right_by_its_antecedent_or_when_nothing_comes_before(doc):
    at, mayor = doc.text.index("she"), doc.text.index("Mayor")
    linked = SimpleNamespace(
        text="she", start=at, end=at + 3, canonical=None, antecedent=SimpleNamespace(start=mayor, end=mayor + 17)
    )
    alone = SimpleNamespace(text="she", start=at, end=at + 3, canonical=None, antecedent=None)
    first = SimpleNamespace(text="Mayor Lena Okafor", start=mayor, end=mayor + 17, canonical=None, antecedent=None)
    checks = [
        check_quote(doc, Quote(doc.id, "direct", "x", 0, 1, speaker, None, 0, 0, 0.9, "t"))  # type: ignore[arg-type]
        for speaker in (linked, alone, first)
    ]
    assert [(c.cluster_right, c.canonical_right) for c in checks] == [(True, False), (False, False), (True, False)]


def test_score_counts_unmatched_speakers_and_quotes_without_one(doc):
    at = doc.text.index("said:")
    far = Quote(doc.id, "direct", "x", 0, 1, Speaker("said", at, at + 4, "said"), None, 0, 0, 0.9, "t")
    silent = Quote(doc.id, "direct", "x", 0, 1, None, None, 0, 0, 0.9, "t")
    records = [quote(doc, "she", "Lena Okafor"), quote(doc, "her deputy", "deputy"), far, silent]
    score = score_gum("snippet", [doc], records)
    assert (score.documents, score.quotes) == (1, 4)
    assert score.counts() == {"with_speaker": 3, "matched": 2, "cluster_right": 2, "named": 2, "canonical_right": 1}
    assert score.counts("pronoun")["canonical_right"] == 1
    table = score.to_markdown()
    assert "| all | 3 | 2 | 2 (1.000) | 2 | 1 (0.500) |" in table
    as_dict = score.as_dict()
    assert as_dict["overall"]["canonical"] == 0.5 and len(as_dict["checks"]) == 3


# --- end to end ---------------------------------------------------------------------------------


def test_evaluate_gum_command_on_the_snippet(tmp_path, capsys):
    (tmp_path / "dep").mkdir()
    (tmp_path / "dep" / "GUM_news_bridge.conllu").write_text(SNIPPET.read_text(encoding="utf8"), encoding="utf8")
    (tmp_path / "splits.md").write_text(SPLITS_MD, encoding="utf8")
    readme, scores = tmp_path / "README.md", tmp_path / "scores.json"
    readme.write_text(
        "# Accuracy\n\n<!-- accuracy:gum:start -->\nstale block\n<!-- accuracy:gum:end -->\n", encoding="utf8"
    )
    argv = ["evaluate", "gum", str(tmp_path), "--split", "dev", "--json", str(scores), "--readme", str(readme)]
    assert main(argv) == 0
    assert "| all |" in capsys.readouterr().out
    result = json.loads(scores.read_text(encoding="utf8"))
    checks = {c["speaker"]: c for c in result["checks"]}
    assert checks["she"]["gold_cluster"] == "1" and checks["Okafor"]["kind"] == "name"
    assert result["overall"]["matched"] == result["overall"]["with_speaker"] >= 3
    body = readme.read_text(encoding="utf8")
    assert "stale block" not in body and "quotes evaluate gum" in body and "GUM dev (news, interview)" in body
