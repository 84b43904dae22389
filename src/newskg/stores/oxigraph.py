"""Triple stores beyond a file: an embedded Oxigraph store on disk, and remote SPARQL endpoints.

``open_store(path)`` gives an rdflib ``Dataset`` over a persistent Oxigraph store (through the
oxrdflib store plugin), so ``.query()`` runs in Oxigraph and nothing is reparsed; builds write to
the same store through pyoxigraph directly, which adds quads several times faster than rdflib.
``open_endpoint(url)`` gives an rdflib graph over a remote SPARQL endpoint that asks for JSON
results (Virtuoso answers RDF/XML otherwise).

A newskg store keeps each article in its own named graph, plus the corpus-level graphs, and its
default graph equal to their union, each triple once: that is what queries see. ``Workspace`` is the
store a build writes to (the persistent one, or a temporary one for a file output).

Oxigraph stores values, not every lexical form: an ``xsd:nonNegativeInteger`` comes back as an
``xsd:integer`` and ``"1.50"^^xsd:decimal`` as ``"1.5"``; the triples mean the same.
"""

from __future__ import annotations

import contextlib
import errno
import itertools
import os
import tempfile
import traceback
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from io import BytesIO
from pathlib import Path
from types import TracebackType
from typing import IO, Any, NamedTuple
from xml.sax import SAXException

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import BNode, Dataset, Graph, URIRef
from rdflib.exceptions import ParserError
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import SKOS
from rdflib.plugin import PluginException
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from rdflib.query import Result

from ..errors import StoreError
from ..files import atomic_writer
from ..graph.build import (
    DERIVATION_PREDICATES,
    DERIVED_GRAPHS,
    ENTITIES_GRAPH,
    derivation_triples,
    update_dataset,
)
from ..rdf.write import OX_FORMATS, QUAD_FORMATS, GraphBlock, add_to_graph, write_graphs, write_graphs_to
from ..vocab.namespace import bind_prefixes
from . import remote, undo

NKG_TEXT_HASH = "https://w3id.org/newskg/ontology#textHash"
NKG_PIPELINE_VERSION = "https://w3id.org/newskg/ontology#pipelineVersion"
ENDPOINT_ACCEPT = (
    "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8, "
    "application/rdf+xml;q=0.5"
)
"""JSON for SELECT and ASK (Virtuoso would answer RDF/XML otherwise), a graph format for CONSTRUCT."""
ARTICLE_GRAPH_PREFIX = "https://w3id.org/newskg/id/article/"
"""Article graphs are named by the article IRI; the corpus-level graphs are not."""
STORE_CHUNK = 50_000
"""Quads loaded into Oxigraph at once. Each bulk load writes and syncs files, so fewer would be faster,
but a signal waits for the running load to end: at 50,000 quads a load takes about half a second, and
builds were no slower than at 200,000."""
DEFAULT = ox.DefaultGraph()
NQUADS = "nquads"
ROCKSDB_MARKER = "CURRENT"
"""A file every Oxigraph (RocksDB) store directory holds: how a store is told from other folders."""


class TextSegment(NamedTuple):
    """Where some N-Quads text was written: a file, an offset and a length."""

    path: str
    offset: int
    length: int

    def read(self) -> bytes:
        with open(self.path, "rb") as handle:
            return os.pread(handle.fileno(), self.length, self.offset)


class BuiltGraph(NamedTuple):
    """An article's named graph as a build made it: where its sorted N-Quads lines were written (as
    the output will hold them), and the part of them the derived graphs read (what a file build's
    working store needs)."""

    name: str
    text: TextSegment
    derivation: bytes


def is_store(path: str | Path) -> bool:
    """Whether ``path`` is an Oxigraph store directory (or one whose interrupted update is to be undone)."""
    folder = Path(path)
    return folder.is_dir() and ((folder / ROCKSDB_MARKER).is_file() or undo.interrupted(folder))


