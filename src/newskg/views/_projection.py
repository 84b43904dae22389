"""The networkx projections of an RDF graph: ``entities`` (people, organisations, places... and the
posts, containments, agencies' reports and statements about between them, with their provenance) and
``triples``."""

from __future__ import annotations

from collections import defaultdict
from typing import Literal as TypingLiteral

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS
from rdflib.term import Node

from ..errors import InputError
from ..graph.access import union_view
from ..vocab.entity_types import ENTITY_TYPES
from ..vocab.namespace import NKG, ORG, SCHEMA, TIME
from ..vocab.prefixes import compact_iri
from ._reported_by import add_reported_by
from ._said_about import add_said_about
from ._terms import first, first_text, node_label, provenance, texts

View = TypingLiteral["entities", "triples"]

TRIPLES_DRAWING_LIMIT = 200
"""The most nodes of the triples view a picture or page draws: a few articles' triples are thousands of
nodes, a hairball nobody can read."""

ENTITY_CLASSES: dict[URIRef, str] = {URIRef(t.iri): t.name for t in ENTITY_TYPES}
"""newskg entity classes, most specific first: a node's type is the first class it has."""


def to_networkx(graph: Graph, *, view: View = "entities") -> nx.MultiDiGraph:
    """A networkx graph of ``graph`` (a graph, a dataset or a store): ``entities`` or ``triples``."""
    if view not in ("entities", "triples"):
        raise ValueError(f"view must be 'entities' or 'triples', not {view!r}")
    source = union_view(graph)
    return _triples(source) if view == "triples" else _entities(source)


def network_to_draw(
    graph: Graph | nx.MultiDiGraph, *, view: View = "entities", name: str = "the graph"
) -> nx.MultiDiGraph:
    """The network a picture or page of ``graph`` draws; a networkx graph is drawn as given.

    Raises ``InputError`` (naming ``name``) when the triples view has more than
    ``TRIPLES_DRAWING_LIMIT`` nodes, with advice on what to draw instead.
    """
    if isinstance(graph, nx.Graph):
        return graph
    network = to_networkx(graph, view=view)
    if view == "triples" and len(network) > TRIPLES_DRAWING_LIMIT:
        raise InputError(
            f"{name}: the triples view has {len(network)} nodes, more than the {TRIPLES_DRAWING_LIMIT} a "
            "picture can show readably; draw the entities view (leave out --view triples), or draw a part: "
            "newskg query GRAPH 'CONSTRUCT { ... } WHERE { ... }' > part.ttl, then "
            "newskg show part.ttl --view triples"
        )
    return network


def entity_type(graph: Graph, node: Node) -> str | None:
    """The most specific newskg entity class of ``node`` (``Province`` before ``Place``)."""
    types = set(graph.objects(node, RDF.type))
    return next((name for cls, name in ENTITY_CLASSES.items() if cls in types), None)


def _entities(graph: Graph) -> nx.MultiDiGraph:
    result = nx.MultiDiGraph()
    for node in sorted({s for cls in ENTITY_CLASSES for s in graph.subjects(RDF.type, cls)}, key=str):
        if isinstance(node, URIRef):
            result.add_node(
                str(node),
                label=node_label(graph, node),
                type=entity_type(graph, node),
                aliases=texts(graph.objects(node, SKOS.altLabel)),
                articles=texts(graph.subjects(NKG.mentions, node)),
                article_ids=texts(
                    i for a in graph.subjects(NKG.mentions, node) for i in graph.objects(a, SCHEMA.identifier)
                ),
            )
    _add_posts(graph, result)
    _add_located_in(graph, result)
    add_said_about(graph, result)
    add_reported_by(graph, result)
    return result


def _add_posts(graph: Graph, result: nx.MultiDiGraph) -> None:
    for membership in sorted(set(graph.subjects(RDF.type, NKG.Membership)), key=str):
        person = first(graph.objects(membership, ORG.member))
        org = first(graph.objects(membership, ORG.organization))
        if person is None or org is None or str(person) not in result or str(org) not in result:
            continue
        role = first(graph.objects(membership, NKG.roleName))
        interval = first(graph.objects(membership, ORG.memberDuring))
        result.add_edge(
            str(person),
            str(org),
            key=str(membership),
            relation="post",
            label=str(role) if role is not None else "post",
            status=first_text(graph.objects(membership, NKG.status)),
            titles=texts(graph.objects(membership, NKG.titleAsWritten)),
            since=first_text(graph.objects(interval, TIME.hasBeginning / TIME.inXSDDate)) if interval else "",
            until=first_text(graph.objects(interval, TIME.hasEnd / TIME.inXSDDate)) if interval else "",
            **provenance(graph, [membership]),
        )


def _add_located_in(graph: Graph, result: nx.MultiDiGraph) -> None:
    assertions: dict[tuple[Node, Node], list[Node]] = defaultdict(list)
    for assertion in graph.subjects(RDF.predicate, NKG.locatedIn):
        subject, obj = (
            first(graph.objects(assertion, RDF.subject)),
            first(graph.objects(assertion, RDF.object)),
        )
        if subject is not None and obj is not None:
            assertions[(subject, obj)].append(assertion)
    for place, container in sorted(
        set(graph.subject_objects(NKG.locatedIn)), key=lambda pair: (str(pair[0]), str(pair[1]))
    ):
        if str(place) in result and str(container) in result:
            result.add_edge(
                str(place),
                str(container),
                key="locatedIn",
                relation="locatedIn",
                label="located in",
                **provenance(graph, assertions.get((place, container), [])),
            )


def _triples(graph: Graph) -> nx.MultiDiGraph:
    result = nx.MultiDiGraph()
    for s, p, o in sorted(
        set(graph.triples((None, None, None))), key=lambda t: (str(t[0]), str(t[1]), t[2].n3())
    ):
        target = f'"{o}"' if isinstance(o, Literal) else str(o)
        result.add_node(str(s), label=compact_iri(str(s)), type="Resource")
        if target not in result:
            result.add_node(
                target,
                label=str(o) if isinstance(o, Literal) else compact_iri(str(o)),
                type="Literal" if isinstance(o, Literal) else "Resource",
            )
        result.add_edge(str(s), target, key=str(p), label=compact_iri(str(p)), predicate=str(p))
    return result
