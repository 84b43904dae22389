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
from collections.abc import Callable, Iterable, Iterator, Mapping

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF

from ..graph.access import union_view
from ..iris import ARTICLE_BASE
from ..vocab.namespace import NKG, PROV
from ._terms import RDF_TYPE, Term, Triple, from_ox, from_rdflib, ox_triples, to_rdflib

_RDF_SUBJECT = str(RDF.subject)
_EVIDENCE = str(NKG.evidence)
_DERIVED_FROM = str(PROV.wasDerivedFrom)
DESCRIPTION_HOPS = 4
"""How far from a result's focus node its description reads: an entity -> the assertion of one of its
names -> its evidence -> the article -> its identifier."""


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

    def exact(self, subjects: Iterable[str]) -> Iterator[Triple]:
        """``about(subjects)`` with the lexical forms of the graph as given (which a store may have
        turned into canonical ones): what pySHACL reads for the few nodes it validates."""
        return self.about(subjects)

    @abstractmethod
    def checks_graph(self) -> Graph:
        """An rdflib view of the union, for the cross-article checks (which read a few triples of each
        membership)."""

    def description(self, focus: set[str], cited: set[str]) -> Iterator[Triple]:
        """What describing results reads (``newskg.graph.labels.label`` and the evidence sentences):
        the triples about the results' ``focus`` nodes, the assertions about them and the ``cited``
        evidence, and about what these point to, up to ``DESCRIPTION_HOPS`` away."""
        seen: set[str] = set()
        frontier = focus | cited | {t[0] for t in self.asserting(sorted(focus))}
        for _ in range(DESCRIPTION_HOPS):
            frontier -= seen
            if not frontier:
                break
            seen |= frontier
            following: set[str] = set()
            for triple in self.about(sorted(frontier)):
                yield triple
                obj = triple[2]
                if isinstance(obj, str) and not obj.startswith("_:"):
                    following.add(obj)
            frontier = following


class OxigraphReader(Reader):
    """Reads a pyoxigraph store.

    ``union_default``: the store's default graph repeats the union of its named graphs (a newskg
    store keeps it so): it is not read, so nothing is read twice.
    """

    def __init__(self, store: ox.Store, *, union_default: bool = False) -> None:
        self.store = store
        self.union_default = union_default

    def typed(self, cls: str, *, outside_articles: bool = False) -> Iterator[str]:
        if not outside_articles and _plain_iri(cls):  # each node once, not once per graph typing it
            for solution in self._distinct(f"?s <{RDF_TYPE}> <{cls}>", "?s"):
                node = from_ox(solution[0])
                assert isinstance(node, str)
                yield node
            return
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
        """Each triple once, however many graphs hold it (an entity is typed and labelled in every
        article naming it: thousands of quads, a few distinct triples), for subjects that are IRIs."""
        wanted = ox.NamedNode(predicate) if predicate is not None else None
        plain: list[str] = []
        for subject in subjects:
            if (predicate is None or _plain_iri(predicate)) and _plain_iri(subject):
                plain.append(subject)
                continue
            node = ox.BlankNode(subject[2:]) if subject.startswith("_:") else ox.NamedNode(subject)
            yield from ox_triples(self._own(self.store.quads_for_pattern(node, wanted, None, None)))
        for start in range(0, len(plain), DISTINCT_CHUNK):
            values = " ".join(f"<{subject}>" for subject in plain[start : start + DISTINCT_CHUNK])
            if predicate is None:
                for s, p, o in self._distinct(f"?s ?p ?o VALUES ?s {{ {values} }}", "?s ?p ?o"):
                    yield _text(s), _text(p), from_ox(o)
            else:
                for s, o in self._distinct(f"?s <{predicate}> ?o VALUES ?s {{ {values} }}", "?s ?o"):
                    yield _text(s), predicate, from_ox(o)

    def _distinct(self, pattern: str, variables: str) -> Iterator[ox.QuerySolution]:
        """The distinct solutions of a triple ``pattern`` over every graph this reader reads (the
        named graphs, and the default graph unless it repeats their union), computed by Oxigraph."""
        where = f"{{ GRAPH ?g {{ {pattern} }} }}"
        if not self.union_default:
            where += f" UNION {{ {pattern} }}"
        solutions = self.store.query(f"SELECT DISTINCT {variables} WHERE {{ {where} }}")
        assert isinstance(solutions, ox.QuerySolutions)
        yield from solutions

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


GraphsReader = Callable[[set[str] | None], Iterable[tuple[str, list[ox.Quad]]]]
"""Reads some graphs (named, or all of them for None): each graph's name and quads."""