def open_oxigraph(
    path: str | Path,
    *,
    create: bool = False,
    read_only: bool = False,
    lock: undo.StoreLock | None = None,
) -> ox.Store:
    """The pyoxigraph store at ``path``; created when ``create`` and missing, else it must exist.

    An update that a killed build left unfinished is undone first (``newskg.stores.undo``), so every
    store opened is one a build finished. ``lock``: the caller's, held for an update.
    """
    folder = Path(path)
    _check_folder(folder, create=create, read_only=read_only)
    if is_store(folder):
        if lock is not None:
            undo.restore(folder)
        else:
            undo.repair(folder)
    try:
        return ox.Store.read_only(str(folder)) if read_only else ox.Store(str(folder))
    except (OSError, RuntimeError) as exc:
        raise store_failure(folder, exc, "cannot open the Oxigraph store") from exc


def _check_folder(folder: Path, *, create: bool, read_only: bool) -> None:
    """Refuse a file or a folder of other files; create the folder of a new store."""
    if folder.exists() and not folder.is_dir():
        raise StoreError(f"{folder}: is a file, not an Oxigraph store folder")
    if folder.is_dir() and not is_store(folder) and any(not undo.is_ours(e) for e in folder.iterdir()):
        raise StoreError(
            f"{folder}: folder holds other files, not an Oxigraph store; give a new or store folder"
        )
    if not is_store(folder) and not create:
        raise StoreError(f"{folder}: no store here; create one with 'newskg build ARTICLES --store {folder}'")
    if create and not read_only:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{folder}: cannot create the store folder: {exc.strerror}") from exc


_NO_SPACE = (errno.ENOSPC, errno.EDQUOT)


def is_out_of_space(exc: BaseException) -> bool:
    """Whether ``exc`` says a disk (or a quota) is full, as Python or RocksDB words it."""
    if isinstance(exc, OSError) and exc.errno in _NO_SPACE:
        return True
    text = str(exc)
    return "No space left on device" in text or "Disk quota exceeded" in text


def store_failure(folder: Path, exc: BaseException, doing: str) -> StoreError:
    """What to tell the user when Oxigraph (RocksDB) fails on the store in ``folder``: a full disk, a
    damaged store, a lock held elsewhere, or else what RocksDB said."""
    text = " ".join(str(exc).split())
    if is_out_of_space(exc):
        return StoreError(
            f"{folder}: no space left on the device ({doing}); free some space and run it again"
        )
    if "Corruption" in text:
        return StoreError(
            f"{folder}: the store is damaged ({text[:200]}); restore it from a backup, or rebuild it: "
            f"move it aside and run 'newskg build ARTICLES --store {folder}'"
        )
    if "lock hold by current process" in text:
        return StoreError(f"{folder}: store is already open in this process; close it first")
    if "lock" in text.lower():
        return StoreError(f"{folder}: store is in use by another process; wait for it or close it")
    if "Permission denied" in text:
        return StoreError(f"{folder}: permission denied ({doing}); check who owns the store folder")
    return StoreError(f"{folder}: {doing} ({text[:200]})")


def open_store(path: str | Path, *, read_only: bool = False) -> Dataset:
    """An rdflib ``Dataset`` over the Oxigraph store at ``path``; queries see the union of its graphs.

    Queries run on the store's default graph, which newskg builds keep equal to the union of the
    article and corpus-level graphs, each triple once (as in a graph file).

    The store must exist (``newskg build --store PATH`` makes one). ``read_only`` lets several
    processes query one store, but must not be used while a build writes to it.
    """
    store = _UnionInDefaultGraph(store=open_oxigraph(path, read_only=read_only))
    dataset = Dataset(store=store, default_union=False)
    bind_prefixes(dataset)
    return dataset


class _UnionInDefaultGraph(OxigraphStore):
    """An Oxigraph rdflib store whose "union of all graphs" is read from its default graph.

    newskg builds keep that default graph equal to the union of the named graphs, each triple once;
    Oxigraph's own union repeats a triple for every graph holding it, so a ``Dataset`` with
    ``default_union=True`` over this store still counts each entity once.
    """

    def query(self, query: Any, initNs: Any, initBindings: Any, queryGraph: Any, **kwargs: Any) -> Result:
        if queryGraph == "__UNION__" and next(self._inner.quads_for_pattern(None, None, None, DEFAULT), None):
            queryGraph = DATASET_DEFAULT_GRAPH_ID
        return super().query(query, initNs, initBindings, queryGraph, **kwargs)


