"""Records read back from ``quotes extract`` output, one at a time, whatever its size.

An archive is JSON Lines files, plain or gzipped, or the folder of parts the Dask engine writes
(``OUT.parts/part-00000.jsonl``): their records are read in order, never all held at once. A
line that is no record is reported with its place and skipped, not fatal to the run.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from quotes.batch.inputs import is_jsonl, open_input
from quotes.errors import QuotesError


def record_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Each file as given; a folder gives its Dask parts (``part-*.jsonl[.gz]``) or, lacking
    those, its JSON Lines files, sorted, status files left out."""
    for name in paths:
        path = Path(name)
        if not path.is_dir():
            if not path.exists():
                raise QuotesError(f"no such file or folder: {path}")
            yield path
            continue
        files = sorted(f for f in path.iterdir() if is_jsonl(f.name) and ".status." not in f.name)
        parts = [f for f in files if f.name.startswith("part-")]
        yield from parts or files


def read_archive(paths: Iterable[str | Path], on_bad_line: Callable[[str], None]) -> Iterator[dict[str, Any]]:
    """Every record of the files, in order; ``on_bad_line`` hears of each line that is not one."""
    for path in record_files(paths):
        try:
            with open_input(path) as lines:
                for number, line in enumerate(lines, start=1):
                    if not line.strip():
                        continue
                    try:
                        record = json.loads(line)
                    except ValueError:
                        record = None
                    if isinstance(record, dict):
                        yield record
                    else:
                        on_bad_line(f"{path}: line {number} is not a JSON record")
        except (OSError, EOFError) as error:  # unreadable, or a gzip cut short: what was read counts
            on_bad_line(f"{path}: cannot be read to its end ({error})")
