"""Fitting the confidence model and measuring how well it is calibrated (plain numpy)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy

from quotes.confidence.model import LogisticModel


def fit_logistic(rows: Sequence[Mapping[str, float]], labels: Sequence[bool], l2: float = 1.0) -> LogisticModel:
    """An L2-regularised logistic regression (the intercept is not penalised), fitted by Newton's
    method: with a few dozen features and thousands of rows it converges in a handful of steps."""
    if len(rows) != len(labels) or not rows:
        raise ValueError("fit_logistic needs as many labels as rows, and at least one row")
    names = sorted({name for row in rows for name in row})
    column = {name: i for i, name in enumerate(names)}
    x = numpy.zeros((len(rows), len(names) + 1))
    x[:, -1] = 1.0
    for i, row in enumerate(rows):
        for name, value in row.items():
            x[i, column[name]] = value
    y = numpy.asarray(labels, dtype=float)
    penalty = numpy.full(len(names) + 1, l2)
    penalty[-1] = 0.0
    w = numpy.zeros(len(names) + 1)
    for _ in range(100):
        p = 1.0 / (1.0 + numpy.exp(-numpy.clip(x @ w, -30, 30)))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + numpy.diag(penalty + 1e-9)
        step = numpy.linalg.solve(hessian, gradient)
        w -= step
        if numpy.max(numpy.abs(step)) < 1e-8:
            break
    return LogisticModel(float(w[-1]), {name: float(w[i]) for name, i in column.items()})


@dataclass(frozen=True)
class ReliabilityBin:
    low: float
    high: float
    count: int
    mean_confidence: float
    accuracy: float


def reliability(probabilities: Sequence[float], labels: Sequence[bool], bins: int = 10) -> list[ReliabilityBin]:
    """Equal-width bins of confidence, each with its records' mean confidence and share right
    (the last bin includes 1.0)."""
    p = numpy.asarray(probabilities, dtype=float)
    y = numpy.asarray(labels, dtype=float)
    index = numpy.minimum((p * bins).astype(int), bins - 1)
    found = []
    for b in range(bins):
        inside = index == b
        count = int(inside.sum())
        found.append(
            ReliabilityBin(
                b / bins,
                (b + 1) / bins,
                count,
                float(p[inside].mean()) if count else 0.0,
                float(y[inside].mean()) if count else 0.0,
            )
        )
    return found


def expected_calibration_error(probabilities: Sequence[float], labels: Sequence[bool], bins: int = 10) -> float:
    """The mean gap between confidence and accuracy over equal-width bins, weighted by their records."""
    table = reliability(probabilities, labels, bins)
    total = sum(b.count for b in table)
    if not total:
        raise ValueError("no records to measure calibration on")
    return sum(b.count * abs(b.mean_confidence - b.accuracy) for b in table) / total
