"""Run SPARQL over a newskg graph: read-only and offline unless the caller asks otherwise.

Every query is parsed by rdflib before it runs, whatever store will answer it (an in-memory graph,
an Oxigraph store, a remote endpoint), so the same rules hold everywhere (``newskg.query.safety``):
SPARQL Update is refused unless ``allow_update=True``; ``SERVICE`` (federation), ``LOAD``, ``FROM``
clauses naming graphs the dataset does not hold and ``USING`` clauses that rdflib would download, all
of which would fetch data over the network, are refused unless ``allow_service=True``. Parameters are
bound as RDF terms (``initBindings``, ``newskg.query.parameters``), never pasted into the query text.
Rows of a query without ``ORDER BY`` are sorted, so output is deterministic (``newskg.query.results``).
Queries see the union of the graphs (``newskg.graph.access.union_view``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from oxrdflib import OxigraphStore
from rdflib import Graph
from rdflib.term import Identifier

from ..errors import QueryError, StoreError
from ..graph.access import union_view
from ..rdf.parse import rdflib_term_warnings_silenced
from ..vocab.prefixes import DATA_PREFIXES
from .named import NamedQuery, named_queries, named_query
from .parameters import as_term, resolve_param
from .results import QueryResult, display, frozen_result
from .safety import CheckedSparql, check_graphs, check_sparql

_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


def query(
    graph: Graph, sparql: str, /, *, allow_service: bool = False, allow_update: bool = False, **params: object
) -> QueryResult:
    """Run SPARQL text, or a named query (``query(graph, "heads-of", org="ISIPO")``), on ``graph``.

    ``params`` bind variables: for a named query they are read as its parameters declare (an entity
    name is looked up in the graph); for SPARQL text an rdflib term is bound as is, ``"<iri>"`` as an
    IRI and anything else as a literal.
    """
    if _NAME.fullmatch(sparql.strip()):
        return run_named(graph, named_query(sparql.strip()), params, allow_service=allow_service)
    bindings = {name: as_term(value) for name, value in params.items()}
    return run_sparql(
        graph, sparql, bindings=bindings, allow_service=allow_service, allow_update=allow_update
    )


def run_named(
    graph: Graph, named: NamedQuery, params: Mapping[str, object], *, allow_service: bool = False
) -> QueryResult:
    """Run a library query, reading each parameter as declared; missing or unknown ones are errors."""
    declared = {p.name: p for p in named.params}
    given = {name.lower(): value for name, value in params.items()}
    unknown = sorted(set(given) - set(declared))
    if unknown:
        takes = " ".join(p.usage() for p in named.params) or "no parameters"
        raise QueryError(
            f"{named.name} takes {takes}; unknown parameter {', '.join(u.upper() for u in unknown)}"
        )
    missing = [p for p in named.params if p.required and p.name not in given]
    if missing:
        raise QueryError(f"{named.name} needs {missing[0].name.upper()}=...: {missing[0].help}")
    bindings = {name: resolve_param(graph, declared[name], value) for name, value in sorted(given.items())}
    return run_sparql(
        graph,
        named.sparql,
        bindings=bindings,
        allow_service=allow_service,
        origin=f"newskg/queries/{named.name}.rq",
    )


def run_sparql(
    graph: Graph,
    sparql: str,
    *,
    bindings: Mapping[str, Identifier] | None = None,
    allow_service: bool = False,
    allow_update: bool = False,
    origin: str = "query",
) -> QueryResult:
    """Check ``sparql`` (``origin`` names it in errors), then run it on ``graph``."""
    bindings = dict(bindings or {})
    for name in bindings:
        if not re.search(rf"[?$]{re.escape(name)}\b", sparql):
            raise QueryError(f"{origin}: the query has no variable ?{name} to bind")
    checked = check_sparql(sparql, allow_service=allow_service, allow_update=allow_update, origin=origin)
    graph = union_view(graph)
    check_graphs(graph, checked, allow_service=allow_service, origin=origin)
    try:
        with rdflib_term_warnings_silenced():  # ill-typed literals in results: kept, no traceback
            if checked.kind == "UPDATE":
                if bindings:  # oxrdflib refuses initBindings on updates, even empty ones
                    graph.update(sparql, initNs=DATA_PREFIXES, initBindings=bindings)
                else:
                    graph.update(sparql, initNs=DATA_PREFIXES)
                return QueryResult("UPDATE")
            if checked.graphs and isinstance(graph.store, OxigraphStore):
                # oxrdflib names the default graph to Oxigraph, which then ignores FROM and FROM NAMED;
                # asked for no graph, Oxigraph takes them from the query, as rdflib does
                result = graph.store.query(sparql, DATA_PREFIXES, bindings, queryGraph="")
            else:
                result = graph.query(sparql, initNs=DATA_PREFIXES, initBindings=bindings or None)
            return frozen_result(result, checked.kind, checked.ordered)
    except OSError as exc:
        raise StoreError(f"{origin}: the store or endpoint failed: {exc}") from exc
    except (RuntimeError, SyntaxError) as exc:  # what Oxigraph raises for a query it cannot run
        raise StoreError(f"{origin}: the store cannot run this query: {exc}") from exc
    except TypeError as exc:
        if "read only" in str(exc).lower():
            raise StoreError(f"{origin}: this store is read-only; updates need a writable --store") from exc
        raise


__all__ = [
    "CheckedSparql",
    "QueryResult",
    "as_term",
    "check_sparql",
    "display",
    "named_queries",
    "query",
    "resolve_param",
    "run_named",
    "run_sparql",
]
