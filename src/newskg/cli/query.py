"""``newskg query``: SPARQL or a named query over graph files, a store or an endpoint."""

from __future__ import annotations

import io
import math
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from ..errors import InputError, QueryError
from . import EXIT_INTERRUPTED, EXIT_TERMINATED, Terminated, app, cli_errors, fail
from .options import EndpointOption, StoreOption, union_hint

if TYPE_CHECKING:
    from rdflib import Graph
    from rich.table import Table

    from ..query.named import NamedQuery
    from ..query.run import QueryResult

T = TypeVar("T")
FORMATS = ("table", "csv", "tsv", "json")
DEFAULT_TIMEOUT = 60.0
"""Seconds a query may run (``--timeout``): long enough for any named query on a large store, short
enough that a runaway cross join ends on its own."""
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
            metavar="FORMAT",
            help="SELECT output: table (aligned, for people), csv, tsv or json (SPARQL "
            "results formats, for pipes). ASK prints true/false; CONSTRUCT and DESCRIBE print Turtle.",
        ),
    ] = "table",
    list_queries: Annotated[bool, typer.Option("--list", help="List the named queries and exit.")] = False,
    show: Annotated[
        str | None, typer.Option("--show", metavar="NAME", help="Print a named query's SPARQL and exit.")
    ] = None,
    store: StoreOption = None,
    endpoint: EndpointOption = None,
    allow_service: Annotated[
        bool, typer.Option("--allow-service", help="Let SERVICE, LOAD and FROM fetch data over the network.")
    ] = False,
    allow_update: Annotated[
        bool,
        typer.Option("--allow-update", help="Run SPARQL Update against --store (files are never changed)."),
    ] = False,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout",
            metavar="SECONDS",
            help="Stop the query after this many seconds (counted once graph files are read); 0: no limit.",
        ),
    ] = DEFAULT_TIMEOUT,
) -> None:
    """Run SPARQL, or one of the named queries shipped with newskg, and print the results.

    Examples: newskg query out/graph.ttl "SELECT ?name WHERE { ?p a nkg:Person ; skos:prefLabel ?name }";
    newskg query out/graph.ttl heads-of ORG=ISIPO; newskg query --list.
    The prefixes rdf, rdfs, xsd, owl, skos, nkg, id, org, schema, prov, oa and time need no declaration.
    """
    from ..query.named import named_queries, named_query

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
    if timeout < 0 or math.isnan(timeout):
        fail(f"--timeout {timeout:g}: give a number of seconds, or 0 for no limit")
    limit = timeout or None
    opener = _graph_opener(
        graphs, store=store, endpoint=endpoint, writable=allow_update, timeout=limit, fetches=allow_service
    )

    def job() -> tuple[QueryResult, str | None]:
        graph = opener()
        try:
            try:
                result = _run(
                    graph, text, params, origin=origin, allow_service=allow_service, allow_update=allow_update
                )
            except QueryError as exc:  # a name not found, as on an endpoint that shows no graph
                hint = union_hint(graph) if endpoint is not None else None
                if hint is None:
                    raise
                raise QueryError(f"{exc}; {hint}") from exc
            return result, union_hint(graph) if endpoint is not None and _found_nothing(result) else None
        finally:
            if store is not None or endpoint is not None:
                graph.close()

    from ..rdf.parse import rdflib_term_warnings_silenced

    with rdflib_term_warnings_silenced():  # the result's ill-typed literals are made again here
        result, hint = _run_stoppable(job, limit, origin=origin, update=allow_update)
    _print_result(result, fmt)
    if hint is not None:
        typer.echo(f"newskg: hint: {hint}", err=True)


def _found_nothing(result: QueryResult) -> bool:
    if result.kind == "ASK":
        return not result.boolean
    return result.kind != "UPDATE" and len(result) == 0


def _run_stoppable(job: Callable[[], T], limit: float | None, *, origin: str, update: bool) -> T:
    """Run the query in a process that a time limit, Ctrl-C or SIGTERM really stop."""
    from ..build.stoppable import TimeLimitExceeded, run_stoppable

    what, partial = ("update", " (it may have been applied in part)") if update else ("query", "")
    try:
        return run_stoppable(job, timeout=limit)
    except TimeLimitExceeded as exc:
        raise QueryError(
            f"{origin}: the {what} ran past its time limit of {exc.seconds:g} s and was stopped{partial}; "
            "raise the limit with --timeout SECONDS (0 for none)"
        ) from None
    except Terminated:
        typer.echo(f"newskg: terminated; the {what} was stopped{partial}", err=True)
        raise typer.Exit(EXIT_TERMINATED) from None
    except KeyboardInterrupt:
        typer.echo(f"newskg: interrupted; the {what} was stopped{partial}", err=True)
        raise typer.Exit(EXIT_INTERRUPTED) from None


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
    from ..query.named import named_query
    from ..query.run import as_term, run_named, run_sparql

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
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: no such query file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the query: {exc}") from None


def _graph_opener(
    graphs: list[Path],
    *,
    store: Path | None,
    endpoint: str | None,
    writable: bool,
    timeout: float | None,
    fetches: bool = False,
) -> Callable[[], Graph]:
    """What opens the graph to query: graph files are read now (their named graphs kept), a store or
    an endpoint is opened where the query runs, so that stopping it releases them.

    Graph files are read into an in-memory Oxigraph store and queried there, as a store is (some 5 times
    faster than rdflib on a large file); with ``--allow-service`` (``fetches``) into an rdflib dataset as
    before, so that SERVICE, LOAD and FROM fetch what they name through rdflib, as they always have."""
    from ..stores import check_sources, open_graph

    check_sources(graphs, store=store, endpoint=endpoint)
    if store is None and endpoint is None:
        dataset = open_graph(files=graphs, in_oxigraph=not fetches)
        return lambda: dataset
    return lambda: open_graph(store=store, endpoint=endpoint, writable=writable, timeout=timeout)


def _print_result(result: QueryResult, fmt: str) -> None:
    if result.kind == "UPDATE":
        typer.echo("update applied", err=True)
    elif result.kind == "ASK":
        typer.echo(result.to_json() if fmt == "json" else result.to_text())
    elif result.kind in ("CONSTRUCT", "DESCRIBE"):
        typer.echo(result.to_turtle(), nl=False)
    elif fmt == "csv":  # exact data for programs; on a terminal, control characters made visible
        sys.stdout.write(result.to_csv(terminal=sys.stdout.isatty()))
    elif fmt == "tsv":
        sys.stdout.write(result.to_tsv())
    elif fmt == "json":
        typer.echo(result.to_json())
    else:
        _print_table(result)


def _print_table(result: QueryResult) -> None:
    """An aligned table; on a terminal it fits the window, in a pipe nothing is cut."""
    from rich.text import Text

    from ..query.run import display

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
