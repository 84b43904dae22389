"""``newskg query``: SPARQL or a named query over graph files, a store or an endpoint."""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import QueryError
from . import app, cli_errors, fail

if TYPE_CHECKING:
    from rdflib import Graph
    from rich.table import Table

    from ..queries import NamedQuery
    from ..query import QueryResult

FORMATS = ("table", "csv", "tsv", "json")
RDF_SUFFIXES = (".ttl", ".turtle", ".nt", ".trig", ".nq", ".jsonld", ".json", ".rdf", ".owl", ".xml")
_PARAM = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)=(.*)", re.DOTALL)
_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


@app.command()
@cli_errors
def query(
    args: Annotated[
        list[str] | None,
        typer.Argument(
            help="GRAPH files (Turtle, TriG, N-Triples, N-Quads, JSON-LD), then the SPARQL text or the "
            "name of a named query, then its parameters as NAME=VALUE.",
            show_default=False,
        ),
    ] = None,
    file: Annotated[
        Path | None,
        typer.Option("--file", "-f", help="Read the SPARQL from this .rq file.", show_default=False),
    ] = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            help="SELECT output: table (aligned, for people), csv, tsv or json (SPARQL "
            "results formats, for pipes). ASK prints true/false; CONSTRUCT and DESCRIBE print Turtle.",
        ),
    ] = "table",
    list_queries: Annotated[bool, typer.Option("--list", help="List the named queries and exit.")] = False,
    show: Annotated[
        str | None, typer.Option("--show", metavar="NAME", help="Print a named query's SPARQL and exit.")
    ] = None,
    store: Annotated[
        Path | None,
        typer.Option("--store", help="Query a newskg store (folder) instead of files.", show_default=False),
    ] = None,
    endpoint: Annotated[
        str | None, typer.Option("--endpoint", help="Query a SPARQL endpoint (URL) instead of files.")
    ] = None,
    allow_service: Annotated[
        bool, typer.Option("--allow-service", help="Let SERVICE, LOAD and FROM fetch data over the network.")
    ] = False,
    allow_update: Annotated[
        bool,
        typer.Option("--allow-update", help="Run SPARQL Update against --store (files are never changed)."),
    ] = False,
) -> None:
    """Run SPARQL, or one of the named queries shipped with newskg, and print the results.

    Examples: newskg query out/graph.ttl "SELECT ?name WHERE { ?p a nkg:Person ; skos:prefLabel ?name }";
    newskg query out/graph.ttl heads-of ORG=ISIPO; newskg query --list.
    The prefixes rdf, rdfs, xsd, owl, skos, nkg, id, org, schema, prov, oa and time need no declaration.
    """
    from ..queries import named_queries, named_query

    if list_queries:
        _print_library(named_queries())
        return
    if show is not None:
        typer.echo(named_query(show).sparql, nl=False)
        return
    if fmt not in FORMATS:
        fail(f"unknown output format '{fmt}'; use one of {', '.join(FORMATS)}")
    graphs, text, params = split_arguments(
        list(args or ()), has_file=file is not None, names=set(named_queries())
    )
    origin = "query"
    if file is not None:
        text, origin = _read_query_file(file), str(file)
    if text is None:
        fail("give a SPARQL query, a named query (newskg query --list) or --file QUERY.rq")
        return
    if allow_update and store is None:
        fail(
            "--allow-update changes a store: use it with --store PATH; "
            "graph files and endpoints are never changed"
        )
    graph = _open_graph(graphs, store=store, endpoint=endpoint, writable=allow_update)
    try:
        result = _run(
            graph, text, params, origin=origin, allow_service=allow_service, allow_update=allow_update
        )
    finally:
        if store is not None or endpoint is not None:
            graph.close()
    _print_result(result, fmt)


def split_arguments(
    args: Sequence[str], *, has_file: bool, names: set[str]
) -> tuple[list[Path], str | None, dict[str, str]]:
    """Graph files, then the query (SPARQL text or a named query), then NAME=VALUE parameters."""
    graphs: list[Path] = []
    text: str | None = None
    params: dict[str, str] = {}
    for arg in args:
        found = _PARAM.fullmatch(arg)
        if text is not None or has_file:
            if found is not None and not Path(arg).exists():
                params[found.group(1)] = found.group(2)
            elif text is not None:
                fail(f"unexpected argument '{arg}' after the query; give parameters as NAME=VALUE")
            else:
                graphs.append(Path(arg))
        elif Path(arg).exists() or arg.lower().endswith(RDF_SUFFIXES):
            graphs.append(Path(arg))
        elif arg in names or _NAME.fullmatch(arg):
            text = arg
        elif found is not None:
            fail(f"parameter '{arg}' comes before any query; write GRAPH... QUERY NAME=VALUE")
        else:
            text = arg
    return graphs, text, params


