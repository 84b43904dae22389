"""Shapes on the union of the graphs, one focus node at a time: the corpus-scope shapes.

Each focus node is checked with its triples from every graph, and the types (and what nested shapes
read) of the nodes it points to: what a run of pySHACL over the whole union reads about it. Focus
nodes are taken in batches from a ``Reader`` (an Oxigraph store may be larger than memory), so memory
is bounded by the batch, not the corpus. Each batch is screened; pySHACL validates the suspects of a
batch on the triples gathered for them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from rdflib import Graph, URIRef

from ._pyshacl import run_pyshacl
from ._screen import Screen, Unsupported
from ._terms import RDF_TYPE, Triple, TripleIndex, is_blank, to_rdflib
from .readers import Reader
from .results import ShapeResult, results_of

BATCH = 2_000
"""Focus nodes gathered and screened at once."""


class NeedsWholeGraph(Exception):
    """The graph cannot be checked piece by piece (blank nodes, which a store does not name stably,
    or shapes the screen does not evaluate): validate the whole graph at once."""


@dataclass
class UnionChecker:
    """Checks the focus nodes of some shapes against the union of the graphs ``reader`` reads."""

    reader: Reader
    shapes: Graph
    screen: Screen = field(init=False)

    def __post_init__(self) -> None:
        try:
            self.screen = Screen(self.shapes)
        except Unsupported as exc:
            raise NeedsWholeGraph(str(exc)) from exc
        self._value_predicates = sorted({RDF_TYPE, *self.screen.value_paths})

    def results(self, *, outside_articles: bool = False) -> list[ShapeResult]:
        """Every result of the shapes; with ``outside_articles``, of the focus nodes typed outside
        every article graph only (those in article graphs are checked per article)."""
        suspects: list[str] = []
        for batch in _batches(self._focus_nodes(outside_articles), BATCH):
            index = TripleIndex(self._gathered(self.reader.about(batch)))
            suspects.extend(sorted(self.screen.suspects(index, focus=batch)))
        found: list[ShapeResult] = []
        for batch in _batches(suspects, BATCH):
            found.extend(self._confirmed(batch))
        return found

    def _focus_nodes(self, outside_articles: bool) -> Iterator[str]:
        seen: set[str] = set()
        for cls in sorted(self.screen.target_classes):
            for node in self.reader.typed(cls, outside_articles=outside_articles):
                if is_blank(node):
                    raise NeedsWholeGraph(f"a focus node is a blank node ({node})")
                if node not in seen:
                    seen.add(node)
                    yield node

    def _confirmed(self, suspects: list[str]) -> list[ShapeResult]:
        """pySHACL's results for some suspects, on their triples as the graph holds them."""
        graph = Graph()
        for s, p, o in self._gathered(self.reader.exact(suspects)):
            graph.add((to_rdflib(s), to_rdflib(p), to_rdflib(o)))
        report = run_pyshacl(graph, self.shapes, focus=[URIRef(node) for node in suspects])
        try:
            return results_of(report, self.shapes)
        except ValueError as exc:
            raise NeedsWholeGraph(str(exc)) from exc

    def _gathered(self, triples: Iterable[Triple]) -> Iterator[Triple]:
        """Some focus nodes' triples, and the types (and what nested shapes read) of the nodes they
        point to."""
        pointed: set[str] = set()
        for triple in triples:
            yield triple
            obj = triple[2]
            if isinstance(obj, str):
                if is_blank(obj):
                    raise NeedsWholeGraph(f"a focus node points to a blank node ({obj})")
                pointed.add(obj)
        for predicate in self._value_predicates:
            yield from self.reader.about(sorted(pointed), predicate)


def _batches(items: Iterable[str], size: int) -> Iterator[list[str]]:
    batch: list[str] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
