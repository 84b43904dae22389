"""``newskg timeline``: who held which post in an organisation, and when."""

from __future__ import annotations

import sys
from contextlib import closing
from pathlib import Path
from typing import Annotated

import typer

from . import app, cli_errors, fail
from .options import EndpointOption, StoreOption, union_hint

DEFAULT_GRAPH = Path("out/graph.ttl")
"""What ``newskg build`` writes by default, read when no graph, store or endpoint is given."""
FORMATS = ("table", "csv", "json")


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
    store: StoreOption = None,
    endpoint: EndpointOption = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            metavar="FORMAT",
            help="table (for people: a few article ids per post and +N more), csv or json (for programs: "
            "every article id).",
        ),
    ] = "table",
) -> None:
    """Print the posts of an organisation sorted by date: holder, role, first and last report, end, and
    the articles that report each post."""
    from ..errors import QueryError
    from ..graph.build import union_graph
    from ..graph.labels import label
    from ..stores import open_graph
    from ..views.timeline import find_organization, format_timeline, timeline_csv, timeline_json
    from ..views.timeline import timeline as org_timeline

    if fmt not in FORMATS:
        fail(f"unknown timeline format '{fmt}'; use one of {', '.join(FORMATS)}")
    files = list(graphs or ())
    if not files and store is None and endpoint is None:
        files = [DEFAULT_GRAPH]
    with closing(open_graph(files=files, store=store, endpoint=endpoint)) as source:
        graph = union_graph(source)  # read once: the timeline looks up many small things
        try:
            entries = org_timeline(graph, org)
        except QueryError as exc:  # no such organisation, as on an endpoint that shows no graph
            hint = union_hint(source) if endpoint is not None else None
            if hint is None:
                raise
            raise QueryError(f"{exc}; {hint}") from exc
    node = find_organization(graph, org)
    name = label(graph, node)
    if fmt == "csv":
        sys.stdout.write(timeline_csv(entries, organisation=name))
    elif fmt == "json":
        typer.echo(timeline_json(entries, organisation=name, iri=str(node)))
    else:
        typer.echo(format_timeline(entries, title=name))
