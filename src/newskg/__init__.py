"""newskg: knowledge graphs of economic-policy news, built offline and deterministically.

The public API is what ``__all__`` lists; everything else is internal and may change.

It checks what it is given as the command line does, and raises ``NewskgError``s
(``newskg.errors``), never a stray ``TypeError``: sources are paths (``str`` or ``pathlib.Path``:
files, folders, globs; a lone one is one source) or ``Article`` objects; a raw text becomes an
article with ``article_from_text(text, id=...)``.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from rdflib import Dataset, Graph

from .build.corpus import BuildResult, build
from .errors import DataFileError, InputError, NewskgError, QueryError, RdfSyntaxError, StoreError
from .export.writers import export
from .graph.build import build_dataset as _build_dataset
from .graph.build import union_graph
from .graph.build import update_dataset as _update_dataset
from .ingest.readers import article_from_text, check_article, read_articles
from .ingest.sources import Source, to_articles
from .nlp import MAX_TEXT_CHARACTERS, make_pipeline
from .nlp import extract as _extract
from .query.named import named_queries
from .query.run import QueryResult, query
from .records import Article, ArticleRecord
from .records.resolve import Resolution
from .validate.shacl import ValidationReport, validate
from .views.timeline import TimelineEntry, timeline

if TYPE_CHECKING:
    from .views.html import to_html
    from .views.network import draw, to_image, to_networkx

_LAZY = {
    "draw": ".views.network",
    "to_image": ".views.network",
    "to_networkx": ".views.network",
    "to_html": ".views.html",
}
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
    """Run the NLP pass over paths or ``Article`` objects; one record per article."""
    return list(_extract(to_articles(sources, max_characters=MAX_TEXT_CHARACTERS)))


def build_graph(sources: Iterable[Source]) -> Graph:
    """The knowledge graph (union of all named graphs) of paths or ``Article`` objects."""
    return build(sources, run_validation=False).graph


def build_dataset(records: Sequence[ArticleRecord], *, resolution: Resolution | None = None) -> Dataset:
    """A dataset with one named graph per record's article, plus the entity-label and interval graphs."""
    return _build_dataset(_checked_records(records), resolution=resolution)


def update_dataset(
    dataset: Dataset, records: Sequence[ArticleRecord], *, resolution: Resolution | None = None
) -> Dataset:
    """Replace the named graphs of ``records``' articles in ``dataset`` (in place) and return it;
    the derived graphs are recomputed (see ``newskg.graph.update_dataset``)."""
    if not isinstance(dataset, Dataset):
        raise InputError(f"dataset: expected an rdflib Dataset (from newskg.build), not {_kind(dataset)}")
    return _update_dataset(dataset, _checked_records(records), resolution=resolution)


def _checked_records(records: object) -> list[ArticleRecord]:
    """Records as ``extract`` makes them, each article meeting the rules of ``check_article``."""
    if isinstance(records, ArticleRecord):
        records = [records]
    if isinstance(records, (str, bytes)) or not isinstance(records, Iterable):
        raise InputError(f"records: expected a list of {_RECORDS}, not {_kind(records)}")
    checked = []
    for index, record in enumerate(records):
        if not isinstance(record, ArticleRecord):
            raise InputError(f"records[{index}]: expected one of {_RECORDS}, not {_kind(record)}")
        check_article(record.article)
        checked.append(record)
    return checked


_RECORDS = "the ArticleRecords newskg.extract makes"


def _kind(value: object) -> str:
    return "None" if value is None else f"a {type(value).__name__}"


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