class ScanReader(OxigraphReader):
    """A store that holds only what the corpus-level validation reads (a build's working store, a
    file's corpus-level part), and the article graphs elsewhere (a build's spooled graphs, the files),
    read again to describe results, which are few.

    What describes a result is read in the store first. An article graph is read only where the store
    cannot describe a focus node: the graph an article-scope result came from (``graphs_of``), and for
    an entity, the articles it is derived from (where the assertions of its names are). By construction
    an article's evidence, assertions and metadata are in its own graph.
    """

    def __init__(
        self,
        store: ox.Store,
        read: GraphsReader,
        *,
        union_default: bool,
        complete: bool,
        graphs_of: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(store, union_default=union_default)
        self.read = read
        self.complete = complete
        """Whether ``read`` reads every graph (graph files); else the article graphs only (a build's
        spool), the others being in the store as they are."""
        self.graphs_of = dict(graphs_of or {})

    def exact(self, subjects: Iterable[str]) -> Iterator[Triple]:
        """The triples of ``subjects`` as written: every graph read again, for the store keeps
        canonical forms (``"0"^^xsd:nonNegativeInteger`` becomes ``0``)."""
        wanted = sorted(set(subjects))
        nodes = {ox.NamedNode(subject) for subject in wanted}
        for _, quads in self.read(None):
            found = [quad for quad in quads if quad.subject in nodes]
            if found:
                yield from ox_triples(found)
        if not self.complete:  # the corpus-level graphs, which a build makes in its store
            for node in nodes:
                stored = self._own(self.store.quads_for_pattern(node, None, None, None))
                yield from ox_triples(q for q in stored if not _article_graph(q.graph_name))

    def description(self, focus: set[str], cited: set[str]) -> Iterator[Triple]:
        stored = list(super().description(focus, cited))
        yield from stored
        needed = self._graphs_needed(focus, stored)
        if needed is not None and not needed:
            return
        wanted = {ox.NamedNode(node) for node in focus | cited}
        for _, quads in self.read(needed):
            if needed is not None or any(q.subject in wanted or q.object in wanted for q in quads):
                yield from _IndexReader(ox_triples(quads)).description(focus, cited)

    def _graphs_needed(self, focus: set[str], stored: list[Triple]) -> set[str] | None:
        """The article graphs to read; None for all of them (a focus node the store does not know)."""
        typed = {s for s, p, _ in stored if p == RDF_TYPE}
        with_evidence = {s for s, p, _ in stored if p == _EVIDENCE}
        sources: dict[str, set[str]] = {}
        for s, p, o in stored:
            if p == _DERIVED_FROM and isinstance(o, str):
                sources.setdefault(s, set()).add(o)
        needed: set[str] = set()
        for node in focus:
            if node in self.graphs_of:
                needed.add(self.graphs_of[node])
            elif node not in typed:
                return None
            elif node not in with_evidence:
                needed |= sources.get(node, set())
        return needed


class _IndexReader(Reader):
    """Some triples in memory (one graph of a scan), read as a ``Reader``."""

    def __init__(self, triples: list[Triple]) -> None:
        self.by_subject: dict[str, list[Triple]] = {}
        self.assertions: dict[Term, list[Triple]] = {}
        for triple in triples:
            self.by_subject.setdefault(triple[0], []).append(triple)
            if triple[1] == _RDF_SUBJECT:
                self.assertions.setdefault(triple[2], []).append(triple)

    def typed(self, cls: str, *, outside_articles: bool = False) -> Iterator[str]:
        return iter(())

    def about(self, subjects: Iterable[str], predicate: str | None = None) -> Iterator[Triple]:
        for subject in subjects:
            for triple in self.by_subject.get(subject, ()):
                if predicate is None or triple[1] == predicate:
                    yield triple

    def asserting(self, objects: Iterable[str]) -> Iterator[Triple]:
        for obj in objects:
            yield from self.assertions.get(obj, ())

    def checks_graph(self) -> Graph:
        raise NotImplementedError("one graph of a scan is not checked across articles")


DISTINCT_CHUNK = 500
"""Subjects asked about in one query."""
_NOT_IN_IRIS = frozenset('<>"{}|^`\\')


def _plain_iri(text: str) -> bool:
    """Whether ``text`` is written as a SPARQL ``<IRI>`` as it is: no blank node, nothing to escape."""
    return not text.startswith("_:") and not any(c in _NOT_IN_IRIS or c <= " " for c in text)


def _text(term: object) -> str:
    assert isinstance(term, (ox.NamedNode, ox.BlankNode)), term
    found = from_ox(term)
    assert isinstance(found, str)
    return found


def _article_graph(name: object) -> bool:
    return isinstance(name, ox.NamedNode) and name.value.startswith(ARTICLE_BASE)
