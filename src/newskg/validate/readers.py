"""Where validation reads the union of the graphs: an Oxigraph store, or an rdflib graph.

The corpus-level part of validation (``corpus``), the cross-article checks and the description of
results read a graph node by node: the nodes typed with a class, the triples about some nodes, the
assertions about some nodes. A ``Reader`` answers these from a pyoxigraph store (a newskg store, a
build's working store, a graph file read into a temporary store: memory bounded whatever the size) or
from an rdflib graph (what ``newskg.validate`` is given in memory, read as it is).

An Oxigraph store keeps values rather than lexical forms (``"0"^^xsd:nonNegativeInteger`` comes back as
``0``): results about what it holds show the stored form.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF

from ..graph.access import union_view
from ..iris import ARTICLE_BASE
from ._terms import RDF_TYPE, Triple, from_ox, from_rdflib, ox_triples, to_rdflib

_RDF_SUBJECT = str(RDF.subject)


class Reader(ABC):
    """The union of some graphs, read node by node."""

    @abstractmethod
    def typed(self, cls: str, *, outside_articles: bool = False) -> Iterator[str]:
        """The nodes typed ``cls`` (repeats possible); with ``outside_articles``, only where the type
        is given outside every article graph."""

    @abstractmethod
    def about(self, subjects: Iterable[str], predicate: str | None = None) -> Iterator[Triple]:
        """The triples whose subject is one of ``subjects`` (and predicate ``predicate``); repeats too."""

    @abstractmethod
    def asserting(self, objects: Iterable[str]) -> Iterator[Triple]:
        """The ``rdf:subject`` triples of the assertions about ``objects``."""

    @abstractmethod
    def checks_graph(self) -> Graph:
        """An rdflib view of the union, for the cross-article checks (which read a few triples of each
        membership)."""


class OxigraphReader(Reader):
    """Reads a pyoxigraph store.

    ``union_default``: the store's default graph repeats the union of its named graphs (a newskg
    store keeps it so): it is not read, so nothing is read twice.
    """

    def __init__(self, store: ox.Store, *, union_default: bool = False) -> None:
        self.store = store
        self.union_default = union_default

    def typed(self, cls: str, *, outside_articles: bool = False) -> Iterator[str]:
        for quad in self.store.quads_for_pattern(None, ox.NamedNode(RDF_TYPE), ox.NamedNode(cls), None):
            name = quad.graph_name
            if isinstance(name, ox.DefaultGraph):
                if self.union_default:
                    continue
            elif outside_articles and isinstance(name, ox.NamedNode) and name.value.startswith(ARTICLE_BASE):
                continue
            node = from_ox(quad.subject)
            assert isinstance(node, str)
            yield node

    def about(self, subjects: Iterable[str], predicate: str | None = None) -> Iterator[Triple]:
        wanted = ox.NamedNode(predicate) if predicate is not None else None
        for subject in subjects:
            node = ox.BlankNode(subject[2:]) if subject.startswith("_:") else ox.NamedNode(subject)
            yield from ox_triples(self._own(self.store.quads_for_pattern(node, wanted, None, None)))

    def asserting(self, objects: Iterable[str]) -> Iterator[Triple]:
        predicate = ox.NamedNode(_RDF_SUBJECT)
        for obj in objects:
            yield from ox_triples(
                self._own(self.store.quads_for_pattern(None, predicate, ox.NamedNode(obj), None))
            )

    def _own(self, quads: Iterable[ox.Quad]) -> Iterator[ox.Quad]:
        for quad in quads:
            if not (self.union_default and isinstance(quad.graph_name, ox.DefaultGraph)):
                yield quad

    def checks_graph(self) -> Graph:
        return Dataset(store=OxigraphStore(store=self.store), default_union=True)


class RdflibReader(Reader):
    """Reads an rdflib graph or dataset as it is (its union)."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.union = union_view(graph)

    def typed(self, cls: str, *, outside_articles: bool = False) -> Iterator[str]:
        if outside_articles and isinstance(self.graph, Dataset):
            for part in self.graph.graphs():
                if not str(part.identifier).startswith(ARTICLE_BASE):
                    yield from self._subjects(part, cls)
            return
        yield from self._subjects(self.union, cls)

    @staticmethod
    def _subjects(graph: Graph, cls: str) -> Iterator[str]:
        for node in graph.subjects(RDF.type, URIRef(cls)):
            found = from_rdflib(node)
            if isinstance(found, str):
                yield found

    def about(self, subjects: Iterable[str], predicate: str | None = None) -> Iterator[Triple]:
        wanted = URIRef(predicate) if predicate is not None else None
        for subject in subjects:
            for _, p, o in self.union.triples((to_rdflib(subject), wanted, None)):
                yield subject, str(p), from_rdflib(o)

    def asserting(self, objects: Iterable[str]) -> Iterator[Triple]:
        for obj in objects:
            for s in self.union.subjects(RDF.subject, URIRef(obj)):
                found = from_rdflib(s)
                if isinstance(found, str):
                    yield found, _RDF_SUBJECT, obj

    def checks_graph(self) -> Graph:
        return self.graph


class ScanReader(OxigraphReader):
    """A store that holds only part of the data (a build's working store), with the rest read by
    scanning all of it again (a build's spooled graphs): for describing results, which are few."""

    def __init__(
        self, store: ox.Store, scan: Callable[[], Iterable[ox.Quad]], *, union_default: bool
    ) -> None:
        super().__init__(store, union_default=union_default)
        self.scan = scan

    def about(self, subjects: Iterable[str], predicate: str | None = None) -> Iterator[Triple]:
        wanted = set(subjects)
        for quad in self.scan():
            if (predicate is None or quad.predicate.value == predicate) and from_ox(quad.subject) in wanted:
                yield ox_triples([quad])[0]
        yield from super().about(wanted, predicate)  # the corpus-level graphs are in the store only

    def asserting(self, objects: Iterable[str]) -> Iterator[Triple]:
        wanted = set(objects)
        for quad in self.scan():
            if quad.predicate.value == _RDF_SUBJECT and from_ox(quad.object) in wanted:
                yield ox_triples([quad])[0]
