"""One way to open a graph, whatever holds it: graph files, a newskg store, or a SPARQL endpoint.

Every command that reads a graph (``query``, ``validate``, ``export``, ``show``, ``timeline``) opens it
with ``open_graph``, so each takes files, ``--store DIR`` and ``--endpoint URL`` alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rdflib import Graph

from ..errors import InputError
from ..export.writers import graph_blocks as written_blocks
from ..rdf.write import GraphBlock, read_dataset, read_oxigraph
from ._endpoint import open_endpoint
from ._rdflib import _NewskgTerms, open_store, stored_dataset
from ._state import graph_quads, named_graphs


def check_sources(files: Sequence[str | Path], *, store: str | Path | None, endpoint: str | None) -> None:
    """Exactly one source: graph files, a store or an endpoint (``InputError`` otherwise)."""
    if store is not None and endpoint is not None:
        raise InputError("give --store or --endpoint, not both")
    if (store is not None or endpoint is not None) and files:
        raise InputError(f"give graph files or --store/--endpoint, not both (got {files[0]})")
    if store is None and endpoint is None and not files:
        raise InputError("give at least one graph file (or --store PATH, or --endpoint URL)")


def open_graph(
    *,
    files: Sequence[str | Path] = (),
    store: str | Path | None = None,
    endpoint: str | None = None,
    writable: bool = False,
    timeout: float | None = None,
    in_oxigraph: bool = False,
) -> Graph:
    """The graph held by ``files``, the newskg ``store`` folder, or the SPARQL ``endpoint`` (give one).

    - files (Turtle, TriG, N-Triples, N-Quads, JSON-LD, RDF/XML) are read into one in-memory ``Dataset``
      whose default graph is their union; the named graphs of TriG and N-Quads stay named. With
      ``in_oxigraph`` they are read into an in-memory Oxigraph store instead, opened as a store is (its
      default graph the union, each triple once), so SPARQL runs in Oxigraph and no rdflib term is made
      for the whole graph (``newskg query``: parsing and querying some 20 times faster);
    - a store is opened with ``open_store`` (read-only unless ``writable``): a ``Dataset`` whose default
      graph is the union kept by the build;
    - an endpoint is opened with ``open_endpoint`` (``timeout``: seconds per answer, ``None`` its
      default): a graph whose ``.query()`` runs there.

    Queries see the union of the graphs in every case (``newskg.graph.access.union_view``). Close what
    you opened (``graph.close()``) to let go of a store. Raises ``InputError`` unless exactly one source is
    given, and ``StoreError`` or ``RdfSyntaxError`` when it cannot be read.
    """
    check_sources(files, store=store, endpoint=endpoint)
    if store is not None:
        return open_store(store, read_only=not writable)
    if endpoint is not None:
        return open_endpoint(endpoint, timeout=timeout)
    if in_oxigraph:
        return stored_dataset(read_oxigraph(list(files)))
    return read_dataset(list(files))


def blocks_of(graph: Graph) -> list[GraphBlock]:
    """The graphs of what ``open_graph`` opened, as the RDF writers take them: a store's named graphs as
    stored (not its default graph, which is their union), else each graph of a dataset, or the triples
    of a plain graph (an endpoint's union)."""
    if isinstance(graph.store, _NewskgTerms):
        stored = graph.store.oxigraph
        return [(name, sorted(graph_quads(stored, name), key=str)) for name in named_graphs(stored)]
    return written_blocks(graph)
