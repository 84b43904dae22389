"""``newskg export``: graph files in, Turtle, N-Triples, TriG, N-Quads, JSON-LD or CSV tables out."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import app, cli_errors


@app.command()
@cli_errors
def export(
    graphs: Annotated[
        list[Path], typer.Argument(help="RDF files to export (.ttl, .trig, .nt, .nq, .jsonld); their union.")
    ],
    output: Annotated[
        str,
        typer.Option(
            "--output",
            "-o",
            help="File to write (.ttl, .nt, .trig, .nq, .jsonld), or a folder for CSV tables (tables/).",
            show_default=False,
        ),
    ],
    fmt: Annotated[
        str | None,
        typer.Option("--format", help="turtle, nt, trig, nquads, json-ld or csv, if not given by the name."),
    ] = None,
) -> None:
    """Convert graphs: Turtle, N-Triples, TriG, N-Quads, compact JSON-LD, or CSV tables for spreadsheets.

    TriG and N-Quads keep the named graphs (one per article); the other formats hold their union.
    CSV writes entities.csv, relations.csv and statistics.csv into the folder given with -o.
    """
    from ..export.writers import export_format, export_tables, file_blocks, write_blocks
    from ..rdf.write import read_graph

    chosen = export_format(output, fmt)  # fail on a bad output name before reading anything
    if chosen == "csv":
        written = export_tables(read_graph(list(graphs)), output)
    else:
        written = [write_blocks(file_blocks(graphs), output, fmt=chosen)]
    for path in written:
        typer.echo(f"wrote {path} ({chosen})")
