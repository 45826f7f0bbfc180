"""Records from one parsed document: direct quotes, their chains, quotes woven into reports."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quotes


def test_split_quote_gives_both_halves_the_speaker(nlp):
    text = "“We hold them responsible,” he said, “and we will respond to every attack.”"
    found = quotes.extract(text, nlp=nlp)
    assert [(q.type, q.speaker.text) for q in found] == [("direct", "he"), ("direct", "he")]


def test_floating_quote_paragraph_inherits_speaker(nlp):
    text = (
        "“The strike was carried out in response to attacks on US forces,” the Pentagon said.\n"
        "“We will continue to protect our people and our partners in the region.”"
    )
    found = quotes.extract(text, nlp=nlp)
    assert [q.speaker.text for q in found] == ["the Pentagon", "the Pentagon"]
    assert found[1].rule == "direct_floating"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    speaker=st.sampled_from(["the group", "He", "Reuters", "A spokesman"]),
    words=st.lists(st.sampled_from(["we", "will", "respond", "to", "the", "attack", "now"]), min_size=4, max_size=12),
    lead=st.text(alphabet=" \n", max_size=3),
)
def test_generated_direct_quotes_are_found(nlp, speaker, words, lead):
    content = " ".join(words).capitalize() + ","
    text = f"{lead}“{content}” {speaker} said."
    found = quotes.extract(text, nlp=nlp)
    assert any(q.type == "direct" and q.text == content for q in found)


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "“The talks with Washington are over for now.” Adelson said on Sunday.",
            "Adelson",
            "The talks with Washington are over for now.",
        ),
        ("A man in the crowd yelled “Stay there!” as he left.", "A man", "Stay there!"),
        ("“Denver,” he answered.", "he", "Denver,"),
        (
            "She went on to say:\n“None of them will ever admit it in public.”",
            "She",
            "None of them will ever admit it in public.",
        ),
        (
            "She had a line when she said, “Unlike Hillary Clinton, I know that flying is an activity.”",
            "she",
            "Unlike Hillary Clinton, I know that flying is an activity.",
        ),
        (
            "''Revenues are up a little bit,'' said Mr. Ekovich, who runs the club.",
            "Mr. Ekovich",
            "Revenues are up a little bit,",
        ),
    ],
    ids=[
        "attribution-after-sentence-break",
        "short-shouted",
        "short-answered",
        "introduced-in-previous-paragraph",
        "introduced-after-a-clause",
        "doubled-apostrophe-marks",
    ],
)
def test_direct_quote_attribution(nlp, text, speaker, content):
    found = quotes.extract(text, nlp=nlp)
    assert [(q.type, q.speaker.text, q.text) for q in found] == [("direct", speaker, content)]


def test_quote_continued_after_its_attribution_sentence(nlp):
    found = quotes.extract("“I am not shy about it,” I said. “I have never been reluctant to speak.”", nlp=nlp)
    assert [(q.speaker.text, q.rule) for q in found] == [("I", "direct_postposed"), ("I", "direct_continued")]


def test_titles_in_quote_marks_are_not_quotes(nlp):
    assert (
        quotes.extract(
            "Washington, star of television’s “Scandal,” thanked Obama on “Sunday Morning Futures.”", nlp=nlp
        )
        == []
    )


@pytest.mark.parametrize("tag", ["<post/>", "</div>", "<br class=x>"])
def test_marks_paired_across_a_markup_tag_are_no_quote(nlp, tag):
    text = f"Fans shared the page. “We love this team and we will be back next year.{tag}” The club replied later."
    assert [q for q in quotes.extract(text, nlp=nlp) if q.type == "direct"] == []


def test_quote_woven_into_a_report_is_mixed(nlp):
    text = "Sanders says “the wind is at our backs” despite his loss in the Nevada caucuses."
    (quote,) = quotes.extract(text, nlp=nlp)
    assert quote.type == "mixed" and "“the wind is at our backs”" in quote.text


def test_reported_content_takes_whole_quoted_fragments():
    from quotes.extraction.merging import snap_to_quotes
    from quotes.extraction.quotemarks import find_quote_spans

    text = "The DNC said the actions were “completely unacceptable” and would be investigated."
    spans = find_quote_spans(text)
    inside = text.index("unacceptable")
    start, end = snap_to_quotes(text, text.index("the actions"), inside + len("unacceptable"), spans)
    assert text[start:end] == "the actions were “completely unacceptable”"
    start, end = snap_to_quotes(text, inside, text.index(" and"), spans)
    assert text[start:end] == "“completely unacceptable”"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("“With an eye to March, Ohio,” he said.", "With an eye to March, Ohio,"),
        ("“GROWING PARTY,” she declared in a tweet.", "GROWING PARTY,"),
    ],
)
def test_capitalised_quote_opening_an_attribution_is_no_title(nlp, text, content):
    found = quotes.extract(text, nlp=nlp)
    assert [(q.type, q.text) for q in found] == [("direct", content)]


def test_title_after_a_preposition_stays_a_title(nlp):
    found = quotes.extract("Smith, speaking on “Meet The Press,” said the vote was close.", nlp=nlp)
    assert all(q.type != "direct" for q in found)


def test_quoted_show_name_before_an_attribution_is_no_quote(nlp):
    found = quotes.extract("Speaking on Fox News’s “Hannity,” Gingrich said the race was over.", nlp=nlp)
    assert [q.text for q in found if "Hannity" in q.text] == []


def test_short_attributed_quote_opening_the_sentence_stays(nlp):
    found = quotes.extract("“Dangerous,” he said.", nlp=nlp)
    assert [(q.type, q.text) for q in found] == [("direct", "Dangerous,")]
