"""Developer workflows: ``nox -s tests lint typecheck evaluate bench train_model``.

Sessions reuse the current interpreter's environment when run with ``--no-venv``
(as `.ci/run` does after installing the package); otherwise each gets a virtualenv.
"""

from __future__ import annotations

import nox

nox.options.sessions = ["tests", "lint", "typecheck"]
nox.options.reuse_existing_virtualenvs = True

CORPORA = "../shared/corpora"


@nox.session
def tests(session: nox.Session) -> None:
    """The whole test suite (unit, property, end-to-end on the seeds)."""
    session.install("-e", ".[test]")
    session.run("pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    session.install("ruff")
    session.run("ruff", "check", "quotes", "tests", "noxfile.py")
    session.run("ruff", "format", "--check", "quotes", "tests", "noxfile.py")


@nox.session
def typecheck(session: nox.Session) -> None:
    session.install("-e", ".[dev]")
    session.run("mypy", "quotes")


@nox.session
def evaluate(session: nox.Session) -> None:
    """Score the seeds, dev-news, PolNeAR, the speakers' identity on GUM test and the name keys; writes the
    README's Accuracy section (pipelines side by side, then details)."""
    session.install("-e", ".[baseline]")
    session.run("python", "-m", "quotes.evaluation.compare", "--readme", "README.md")
    session.run("quotes", "evaluate", "seeds", "data/seeds.gold.jsonl", "--texts", "seeds", "--readme", "README.md")
    session.run(
        "quotes",
        "evaluate",
        "seeds",
        "../shared/gold/dev-news/dev.gold.jsonl",
        "--texts",
        "../shared/gold/dev-news/docs",
        "--readme",
        "README.md",
        "--block",
        "dev-news",
    )
    session.run(
        "quotes",
        "evaluate",
        "brat",
        f"{CORPORA}/polnear-train",
        "--readme",
        "README.md",
        "--json",
        "polnear-scores.json",
    )
    session.run(
        "quotes",
        "evaluate",
        "brat",
        f"{CORPORA}/polnear-train",
        "--extractor",
        "textacy",
        "--readme",
        "README.md",
    )
    session.run("quotes", "evaluate", "gum", f"{CORPORA}/gum", "--split", "test", "--readme", "README.md")
    session.run("quotes", "evaluate", "names", "data/name_pairs.jsonl", "--readme", "README.md")


@nox.session
def bench(session: nox.Session) -> None:
    """Throughput (plain spaCy, bare pipeline, job, workers, Dask), memory over 10,000 documents and
    long documents (0.5-5 million characters), into BENCHMARKS.md."""
    session.install("-e", ".[dask,bench]")
    session.run(
        "python",
        "-m",
        "quotes.evaluation.bench",
        "--corpus",
        f"{CORPORA}/polnear-train/text",
        "--markdown",
        "BENCHMARKS.md",
    )
    session.run("python", "-m", "quotes.evaluation.bench", "--long-documents", "seeds", "--markdown", "BENCHMARKS.md")


@nox.session
def calibrate(session: nox.Session) -> None:
    """Refit the confidence model on PolNeAR train (folds by document) and rewrite its README block."""
    session.install("-e", ".")
    session.run(
        "python",
        "-m",
        "quotes.evaluation.calibration",
        "--polnear",
        f"{CORPORA}/polnear-train",
        "--dev-news",
        "../shared/gold/dev-news",
        "--out",
        "quotes/data/confidence.json",
        "--readme",
        "README.md",
    )


@nox.session
def verify_components(session: nox.Session) -> None:
    """The compiled attribute_ruler and memoised lemmatizer annotate PolNeAR exactly as spaCy's own."""
    session.install("-e", ".")
    session.run("python", "-m", "quotes.nlp.attribute_ruler", "--verify", f"{CORPORA}/polnear-train/text")


@nox.session
def train_model(session: nox.Session) -> None:
    """Convert the treebanks, pretrain, train, evaluate and package the shipped pipeline."""
    session.install("-e", ".[dev]")
    session.run("python", "-m", "quotes.training", "all", "--corpora", CORPORA, *session.posargs)


@nox.session
def evaluate_model(session: nox.Session) -> None:
    """Re-measure the shipped pipeline's scores and speed and rewrite its model card."""
    session.install("-e", ".[dev]")
    session.run(
        "python",
        "-m",
        "quotes.training",
        "package",
        "--corpora",
        CORPORA,
        "--model",
        "quotes/models/en_quotes_news",
        *session.posargs,
    )
