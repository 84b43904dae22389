"""``newskg show``: draw a graph (files, a store or an endpoint) as an interactive web page or a picture."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path
from typing import Annotated

import typer

from . import app, cli_errors, fail
from .options import EndpointOption, StoreOption

VIEWS = ("entities", "triples")


@app.command()
@cli_errors
def show(
    graphs: Annotated[
        list[Path] | None, typer.Argument(help="RDF files to draw (their union).", show_default=False)
    ] = None,
    store: StoreOption = None,
    endpoint: EndpointOption = None,
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="graph.html (interactive page), graph.png, .svg or .pdf."),
    ] = Path("out/graph.html"),
    view: Annotated[
        str,
        typer.Option(
            "--view", help="entities (people, organisations, places and their relations) or triples."
        ),
    ] = "entities",
    title: Annotated[
        str | None,
        typer.Option(
            "--title",
            help="Title of the page or picture (default: what the graph is about: the headline of one "
            "article, else the people and organisations most of its articles name).",
        ),
    ] = None,
) -> None:
    """Draw the graph: an HTML page to explore (offline, self-contained), or a PNG/SVG/PDF picture."""
    from ..graph.build import union_graph
    from ..stores import check_sources, open_graph
    from ..views.html import to_html
    from ..views.network import IMAGE_FORMATS, network_to_draw, subject_title, to_image

    if view not in VIEWS:
        fail(f"unknown view '{view}'; use {' or '.join(VIEWS)}")
    suffix = output.suffix.lower()
    if suffix not in (".html", ".htm", *IMAGE_FORMATS):
        fail(f"{output}: write .html, {', '.join(IMAGE_FORMATS)}")
    files = list(graphs or ())
    check_sources(files, store=store, endpoint=endpoint)
    with closing(open_graph(files=files, store=store, endpoint=endpoint)) as source:
        graph = union_graph(source)  # drawn from memory: a store or an endpoint is read once
    name = ", ".join(str(path) for path in files) if files else str(store or endpoint)
    network = network_to_draw(graph, view=view, name=name)  # type: ignore[arg-type]
    label = subject_title(network, graph) if title is None else title
    if suffix in (".html", ".htm"):
        to_html(network, output, title=label)
    else:
        to_image(network, output, title=label)
    typer.echo(f"wrote {output}")
