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
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import TypeVar

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

T = TypeVar("T")
STORE_CHUNK = 50_000
"""Quads loaded into the temporary store at once."""


ArticleCheck = tuple[str, tuple[ShapeResult, ...], bytes]
"""An article graph's name, its results of the article-scope shapes, and what the corpus-level
validation reads of it (``corpus_extract_quads``) as N-Quads."""
BatchMapper = Callable[[Callable[[bytes], list[ArticleCheck]], Iterable[bytes]], Iterable[list[ArticleCheck]]]
"""Runs the check of each batch of article graphs, results in order: ``map``, or worker processes
(``newskg.build.processes.process_mapper``)."""
Checked = tuple[str, tuple[ShapeResult, ...], list[ox.Quad] | bytes]
"""An ``ArticleCheck`` made here, whose extract may stay quads."""
GRAPHS_PER_BATCH = 16
"""Article graphs sent to a worker at once, as N-Quads text."""


def validate_files(
    paths: Sequence[str | Path], *, scratch: str | Path | None = None, mapper: BatchMapper = map
) -> ValidationReport:
    """The report of the union of the graphs in ``paths`` (same as ``newskg.validate`` of it).

    ``scratch``: where the temporary store goes (the system's temporary folder by default).
    ``mapper``: where the article graphs are checked (in batches of their N-Quads text): given worker
    processes, they check them while this process reads the files; the report is the same. Raises the
    errors of ``newskg.rdf`` for a file it cannot read, and ``NeedsWholeGraph``.
    """
    scoped = scoped_shapes()
    files = [Path(path) for path in paths]
    with tempfile.TemporaryDirectory(prefix="validate-", dir=scratch, ignore_cleanup_errors=True) as folder:
        store = ox.Store(folder)
        try:
            graphs: dict[str, str] = {}
            results = _load(files, store, graphs, mapper)
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
    files: list[Path], store: ox.Store, graphs: dict[str, str], mapper: BatchMapper
) -> list[ShapeResult]:
    """Check each article graph as it is read (where ``mapper`` runs the checks); load the rest, and
    what the corpus-level validation reads of the article graphs, into ``store``. ``graphs`` gets the
    article graph of each result's focus node."""
    results: list[ShapeResult] = []
    pending: list[ox.Quad] = []

    def load(quads: Iterable[ox.Quad]) -> None:
        nonlocal pending
        for quad in quads:
            pending.append(quad)
            if len(pending) >= STORE_CHUNK:  # memory bounded by a chunk, not by a graph
                store.bulk_extend(pending)
                pending = []

    checker = _article_checker()  # made before any worker starts: forked workers inherit it
    article_graphs = _article_graphs(files, load)
    if mapper is map:  # checked here: no need to write the graphs as text and parse them again
        checks: Iterable[Checked] = (
            _check(checker, name, quads, as_text=False) for name, quads in article_graphs
        )
    else:
        batches = (_as_text(batch) for batch in batched(article_graphs, GRAPHS_PER_BATCH))
        checks = itertools.chain.from_iterable(mapper(_check_batch, batches))
    for name, found, extract in checks:
        results.extend(found)
        graphs.update((focus, name) for focus in focus_nodes(found))
        load(ox.parse(input=extract, format=ox.RdfFormat.N_QUADS) if isinstance(extract, bytes) else extract)
    store.bulk_extend(pending)
    return results


def _article_graphs(
    files: list[Path], load: Callable[[Iterable[ox.Quad]], None]
) -> Iterator[tuple[ox.NamedNode, list[ox.Quad]]]:
    """Each article graph of the files, in order, read once; every other graph goes to ``load``."""
    seen: set[ox.NamedNode] = set()
    for path in files:
        for name, group in itertools.groupby(stream_quads(path), lambda quad: quad.graph_name):
            if not (isinstance(name, ox.NamedNode) and name.value.startswith(ARTICLE_BASE)):
                load(group)
                continue
            if name in seen:
                raise NeedsWholeGraph(f"{path}: article graph {name.value} comes in several pieces")
            seen.add(name)
            yield name, list(group)


def _check(checker: ArticleChecker, name: ox.NamedNode, quads: list[ox.Quad], *, as_text: bool) -> Checked:
    triples = ox_triples(quads)
    if any(is_blank(s) or is_blank(o) for s, _, o in triples):
        raise NeedsWholeGraph(f"article graph {name.value} holds blank nodes")
    extract = corpus_extract_quads(quads, name)
    text = (ox.serialize(extract, format=ox.RdfFormat.N_QUADS) or b"") if as_text else extract
    return name.value, checker.results(triples), text


def _as_text(graphs: list[tuple[ox.NamedNode, list[ox.Quad]]]) -> bytes:
    return ox.serialize((quad for _, quads in graphs for quad in quads), format=ox.RdfFormat.N_QUADS) or b""


def _check_batch(text: bytes) -> list[ArticleCheck]:
    """What a worker does with a batch of article graphs: parse, check, extract."""
    checker = _article_checker()
    parsed = ox.parse(input=text, format=ox.RdfFormat.N_QUADS)
    checks = []
    for name, group in itertools.groupby(parsed, lambda quad: quad.graph_name):
        assert isinstance(name, ox.NamedNode), "article graphs only"
        checked = _check(checker, name, list(group), as_text=True)
        assert isinstance(checked[2], bytes)
        checks.append((checked[0], checked[1], checked[2]))
    return checks


@cache
def _article_checker() -> ArticleChecker:
    return ArticleChecker(scoped_shapes())


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _graphs(files: list[Path], names: set[str] | None) -> Iterator[tuple[str, list[ox.Quad]]]:
    """The graphs named ``names`` (all for None), read again from the files."""
    for path in files:
        for name, group in itertools.groupby(stream_quads(path, warn=False), lambda quad: quad.graph_name):
            key = name.value if isinstance(name, ox.NamedNode) else ""
            if names is None or key in names:
                yield key, list(group)
