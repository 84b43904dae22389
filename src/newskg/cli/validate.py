"""``newskg validate``: check graphs against the SHACL shapes."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import EXIT_NONCONFORMING, EXIT_OK, app, cli_errors, fail


@app.command()
@cli_errors
def validate(
    graphs: Annotated[
        list[Path] | None,
        typer.Argument(help="RDF files to validate (their union is checked).", show_default=False),
    ] = None,
    store: Annotated[
        Path | None,
        typer.Option("--store", help="Validate a store made by 'newskg build --store' instead of files."),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", help="text (readable report) or turtle (the SHACL report graph).")
    ] = "text",
) -> None:
    """Check graphs against the SHACL shapes and across articles; exit 0 if they conform, 1 if not.

    The text report lists each result with its node's label, the message and the evidence sentences
    with their article ids, sorted; warnings are listed but do not make the graph fail.
    """
    from ..rdf.write import read_graph
    from ..validate.shacl import validate as run_validate

    if fmt not in ("text", "turtle"):
        fail(f"unknown report format '{fmt}'; use text or turtle")
    if store is not None and graphs:
        fail(f"give graph files or --store, not both (got {graphs[0]})")
    if store is None and not graphs:
        fail("give at least one graph file (or --store PATH)")
    if store is not None:
        from ..stores.oxigraph import read_store_graph

        report = run_validate(read_store_graph(store))
    else:
        report = run_validate(read_graph(list(graphs or [])))
    if fmt == "turtle":
        typer.echo(report.turtle(), nl=False)
    else:
        typer.echo(str(report))
    raise typer.Exit(EXIT_OK if report.conforms else EXIT_NONCONFORMING)
