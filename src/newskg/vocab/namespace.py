"""The newskg vocabulary: every ontology term the code may use, and nothing else.

``NKG`` is a ``DefinedNamespace`` with ``_fail = True``: a misspelt term raises at import time
of the calling code's first use rather than producing a silent typo in the graph. A test keeps
this list and ``ontology/newskg.ttl`` in sync.
"""

from __future__ import annotations

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DefinedNamespace

ONTOLOGY_IRI = "https://w3id.org/newskg/ontology#"
INSTANCE_BASE = "https://w3id.org/newskg/id/"


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


ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
OA = Namespace("http://www.w3.org/ns/oa#")
TIME = Namespace("http://www.w3.org/2006/time#")
ID = Namespace(INSTANCE_BASE)

PREFIXES: dict[str, Namespace | str] = {
    "nkg": ONTOLOGY_IRI,
    "id": INSTANCE_BASE,
    "org": ORG,
    "schema": SCHEMA,
    "prov": PROV,
    "oa": OA,
    "time": TIME,
}
"""Prefixes bound on every graph newskg writes (besides rdflib's rdf, rdfs, xsd, owl, skos)."""


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the newskg prefixes once, replacing rdflib's defaults for the same namespaces."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    return graph
