"""The output and status files of a job, written by the commit protocol, and read back on ``--resume``.

Commit protocol, which is why killing the job at any moment loses and duplicates nothing:
a document's quote lines are appended to the output and flushed, then its status line,
which records the output's size after them, is appended and flushed. On ``--resume`` the
complete status lines say which documents are done and where the output was last
consistent; both files are cut back to that point and the job carries on with the rest.
"""

from __future__ import annotations

import gzip
import json
import logging
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Any, Literal

from quotes.batch.header import HEADER_KEY, differences, header_line
from quotes.batch.inputs import InputDocument
from quotes.errors import QuotesError

Status = Literal["ok", "error", "skipped"]


logger = logging.getLogger("quotes")


class ResumeError(QuotesError):
    """The output and status files of an earlier run do not fit together."""


@dataclass(frozen=True)
class DocumentStatus:
    """One line of the status file: every input document gets exactly one."""

    doc_id: str
    source: str
    status: Status
    n_quotes: int = 0
    error: str | None = None
    parse_ms: float = 0.0
    extract_ms: float = 0.0
    output_offset: int = 0
    encoding: str | None = None
    encoding_guessed: bool = False


@dataclass(frozen=True)
class Processed:
    """A document's status and its quote records, already serialised as JSON Lines."""

    status: DocumentStatus
    lines: bytes = b""


def failed(document: InputDocument, reason: str, status: Status = "error") -> Processed:
    status_line = DocumentStatus(
        document.doc_id,
        document.source,
        status,
        error=reason,
        encoding=document.encoding,
        encoding_guessed=document.encoding_guessed,
    )
    return Processed(status_line)


def same_job(status: Path, recorded: dict[str, Any] | None, header: dict[str, Any], force: bool) -> bool:
    """Whether the status file's header is this job's; if not, refuse unless ``force`` (then warn)."""
    if recorded == header:
        return True
    if recorded is None:
        problem = f"{status} has no job header (written before status files had one, or not a status file)"
    else:
        changes = differences(recorded, header)
        problem = f"{status} was written by another job: " + "; ".join(changes[:6])
        if len(changes) > 6:
            problem += f"; and {len(changes) - 6} more"
    if not force:
        raise ResumeError(
            f"cannot --resume: {problem}. Run the same command as that job, write to another -o, "
            "or add --force to carry on with these settings anyway"
        )
    logger.warning("--force: resuming although %s", problem)
    return False


def default_status_path(output: str) -> Path:
    """``quotes.jsonl`` / ``quotes.jsonl.gz`` → ``quotes.status.jsonl``."""
    path = Path(output)
    name = path.name.removesuffix(".gz").removesuffix(".jsonl")
    return path.with_name(f"{name}.status.jsonl")


class JobOutput:
    """The output and status files of a job (or of one partition), written by the commit protocol.

    With a ``header`` (:mod:`quotes.batch.header`) the status file starts with it, and ``resume``
    refuses a status file whose last header differs (or that has none) unless ``force`` is given, which
    appends the new header; both files are left untouched when it refuses."""

    def __init__(
        self,
        output: Path | None,
        status: Path | None,
        resume: bool = False,
        header: dict[str, Any] | None = None,
        force: bool = False,
    ) -> None:
        self.compress = output is not None and output.suffix == ".gz"
        self.done: set[str] = set()
        offset, write_header = self._recover(output, status, header, force) if resume else (0, header is not None)
        if output is None:
            self._out: IO[bytes] = sys.stdout.buffer
        else:
            output.parent.mkdir(parents=True, exist_ok=True)
            self._out = open(output, "r+b" if resume and output.exists() else "wb")  # noqa: SIM115
            self._out.truncate(offset)
            self._out.seek(offset)
        self._status: IO[bytes] | None = None
        if status is not None:
            status.parent.mkdir(parents=True, exist_ok=True)
            self._status = open(status, "ab" if resume else "wb")  # noqa: SIM115
            if header is not None and write_header:
                self._status.write(header_line(header))
                self._status.flush()

    def _recover(
        self, output: Path | None, status: Path | None, header: dict[str, Any] | None, force: bool
    ) -> tuple[int, bool]:
        """Read the complete status lines, check the job's header, cut off a torn last line; return the
        committed output size and whether the status file needs the header written."""
        if output is None or status is None:
            raise ResumeError("--resume needs an output file (-o) and its status file")
        if not status.exists():
            return 0, header is not None
        offset = kept = 0
        recorded: dict[str, Any] | None = None
        with status.open("rb") as lines:
            for line in lines:
                try:
                    entry = json.loads(line) if line.endswith(b"\n") else None
                except ValueError:
                    entry = None
                if not isinstance(entry, dict):
                    break
                kept += len(line)
                if HEADER_KEY in entry and "doc_id" not in entry:
                    recorded = entry[HEADER_KEY]
                    continue
                offset = int(entry.get("output_offset", offset))
                self.done.add(str(entry["doc_id"]))
        size = output.stat().st_size if output.exists() else 0
        if size < offset:
            raise ResumeError(f"{output} has {size} bytes but {status} says {offset} were written: not one job's files")
        write_header = header is not None and (kept == 0 or not same_job(status, recorded, header, force))
        with status.open("r+b") as file:
            file.truncate(kept)
        return offset, write_header

    def commit(self, processed: Processed) -> None:
        if processed.lines:
            self._out.write(gzip.compress(processed.lines, mtime=0) if self.compress else processed.lines)
            self._out.flush()
        if self._status is not None:
            offset = self._out.tell() if self._out is not sys.stdout.buffer else 0
            entry = asdict(processed.status) | {"output_offset": offset}
            self._status.write((json.dumps(entry, ensure_ascii=False) + "\n").encode("utf8"))
            self._status.flush()
        elif processed.status.error:  # no status file: the reason must still reach the user
            logger.warning("%s: %s", processed.status.source, processed.status.error)
        self.done.add(processed.status.doc_id)

    def close(self) -> None:
        if self._out is not sys.stdout.buffer:
            self._out.close()
        if self._status is not None:
            self._status.close()
