"""The graph stage: records -> RDF (rdflib). Never imports spaCy."""

from __future__ import annotations

from .build import ENTITIES_GRAPH, build_dataset, build_graph, union_graph
from .namespace import NKG, bind_prefixes

__all__ = ["ENTITIES_GRAPH", "NKG", "bind_prefixes", "build_dataset", "build_graph", "union_graph"]
