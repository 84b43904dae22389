"""The rdflib view of an Oxigraph store: ``open_store(path)`` gives a ``Dataset`` whose ``.query()`` runs in
Oxigraph (through the oxrdflib store plugin), so nothing is reparsed.

A newskg store keeps each article in its own named graph, plus the corpus-level graphs, and its
default graph equal to their union, each triple once (``refresh_union``): the dataset is then a
``UnionDataset``, which ``newskg.graph.access.union_view`` reads as it is. Its terms read as newskg reads
files (an ``xsd:string`` literal is a plain literal), so a store and a file of the same graph give the
same triples.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Dataset, Graph, Literal
from rdflib.namespace import XSD

from ..graph.access import UnionDataset
from ..vocab.namespace import bind_prefixes
from ._folder import open_oxigraph


def open_store(path: str | Path, *, read_only: bool = False) -> Dataset:
    """An rdflib ``Dataset`` over the Oxigraph store at ``path``; queries see the union of its graphs.

    Queries run on the store's default graph, which newskg builds keep equal to the union of the
    article and corpus-level graphs, each triple once (as in a graph file).

    The store must exist (``newskg build --store PATH`` makes one). ``read_only`` lets several
    processes query one store, but must not be used while a build writes to it.
    """
    return stored_dataset(open_oxigraph(path, read_only=read_only))


def stored_dataset(store: ox.Store) -> Dataset:
    """An rdflib ``Dataset`` over an open pyoxigraph store, its default graph the union of all graphs:
    the stored one (a ``UnionDataset``) when a newskg build kept it, else Oxigraph's union (a store
    made otherwise, whose default graph is empty)."""
    wrapped = _NewskgTerms(store=store)
    if next(store.quads_for_pattern(None, None, None, ox.DefaultGraph()), None) is not None:
        dataset: Dataset = UnionDataset(store=wrapped)
    else:
        dataset = Dataset(store=wrapped, default_union=True)
    bind_prefixes(dataset)
    return dataset


def open_store_view(store: ox.Store) -> Dataset:
    """An rdflib ``Dataset`` over an open pyoxigraph store (for the graph stage's functions)."""
    return Dataset(store=OxigraphStore(store=store), default_union=True)


class _NewskgTerms(OxigraphStore):
    """oxrdflib's store, whose triples read as ``newskg.rdf`` reads a file: ``xsd:string`` literals plain."""

    @property
    def oxigraph(self) -> ox.Store:
        """The pyoxigraph store, for what reads it directly (its graphs, as stored); no reference is
        kept besides oxrdflib's own, so closing the dataset closes the store."""
        store: ox.Store = self._inner
        return store

    def triples(self, triple_pattern: Any, context: Any = None) -> Iterator[Any]:
        for (subject, predicate, obj), contexts in super().triples(triple_pattern, context):
            yield (subject, predicate, _plain(obj)), contexts

    def query(self, *args: Any, **kwargs: Any) -> Any:
        """Oxigraph's answer, its ``xsd:string`` literals plain, so that results print as a file's do."""
        result = super().query(*args, **kwargs)
        if result.type == "SELECT":
            rows = result.bindings
            result.bindings = ({var: _plain(term) for var, term in row.items()} for row in rows)
        elif result.type == "CONSTRUCT" and result.graph is not None:
            made = Graph()
            made += ((s, p, _plain(o)) for s, p, o in result.graph)
            result.graph = made
        return result


def _plain(term: Any) -> Any:
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term
