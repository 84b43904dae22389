"""pySHACL, called one way: SHACL Core, no inference, the data graph read in place and never changed.

Why not on a pyoxigraph store, which pySHACL 0.40 accepts (``pyshacl[oxigraph]``): every triple pattern
it asks then crosses from Rust to Python and becomes rdflib terms, and validating 7,700 triples took 80 s
against 1 s on an rdflib graph; and with any inference (the pySHACL README's ``inference='rdfs'``) it
fails at once with a TypeError: owlrl's RDFS rule rdfs4b adds ``(literal, rdf:type, rdfs:Resource)`` for
every literal object, and owlrl's Oxigraph graph (``owlrl/graph_abstraction.py``, ``__contains__``)
turns that triple into an ``ox.Quad`` whose subject is a literal, which pyoxigraph refuses ("failed to
extract enum PyNamedOrBlankNode"); pySHACL's own Oxigraph graph guards against literal subjects, owlrl's
does not. It is reached from ``pyshacl/run_type.py`` line 81 (``inferencer.expand(owl_target, ...)``)
with ``owl_target = OWLDataGraph(ox_store)`` (line 64). newskg validates rdflib graphs, small ones.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyshacl
from rdflib import Graph, URIRef
from rdflib.namespace import NamespaceManager


def run_pyshacl(data: Graph, shapes: Graph, *, focus: Sequence[URIRef] | None = None) -> Graph:
    """pySHACL's report graph for ``data`` against ``shapes`` (only ``focus`` nodes, if given)."""
    _, report, _ = pyshacl.validate(
        reading_view(data),
        shacl_graph=shapes,
        inference="none",
        inplace=False,
        advanced=False,
        allow_warnings=True,
        focus_nodes=list(focus) if focus else None,
    )
    assert isinstance(report, Graph), "pySHACL failed"
    return report


class _FullIris(NamespaceManager):
    """Writes every IRI in full and binds no prefix.

    pySHACL describes every result in text, including the discarded ones inside sh:not, sh:or and
    sh:qualifiedValueShape, through the data graph's namespace manager. rdflib's manager files each new
    namespace (one per article: ``id/evidence/<article>/``) in a trie whose insertion is linear in its
    size, which made validation quadratic in the number of articles; pySHACL also binds ``sh:`` on it.
    """

    def __init__(self, graph: Graph) -> None:
        super().__init__(graph, bind_namespaces="none")

    def bind(self, *args: object, **kwargs: object) -> None:
        return None

    def normalizeUri(self, rdfTerm: str) -> str:  # rdflib names it
        return f"<{rdfTerm}>"


def reading_view(graph: Graph) -> Graph:
    """The same triples (the same store, no copy) behind a namespace manager that changes nothing."""
    view = Graph(store=graph.store, identifier=graph.identifier, bind_namespaces="none")
    view.namespace_manager = _FullIris(view)
    return view
