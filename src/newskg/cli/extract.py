"""``newskg extract``: what the NLP pass finds, as JSON lines."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from . import app, cli_errors, fail
from .options import InputsArgument, article_sources


@app.command()
@cli_errors
def extract(
    inputs: InputsArgument,
    fmt: Annotated[
        str,
        typer.Option(
            "--format", metavar="FORMAT", help="Output format: json (one object per article per line)."
        ),
    ] = "json",
) -> None:
    """Print what the NLP pass finds in each article, one JSON object per line."""
    from ..ingest.sources import to_articles
    from ..nlp import MAX_TEXT_CHARACTERS
    from ..nlp import extract as run_extract
    from ..records.as_json import record_to_dict

    if fmt != "json":
        fail(f"unknown extract format '{fmt}'; use json")
    for record in run_extract(to_articles(article_sources(inputs), max_characters=MAX_TEXT_CHARACTERS)):
        sys.stdout.write(json.dumps(record_to_dict(record), ensure_ascii=False) + "\n")
