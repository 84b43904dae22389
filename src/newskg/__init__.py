"""newskg: knowledge graphs of economic-policy news, built offline and deterministically.

The public API is what ``__all__`` lists; everything else is internal and may change.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from rdflib import Graph

from .corpus import BuildResult, Source, build, to_articles
from .errors import DataFileError, InputError, NewskgError, QueryError, RdfSyntaxError, StoreError
from .export import export
from .graph import update_dataset
from .graph.build import build_dataset, union_graph
from .ingest import article_from_text, read_articles
from .nlp import extract as _extract
from .nlp import make_pipeline
from .queries import named_queries
from .query import QueryResult, query
from .records import Article, ArticleRecord
from .timeline import TimelineEntry, timeline
from .validate import ValidationReport, validate

if TYPE_CHECKING:
    from .html import to_html
    from .visualise import draw, to_image, to_networkx

_LAZY = {"draw": ".visualise", "to_image": ".visualise", "to_networkx": ".visualise", "to_html": ".html"}
"""Names imported on first use: networkx takes long to import, and building a graph never needs it."""


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'newskg' has no attribute '{name}'")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value

__version__ = "0.1.0"


def extract(sources: Iterable[Source]) -> list[ArticleRecord]:
    """Run the NLP pass over paths, ``Article`` objects or texts; one record per article."""
    return list(_extract(to_articles(sources)))


def build_graph(sources: Iterable[Source]) -> Graph:
    """The knowledge graph (union of all named graphs) of paths, ``Article`` objects or texts."""
    return build(sources, run_validation=False).graph


__all__ = [
    "Article",
    "ArticleRecord",
    "BuildResult",
    "DataFileError",
    "InputError",
    "NewskgError",
    "QueryError",
    "QueryResult",
    "RdfSyntaxError",
    "StoreError",
    "TimelineEntry",
    "ValidationReport",
    "__version__",
    "article_from_text",
    "build",
    "build_dataset",
    "build_graph",
    "draw",
    "export",
    "extract",
    "make_pipeline",
    "named_queries",
    "query",
    "read_articles",
    "timeline",
    "to_html",
    "to_image",
    "to_networkx",
    "union_graph",
    "update_dataset",
    "validate",
]
