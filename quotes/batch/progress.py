"""The progress bar of a batch job: on stderr, only when it is a terminal, with docs/s and ETA."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from tqdm import tqdm

from quotes.batch.inputs import InputOptions, count_documents


def progress_bar(paths: Sequence[str], options: InputOptions, disable: bool = False, done: int = 0) -> tqdm[None]:
    """A tqdm bar; its total (for the ETA) is counted first, which reads the inputs once more. A
    resumed job's bar starts at the ``done`` documents of the run before."""
    shown = not disable and sys.stderr.isatty()
    total = count_documents(paths, options) if shown and "-" not in paths else None
    return tqdm(
        total=total,
        initial=done,
        disable=not shown,
        unit="doc",
        file=sys.stderr,
        dynamic_ncols=True,
        smoothing=0.05,
    )