DEFAULT_ENDPOINT_TIMEOUT = 60.0
"""Seconds ``open_endpoint`` waits for a whole answer unless told otherwise."""


def open_endpoint(
    url: str, *, user: str | None = None, password: str | None = None, timeout: float | None = None
) -> Graph:
    """An rdflib graph whose ``.query()`` runs on the SPARQL endpoint at ``url`` (JSON results).

    The endpoint's default graph should be the union of its named graphs, as newskg pushes each
    article to its own graph: Virtuoso and GraphDB do this by default, Oxigraph with
    ``--union-default-graph``, Fuseki with ``tdb2:unionDefaultGraph true``. Failures raise
    ``StoreError`` (rdflib alone would return an error tuple instead of a result): no connection, an
    HTTP error, no whole answer within ``timeout`` seconds (``None``: ``DEFAULT_ENDPOINT_TIMEOUT``;
    ``math.inf`` waits for ever), or a redirect ``newskg.stores.remote`` does not follow. Credentials may be
    given as ``user``/``password`` or in the URL; they are never printed.
    """
    remote.check_url(url, what="SPARQL endpoint")
    seconds = remote.check_timeout(DEFAULT_ENDPOINT_TIMEOUT if timeout is None else timeout)
    bare, url_auth = remote.credentials(url)
    auth = (user, password or "") if user else url_auth
    return bind_prefixes(Graph(store=_Endpoint(url, bare, auth=auth, timeout=seconds)))


class _Endpoint(SPARQLStore):
    """rdflib's SPARQL store, its requests sent by ``newskg.stores.remote`` (bounded waits, no redirect to
    another server, secrets redacted), asking for JSON results (N-Triples or Turtle for CONSTRUCT and
    DESCRIBE) and raising ``StoreError`` for anything but a 2xx answer it can read."""

    def __init__(self, url: str, bare: str, *, auth: tuple[str, str] | None, timeout: float) -> None:
        super().__init__(query_endpoint=bare, returnFormat="json")
        self._url = url
        self._bare = bare
        self._auth = auth
        self._timeout = timeout

    def response_mime_types(self) -> str:
        return ENDPOINT_ACCEPT

    def _query(self, query: str, default_graph: str | None = None, named_graph: str | None = None) -> Result:
        import requests

        form = {"query": query}
        if default_graph is not None and not isinstance(default_graph, BNode):
            form["default-graph-uri"] = default_graph
        headers = {"Accept": ENDPOINT_ACCEPT}
        with requests.Session() as session:
            session.auth = self._auth
            try:
                answer = remote.send(
                    session, "POST", self._bare, data=form, headers=headers, timeout=self._timeout
                )
            except remote.RemoteError as exc:
                raise self._error(exc.problem) from None
        if not answer.ok:
            raise self._error(answer.summary())
        kind = answer.headers.get("Content-Type", "").split(";")[0].strip()
        try:
            return Result.parse(BytesIO(answer.body), content_type=kind)
        except PluginException:
            shown = kind or "no Content-Type"
            raise self._error(f"the answer is {shown}, not SPARQL results") from None
        except (ValueError, SyntaxError, SAXException, ParserError) as exc:  # SyntaxError: bad XML
            problem = " ".join(str(exc).split())[:160]
            raise self._error(f"the answer is not valid {kind} ({problem})") from None

    def _error(self, problem: str) -> StoreError:
        message = f"{self._url}: querying the SPARQL endpoint failed: {problem}"
        return StoreError(remote.redact(message, self._url))


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


def union_graph_of(store: ox.Store) -> Graph:
    """All triples of ``store`` in one in-memory rdflib graph (what pySHACL validates).

    Read from the default graph, the union kept by newskg builds; from every graph if it is empty.
    """
    graph = bind_prefixes(Graph())
    default = ox.DefaultGraph()
    add_to_graph(graph, store.quads_for_pattern(None, None, None, default))
    if not len(graph):
        add_to_graph(graph, store.quads_for_pattern(None, None, None, None))
    return graph


