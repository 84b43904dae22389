"""Run SPARQL over a newskg graph: read-only and offline unless the caller asks otherwise.

Every query is parsed by rdflib before it runs, whatever store will answer it (an in-memory graph,
an Oxigraph store, a remote endpoint), so the same rules hold everywhere: SPARQL Update is refused
unless ``allow_update=True``; ``SERVICE`` (federation), ``LOAD``, ``FROM`` clauses naming graphs
the dataset does not hold and ``USING`` clauses that rdflib would download, all of which would fetch
data over the network, are refused unless ``allow_service=True``. Parameters are bound as RDF
terms (``initBindings``), never pasted into the query text. Rows of a query without ``ORDER BY`` are
sorted, so output is deterministic.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any, NamedTuple

from pyparsing import ParseBaseException, ParseResults
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import ConjunctiveGraph
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD
from rdflib.plugins.sparql.algebra import translateQuery, translateUpdate
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from rdflib.term import Identifier

from ..errors import QueryError, StoreError
from ..iris import name_key
from ..rdf.parse import rdflib_term_warnings_silenced
from ..terminal import printable
from ..vocab.namespace import PREFIXES, bind_prefixes
from .named import NamedQuery, Param, named_queries, named_query

STANDARD_PREFIXES: dict[str, str] = {
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "owl": str(OWL),
    "skos": str(SKOS),
    **{prefix: str(ns) for prefix, ns in PREFIXES.items()},
}
"""Prefixes every query may use without declaring them."""

_ORDERED_WRAPPERS = {"Project", "Distinct", "Reduced", "Slice", "ToMultiSet"}
_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_NAMED_GRAPH_PATTERNS = {"GraphGraphPattern", "QuadsNotTriples"}
"""Parse-tree nodes that need named graphs: ``GRAPH ?g { ... }`` in a pattern or an update template."""
_UNSAFE_IN_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Control characters that formats with escapes (TSV, JSON, Turtle) write as ``\\u`` escapes."""


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


