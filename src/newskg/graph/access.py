"""Read a graph or a whole dataset alike.

A ``Dataset`` built by newskg keeps each article in its own named graph and its default graph empty,
so its plain ``triples()`` see nothing; these helpers read across all its named graphs instead (through
the store's quad index, no copy), and read a plain graph as usual.
"""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import Dataset, Graph, URIRef
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
