"""The "said about" edges of the entities view: speaker -> entity, only where the graph states what a
statement is about (``nkg:about``). Nothing is guessed from the statement's words: a name in a
sentence is often the agency that reported it or a place in passing, not what was said about."""

from __future__ import annotations

from collections import defaultdict

import networkx as nx
from rdflib import Graph
from rdflib.namespace import RDF
from rdflib.term import Node

from ..vocab.namespace import NKG
from ._terms import first, provenance


def add_said_about(graph: Graph, result: nx.MultiDiGraph) -> None:
    """Speaker -> entity for each statement whose ``nkg:about`` names an entity of the view."""
    found: dict[tuple[str, str], list[Node]] = defaultdict(list)
    for statement in set(graph.subjects(RDF.type, NKG.Statement)):
        speaker = first(graph.objects(statement, NKG.speaker))
        if speaker is None or str(speaker) not in result:
            continue
        for about in graph.objects(statement, NKG.about):
            if str(about) in result and about != speaker:
                found[(str(speaker), str(about))].append(statement)
    for (speaker_iri, about_iri), statements in sorted(found.items()):
        result.add_edge(
            speaker_iri,
            about_iri,
            key="saidAbout",
            relation="saidAbout",
            label="said about",
            statements=len(statements),
            **provenance(graph, sorted(statements, key=str)),
        )
