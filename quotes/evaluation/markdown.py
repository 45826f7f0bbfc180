"""Measured numbers go into Markdown files between markers, rewritten by the command that measures them."""

from __future__ import annotations

import platform
import re
import sys
from datetime import date
from pathlib import Path


def replace_block(path: Path, start: str, end: str, body: str) -> None:
    """Put `body` between the `start` and `end` markers of `path` (appended, with them, if absent)."""
    block = f"{start}\n{body}\n{end}"
    current = path.read_text(encoding="utf8") if path.exists() else ""
    pattern = re.compile(re.escape(start) + ".*?" + re.escape(end), re.S)
    updated = pattern.sub(lambda _: block, current) if pattern.search(current) else f"{current}\n{block}\n"
    path.write_text(updated, encoding="utf8")


def measured_on() -> str:
    """`2026-12-01 on x86_64 (CPython 3.11.7)`: when and where a number was measured."""
    return (
        f"{date.today().isoformat()} on {platform.machine()} "
        f"({platform.python_implementation()} {platform.python_version()})"
    )


def command_line(module: str, argv: list[str] | None) -> str:
    """`python -m MODULE ARGS…`: how a block was written, for the block itself."""
    return f"python -m {module}" + "".join(f" {a}" for a in (argv if argv is not None else sys.argv[1:]))
