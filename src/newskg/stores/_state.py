"""What a newskg store holds, read and kept by pyoxigraph directly: each article's text hash and
pipeline version (for incremental builds), its graphs, and the default graph kept equal to their union."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from ..vocab.namespace import NKG
from ._folder import open_oxigraph

NKG_TEXT_HASH = str(NKG.textHash)
NKG_PIPELINE_VERSION = str(NKG.pipelineVersion)


def article_states(store: ox.Store) -> dict[str, tuple[str, str]]:
    """For each article graph in ``store``: its text hash and pipeline version (for incremental builds)."""
    query = (
        f"SELECT ?g ?hash ?version WHERE {{ GRAPH ?g {{ ?g <{NKG_TEXT_HASH}> ?hash "
        f"OPTIONAL {{ ?g <{NKG_PIPELINE_VERSION}> ?version }} }} }}"
    )
    states: dict[str, tuple[str, str]] = {}
    for row in _solutions(store, query):
        version = row["version"]
        states[row["g"].value] = (row["hash"].value, version.value if version is not None else "")
    return states


def count_named_quads(store: ox.Store) -> int:
    """How many quads the named graphs of ``store`` hold (not the default graph, their union)."""
    rows = _solutions(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    return int(next(iter(rows))["n"].value)


def _solutions(store: ox.Store, query: str) -> ox.QuerySolutions:
    result = store.query(query)
    assert isinstance(result, ox.QuerySolutions), "a SELECT query gives solutions"
    return result


def graph_quads(store: ox.Store, name: ox.NamedNode | ox.DefaultGraph) -> list[ox.Quad]:
    """The quads of one graph of ``store``."""
    return list(store.quads_for_pattern(None, None, None, name))


def named_graphs(store: ox.Store) -> list[ox.NamedNode]:
    """The named graphs of ``store``, in IRI order."""
    return sorted((g for g in store.named_graphs() if isinstance(g, ox.NamedNode)), key=lambda g: g.value)


def refresh_union(store: ox.Store, removed: Iterable[ox.Triple], added: Iterable[ox.Triple]) -> None:
    """Keep the default graph equal to the union of the named graphs after some of them changed.

    A newskg store answers queries from this default graph: it holds each triple once, whereas
    Oxigraph's union of named graphs repeats a triple for every graph holding it (so ``COUNT``
    would count an entity once per article). Only the changed triples are touched.
    """
    default = ox.DefaultGraph()
    store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, default) for t in added)
    for triple in set(removed):
        held = store.quads_for_pattern(triple.subject, triple.predicate, triple.object, None)
        if not any(isinstance(q.graph_name, ox.NamedNode) for q in held):
            store.remove(ox.Quad(triple.subject, triple.predicate, triple.object, default))


def graph_triples(store: ox.Store, names: Iterable[ox.NamedNode]) -> list[ox.Triple]:
    """The triples of some named graphs of ``store`` (repeats kept)."""
    return [q.triple for name in names for q in store.quads_for_pattern(None, None, None, name)]


def stored_graph_names(path: str | Path) -> list[ox.NamedNode]:
    """The named graphs of the store at ``path``, in IRI order."""
    return named_graphs(open_oxigraph(path, read_only=True))


def iter_stored_graphs(path: str | Path) -> Iterator[tuple[URIRef, list[ox.Quad]]]:
    """Each named graph of the store at ``path`` with its quads, in IRI order (for ``newskg push``)."""
    store = open_oxigraph(path, read_only=True)
    for name in named_graphs(store):
        yield URIRef(name.value), graph_quads(store, name)
