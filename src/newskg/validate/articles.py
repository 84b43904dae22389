"""The article-scope shapes, on one article graph at a time: what the build's graph workers run.

Each article graph is screened (``_screen``): when every focus node of an article-scope shape surely
conforms, which is nearly always, the article is done in a millisecond or two; otherwise pySHACL
validates the article graph with those shapes and its results are kept (``results``). The corpus-scope
shapes and the cross-article checks need more than one article (``corpus``); ``corpus_extract`` picks
the few triples of an article graph that they read, for a build that keeps its article graphs
elsewhere than in its working store.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

import pyoxigraph as ox
from rdflib import Graph

from ..vocab.namespace import NKG, OA, SCHEMA
from ._pyshacl import run_pyshacl
from ._screen import Screen, Unsupported
from ._terms import RDF_TYPE, Triple, TripleIndex, to_rdflib
from .results import ShapeResult, results_of
from .scopes import ScopedShapes, scoped_shapes

READ_ABOUT_POINTED_NODES = frozenset(
    {RDF_TYPE, str(OA.hasSource), str(NKG.sentence), str(SCHEMA.identifier), str(SCHEMA.datePublished)}
)
"""What the corpus-scope shapes and the cross-article checks read about a node that a corpus-level node
points to (an article, an evidence node): its types (``sh:class``), the article and the sentence an
evidence cites, an article's identifier and date (the checks' dates and wording)."""


@dataclass
class ArticleChecker:
    """Validates article graphs against the article-scope shapes (newskg's own unless given)."""

    scoped: ScopedShapes = field(default_factory=scoped_shapes)
    screen: Screen | None = field(init=False)
    """None when the shapes use what the screen does not evaluate: pySHACL then sees every article."""

    def __post_init__(self) -> None:
        try:
            self.screen = Screen(self.scoped.article)
        except Unsupported:
            self.screen = None

    def results(self, triples: Sequence[Triple]) -> tuple[ShapeResult, ...]:
        """The results of the article-scope shapes on one article graph (none when it conforms)."""
        if not self.scoped.article_shapes:
            return ()
        if self.screen is not None and not self.screen.suspects(TripleIndex(triples)):
            return ()
        graph = Graph()
        for s, p, o in triples:
            graph.add((to_rdflib(s), to_rdflib(p), to_rdflib(o)))
        report = run_pyshacl(graph, self.scoped.article)
        return tuple(results_of(report, self.scoped.article))


def corpus_extract(
    triples: Sequence[Triple], article: str, scoped: ScopedShapes | None = None
) -> list[Triple]:
    """The triples of one article graph that the corpus-level validation reads.

    Those of every node the article types with a class a corpus-scope shape targets (entities,
    memberships: all their triples), and the types, sources, identifiers and dates
    (``READ_ABOUT_POINTED_NODES``) of the nodes these point to and of the article itself.
    """
    targets = (scoped or scoped_shapes()).corpus_targets
    focus = {s for s, p, o in triples if p == RDF_TYPE and o in targets}
    if not focus:
        return [t for t in triples if t[0] == article and t[1] in READ_ABOUT_POINTED_NODES]
    kept = [t for t in triples if t[0] in focus]
    pointed = {o for _, _, o in kept if isinstance(o, str)} | {article}
    kept += (t for t in triples if t[0] in pointed and t[0] not in focus and t[1] in READ_ABOUT_POINTED_NODES)
    return kept


def corpus_extract_quads(quads: Sequence[ox.Quad], article: ox.NamedNode) -> list[ox.Quad]:
    """``corpus_extract`` (for newskg's own shapes) of an article graph read as pyoxigraph quads (a
    graph file, a build's output), without turning its terms into Python values."""
    targets = _ox_targets()
    focus = {q.subject for q in quads if q.predicate == _OX_TYPE and q.object in targets}
    kept = [q for q in quads if q.subject in focus]
    pointed: set[object] = {q.object for q in kept if isinstance(q.object, ox.NamedNode)}
    pointed.add(article)
    kept += (q for q in quads if q.subject in pointed and q.subject not in focus and q.predicate in _OX_READ)
    return kept


_OX_TYPE = ox.NamedNode(RDF_TYPE)
_OX_READ = frozenset(ox.NamedNode(p) for p in READ_ABOUT_POINTED_NODES)


@cache
def _ox_targets() -> frozenset[ox.NamedNode]:
    """The classes newskg's corpus-scope shapes target, as pyoxigraph terms."""
    return frozenset(ox.NamedNode(cls) for cls in scoped_shapes().corpus_targets)
