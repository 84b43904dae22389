"""``newskg export``: a graph (files, a store or an endpoint) out as Turtle, N-Triples, TriG, N-Quads,
JSON-LD or CSV tables."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path
from typing import Annotated

import typer

from . import app, cli_errors
from .options import EndpointOption, StoreOption


@app.command()
@cli_errors
def export(
    output: Annotated[
        str,
        typer.Option(
            "--output",
            "-o",
            help="File to write (.ttl, .nt, .trig, .nq, .jsonld), or a folder for CSV tables (tables/).",
            show_default=False,
        ),
    ],
    graphs: Annotated[
        list[Path] | None,
        typer.Argument(
            help="RDF files to export (.ttl, .trig, .nt, .nq, .jsonld); their union.", show_default=False
        ),
    ] = None,
    store: StoreOption = None,
    endpoint: EndpointOption = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            metavar="FORMAT",
            help="turtle, nt, trig, nquads, json-ld or csv, if not given by the name.",
        ),
    ] = None,
) -> None:
    """Convert graphs: Turtle, N-Triples, TriG, N-Quads, compact JSON-LD, or CSV tables for spreadsheets.

    TriG and N-Quads keep the named graphs (one per article; an endpoint gives only its union); the
    other formats hold their union. CSV writes entities.csv, relations.csv and statistics.csv into the
    folder given with -o.
    """
    from ..export.writers import export_format, export_tables, file_blocks, write_blocks
    from ..graph.build import union_graph
    from ..stores import blocks_of, check_sources, open_graph

    files = list(graphs or ())
    chosen = export_format(output, fmt)  # fail on a bad output name before reading anything
    check_sources(files, store=store, endpoint=endpoint)
    if chosen != "csv" and files:  # read as written, each lexical form kept
        written = [write_blocks(file_blocks(files), output, fmt=chosen)]
    else:
        with closing(open_graph(files=files, store=store, endpoint=endpoint)) as source:
            if chosen == "csv":
                written = export_tables(union_graph(source), output)
            else:
                written = [write_blocks(blocks_of(source), output, fmt=chosen)]
    for path in written:
        typer.echo(f"wrote {path} ({chosen})")
