"""``newskg extract``: what the NLP pass finds, as JSON lines."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from . import app, cli_errors, fail


@app.command()
@cli_errors
def extract(
    inputs: Annotated[
        list[Path],
        typer.Argument(help="Article files (.txt, .json, .jsonl), folders, or - for JSON Lines on stdin."),
    ],
    fmt: Annotated[
        str,
        typer.Option(
            "--format", metavar="FORMAT", help="Output format: json (one object per article per line)."
        ),
    ] = "json",
) -> None:
    """Print what the NLP pass finds in each article, one JSON object per line."""
    from ..ingest.readers import STDIN
    from ..ingest.sources import to_articles
    from ..nlp import MAX_TEXT_CHARACTERS
    from ..nlp import extract as run_extract
    from ..records.as_json import record_to_dict

    if fmt != "json":
        fail(f"unknown extract format '{fmt}'; use json")
    sources = [STDIN if str(given) == STDIN else given for given in inputs]  # as newskg build reads them
    for record in run_extract(to_articles(sources, max_characters=MAX_TEXT_CHARACTERS)):
        sys.stdout.write(json.dumps(record_to_dict(record), ensure_ascii=False) + "\n")
