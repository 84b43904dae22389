"""What the scripts deriving committed files (the ``src/newskg/nlp/data`` tables, the generated vocabulary
modules) share: where the tables live, how they are read, and a command line that writes a table or,
with ``--check``, says whether it is out of date.

The scripts import it as a sibling (``python scripts/build_x.py`` puts ``scripts/`` on the path), so
they stay runnable from a throwaway environment in which newskg itself is not installed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "src" / "newskg" / "nlp" / "data"


def words(*lines: str) -> list[str]:
    """The white-space separated words of some lines (keeps long word lists readable)."""
    return [word for line in lines for word in line.split()]


def read_tsv(path: Path) -> Iterator[list[str]]:
    """The tab-separated fields of each data line (``#`` lines and blank lines skipped)."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def argument_parser(
    doc: str | None, default_out: Path, *, checked: str = "the table"
) -> argparse.ArgumentParser:
    """``--out`` and ``--check``, described from the script's docstring."""
    parser = argparse.ArgumentParser(description=(doc or "").split("\n", 1)[0])
    parser.add_argument(
        "--out", type=Path, default=default_out, help="where to write the table (default: %(default)s)"
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help=f"write nothing; exit 1 if {checked} on disk differs from a fresh build",
    )
    return parser


def write_or_check(outputs: dict[Path, str], *, check: bool, summary: str) -> int:
    """Write every output, or with ``check`` name those that differ from what is on disk; an exit code."""
    if check:
        stale = [
            path for path, text in outputs.items() if not path.exists() or path.read_text("utf-8") != text
        ]
        for path in stale:
            print(f"{path} is out of date; rerun without --check", file=sys.stderr)
        return 1 if stale else 0
    for path, text in outputs.items():
        path.write_text(text, encoding="utf-8")
    print(summary, file=sys.stderr)
    return 0
