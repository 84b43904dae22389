"""``newskg validate``: check graphs against the SHACL shapes."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import EXIT_NONCONFORMING, EXIT_OK, app, cli_errors, fail


@app.command()
@cli_errors
def validate(
    graphs: Annotated[list[Path], typer.Argument(help="RDF files to validate (their union is checked).")],
    fmt: Annotated[
        str, typer.Option("--format", help="text (readable report) or turtle (the SHACL report graph).")
    ] = "text",
) -> None:
    """Check graphs against the newskg SHACL shapes; exit 0 if they conform, 1 if not."""
    from ..serialize import read_graph
    from ..validate import validate as run_validate

    if fmt not in ("text", "turtle"):
        fail(f"unknown report format '{fmt}'; use text or turtle")
    report = run_validate(read_graph(list(graphs)))
    if fmt == "turtle":
        typer.echo(report.graph.serialize(format="turtle"))
    else:
        typer.echo(str(report))
    raise typer.Exit(EXIT_OK if report.conforms else EXIT_NONCONFORMING)
