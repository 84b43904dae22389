"""The newskg vocabulary for rdflib: the terms the code may use, and the prefixes every graph binds.

``NKG`` is a ``DefinedNamespace`` with ``_fail = True``: a misspelt term raises at import time
of the calling code's first use rather than producing a silent typo in the graph. A test keeps
this list and ``ontology/newskg.ttl`` in sync. Every namespace IRI comes from the one prefix table,
``newskg.vocab.prefixes``.
"""

from __future__ import annotations

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from .prefixes import BOUND_PREFIXES, INSTANCE_BASE, ONTOLOGY_IRI, PREFIXES, SHAPES_IRI


class NKG(DefinedNamespace):
    """newskg ontology terms (``nkg:``)."""

    _NS = Namespace(ONTOLOGY_IRI)
    _fail = True

    # Classes
    Article: URIRef
    Person: URIRef
    Organization: URIRef
    NewsAgency: URIRef
    Place: URIRef
    Country: URIRef
    Province: URIRef
    City: URIRef
    Motto: URIRef
    Program: URIRef
    Event: URIRef
    Membership: URIRef
    Statement: URIRef
    Observation: URIRef
    Evidence: URIRef
    Assertion: URIRef

    # Article and mentions
    textHash: URIRef
    pipelineVersion: URIRef
    mentions: URIRef
    reportedBy: URIRef

    # Membership (posts)
    roleName: URIRef
    titleAsWritten: URIRef
    status: URIRef

    # Statements
    speaker: URIRef
    cue: URIRef
    content: URIRef

    # Observations
    value: URIRef
    valueText: URIRef
    unit: URIRef
    measures: URIRef
    about: URIRef
    periodLabel: URIRef
    periodStart: URIRef
    periodEnd: URIRef

    # Places
    locatedIn: URIRef

    # Posts in time (the derived intervals graph)
    latestReport: URIRef
    endReportedIn: URIRef

    # Provenance of facts
    reportedIn: URIRef
    reportedOn: URIRef
    evidence: URIRef
    extractedBy: URIRef
    sentence: URIRef


ORG = Namespace(PREFIXES["org"])
SCHEMA = Namespace(PREFIXES["schema"])
PROV = Namespace(PREFIXES["prov"])
OA = Namespace(PREFIXES["oa"])
TIME = Namespace(PREFIXES["time"])
ID = Namespace(INSTANCE_BASE)


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the newskg prefixes once, replacing rdflib's defaults for the same namespaces."""
    for prefix, iri in BOUND_PREFIXES.items():
        graph.bind(prefix, iri, override=True, replace=True)
    return graph


__all__ = [
    "ID",
    "INSTANCE_BASE",
    "NKG",
    "OA",
    "ONTOLOGY_IRI",
    "ORG",
    "PREFIXES",
    "PROV",
    "SCHEMA",
    "SHAPES_IRI",
    "TIME",
    "bind_prefixes",
]