@dataclass(frozen=True, slots=True, eq=False)
class QueryResult:
    """What a query returned: rows (SELECT), a boolean (ASK) or a graph (CONSTRUCT, DESCRIBE)."""

    kind: str
    """SELECT, ASK, CONSTRUCT, DESCRIBE or UPDATE."""
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Identifier | None, ...], ...] = ()
    boolean: bool | None = None
    graph: Graph | None = field(default=None, repr=False)

    def __len__(self) -> int:
        return len(self.rows) if self.kind == "SELECT" else len(self.graph or ())

    def __iter__(self) -> Iterator[tuple[Identifier | None, ...]]:
        return iter(self.rows)

    def column(self, name: str) -> list[Identifier | None]:
        """The values of one variable, row by row."""
        index = self.variables.index(name)
        return [row[index] for row in self.rows]

    def records(self) -> list[dict[str, Any]]:
        """Rows as dicts of Python values (IRIs as strings, literals as numbers, dates, text)."""
        return [
            {var: _python(value) for var, value in zip(self.variables, row, strict=True)} for row in self.rows
        ]

    def to_csv(self, *, terminal: bool = False) -> str:
        """SPARQL 1.1 CSV: full IRIs, literals' plain text, exactly (CSV has no escapes).

        ``terminal``: for a person at a terminal, control characters in cells are shown as ``\\x1b``
        escapes instead, so that no label can drive the terminal.
        """
        return self._delimited(",", _terminal_cell if terminal else _plain)

    def to_tsv(self) -> str:
        """SPARQL 1.1 TSV: every term in SPARQL syntax (``<iri>``, ``"text"``, ``12.5``); control
        characters in literals are ``\\u`` escapes, which that syntax reads back as the same text."""
        return self._delimited("\t", _tsv_term)

    def to_json(self) -> str:
        """SPARQL 1.1 Query Results JSON; control characters are ``\\u`` escapes (the same data)."""
        if self.kind == "ASK":
            return json.dumps({"head": {}, "boolean": self.boolean}, indent=2)
        bindings = [
            {
                var: _json_term(value)
                for var, value in zip(self.variables, row, strict=True)
                if value is not None
            }
            for row in self.rows
        ]
        text = json.dumps(
            {"head": {"vars": list(self.variables)}, "results": {"bindings": bindings}},
            indent=2,
            ensure_ascii=False,
        )
        return _escape_controls(text)  # JSON text holds them only in strings: escaping keeps the data

    def to_turtle(self) -> str:
        """The graph of a CONSTRUCT or DESCRIBE, in Turtle with the newskg prefixes; control
        characters in literals are ``\\u`` escapes (Turtle reads them back as the same text)."""
        graph = bind_prefixes(Graph())
        graph += self.graph or Graph()
        return _escape_controls(graph.serialize(format="turtle"))

    def to_text(self) -> str:
        """An aligned plain-text table, ``true``/``false``, or Turtle: what ``print`` shows."""
        if self.kind == "ASK":
            return "true" if self.boolean else "false"
        if self.kind in ("CONSTRUCT", "DESCRIBE"):
            return self.to_turtle()
        if self.kind == "UPDATE":
            return "update applied"
        cells = [list(self.variables), *([display(v) for v in row] for row in self.rows)]
        widths = [max(len(line[i]) for line in cells) for i in range(len(self.variables))]
        lines = [
            "  ".join(text.ljust(width) for text, width in zip(line, widths, strict=True)).rstrip()
            for line in cells
        ]
        lines.insert(1, "  ".join("-" * width for width in widths))
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.to_text()

    def __repr__(self) -> str:
        """The table itself, as a notebook or the Python prompt shows it."""
        return self.to_text()

    def _repr_html_(self) -> str:
        """A notebook table; every cell is escaped."""
        if self.kind != "SELECT":
            return f"<pre>{html.escape(self.to_text())}</pre>"
        head = "".join(f"<th>{html.escape(var)}</th>" for var in self.variables)
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(display(v))}</td>" for v in row) + "</tr>"
            for row in self.rows
        )
        return (
            f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table><p>{len(self.rows)} rows</p>"
        )

    def _delimited(self, delimiter: str, render: Any) -> str:
        if self.kind == "ASK":
            return "true\n" if self.boolean else "false\n"
        out = io.StringIO()
        if delimiter == ",":
            writer = csv.writer(out, lineterminator="\r\n")
            writer.writerow(self.variables)
            writer.writerows([render(v) for v in row] for row in self.rows)
        else:
            out.write("\t".join(f"?{var}" for var in self.variables) + "\n")
            for row in self.rows:
                out.write("\t".join(render(v) for v in row) + "\n")
        return out.getvalue()


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
        takes = ", ".join(p.name.upper() for p in named.params) or "no parameters"
        raise QueryError(
            f"{named.name} takes {takes}; unknown parameter {', '.join(u.upper() for u in unknown)}"
        )
    missing = [p for p in named.params if p.name not in given]
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
    _check_graphs(graph, checked, allow_service=allow_service, origin=origin)
    try:
        with rdflib_term_warnings_silenced():  # ill-typed literals in results: kept, no traceback
            if checked.kind == "UPDATE":
                if bindings:  # oxrdflib refuses initBindings on updates, even empty ones
                    graph.update(sparql, initNs=STANDARD_PREFIXES, initBindings=bindings)
                else:
                    graph.update(sparql, initNs=STANDARD_PREFIXES)
                return QueryResult("UPDATE")
            result = graph.query(sparql, initNs=STANDARD_PREFIXES, initBindings=bindings or None)
            return _result(result, checked.kind, checked.ordered)
    except OSError as exc:
        raise StoreError(f"{origin}: the store or endpoint failed: {exc}") from exc
    except (RuntimeError, SyntaxError) as exc:  # what Oxigraph raises for a query it cannot run
        raise StoreError(f"{origin}: the store cannot run this query: {exc}") from exc
    except TypeError as exc:
        if "read only" in str(exc).lower():
            raise StoreError(f"{origin}: this store is read-only; updates need a writable --store") from exc
        raise


