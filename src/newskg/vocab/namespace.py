"""The newskg vocabulary for rdflib: the terms the code may use, and the prefixes every graph binds.

``NKG`` and ``NKGSH`` are ``DefinedNamespace``s with ``_fail = True``, generated from the ontology and
the shapes (``scripts/build_namespaces.py``): a misspelt term raises on first use rather than putting
a silent typo in the graph, and a test fails when they fall behind the Turtle files. Every namespace
IRI comes from the one prefix table, ``newskg.vocab.prefixes``.
"""

from __future__ import annotations

from rdflib import Graph, Namespace

from ._nkg import NKG
from ._shapes import NKGSH
from .prefixes import BOUND_PREFIXES, INSTANCE_BASE, ONTOLOGY_IRI, PREFIXES, SHAPES_IRI

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
    "NKGSH",
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
