from __future__ import annotations

import numpy
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from thinc.api import Linear, NumpyOps, get_current_ops, set_current_ops

from quotes.ops import NumpyBlasOps, numpy_blas_ops
from quotes.pipeline import default_model, prepare_pipeline

dimensions = st.integers(min_value=1, max_value=40)


@settings(max_examples=60, deadline=None)
@given(rows=dimensions, inner=dimensions, columns=dimensions, trans1=st.booleans(), trans2=st.booleans())
def test_gemm_is_thincs_product(rows, inner, columns, trans1, trans2):
    generator = numpy.random.default_rng(rows * 10_000 + inner * 100 + columns)
    x = generator.standard_normal((inner, rows) if trans1 else (rows, inner), dtype="float32")
    y = generator.standard_normal((columns, inner) if trans2 else (inner, columns), dtype="float32")
    expected = NumpyOps().gemm(x, y, trans1=trans1, trans2=trans2)
    product = NumpyBlasOps().gemm(x, y, trans1=trans1, trans2=trans2)
    assert product.shape == expected.shape == (rows, columns)
    assert product.dtype == numpy.float32
    numpy.testing.assert_allclose(product, expected, rtol=1e-4, atol=1e-4)
    out = numpy.zeros((rows, columns), dtype="float32")
    assert NumpyBlasOps().gemm(x, y, out=out, trans1=trans1, trans2=trans2) is out
    numpy.testing.assert_allclose(out, expected, rtol=1e-4, atol=1e-4)


def test_models_built_inside_use_numpy_blas():
    with numpy_blas_ops():
        inside = Linear(3, 2)
    assert isinstance(inside.ops, NumpyBlasOps)
    assert type(Linear(3, 2).ops) is NumpyOps  # the context leaves thinc's default as it was


def test_a_backend_chosen_by_the_caller_is_kept():
    class ChosenOps(NumpyOps):  # stands for CupyOps or AppleOps
        name = "chosen"

    previous = get_current_ops()
    set_current_ops(ChosenOps())
    try:
        with numpy_blas_ops():
            model = Linear(3, 2)
    finally:
        set_current_ops(previous)
    assert type(model.ops) is ChosenOps


def test_loaded_pipeline_annotates_as_with_thincs_own_products(nlp, seed_texts):
    assert isinstance(nlp.get_pipe("tok2vec").model.ops, NumpyBlasOps)
    plain = prepare_pipeline(spacy.load(default_model()))
    assert type(plain.get_pipe("tok2vec").model.ops) is NumpyOps
    texts = list(seed_texts.values())
    for fast, slow in zip(nlp.pipe(texts), plain.pipe(texts), strict=True):
        assert [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.head.i, t.dep_) for t in fast] == [
            (t.tag_, t.pos_, str(t.morph), t.lemma_, t.head.i, t.dep_) for t in slow
        ]
        assert [(e.start, e.end, e.label_) for e in fast.ents] == [(e.start, e.end, e.label_) for e in slow.ents]