def union_view(graph: Graph) -> Graph:
    """A dataset whose default graph is the union of its named graphs, sharing the same store.

    newskg keeps each article in a named graph and leaves the default graph empty; SPARQL over an
    rdflib ``Dataset`` sees only the default graph unless ``default_union`` is set. No triple is copied.
    """
    if isinstance(graph, Dataset) and not graph.default_union:
        view = Dataset(store=graph.store, default_union=True)
        view.namespace_manager = graph.namespace_manager
        return view
    return graph


def _result(result: Any, kind: str, ordered: bool) -> QueryResult:
    """Our frozen result from rdflib's lazy one (iterating it runs the query)."""
    if result.type == "ASK":
        return QueryResult("ASK", boolean=bool(result.askAnswer))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        out = bind_prefixes(Graph())
        out += result.graph
        return QueryResult(kind if kind in ("CONSTRUCT", "DESCRIBE") else result.type, graph=out)
    variables = tuple(str(v) for v in result.vars or ())
    rows = [tuple(row[v] if v in row.labels else None for v in variables) for row in result]
    if not ordered:
        rows.sort(key=lambda row: tuple(_sort_key(v) for v in row))
    return QueryResult("SELECT", variables, tuple(rows))


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
            operations = translateUpdate(update, initNs=STANDARD_PREFIXES).algebra
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
        algebra = translateQuery(parsed, initNs=STANDARD_PREFIXES).algebra
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


def resolve_param(graph: Graph, param: Param, value: object) -> Identifier:
    """The RDF term for a user's parameter value, read as ``param.kind`` says.

    Names are looked up with SPARQL, so they resolve the same way on a graph, a dataset's named
    graphs, a store or an endpoint.
    """
    if isinstance(value, Identifier):
        return value
    text = str(value).strip()
    if param.kind == "text":
        return Literal(text)
    iri = _as_iri(text)
    if iri is not None:
        return iri
    flag = param.name.upper()
    if param.kind == "article":
        found = _lookup(
            graph, "SELECT DISTINCT ?x ?name WHERE { ?x a nkg:Article ; schema:identifier ?name }", text
        )
        if not found:
            raise QueryError(f"{flag}={text!r}: no article has that identifier; give an article id or IRI")
        return found[0]
    return _entity_named(graph, text, flag)


