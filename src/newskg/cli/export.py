"""``newskg export``: a graph (files, a store or an endpoint) out as Turtle, N-Triples, TriG, N-Quads,
JSON-LD or CSV tables."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from . import app, cli_errors
from .options import EndpointOption, StoreOption

if TYPE_CHECKING:
    from ..rdf.write import GraphBlock

NAMED_GRAPH_FORMATS = ("trig", "nquads")


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

    TriG and N-Quads keep the named graphs (one per article; a Turtle or N-Triples file and an endpoint
    give only their union, and a note says so); the other formats hold their union. CSV writes
    entities.csv, relations.csv and statistics.csv into the folder given with -o.
    """
    from ..export.writers import export_format, export_tables, file_blocks, write_blocks
    from ..graph.build import union_graph
    from ..stores import blocks_of, check_sources, open_graph

    files = list(graphs or ())
    chosen = export_format(output, fmt)  # fail on a bad output name before reading anything
    check_sources(files, store=store, endpoint=endpoint)
    note = None
    if chosen != "csv" and files:  # read as written, each lexical form kept
        blocks = file_blocks(files)
        written = [write_blocks(blocks, output, fmt=chosen)]
        note = _lost_graphs(blocks, chosen, output, given=", ".join(map(str, files)))
    else:
        with closing(open_graph(files=files, store=store, endpoint=endpoint)) as source:
            if chosen == "csv":
                written = export_tables(union_graph(source), output)
            else:
                blocks = blocks_of(source)
                written = [write_blocks(blocks, output, fmt=chosen)]
                note = _lost_graphs(blocks, chosen, output, given="the endpoint" if endpoint else str(store))
    for path in written:
        typer.echo(f"wrote {path} ({chosen})")
    if note:
        typer.echo(f"newskg: note: {note}", err=True)


def _lost_graphs(blocks: list[GraphBlock], fmt: str, output: str, *, given: str) -> str | None:
    """What to tell when a TriG or N-Quads file, a format chosen for its named graphs, is written from
    sources that have none (Turtle, N-Triples, an endpoint's union): it then holds one default graph."""
    import pyoxigraph as ox

    if fmt not in NAMED_GRAPH_FORMATS or any(isinstance(name, ox.NamedNode) for name, _ in blocks):
        return None
    return (
        f"{output} has no named graphs, as {given} holds only the union of the article graphs; "
        "for one graph per article export from a .trig or .nq file or a --store"
    )