def _run(
    graph: Graph, text: str, params: dict[str, str], *, origin: str, allow_service: bool, allow_update: bool
) -> QueryResult:
    """A named query (its parameters read as declared) or SPARQL text (``<iri>`` or literal values)."""
    from ..queries import named_query
    from ..query import as_term, run_named, run_sparql

    if origin == "query" and _NAME.fullmatch(text):
        return run_named(graph, named_query(text), params, allow_service=allow_service)
    return run_sparql(
        graph,
        text,
        bindings={name: as_term(value) for name, value in params.items()},
        allow_service=allow_service,
        allow_update=allow_update,
        origin=origin,
    )


def _read_query_file(path: Path) -> str:
    from ..errors import InputError

    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: no such query file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the query: {exc}") from None


def _open_graph(graphs: list[Path], *, store: Path | None, endpoint: str | None, writable: bool) -> Graph:
    """The graph to query: the union of the files, a store, or an endpoint (opened lazily)."""
    if store is not None and endpoint is not None:
        fail("give --store or --endpoint, not both")
    if (store is not None or endpoint is not None) and graphs:
        fail(f"give graph files or --store/--endpoint, not both (got {graphs[0]})")
    if store is not None or endpoint is not None:
        try:
            from .. import store as stores
        except ImportError:
            option = "--store" if store is not None else "--endpoint"
            raise QueryError(f"{option} needs newskg.store, which this installation lacks") from None
        if store is not None:
            return stores.open_store(store, read_only=not writable)
        return stores.open_endpoint(str(endpoint))
    if not graphs:
        fail("give at least one graph file (or --store PATH, or --endpoint URL)")
    from ..serialize import read_graph

    return read_graph([*graphs])


def _print_result(result: QueryResult, fmt: str) -> None:
    if result.kind == "UPDATE":
        typer.echo("update applied", err=True)
    elif result.kind == "ASK":
        typer.echo(result.to_json() if fmt == "json" else result.to_text())
    elif result.kind in ("CONSTRUCT", "DESCRIBE"):
        typer.echo(result.to_turtle(), nl=False)
    elif fmt == "csv":
        sys.stdout.write(result.to_csv())
    elif fmt == "tsv":
        sys.stdout.write(result.to_tsv())
    elif fmt == "json":
        typer.echo(result.to_json())
    else:
        _print_table(result)


def _print_table(result: QueryResult) -> None:
    """An aligned table; on a terminal it fits the window, in a pipe nothing is cut."""
    from rich.text import Text

    from ..query import display

    table = _table([(var, "fold") for var in result.variables])
    for row in result.rows:
        table.add_row(*(Text(display(value)) for value in row))
    _print_rich(table)
    typer.echo(f"{len(result.rows)} row{'s' if len(result.rows) != 1 else ''}", err=True)


def _print_library(library: dict[str, NamedQuery]) -> None:
    from rich.text import Text

    table = _table([("query", "ignore"), ("what it answers", "fold")])
    for name in sorted(library):
        named = library[name]
        table.add_row(Text(named.usage()), Text(f"{named.title}. {named.description}".strip()))
    _print_rich(table)


def _table(columns: list[tuple[str, str]]) -> Table:
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for header, overflow in columns:
        table.add_column(header, overflow=overflow, no_wrap=overflow == "ignore")  # type: ignore[arg-type]
    return table


def _print_rich(renderable: Table) -> None:
    """Rich on a terminal; in a pipe, full-width lines without trailing spaces."""
    from rich.console import Console

    if sys.stdout.isatty():
        Console(highlight=False).print(renderable)
        return
    console = Console(highlight=False, width=100_000, record=True, file=io.StringIO(), color_system=None)
    console.print(renderable)
    for line in console.export_text().splitlines():
        typer.echo(line.rstrip())
