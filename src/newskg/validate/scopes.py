"""Where each shape is checked: on each article graph, or once on the union of the graphs.

The shapes file says it of every node shape (``nkgsh:scope``, explained at its head):
``nkgsh:ArticleScope`` shapes read only what one article's named graph holds, so they run on each
article graph where it is built, and their results over the whole graph are the union of the results
over the article graphs; ``nkgsh:CorpusScope`` shapes (entities, memberships, posts in time) read what
several articles contribute, and run once on each focus node with its triples from every graph. A
node shape that says nothing (in shapes given by a caller) is checked on the union: always right.

``ScopedShapes`` holds the two halves as shapes graphs of their own, each with everything its node
shapes refer to (property shapes, lists), under the same blank nodes as the whole graph, so that a
result names the same ``sh:sourceShape`` whichever half produced it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import pyshacl
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from ..resources import load_shapes, shapes_path
from ..vocab.namespace import NKGSH

VALIDATION_VERSION = "1"
"""Changes when the way newskg validates changes: results kept from an older one are not reused."""


@dataclass(frozen=True)
class ScopedShapes:
    """A shapes graph and its two halves: the shapes checked per article, and those checked once."""

    shapes: Graph
    article: Graph
    corpus: Graph
    article_shapes: frozenset[URIRef]
    corpus_shapes: frozenset[URIRef]
    digest: str
    """Names this shapes graph and the validator's version: kept per-article results are reused only
    under the same digest."""

    @property
    def article_targets(self) -> frozenset[str]:
        """The classes of the focus nodes checked per article."""
        return _targets(self.article)

    @property
    def corpus_targets(self) -> frozenset[str]:
        """The classes of the focus nodes checked on the union."""
        return _targets(self.corpus)


def scoped_shapes(shapes: Graph | None = None) -> ScopedShapes:
    """The halves of ``shapes`` (newskg's own when None, computed once per process)."""
    if shapes is None:
        return _newskg_shapes()
    return _split(shapes, _digest(shapes.serialize(format="nt", encoding="utf-8")))


@cache
def _newskg_shapes() -> ScopedShapes:
    return _split(load_shapes(), _digest(shapes_path().read_bytes()))


def _digest(data: bytes) -> str:
    versions = f"newskg-validation {VALIDATION_VERSION}, pyshacl {pyshacl.__version__}\n".encode()
    return hashlib.sha256(versions + data).hexdigest()[:32]


def _split(shapes: Graph, digest: str) -> ScopedShapes:
    node_shapes = {s for s in shapes.subjects(RDF.type, SH.NodeShape) if isinstance(s, URIRef)}
    node_shapes |= {s for s in shapes.subjects(SH.targetClass, None) if isinstance(s, URIRef)}
    article = frozenset(s for s in node_shapes if (s, NKGSH.scope, NKGSH.ArticleScope) in shapes)
    corpus = frozenset(node_shapes - article)
    return ScopedShapes(shapes, _closure(shapes, article), _closure(shapes, corpus), article, corpus, digest)


def _closure(shapes: Graph, roots: Iterable[URIRef]) -> Graph:
    """The triples of ``roots`` and of every blank node they lead to (property shapes, lists...)."""
    part = Graph()
    for prefix, namespace in shapes.namespaces():
        part.bind(prefix, namespace)
    seen: set[Node] = set()
    stack: list[Node] = list(roots)
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        for predicate, obj in shapes.predicate_objects(node):
            part.add((node, predicate, obj))
            if isinstance(obj, BNode) or predicate in (SH.node, SH.property, SH["not"]):
                stack.append(obj)
    return part


def _targets(shapes: Graph) -> frozenset[str]:
    return frozenset(str(c) for c in shapes.objects(None, SH.targetClass))
