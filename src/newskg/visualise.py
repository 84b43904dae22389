"""Graphs for notebooks: networkx projections of the RDF graph."""

from __future__ import annotations

from typing import Literal as TypingLiteral

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from .graph.namespace import NKG, ORG

ENTITY_CLASSES = {
    NKG.Person: "Person", NKG.NewsAgency: "NewsAgency", NKG.Organization: "Organization",
    NKG.Country: "Country", NKG.Province: "Province", NKG.City: "City", NKG.Place: "Place",
    NKG.Motto: "Motto", NKG.Program: "Program", NKG.Event: "Event",
}


def to_networkx(graph: Graph, *, view: TypingLiteral["entities", "triples"] = "entities") -> nx.MultiDiGraph:
    """A networkx graph: ``entities`` (people, organisations, places, mottos and their relations)
    or ``triples`` (every RDF triple as an edge labelled with its predicate)."""
    if view == "triples":
        return _triples(graph)
    if view == "entities":
        return _entities(graph)
    raise ValueError(f"view must be 'entities' or 'triples', not {view!r}")


def entity_type(graph: Graph, node: URIRef) -> str | None:
    """The most specific newskg entity class of ``node`` (``Province`` before ``Place``)."""
    types = set(graph.objects(node, RDF.type))
    return next((name for cls, name in ENTITY_CLASSES.items() if cls in types), None)


def _label(graph: Graph, node: URIRef) -> str:
    label = graph.value(node, SKOS.prefLabel)
    return str(label) if label is not None else str(node).rsplit("/", 1)[-1]


def _entities(graph: Graph) -> nx.MultiDiGraph:
    result = nx.MultiDiGraph()
    for node in sorted({s for cls in ENTITY_CLASSES for s in graph.subjects(RDF.type, cls)}):
        if isinstance(node, URIRef):
            result.add_node(str(node), label=_label(graph, node), type=entity_type(graph, node))
    for membership in sorted(graph.subjects(RDF.type, NKG.Membership)):
        person = graph.value(membership, ORG.member)
        org = graph.value(membership, ORG.organization)
        if person is None or org is None:
            continue
        articles = sorted(str(a) for a in graph.objects(membership, NKG.reportedIn))
        result.add_edge(str(person), str(org), key=str(membership), label=str(graph.value(membership, NKG.roleName)),
                        relation="post", articles=articles)
    for place, container in sorted(graph.subject_objects(NKG.locatedIn)):
        result.add_edge(str(place), str(container), key="locatedIn", label="located in", relation="locatedIn")
    for statement in sorted(graph.subjects(RDF.type, NKG.Statement)):
        speaker = graph.value(statement, NKG.speaker)
        article = graph.value(statement, NKG.reportedIn)
        if speaker is None or article is None:
            continue
        for mentioned in sorted(graph.objects(article, NKG.mentions)):
            if mentioned != speaker and str(mentioned) in result and entity_type(graph, mentioned) != "Person":
                result.add_edge(str(speaker), str(mentioned), key=f"said-about {article}", label="said about",
                                relation="saidAbout", articles=[str(article)])
    return result


def _triples(graph: Graph) -> nx.MultiDiGraph:
    result = nx.MultiDiGraph()
    for s, p, o in sorted(graph):
        target = str(o) if not isinstance(o, Literal) else f'"{o}"'
        result.add_edge(str(s), target, key=str(p), label=str(p))
    return result
