"""Where graphs live besides files: a persistent Oxigraph store, a SPARQL endpoint, and pushing to one.

The public API: ``open_graph`` opens a graph whatever holds it (files, a store or an endpoint),
after ``check_sources`` (exactly one is given), and ``blocks_of`` gives its graphs as the RDF writers
take them; ``open_store`` gives an rdflib ``Dataset`` over a store made by ``newskg build --store``,
``open_endpoint`` an rdflib graph over a SPARQL endpoint (``misses_the_union`` tells one whose default
graph is not the union of its graphs, with ``UNION_HINT`` to say so); ``is_store`` tells a store
folder. Failures raise ``newskg.errors.StoreError``. The modules whose names start with ``_`` are internal.
"""

from __future__ import annotations

from ._endpoint import DEFAULT_ENDPOINT_TIMEOUT, UNION_HINT, misses_the_union, open_endpoint
from ._folder import is_store
from ._open import blocks_of, check_sources, open_graph
from ._rdflib import open_store

__all__ = [
    "DEFAULT_ENDPOINT_TIMEOUT",
    "UNION_HINT",
    "blocks_of",
    "check_sources",
    "is_store",
    "misses_the_union",
    "open_endpoint",
    "open_graph",
    "open_store",
]
