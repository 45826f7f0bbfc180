"""The progress bar: shown on a terminal only; a resumed job's bar starts at the documents done before."""

from __future__ import annotations

import io
import sys

from quotes.batch.inputs import InputOptions
from quotes.batch.progress import progress_bar


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _corpus(tmp_path, count):
    for n in range(count):
        (tmp_path / f"a{n}.txt").write_text("“We will respond,” the group said.", encoding="utf8")
    return [str(tmp_path)]


def test_a_resumed_bar_starts_at_the_documents_done(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "stderr", _Terminal())
    with progress_bar(_corpus(tmp_path, 10), InputOptions(), done=4) as bar:
        assert (bar.n, bar.total) == (4, 10)
        bar.update(6)
        assert bar.n == bar.total
    assert "10/10" in sys.stderr.getvalue()


def test_no_bar_off_a_terminal(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    with progress_bar(_corpus(tmp_path, 3), InputOptions(), done=1) as bar:
        bar.update(2)
    assert sys.stderr.getvalue() == ""
