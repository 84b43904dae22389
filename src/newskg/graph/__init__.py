"""The graph stage: records -> RDF (rdflib). Never imports spaCy."""

from __future__ import annotations

from ..vocab.namespace import NKG, bind_prefixes
from .build import (
    DERIVED_GRAPHS,
    ENTITIES_GRAPH,
    build_dataset,
    remove_articles,
    union_graph,
    update_dataset,
)
from .intervals import INTERVALS_GRAPH

__all__ = [
    "DERIVED_GRAPHS",
    "ENTITIES_GRAPH",
    "INTERVALS_GRAPH",
    "NKG",
    "bind_prefixes",
    "build_dataset",
    "remove_articles",
    "union_graph",
    "update_dataset",
]
