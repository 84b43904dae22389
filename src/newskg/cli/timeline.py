"""``newskg timeline``: who held which post in an organisation, and when."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import app, cli_errors


@app.command()
@cli_errors
def timeline(
    org: Annotated[
        str, typer.Argument(help="The organisation: its name, an alias (e.g. an acronym) or its IRI.")
    ],
    graphs: Annotated[
        list[Path] | None,
        typer.Option("--graph", "-g", help="Graph file to read (.ttl, .trig, .nq, ...); repeat for several."),
    ] = None,
) -> None:
    """Print the posts of an organisation sorted by date: holder, role, first and latest report, end."""
    from ..graph.labels import label
    from ..rdf.write import read_graph
    from ..views.timeline import find_organization, format_timeline
    from ..views.timeline import timeline as org_timeline

    graph = read_graph(list(graphs or [Path("out/graph.ttl")]))
    entries = org_timeline(graph, org)
    typer.echo(format_timeline(entries, title=label(graph, find_organization(graph, org))))