def display(term: Identifier | None) -> str:
    """A short, readable form of a term: a prefixed IRI, a literal's text, or nothing; control
    characters (an ESC that would recolour the terminal) are shown as ``\\x1b`` escapes."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return printable(compact_iri(term))
    if isinstance(term, BNode):
        return printable(f"_:{term}")
    return printable(str(term))


def compact_iri(iri: str) -> str:
    """``id:person/mohsen-salehinia`` for a newskg IRI, ``nkg:Person`` for a term; others in full."""
    best = max(
        ((p, ns) for p, ns in STANDARD_PREFIXES.items() if iri.startswith(ns) and len(iri) > len(ns)),
        key=lambda item: len(item[1]),
        default=None,
    )
    return f"{best[0]}:{iri[len(best[1]) :]}" if best else str(iri)


def _entity_named(graph: Graph, text: str, flag: str) -> URIRef:
    """The entity whose preferred label, or failing that an alias, is ``text`` (then case-insensitively)."""
    for prop in ("skos:prefLabel", "skos:altLabel"):
        exact = _lookup(graph, f"SELECT DISTINCT ?x ?name WHERE {{ ?x {prop} ?name }}", text)
        if exact:
            return _only(exact, text, flag)
    key = name_key(text)
    for prop in ("skos:prefLabel", "skos:altLabel"):
        labels = run_sparql(graph, f"SELECT DISTINCT ?x ?label WHERE {{ ?x {prop} ?label }}")
        loose = sorted(
            {
                x
                for x, label in labels.rows
                if isinstance(x, URIRef) and label is not None and name_key(str(label)) == key
            }
        )
        if loose:
            return _only(loose, text, flag)
    raise QueryError(
        f"{flag}={text!r}: no entity has that name or alias in the graph; "
        "list them with the 'entities' query, or give an IRI"
    )


def _lookup(graph: Graph, sparql: str, name: str) -> list[URIRef]:
    """IRIs ``?x`` found by ``sparql`` with ``?name`` bound to the literal ``name``."""
    rows = run_sparql(graph, sparql, bindings={"name": Literal(name)}).rows
    return sorted({row[0] for row in rows if isinstance(row[0], URIRef)})


def _only(found: list[URIRef], text: str, flag: str) -> URIRef:
    if len(found) > 1:
        raise QueryError(
            f"{flag}={text!r} names {len(found)} entities ({', '.join(map(compact_iri, found))}); "
            "give one IRI"
        )
    return found[0]


def _as_iri(text: str) -> URIRef | None:
    """``<iri>``, an absolute IRI, or a prefixed name with a known prefix (``id:person/x``)."""
    if text.startswith("<") and text.endswith(">"):
        return URIRef(text[1:-1])
    if re.fullmatch(r"(https?|urn|file):\S+", text):
        return URIRef(text)
    prefixed = re.fullmatch(r"([a-z][a-z0-9]*):(\S+)", text)
    if prefixed and prefixed.group(1) in STANDARD_PREFIXES:
        return URIRef(STANDARD_PREFIXES[prefixed.group(1)] + prefixed.group(2))
    return None


def as_term(value: object) -> Identifier:
    """A value for a raw query's variable: an rdflib term as is, ``<iri>`` as an IRI, else a literal."""
    if isinstance(value, Identifier):
        return value
    if isinstance(value, str) and value.startswith("<") and value.endswith(">"):
        return URIRef(value[1:-1])
    return Literal(value)


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


def _check_graphs(graph: Graph, checked: CheckedSparql, *, allow_service: bool, origin: str) -> None:
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


def _sort_key(term: Identifier | None) -> tuple[int, float, str]:
    """Unbound first, then numbers by value, then other literals, then IRIs, each by text."""
    if term is None:
        return (0, 0.0, "")
    if (
        isinstance(term, Literal)
        and isinstance(term.value, (int, float, Decimal))
        and not isinstance(term.value, bool)
    ):
        return (1, float(term.value), str(term))
    return (2 if isinstance(term, Literal) else 3, 0.0, str(term))


def _python(term: Identifier | None) -> Any:
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        return value if isinstance(value, (int, float, Decimal, bool, date, datetime, str)) else str(term)
    return str(term)


def _plain(term: Identifier | None) -> str:
    return "" if term is None else str(term)


def _terminal_cell(term: Identifier | None) -> str:
    return printable(_plain(term))


def _tsv_term(term: Identifier | None) -> str:
    if term is None:
        return ""
    text = term.n3()
    return _escape_controls(text.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r"))


def _escape_controls(text: str) -> str:
    """Control characters as ``\\uXXXX``: what JSON, Turtle and SPARQL strings read as the same
    character, so data stays exact while no raw ESC reaches a terminal."""
    return _UNSAFE_IN_TEXT.sub(lambda found: f"\\u{ord(found.group()):04X}", text)


def _json_term(term: Identifier) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype:
        out["datatype"] = str(term.datatype)
    return out


__all__ = [
    "STANDARD_PREFIXES",
    "CheckedSparql",
    "QueryResult",
    "as_term",
    "check_sparql",
    "compact_iri",
    "display",
    "named_queries",
    "query",
    "resolve_param",
    "run_named",
    "run_sparql",
]
