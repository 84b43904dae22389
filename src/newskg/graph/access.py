"""Read a graph or a whole dataset alike.

A ``Dataset`` built by newskg keeps each article in its own named graph and its default graph empty,
so its plain ``triples()`` see nothing; these helpers read across all its named graphs instead (through
the store's quad index, no copy), and read a plain graph as usual. ``union_view`` is the one way to see
every graph of a source as one graph.
"""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import Dataset, Graph, URIRef
from rdflib.store import Store
from rdflib.term import Node


def objects(source: Graph, subject: Node | None, predicate: URIRef) -> Iterator[Node]:
    """Objects of ``subject predicate`` (repeats possible across named graphs)."""
    if isinstance(source, Dataset):
        for _, _, obj, _ in source.quads((subject, predicate, None, None)):
            yield obj
    else:
        yield from source.objects(subject, predicate)


def subjects(source: Graph, predicate: URIRef, obj: Node | None) -> Iterator[Node]:
    """Subjects of ``predicate obj`` (repeats possible across named graphs)."""
    if isinstance(source, Dataset):
        for subject, _, _, _ in source.quads((None, predicate, obj, None)):
            yield subject
    else:
        yield from source.subjects(predicate, obj)


def value(source: Graph, subject: Node, predicate: URIRef) -> Node | None:
    """The smallest object of ``subject predicate`` (deterministic when there are several), or None."""
    found = sorted(set(objects(source, subject, predicate)), key=str)
    return found[0] if found else None


def holds(source: Graph, subject: Node, predicate: URIRef, obj: Node) -> bool:
    """Whether some graph of ``source`` holds the triple (one index lookup, nothing converted)."""
    if isinstance(source, Dataset):
        return next(iter(source.quads((subject, predicate, obj, None))), None) is not None
    return (subject, predicate, obj) in source


class UnionDataset(Dataset):
    """A dataset whose default graph already holds the union of its named graphs, each triple once.

    A newskg store keeps its default graph so (``newskg.stores``): Oxigraph's own union of graphs
    repeats a triple for every graph holding it, so ``COUNT`` would count an entity once per article.
    ``union_view`` reads such a dataset as it is.
    """

    def __init__(self, store: Store) -> None:
        super().__init__(store=store, default_union=False)


def union_view(source: Graph) -> Graph:
    """All the triples of a graph, a dataset or a store, seen as one graph: newskg's one union.

    Every reader of a whole graph goes through this: queries (``newskg.query``), the drawings, and
    ``newskg.graph.build.union_graph``, which copies this view where a graph of its own is needed (Turtle,
    pySHACL). It is a view rather than a copy because a store may be larger than memory and an update
    run through it must reach the store; no triple is copied, the view shares the source's store.

    - a plain ``Graph`` (a Turtle file, a SPARQL endpoint, whose default graph is its union) is its own
      union, as is a ``Dataset`` with ``default_union`` set (graph files read by ``newskg.rdf``);
    - a ``UnionDataset`` (a newskg store) holds the union in its default graph: it is read there;
    - any other ``Dataset`` (built in memory) keeps its triples in named graphs and its default graph
      empty: a ``default_union`` dataset over the same store reads across them.
    """
    if not isinstance(source, Dataset) or source.default_union or isinstance(source, UnionDataset):
        return source
    view = Dataset(store=source.store, default_union=True)
    view.namespace_manager = source.namespace_manager
    return view
