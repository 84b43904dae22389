"""``newskg build``: articles in, validated graph out."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import EXIT_NONCONFORMING, app, cli_errors


@app.command()
@cli_errors
def build(
    inputs: Annotated[list[Path], typer.Argument(help="Article files (.txt, .json, .jsonl) or folders.")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Graph file to write (.ttl, .trig, .nq, .nt, .jsonld).")
    ] = Path("out/graph.ttl"),
    fmt: Annotated[
        str | None, typer.Option("--format", help="RDF format, if not given by the file extension.")
    ] = None,
    no_validate: Annotated[bool, typer.Option("--no-validate", help="Skip SHACL validation.")] = False,
) -> None:
    """Read articles, extract entities and facts, build the RDF graph, validate it and write it."""
    from ..corpus import build as build_corpus
    from ..serialize import format_for, write_dataset

    format_for(output, fmt)  # fail on a bad output name before doing any work
    result = build_corpus(inputs, run_validation=not no_validate)
    written = write_dataset(result.dataset, output, fmt=fmt)
    typer.echo(result.summary())
    typer.echo(f"wrote {output} ({written})")
    if result.report is not None and not result.report.conforms:
        typer.echo(str(result.report), err=True)
        raise typer.Exit(EXIT_NONCONFORMING)
