"""Validating graph files as a build validates its graphs: article by article, then the rest on the union.

The files are read once, one graph at a time, with their lexical forms (pyoxigraph's parser, the
errors and warnings of ``newskg.rdf``). Each article graph (a named graph whose name is an article
IRI, as newskg's TriG and N-Quads hold them) is checked against the article-scope shapes as it is read;
what the corpus-level validation reads of it (``corpus_extract``), and every other graph whole, goes to
a temporary Oxigraph store on disk, where the corpus-scope shapes and the cross-article checks run.
Memory is bounded by a graph, not by the files.

A file without named graphs (Turtle, N-Triples) or whose graphs are not article graphs is all read into
that store, and every shape runs on the union, one focus node at a time: right whatever the file holds,
since nothing says which triples belong to which article. Article graphs split across a file, or blank
nodes in one, cannot be checked on their own: ``NeedsWholeGraph`` says so, and the caller validates the
whole graph in memory instead.
"""

from __future__ import annotations

import itertools
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

import pyoxigraph as ox

from ..iris import ARTICLE_BASE
from ..rdf.write import stream_quads
from ._terms import is_blank, ox_triples
from .articles import ArticleChecker, corpus_extract_quads
from .corpus import NeedsWholeGraph
from .readers import ScanReader
from .results import ShapeResult, focus_nodes
from .scopes import scoped_shapes
from .shacl import ValidationReport, report_of

STORE_CHUNK = 50_000
"""Quads loaded into the temporary store at once."""


def validate_files(paths: Sequence[str | Path], *, scratch: str | Path | None = None) -> ValidationReport:
    """The report of the union of the graphs in ``paths`` (same as ``newskg.validate`` of it).

    ``scratch``: where the temporary store goes (the system's temporary folder by default). Raises the
    errors of ``newskg.rdf`` for a file it cannot read, and ``NeedsWholeGraph``.
    """
    scoped = scoped_shapes()
    checker = ArticleChecker(scoped)
    files = [Path(path) for path in paths]
    with tempfile.TemporaryDirectory(prefix="validate-", dir=scratch, ignore_cleanup_errors=True) as folder:
        store = ox.Store(folder)
        try:
            graphs: dict[str, str] = {}
            results = _load(files, store, checker, graphs)
            store.flush()
            reader = ScanReader(
                store,
                lambda names: _graphs(files, names),
                union_default=False,
                complete=True,
                graphs_of=graphs,
            )
            return report_of(results, reader, scoped=scoped)
        finally:
            del store  # RocksDB closes before its folder goes


def _load(
    files: list[Path], store: ox.Store, checker: ArticleChecker, graphs: dict[str, str]
) -> list[ShapeResult]:
    """Check each article graph as it is read; load the rest into ``store``. ``graphs`` gets the
    article graph of each result's focus node."""
    results: list[ShapeResult] = []
    pending: list[ox.Quad] = []
    seen: set[ox.NamedNode] = set()
    for path in files:
        for name, group in itertools.groupby(stream_quads(path), lambda quad: quad.graph_name):
            if not (isinstance(name, ox.NamedNode) and name.value.startswith(ARTICLE_BASE)):
                for quad in group:
                    pending.append(quad)
                    if len(pending) >= STORE_CHUNK:
                        store.bulk_extend(pending)
                        pending = []
                continue
            if name in seen:
                raise NeedsWholeGraph(f"{path}: article graph {name.value} comes in several pieces")
            seen.add(name)
            quads = list(group)
            triples = ox_triples(quads)
            if any(is_blank(s) or is_blank(o) for s, _, o in triples):
                raise NeedsWholeGraph(f"{path}: article graph {name.value} holds blank nodes")
            found = checker.results(triples)
            results.extend(found)
            graphs.update((focus, name.value) for focus in focus_nodes(found))
            pending.extend(corpus_extract_quads(quads, name))
            if len(pending) >= STORE_CHUNK:
                store.bulk_extend(pending)
                pending = []
    store.bulk_extend(pending)
    return results


def _graphs(files: list[Path], names: set[str] | None) -> Iterator[tuple[str, list[ox.Quad]]]:
    """The graphs named ``names`` (all for None), read again from the files."""
    for path in files:
        for name, group in itertools.groupby(stream_quads(path, warn=False), lambda quad: quad.graph_name):
            key = name.value if isinstance(name, ox.NamedNode) else ""
            if names is None or key in names:
                yield key, list(group)
