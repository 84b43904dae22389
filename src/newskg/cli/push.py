"""``newskg push``: upload a graph file or store to a remote triple store, one named graph at a time."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from . import app, cli_errors

PASSWORD_ENV = "NEWSKG_ENDPOINT_PASSWORD"


@app.command()
@cli_errors
def push(
    source: Annotated[
        Path,
        typer.Argument(
            help="A graph file (.trig or .nq keep one graph per article; .ttl goes to the default graph) "
            "or an Oxigraph store folder made by 'newskg build --store'.",
            show_default=False,
        ),
    ],
    endpoint: Annotated[
        str,
        typer.Option(
            "--endpoint",
            metavar="URL",
            help="The store's SPARQL 1.1 Graph Store endpoint, e.g. http://localhost:7878/store for "
            "Oxigraph (Fuseki, Virtuoso and GraphDB: see docs/scale.md).",
            show_default=False,
        ),
    ],
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, help="Most triples sent in one HTTP request.")
    ] = 50_000,
    graph_param: Annotated[
        str,
        typer.Option(
            "--graph-param",
            metavar="NAME",
            help="Query parameter naming the graph ('graph-uri' for old Virtuoso).",
        ),
    ] = "graph",
    user: Annotated[
        str | None,
        typer.Option(
            "--user",
            metavar="NAME",
            help=f"User name for HTTP authentication; the password is read from ${PASSWORD_ENV}.",
        ),
    ] = None,
    digest: Annotated[bool, typer.Option("--digest", help="HTTP digest authentication (Virtuoso).")] = False,
    timeout: Annotated[
        float, typer.Option("--timeout", metavar="SECONDS", min=1, help="Seconds to wait for each answer.")
    ] = 120,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress and no summary.")] = False,
) -> None:
    """Upload each named graph with an HTTP PUT (idempotent: run it again to finish a failed push)."""
    from ..stores.push import Target
    from ..stores.push import push as run_push
    from ..stores.remote import redact_url

    target = Target(
        endpoint, graph_param, user, os.environ.get(PASSWORD_ENV) if user else None, digest, timeout
    )
    show = not quiet and sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if show:
            typer.echo(f"\rpushed {done}/{total} graphs", err=True, nl=done == total)

    result = run_push(source, target, batch_size=batch_size, on_graph=progress)
    if not quiet:
        typer.echo(
            f"pushed {result.graphs} graphs ({result.triples} triples) to {redact_url(endpoint)} "
            f"in {result.requests} requests"
        )
