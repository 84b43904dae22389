"""``newskg validate``: check a graph (files, a store or an endpoint) against the SHACL shapes."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path
from typing import Annotated

import typer

from . import EXIT_NONCONFORMING, EXIT_OK, app, cli_errors, fail
from .options import EndpointOption, StoreOption


@app.command()
@cli_errors
def validate(
    graphs: Annotated[
        list[Path] | None,
        typer.Argument(help="RDF files to validate (their union is checked).", show_default=False),
    ] = None,
    store: StoreOption = None,
    endpoint: EndpointOption = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format", metavar="FORMAT", help="text (readable report) or turtle (the SHACL report graph)."
        ),
    ] = "text",
) -> None:
    """Check graphs against the SHACL shapes and across articles; exit 0 if they conform, 1 if not.

    The text report lists each result with its node's label, the message and the evidence sentences
    with their article ids, sorted; warnings are listed but do not make the graph fail.
    """
    from ..graph.build import union_graph
    from ..stores import open_graph
    from ..validate.shacl import validate as run_validate

    if fmt not in ("text", "turtle"):
        fail(f"unknown report format '{fmt}'; use text or turtle")
    with closing(open_graph(files=graphs or (), store=store, endpoint=endpoint)) as source:
        graph = union_graph(source)  # pySHACL reads a graph of its own
    report = run_validate(graph)
    if fmt == "turtle":
        typer.echo(report.turtle(), nl=False)
    else:
        typer.echo(str(report))
    raise typer.Exit(EXIT_OK if report.conforms else EXIT_NONCONFORMING)
