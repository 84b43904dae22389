"""The "reported" edges of the entities view: a news agency -> the people whose words or posts an
article credited to it reports. The graph holds each step (``nkg:reportedBy`` from the article to the
agency, ``nkg:reportedIn`` from a statement or post to the article); articles are not nodes of the
view, so the agency connects to what they say instead of floating alone."""

from __future__ import annotations

from collections import defaultdict

import networkx as nx
from rdflib import Graph
from rdflib.namespace import RDF
from rdflib.term import Node

from ..vocab.namespace import NKG, ORG, SCHEMA
from ._terms import provenance, texts

_PEOPLE_OF_A_FACT = ((NKG.Statement, NKG.speaker), (NKG.Membership, ORG.member))
"""The kinds of fact an article reports, and the property that names whose fact it is."""


def add_reported_by(graph: Graph, result: nx.MultiDiGraph) -> None:
    """Agency -> person, with the credits (``nkg:reportedBy`` assertions) as the edge's provenance."""
    credits = _credits(graph)
    found: dict[tuple[str, str], set[Node]] = defaultdict(set)
    for article, agency in graph.subject_objects(NKG.reportedBy):
        if str(agency) not in result:
            continue
        for fact in graph.subjects(NKG.reportedIn, article):
            for kind, whose in _PEOPLE_OF_A_FACT:
                if (fact, RDF.type, kind) not in graph:
                    continue
                for person in graph.objects(fact, whose):
                    if str(person) in result and person != agency:
                        found[(str(agency), str(person))].add(article)
    for (agency_iri, person_iri), articles in sorted(found.items()):
        backing = sorted(
            {credit for article in articles for credit in credits[(article, agency_iri)]}, key=str
        )
        facts = provenance(graph, backing)  # the credit's sentence and rule, when the graph keeps them
        facts["articles"] = texts(articles)
        facts["article_ids"] = texts(
            i for article in articles for i in graph.objects(article, SCHEMA.identifier)
        )
        result.add_edge(
            agency_iri, person_iri, key="reported", relation="reported", label="reported", **facts
        )


def _credits(graph: Graph) -> dict[tuple[Node, str], list[Node]]:
    """The assertions (with evidence) behind each article's ``nkg:reportedBy``, by (article, agency)."""
    found: dict[tuple[Node, str], list[Node]] = defaultdict(list)
    for assertion in graph.subjects(RDF.predicate, NKG.reportedBy):
        for article in graph.objects(assertion, RDF.subject):
            for agency in graph.objects(assertion, RDF.object):
                found[(article, str(agency))].append(assertion)
    return found
