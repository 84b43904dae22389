"""``newskg validate``: check a graph (files, a store or an endpoint) against the SHACL shapes."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..build.cores import usable_cores
from . import EXIT_NONCONFORMING, EXIT_OK, app, cli_errors, fail
from .options import EndpointOption, StoreOption, jobs_option

if TYPE_CHECKING:
    import pyoxigraph as ox

    from ..validate.shacl import ValidationReport

DEFAULT_JOBS = usable_cores()


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
    jobs: Annotated[
        int,
        jobs_option("that check the article graphs of graph files", "The report does not depend on it."),
    ] = DEFAULT_JOBS,
) -> None:
    """Check graphs against the SHACL shapes and across articles; exit 0 if they conform, 1 if not.

    The text report lists each result with its node's label, the message and the evidence sentences
    with their article ids, sorted; warnings are listed but do not make the graph fail. Article graphs
    (the named graphs of newskg's TriG and N-Quads, or of a store) are checked one at a time, the rest
    on the union; a file without named graphs is checked on the union, node by node.
    """
    if fmt not in ("text", "turtle"):
        fail(f"unknown report format '{fmt}'; use text or turtle")
    report = _report(graphs or [], store, endpoint, jobs=jobs)
    if fmt == "turtle":
        typer.echo(report.turtle(), nl=False)
    else:
        typer.echo(str(report))
    raise typer.Exit(EXIT_OK if report.conforms else EXIT_NONCONFORMING)


def _report(files: list[Path], store: Path | None, endpoint: str | None, *, jobs: int) -> ValidationReport:
    """Files are read graph by graph, their article graphs checked in ``jobs`` processes; a store is
    read where it is, in this process; an endpoint's graph is fetched whole. What cannot be taken apart
    (blank nodes) is validated whole in memory, as it always was."""
    from ..build.processes import process_mapper
    from ..graph.build import union_graph
    from ..stores import open_graph
    from ..stores._folder import open_oxigraph
    from ..stores._open import check_sources
    from ..validate.corpus import NeedsWholeGraph
    from ..validate.files import validate_files
    from ..validate.shacl import validate as validate_graph
    from ..validate.shacl import validate_store

    check_sources(files, store=store, endpoint=endpoint)
    try:
        if store is not None:
            stored = open_oxigraph(store, read_only=True)
            try:
                return validate_store(stored, union_default=_keeps_union(stored))
            finally:
                del stored
        if endpoint is None:
            return validate_files(files, mapper=process_mapper(jobs))
    except NeedsWholeGraph:
        pass
    with closing(open_graph(files=files, store=store, endpoint=endpoint)) as source:
        graph = union_graph(source)  # pySHACL reads a graph of its own
    return validate_graph(graph)


def _keeps_union(store: ox.Store) -> bool:
    """Whether a store's default graph is the union of its named graphs (as newskg builds keep it)."""
    import pyoxigraph as ox

    has_named = next(store.named_graphs(), None) is not None
    return has_named and next(store.quads_for_pattern(None, None, None, ox.DefaultGraph()), None) is not None
