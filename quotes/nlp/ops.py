"""Matrix products through numpy's BLAS instead of thinc's bundled BLIS.

Matrix products are half of the pipeline's time on CPU. thinc's default CPU backend does them
with the BLIS library it bundles; on the AMD EPYC machines quotes is built and benchmarked on,
numpy's OpenBLAS does the same products 2.5–3× faster, which makes the whole pipeline about
1.5× faster (BENCHMARKS.md). Only `gemm` changes, so the annotations are the same: the
test suite compares them token by token with thinc's default backend.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy
from thinc.api import NumpyOps, get_current_ops, registry, use_ops


@registry.ops("NumpyBlasOps")
class NumpyBlasOps(NumpyOps):  # type: ignore[misc]
    """thinc's NumPy backend, with `gemm` done by `numpy.matmul`."""

    name = "numpy_blas"

    def gemm(self, x: Any, y: Any, out: Any = None, trans1: bool = False, trans2: bool = False) -> Any:
        left = x.T if trans1 else x
        right = y.T if trans2 else y
        if out is None:
            return numpy.matmul(left, right)
        return numpy.matmul(left, right, out=out)


@contextmanager
def numpy_blas_ops() -> Iterator[None]:
    """Models built inside use :class:`NumpyBlasOps`, unless the caller has chosen a backend
    other than thinc's default (a GPU with ``spacy.require_gpu()``, Apple's, …)."""
    if type(get_current_ops()) is NumpyOps:
        with use_ops(NumpyBlasOps.name):
            yield
    else:
        yield
