"""Parameters of named queries, read as each declares (text, an article, an entity), and the one look-up
of an entity by name that every command uses (``newskg query ... ORG=ISIPO``, ``newskg timeline ISIPO``).

Names are looked up with SPARQL, so they resolve the same way on a graph, a dataset's named graphs, a
store or an endpoint. A value is always bound as an RDF term, never pasted into the query text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import NamedTuple

from rdflib import Graph, Literal, URIRef
from rdflib.term import Identifier

from ..errors import QueryError, StoreError
from ..graph.access import union_view
from ..iris import name_key
from ..rdf.parse import rdflib_term_warnings_silenced
from ..vocab.prefixes import DATA_PREFIXES, compact_iri
from .named import Param


class EntityKind(NamedTuple):
    """Which entities a look-up by name accepts, and how its errors call them."""

    singular: str
    plural: str
    pattern: str = ""
    """A SPARQL pattern the entity ``?x`` must match; empty: any entity."""
    listed: str = ""
    """How the error lists the entities it accepts (``organisations with posts``); empty: not listed."""


ENTITY = EntityKind("entity", "entities")
"""Any entity: what a named query's entity parameter accepts."""


def resolve_param(graph: Graph, param: Param, value: object) -> Identifier:
    """The RDF term for a user's parameter value, read as ``param.kind`` says."""
    if isinstance(value, Identifier):
        return value
    text = str(value).strip()
    if param.kind == "text":
        return Literal(text)
    if param.choices:
        if text not in param.choices:
            raise QueryError(f"{param.name.upper()}={text!r}: give one of {', '.join(param.choices)}")
        return Literal(text)
    iri = as_iri(text)
    if iri is not None:
        return iri
    flag = param.name.upper()
    if param.kind == "article":
        found = _lookup(graph, "?x a nkg:Article ; schema:identifier ?name .", text)
        if not found:
            raise QueryError(f"{flag}={text!r}: no article has that identifier; give an article id or IRI")
        return found[0]
    return entity_named(graph, text, given=f"{flag}={text!r}")


def entity_named(graph: Graph, name: str, *, kind: EntityKind = ENTITY, given: str | None = None) -> URIRef:
    """The entity of ``kind`` named ``name``: its IRI (``<iri>``, absolute or prefixed), else the one
    whose preferred label, or failing that an alias, is ``name``, exactly and then case- and
    space-insensitively. ``given`` is how errors quote what the user gave (default: the name).

    Raises ``QueryError`` when no entity, or several, have that name, on one line that says what to do.
    """
    given = given or repr(name)
    iri = as_iri(name.strip())
    if iri is not None:
        if not kind.pattern or _select(graph, f"SELECT ?x WHERE {{ {kind.pattern} }}", {"x": iri}):
            return iri
        raise QueryError(f"{given}: no {kind.singular} has that IRI in the graph; {_hint(graph, kind)}")
    text = name.strip()
    for prop in ("skos:prefLabel", "skos:altLabel"):
        exact = _lookup(graph, f"?x {prop} ?name . {kind.pattern}", text)
        if exact:
            return _only(exact, given, kind)
    key = name_key(text)
    for prop in ("skos:prefLabel", "skos:altLabel"):
        labels = _select(graph, f"SELECT DISTINCT ?x ?label WHERE {{ ?x {prop} ?label . {kind.pattern} }}")
        loose = sorted(
            {
                x
                for x, label in labels
                if isinstance(x, URIRef) and label is not None and name_key(str(label)) == key
            }
        )
        if loose:
            return _only(loose, given, kind)
    raise QueryError(f"{given}: no {kind.singular} has that name or alias in the graph; {_hint(graph, kind)}")


def _hint(graph: Graph, kind: EntityKind) -> str:
    if not kind.listed:
        return f"list them with the '{kind.plural}' query, or give an IRI"
    sparql = f"SELECT DISTINCT ?x ?label WHERE {{ {kind.pattern} OPTIONAL {{ ?x skos:prefLabel ?label }} }}"
    rows = _select(graph, sparql)
    names = sorted({str(label) if label is not None else compact_iri(str(x)) for x, label in rows})
    return f"{kind.listed}: {', '.join(names)}" if names else f"the graph has no {kind.listed}"


def _lookup(graph: Graph, pattern: str, name: str) -> list[URIRef]:
    """IRIs ``?x`` that match ``pattern`` with ``?name`` bound to the literal ``name``."""
    rows = _select(graph, f"SELECT DISTINCT ?x ?name WHERE {{ {pattern} }}", {"name": Literal(name)})
    return sorted({row[0] for row in rows if isinstance(row[0], URIRef)})


def _select(
    graph: Graph, sparql: str, bindings: Mapping[str, Identifier] | None = None
) -> list[tuple[Identifier | None, ...]]:
    """The rows of one of the look-up queries above (fixed text, safe), run on the union of ``graph``."""
    try:
        with rdflib_term_warnings_silenced():
            result = union_view(graph).query(sparql, initNs=DATA_PREFIXES, initBindings=bindings or None)
            return [tuple(row) for row in result]  # type: ignore[arg-type]
    except OSError as exc:
        raise StoreError(f"looking up a name: the store or endpoint failed: {exc}") from exc
    except (RuntimeError, SyntaxError) as exc:
        raise StoreError(f"looking up a name: the store cannot run the query: {exc}") from exc


def _only(found: list[URIRef], given: str, kind: EntityKind) -> URIRef:
    if len(found) > 1:
        raise QueryError(
            f"{given} names {len(found)} {kind.plural} ({', '.join(map(compact_iri, found))}); give one IRI"
        )
    return found[0]


def as_iri(text: str) -> URIRef | None:
    """``<iri>``, an absolute IRI, or a prefixed name with a known prefix (``id:person/x``)."""
    if text.startswith("<") and text.endswith(">"):
        return URIRef(text[1:-1])
    if re.fullmatch(r"(https?|urn|file):\S+", text):
        return URIRef(text)
    prefixed = re.fullmatch(r"([a-z][a-z0-9]*):(\S+)", text)
    if prefixed and prefixed.group(1) in DATA_PREFIXES:
        return URIRef(DATA_PREFIXES[prefixed.group(1)] + prefixed.group(2))
    return None


def as_term(value: object) -> Identifier:
    """A value for a raw query's variable: an rdflib term as is, ``<iri>`` as an IRI, else a literal."""
    if isinstance(value, Identifier):
        return value
    if isinstance(value, str) and value.startswith("<") and value.endswith(">"):
        return URIRef(value[1:-1])
    return Literal(value)