def read_store_graph(path: str | Path) -> Graph:
    """The union graph of the store at ``path``, in memory (what ``newskg validate --store`` checks)."""
    return union_graph_of(open_oxigraph(path, read_only=True))


def stored_graph_names(path: str | Path) -> list[ox.NamedNode]:
    """The named graphs of the store at ``path``, in IRI order."""
    return named_graphs(open_oxigraph(path, read_only=True))


def iter_stored_graphs(path: str | Path) -> Iterator[tuple[URIRef, list[ox.Quad]]]:
    """Each named graph of the store at ``path`` with its quads, in IRI order (for ``newskg push``)."""
    store = open_oxigraph(path, read_only=True)
    for name in named_graphs(store):
        yield URIRef(name.value), graph_quads(store, name)


class Workspace:
    """The Oxigraph store a build writes to, and for file outputs a lossless copy of each graph.

    Oxigraph keeps values rather than lexical forms (``xsd:nonNegativeInteger`` comes back as
    ``xsd:integer``), so a file output is written from the quads as built, kept in a spool file,
    while the store serves the derivation of corpus-level graphs and the next incremental build.

    A persistent store is updated all or nothing (``newskg.stores.undo``): the update begins when the
    workspace opens and ends with ``commit``; a workspace closed before (an error, Ctrl-C) puts the
    store back as it was, and a killed build's update is undone by the next open.
    """

    def __init__(self, store: ox.Store, spool: GraphSpool | None, *, folder: Path | None = None) -> None:
        self.store = store
        self.view = open_store_view(store)
        self._spool = spool
        self._pending: dict[ox.NamedNode, bytes] = {}
        self._pending_quads = 0
        self._folder = folder
        """A persistent store's folder."""
        self._updating = folder is not None
        """Whether a persistent store's update is begun and not committed."""
        self.undone = False
        """Whether closing put the store back as it was before this workspace opened."""

    @classmethod
    def open(
        cls,
        stack: ExitStack,
        *,
        store: str | Path | None,
        output: str | Path | None,
        fmt: str | None,
        rebuild: bool,
        scratch: Path | None = None,
    ) -> Workspace:
        if store is not None:
            folder = Path(store)
            _check_folder(folder, create=True, read_only=False)
            lock = undo.StoreLock(folder).acquire()
            stack.callback(lock.release)
            work = cls(open_oxigraph(folder, create=True, lock=lock), None, folder=folder)
            stack.push(work._exit)  # closed (and an unfinished update undone) before the lock goes
            undo.begin(work.store, folder)
            return work
        folder_name = stack.enter_context(
            tempfile.TemporaryDirectory(prefix="store-", dir=scratch, ignore_cleanup_errors=True)
        )
        spool_file = stack.enter_context(tempfile.TemporaryFile(dir=scratch))  # noqa: SIM115 (the stack closes it)
        work = cls(ox.Store(folder_name), GraphSpool(spool_file))
        stack.push(work._exit)  # runs before the folder is removed
        previous = Path(output) if output is not None else None
        if not rebuild and previous is not None and fmt in QUAD_FORMATS and previous.is_file():
            work._load_previous(previous, fmt)
        return work

    def _exit(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        """Close on the way out of the build; after an error, first let go of what the failed calls
        held (a traceback keeps their frames, and so the store, alive, and RocksDB open)."""
        seen: set[int] = set()
        while error is not None and id(error) not in seen:  # the error, what caused it, and so on
            seen.add(id(error))
            if error.__traceback__ is not None:
                traceback.clear_frames(error.__traceback__)
            error = error.__cause__ or error.__context__
        self.close()

    def close(self) -> None:
        """Let go of the store: RocksDB unlocks it, and stops writing before a temporary one is removed.

        A persistent store whose update was not committed is put back as it was.
        """
        if self._spool is not None:
            self._spool.close()
        self.view.close()  # the rdflib view lets go of the pyoxigraph store...
        del self.view, self.store  # ...and this was the last reference: RocksDB closes here
        if self._updating and self._folder is not None:
            self._updating = False
            with contextlib.suppress(StoreError):  # if still open in this process, the next open undoes it
                self.undone = undo.restore(self._folder)

    def commit(self) -> None:
        """End a persistent store's update: what the build wrote stays, whatever happens next."""
        with self._writing("writing the store"):
            self._flush()
        if self._updating and self._folder is not None:
            undo.commit(self.store, self._folder)
            self._updating = False

    @contextmanager
    def _writing(self, doing: str) -> Iterator[None]:
        """Tell a failure of the store (a full disk, a damaged store) as a ``StoreError``."""
        try:
            yield
        except (OSError, RuntimeError) as exc:
            if isinstance(exc, RuntimeError) and not _from_storage(exc):
                raise
            raise self._failure(exc, doing) from exc

    def _failure(self, exc: BaseException, doing: str) -> StoreError:
        if self._folder is not None:
            undone = "; this build's changes to it are undone" if self._updating else ""
            return store_failure(self._folder, exc, f"{doing}{undone}")
        where = tempfile.gettempdir()
        if is_out_of_space(exc):
            return StoreError(
                f"{where}: no space left on the device for the build's temporary files; free some "
                "space, or set TMPDIR to a folder with more"
            )
        return StoreError(f"{where}: the build's temporary store failed ({' '.join(str(exc).split())[:200]})")

    def _load_previous(self, path: Path, fmt: str) -> None:
        """Start from the last build's output: its graphs are kept unless their article changed.

        Article graphs go to the spool as they are; the working store gets only what the build reads
        of them (text hashes, names, what the derived graphs are computed from), and the other
        graphs whole.
        """
        try:
            kept: list[ox.Quad] = []
            seen: set[object] = set()
            for name, group in itertools.groupby(ox.parse(path=path, format=OX_FORMATS[fmt]), _graph_of):
                if name in seen:  # each graph must come in one piece to be read one at a time
                    raise ValueError(f"graph {name} is split in {path}")
                seen.add(name)
                quads = list(group)
                if self._spool is not None and _is_article_graph(name):
                    assert isinstance(name, ox.NamedNode)
                    self._spool.append_text(name, ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b"")
                    kept.extend(_read_by_builds(quads))
                else:
                    kept.extend(quads)
            self.store.bulk_extend(kept)
        except (SyntaxError, ValueError, OSError):  # not a graph newskg can reuse: build everything
            self.store.clear()
            if self._spool is not None:
                for name in self._spool.names():
                    self._spool.drop(name)

    def _spool_names(self) -> list[ox.NamedNode]:
        return self._spool.names() if self._spool is not None else []

    def remove(self, names: Iterable[str]) -> None:
        """Drop whole graphs (articles no longer in a file build's input)."""
        removed = False
        with self._writing("removing graphs"):
            for name in names:
                node = ox.NamedNode(name)
                self.store.remove_graph(node)
                if self._spool is not None:
                    self._spool.drop(node)
                removed = True
            if removed:  # their entities may no longer be named by any article
                update_dataset(self.view, ())

    def put(self, graphs: Sequence[BuiltGraph]) -> None:
        """Replace the graphs of some articles by new ones (loaded in large chunks).

        A persistent store takes every quad; a file build spools the graphs for the output and
        loads only what the derived graphs read, which is a few percent of them.
        """
        for built in graphs:
            name = ox.NamedNode(built.name)
            if self._spool is not None:
                self._spool.drop(name)
                self._spool.add_segment(name, built.text)
                data = built.derivation
            else:
                data = built.text.read()
            self._pending[name] = data
            self._pending_quads += data.count(b"\n")
        if self._pending_quads >= STORE_CHUNK:
            self._flush()

    def _flush(self) -> None:
        """Load the pending graphs into the store, replacing older versions of them."""
        if not self._pending:
            return
        data = b"".join(self._pending.values())
        union = self._spool is None  # a persistent store keeps its default graph the union
        with self._writing("writing the store"):  # stopped half-way, the whole update is undone
            removed = graph_triples(self.store, self._pending) if union else []
            for name in self._pending:
                self.store.remove_graph(name)
            self.store.bulk_load(data, format=ox.RdfFormat.N_QUADS, lenient=True)  # quads newskg just wrote
            if union:  # the same lines without their graph name: N-Triples of the default graph
                triples = b"".join(
                    text.replace(f" {name} .\n".encode(), b" .\n") for name, text in self._pending.items()
                )
                self.store.bulk_load(triples, format=ox.RdfFormat.N_TRIPLES, lenient=True)
                refresh_union(self.store, removed, ())
        self._pending, self._pending_quads = {}, 0

    def derive(self, labels: dict[ox.NamedNode, str]) -> None:
        """Give each new entity its label (known entities keep theirs), then let the graph stage
        recompute the corpus-level graphs from all the article graphs."""
        self._flush()
        entities = ox.NamedNode(str(ENTITIES_GRAPH))
        derived = [ox.NamedNode(str(name)) for name in DERIVED_GRAPHS]
        with self._writing("writing the corpus-level graphs"):
            before = graph_triples(self.store, derived) if self._spool is None else []
            pref = ox.NamedNode(str(SKOS.prefLabel))
            labelled = {q.subject for q in self.store.quads_for_pattern(None, pref, None, entities)}
            self.store.extend(
                ox.Quad(iri, pref, ox.Literal(label), entities)
                for iri, label in labels.items()
                if iri not in labelled
            )
            update_dataset(self.view, ())
            if self._spool is None:  # a persistent store: keep its default graph the union
                refresh_union(self.store, before, graph_triples(self.store, derived))

    def _graph_names(self) -> list[ox.NamedNode]:
        """Every named graph, in IRI order: a file build's article graphs are in its spool."""
        names = set(named_graphs(self.store)) | set(self._spool_names())
        return sorted(names, key=lambda name: name.value)

    def blocks(self) -> Iterator[GraphBlock]:
        """Every graph, in IRI order: as built for article graphs of a file build, else from the store."""
        for name, block in self._graphs(as_text=False):
            assert not isinstance(block, bytes)
            yield name, block

    def _graphs(self, *, as_text: bool) -> Iterator[tuple[ox.NamedNode, list[ox.Quad] | bytes]]:
        """Every non-empty graph in IRI order; ``as_text``: spooled graphs already in the writer's
        order come as their N-Quads text, unparsed."""
        spooled = set(self._spool_names())
        for name in self._graph_names():
            if name not in spooled or self._spool is None:
                block: list[ox.Quad] | bytes = graph_quads(self.store, name)
            else:
                text = self._spool.in_order(name) if as_text else None
                block = text if text is not None else self._spool.get(name)
            if block:
                yield name, block

    def finish(self, output: str | Path | None, fmt: str | None) -> int:
        """Write the output file if any; return the number of quads in the graph."""
        self.store.flush()
        if output is None:
            return count_named_quads(self.store)
        if fmt == NQUADS and self._spool is not None:
            return self._write_nquads(output)
        count = 0

        def counted() -> Iterator[GraphBlock]:
            nonlocal count
            for name, block in self.blocks():
                count += len(block)
                yield name, block

        write_graphs(counted(), output, fmt=fmt)
        return count

    def _write_nquads(self, output: str | Path) -> int:
        """N-Quads straight from the spooled text where it is already in the writer's order."""
        assert self._spool is not None, "a file build"
        count = 0
        with atomic_writer(output) as handle:
            for name, block in self._graphs(as_text=True):
                if isinstance(block, bytes):
                    handle.write(block)
                    count += block.count(b"\n")
                else:
                    write_graphs_to([(name, block)], handle, fmt=NQUADS)
                    count += len(block)
        return count

    def validation_graph(self) -> Graph:
        """The union graph to validate: as written for a file build, as stored for a store build."""
        if self._spool is None:
            return union_graph_of(self.store)
        graph = Graph()
        for _, block in self.blocks():
            add_to_graph(graph, block)
        return graph


def _from_storage(exc: RuntimeError) -> bool:
    """Whether a ``RuntimeError`` is RocksDB's (pyoxigraph raises some storage errors so)."""
    text = str(exc)
    return any(word in text for word in ("Corruption", "IO error", "No space left", "RocksDB"))


def open_store_view(store: ox.Store) -> Dataset:
    """An rdflib ``Dataset`` over an open pyoxigraph store (for the graph stage's functions)."""
    return Dataset(store=OxigraphStore(store=store), default_union=True)


def _graph_of(quad: ox.Quad) -> ox.NamedNode | ox.BlankNode | ox.DefaultGraph:
    return quad.graph_name


_READ_FROM_PREVIOUS = frozenset(
    ox.NamedNode(iri) for iri in (NKG_TEXT_HASH, NKG_PIPELINE_VERSION, str(SKOS.altLabel))
)
"""Besides what the derived graphs read: what tells whether an article changed, and known names."""
_DERIVATION_PREDICATES = frozenset(ox.NamedNode(iri) for iri in DERIVATION_PREDICATES)


def _read_by_builds(quads: list[ox.Quad]) -> list[ox.Quad]:
    """The quads of an article graph that a build reads back from its working store."""
    kept = [quad for quad in quads if quad.predicate in _READ_FROM_PREVIOUS]
    candidates = [quad for quad in quads if quad.predicate in _DERIVATION_PREDICATES]
    triples = [(_text(q.subject), q.predicate.value, _text(q.object)) for q in candidates]
    derivation = set(derivation_triples(triples))
    kept.extend(quad for quad, triple in zip(candidates, triples, strict=True) if triple in derivation)
    return kept


def _text(term: object) -> str:
    return term.value if isinstance(term, (ox.NamedNode, ox.BlankNode, ox.Literal)) else str(term)


def _is_article_graph(name: object) -> bool:
    return isinstance(name, ox.NamedNode) and name.value.startswith(ARTICLE_GRAPH_PREFIX)


class GraphSpool:
    """Graphs as N-Quads text in temporary files, found again by name: lossless and bounded in memory.

    The text is in the spool's own file, or where the build's graph workers wrote it.
    """

    def __init__(self, handle: IO[bytes]) -> None:
        self._handle = handle
        self._segments: dict[ox.NamedNode, list[TextSegment]] = {}
        self._in_order: set[ox.NamedNode] = set()
        self._readers: dict[str, IO[bytes]] = {}

    def append_text(self, name: ox.NamedNode, data: bytes) -> None:
        """Add N-Quads text to a graph, in the spool's own file; it counts as being in the writer's
        order when its lines are sorted and distinct (as newskg writes them)."""
        lines = data.split(b"\n")[:-1]
        in_order = all(a < b for a, b in itertools.pairwise(lines))
        self._handle.seek(0, 2)
        self._add(name, TextSegment("", self._handle.tell(), len(data)), in_order=in_order)
        self._handle.write(data)

    def add_segment(self, name: ox.NamedNode, segment: TextSegment) -> None:
        """Add a whole graph written elsewhere, sorted as the writer sorts."""
        self._add(name, segment, in_order=True)

    def _add(self, name: ox.NamedNode, segment: TextSegment, *, in_order: bool) -> None:
        segments = self._segments.setdefault(name, [])
        segments.append(segment)
        if in_order and len(segments) == 1:
            self._in_order.add(name)
        else:
            self._in_order.discard(name)

    def drop(self, name: ox.NamedNode) -> None:
        self._segments.pop(name, None)
        self._in_order.discard(name)

    def names(self) -> list[ox.NamedNode]:
        return list(self._segments)

    def in_order(self, name: ox.NamedNode) -> bytes | None:
        """The graph's N-Quads text if it is spooled whole and in the writer's order, else None."""
        if name not in self._in_order:
            return None
        return self._read(self._segments[name][0])

    def get(self, name: ox.NamedNode) -> list[ox.Quad]:
        quads: list[ox.Quad] = []
        for segment in self._segments.get(name, ()):
            quads.extend(ox.parse(self._read(segment), format=ox.RdfFormat.N_QUADS))
        return quads

    def _read(self, segment: TextSegment) -> bytes:
        if segment.path:
            handle = self._readers.get(segment.path)
            if handle is None:
                handle = self._readers[segment.path] = open(segment.path, "rb")  # noqa: SIM115 (closed by close)
        else:
            self._handle.flush()
            handle = self._handle
        return os.pread(handle.fileno(), segment.length, segment.offset)

    def close(self) -> None:
        for handle in self._readers.values():
            handle.close()
        self._readers.clear()
