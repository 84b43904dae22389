"""newskg: knowledge graphs of economic-policy news, built offline and deterministically.

The public API is what ``__all__`` lists; everything else is internal and may change.

It checks what it is given as the command line does, and raises ``NewskgError``s
(``newskg.errors``), never a stray ``TypeError``: sources are paths (``str`` or ``pathlib.Path``:
files, folders, globs; a lone one is one source) or ``Article`` objects; a raw text becomes an
article with ``article_from_text(text, id=...)``.

Importing ``newskg`` is cheap: each public name is imported on first use (PEP 562), so
``import newskg`` and ``newskg --help`` load none of spaCy, rdflib, pySHACL, pyoxigraph or networkx.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from .errors import DataFileError, InputError, NewskgError, QueryError, RdfSyntaxError, StoreError

if TYPE_CHECKING:
    from rdflib import Dataset, Graph

    from .build.corpus import BuildResult, build
    from .export.writers import export
    from .graph.build import union_graph
    from .ingest.readers import article_from_text, read_articles
    from .ingest.sources import Source
    from .nlp import make_pipeline
    from .query.named import named_queries
    from .query.run import QueryResult, query
    from .records import Article, ArticleRecord
    from .records.resolve import Resolution
    from .validate.shacl import ValidationReport, validate
    from .views.html import HtmlView, html_view, to_html
    from .views.network import draw, to_image, to_networkx
    from .views.timeline import TimelineEntry, timeline

    __version__: str

_LAZY = {
    "Article": ".records",
    "ArticleRecord": ".records",
    "BuildResult": ".build.corpus",
    "HtmlView": ".views.html",
    "QueryResult": ".query.run",
    "TimelineEntry": ".views.timeline",
    "ValidationReport": ".validate.shacl",
    "article_from_text": ".ingest.readers",
    "build": ".build.corpus",
    "draw": ".views.network",
    "export": ".export.writers",
    "html_view": ".views.html",
    "make_pipeline": ".nlp",
    "named_queries": ".query.named",
    "query": ".query.run",
    "read_articles": ".ingest.readers",
    "timeline": ".views.timeline",
    "to_html": ".views.html",
    "to_image": ".views.network",
    "to_networkx": ".views.network",
    "union_graph": ".graph.build",
    "validate": ".validate.shacl",
}
"""Public name -> the module that defines it, imported on first use: spaCy, rdflib, pySHACL, pyoxigraph
and networkx take a second to import, and ``newskg --help`` needs none of them."""


def __getattr__(name: str) -> Any:
    if name == "__version__":
        value: Any = _version()
    else:
        module = _LAZY.get(name)
        if module is None:
            raise AttributeError(f"module 'newskg' has no attribute '{name}'")
        value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


def _version() -> str:
    """The installed distribution's version (its package metadata), as ``newskg --version`` prints it."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("newskg")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "0+unknown"


class _Package(types.ModuleType):
    """The ``newskg`` module, whose public functions win over its sub-packages of the same name.

    ``newskg.build``, ``newskg.export``, ``newskg.query`` and ``newskg.validate`` are functions and also
    sub-packages. Importing a sub-package sets it as an attribute of its parent, which would hide the
    function once names are imported lazily; the import system's attribute is not kept for these.

    So their modules are reached by import statements that do not read attributes: ``import
    newskg.build.corpus`` and ``from newskg.build import corpus`` work; ``import newskg.build.corpus
    as corpus`` and the attribute ``newskg.build.corpus`` do not (they get the function ``build`` and
    look for ``corpus`` on it).
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _LAZY and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def extract(sources: Iterable[Source]) -> list[ArticleRecord]:
    """Run the NLP pass over paths or ``Article`` objects; one record per article."""
    from .ingest.sources import to_articles
    from .nlp import MAX_TEXT_CHARACTERS
    from .nlp import extract as run_extract

    return list(run_extract(to_articles(sources, max_characters=MAX_TEXT_CHARACTERS)))


def build_graph(sources: Iterable[Source]) -> Graph:
    """The knowledge graph (union of all named graphs) of paths or ``Article`` objects."""
    from .build.corpus import build

    return build(sources, run_validation=False).graph


def build_dataset(records: Sequence[ArticleRecord], *, resolution: Resolution | None = None) -> Dataset:
    """A dataset with one named graph per record's article, plus the entity-label and interval graphs."""
    from .graph.build import build_dataset as run_build_dataset

    return run_build_dataset(_checked_records(records), resolution=resolution)


def update_dataset(
    dataset: Dataset, records: Sequence[ArticleRecord], *, resolution: Resolution | None = None
) -> Dataset:
    """Replace the named graphs of ``records``' articles in ``dataset`` (in place) and return it;
    the derived graphs are recomputed (see ``newskg.graph.update_dataset``)."""
    from rdflib import Dataset

    from .graph.build import update_dataset as run_update_dataset

    if not isinstance(dataset, Dataset):
        raise InputError(f"dataset: expected an rdflib Dataset (from newskg.build), not {_kind(dataset)}")
    return run_update_dataset(dataset, _checked_records(records), resolution=resolution)


def _checked_records(records: object) -> list[ArticleRecord]:
    """Records as ``extract`` makes them, each article meeting the rules of ``check_article``."""
    from .ingest.readers import check_article
    from .records import ArticleRecord

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
    "HtmlView",
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
    "html_view",
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
