"""The rules every query obeys, checked on rdflib's parse before any store runs it: read-only unless
updates are allowed, and offline unless the network is: no ``SERVICE``, ``LOAD``, ``USING`` or ``FROM``
that would fetch data; dataset clauses and ``GRAPH`` must mean something on the graph queried."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import NamedTuple

from pyparsing import ParseBaseException, ParseResults
from rdflib import Graph, URIRef
from rdflib.graph import ConjunctiveGraph
from rdflib.plugins.sparql.algebra import translateQuery, translateUpdate
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.stores.sparqlstore import SPARQLStore

from ..errors import QueryError
from ..vocab.prefixes import DATA_PREFIXES

_ORDERED_WRAPPERS = {"Project", "Distinct", "Reduced", "Slice", "ToMultiSet"}
_NAMED_GRAPH_PATTERNS = {"GraphGraphPattern", "QuadsNotTriples"}
"""Parse-tree nodes that need named graphs: ``GRAPH ?g { ... }`` in a pattern or an update template."""


class CheckedSparql(NamedTuple):
    """What ``check_sparql`` found in a query or update that it allows."""

    kind: str
    """SELECT, ASK, CONSTRUCT, DESCRIBE or UPDATE."""
    ordered: bool
    """Whether the query orders its own solutions (``ORDER BY`` outside any subquery)."""
    graphs: tuple[tuple[str, URIRef], ...] = ()
    """The dataset clauses, as (``FROM``, ``FROM NAMED``, ``USING`` or ``USING NAMED``, graph IRI)."""
    names_graphs: bool = False
    """Whether it uses ``GRAPH`` (in a pattern or an update template), which needs named graphs."""


def check_sparql(
    sparql: str, *, allow_service: bool = False, allow_update: bool = False, origin: str = "query"
) -> CheckedSparql:
    """Parse ``sparql`` and enforce the rules; return what the caller needs to run it safely."""
    try:
        parsed = parseQuery(sparql)
    except ParseBaseException as query_error:
        try:
            update = parseUpdate(sparql)
        except ParseBaseException as update_error:
            furthest = max(query_error, update_error, key=lambda e: e.loc)
            raise _syntax_error(furthest, origin) from None
        if not allow_update:
            raise QueryError(
                f"{origin}: SPARQL Update is refused: queries are read-only "
                "(pass --allow-update with --store, or allow_update=True, to change a store)"
            ) from None
        _refuse_remote(update, allow_service=allow_service, origin=origin)
        try:
            operations = translateUpdate(update, initNs=DATA_PREFIXES).algebra
        except Exception as exc:  # rdflib raises bare Exceptions (e.g. an undeclared prefix)
            raise QueryError(f"{origin}: {str(exc).strip()}") from exc
        using = tuple(
            _dataset_clause(clause, "USING")
            for operation in operations
            for clause in (dict.get(operation, "using") or () if isinstance(operation, CompValue) else ())
        )
        return CheckedSparql("UPDATE", False, using, _names_graphs(update))
    _refuse_remote(parsed, allow_service=allow_service, origin=origin)
    try:
        algebra = translateQuery(parsed, initNs=DATA_PREFIXES).algebra
    except Exception as exc:  # rdflib raises bare Exceptions (e.g. an undeclared prefix)
        raise QueryError(f"{origin}: {str(exc).strip()}") from exc
    kind = algebra.name.removesuffix("Query").upper()
    datasets = tuple(_dataset_clause(clause, "FROM") for clause in dict.get(algebra, "datasetClause") or ())
    return CheckedSparql(kind, _is_ordered(algebra), datasets, _names_graphs(parsed))


def _dataset_clause(clause: CompValue, keyword: str) -> tuple[str, URIRef]:
    """(``FROM`` or ``FROM NAMED``, IRI) for a query's clause, (``USING ...``, IRI) for an update's."""
    named = dict.get(clause, "named")  # CompValue.get returns the key itself for a missing one
    return (
        (f"{keyword} NAMED", URIRef(str(named)))
        if named is not None
        else (keyword, URIRef(str(dict.get(clause, "default"))))
    )


def _names_graphs(tree: object) -> bool:
    return any(node.name in _NAMED_GRAPH_PATTERNS for node in _walk(tree))


def _refuse_remote(tree: object, *, allow_service: bool, origin: str) -> None:
    """Refuse SERVICE and LOAD anywhere in a parse tree unless the caller allowed network access."""
    if allow_service:
        return
    for node in _walk(tree):
        if node.name == "ServiceGraphPattern":
            raise QueryError(
                f"{origin}: SERVICE <{node.get('term')}> is refused: queries do not reach other "
                "endpoints unless you pass --allow-service (allow_service=True)"
            )
        if node.name == "Load":
            raise QueryError(
                f"{origin}: LOAD <{node.get('iri')}> is refused: newskg does not fetch data "
                "unless you pass --allow-service (allow_service=True)"
            )


def check_graphs(graph: Graph, checked: CheckedSparql, *, allow_service: bool, origin: str) -> None:
    """Dataset clauses and ``GRAPH`` must mean something here, and must not make rdflib download.

    rdflib fetches a ``FROM`` graph its dataset lacks from the web, and every ``USING`` graph of an
    update, even one it holds (updates run in rdflib, also on a store). An endpoint answers for its
    own graphs.
    """
    if isinstance(graph.store, SPARQLStore):
        return
    if not isinstance(graph, ConjunctiveGraph):
        if checked.graphs or checked.names_graphs:
            what = f"{checked.graphs[0][0]} <{checked.graphs[0][1]}>" if checked.graphs else "GRAPH"
            raise QueryError(
                f"{origin}: {what} needs named graphs, and this is a plain rdflib Graph, which has none; "
                "query a Dataset (newskg.build(...).dataset, or a TriG or N-Quads file read into one)"
            )
        return
    if allow_service:
        return
    for clause, iri in checked.graphs:
        if clause.startswith("USING"):
            raise QueryError(
                f"{origin}: {clause} <{iri}> is refused: rdflib downloads USING graphs, even ones the "
                "dataset holds; write GRAPH <...> { ... } in the WHERE clause instead, or pass "
                "--allow-service (allow_service=True)"
            )
        if not _holds_graph(graph, iri):
            raise QueryError(
                f"{origin}: {clause} <{iri}> names no graph of the dataset (named graphs come from "
                "TriG, N-Quads or JSON-LD files, or a store); newskg does not fetch graphs from the web "
                "unless you pass --allow-service (allow_service=True)"
            )


def _holds_graph(dataset: Graph, iri: URIRef) -> bool:
    assert isinstance(dataset, ConjunctiveGraph)
    return any(True for _ in dataset.get_context(iri).triples((None, None, None)))


def _walk(node: object) -> Iterator[CompValue]:
    if isinstance(node, CompValue):
        yield node
        for value in dict.values(node):  # the raw values: CompValue.__getitem__ resolves variables
            yield from _walk(value)
    elif isinstance(node, (list, tuple, ParseResults)):  # before Mapping: ParseResults claims to be one
        for item in node:
            yield from _walk(item)
    elif isinstance(node, Mapping):
        for value in node.values():
            yield from _walk(value)


def _is_ordered(algebra: CompValue) -> bool:
    """Whether the query's own solutions are ordered (``ORDER BY`` outside any subquery)."""
    node = algebra.get("p")
    while isinstance(node, CompValue):
        if node.name == "OrderBy":
            return True
        if node.name not in _ORDERED_WRAPPERS:
            return False
        node = node.get("p")
    return False


def _syntax_error(exc: ParseBaseException, origin: str) -> QueryError:
    near = exc.line.strip()
    near = f" near '{near[:60]}'" if near else ""
    message = re.sub(r"\s+", " ", str(exc.msg)).strip()
    return QueryError(f"{origin}:{exc.lineno}:{exc.col}: SPARQL syntax error: {message}{near}")
