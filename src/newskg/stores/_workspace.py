"""The store a build writes to (``Workspace``): the persistent Oxigraph store, updated all or nothing,
or for a file output a temporary one (in memory, moved to disk once large: ``MEMORY_QUADS``) beside a
spool of each graph's text.

Oxigraph stores values, not every lexical form: an ``xsd:nonNegativeInteger`` comes back as an
``xsd:integer`` and ``"1.50"^^xsd:decimal`` as ``"1.5"``; the triples mean the same. That is why a file
output is written from the spool.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import tempfile
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path
from types import TracebackType
from typing import Protocol, TypeVar

import pyoxigraph as ox
from rdflib.namespace import SKOS

from ..errors import StoreError
from ..files import HashingWriter, atomic_writer
from ..graph.build import (
    DERIVATION_PREDICATES,
    DERIVED_GRAPHS,
    ENTITIES_GRAPH,
    derivation_triples,
    update_dataset,
)
from ..iris import ARTICLE_BASE
from ..rdf._union import CUTTABLE, Run, part_starts, put_end_to_end, write_part, write_part_to, write_run
from ..rdf.write import (
    OX_FORMATS,
    QUAD_FORMATS,
    GraphBlock,
    triple_lines,
    write_graphs,
    write_graphs_to,
)
from ..validate._terms import Triple, ox_triples
from ..validate.articles import corpus_extract_quads
from ..validate.readers import OxigraphReader, ScanReader
from . import undo
from ._folder import check_folder, is_out_of_space, open_oxigraph, store_failure
from ._rdflib import open_store_view
from ._spool import BuiltGraph, GraphSpool, TextSegment, sorted_union_run
from ._state import (
    NKG_PIPELINE_VERSION,
    NKG_TEXT_HASH,
    count_named_quads,
    graph_quads,
    graph_triples,
    named_graphs,
    refresh_union,
)

STORE_CHUNK = 50_000
"""Quads loaded into Oxigraph at once. Each bulk load writes and syncs files, so fewer would be faster,
but a signal waits for the running load to end: at 50,000 quads a load takes about half a second, and
builds were no slower than at 200,000."""
MEMORY_QUADS = 250_000
"""Quads a file build's working store keeps in memory, at most: past them it moves into a RocksDB
store in the build's scratch folder, so memory stays bounded however large the corpus. In memory,
loading and reading it cost a fraction of RocksDB's (no files written and synced), and what a build
does with it in one process while the other cores wait (deriving the corpus-level graphs, the
corpus-level validation) is that much shorter. A corpus of about 5,000 articles fits (about 50
quads an article when validating, about 130 bytes a quad)."""
NQUADS = "nquads"

WriteProgress = Callable[[int, int], None]
"""Told ``(graphs written, graphs in all)`` as the output file is written."""
T = TypeVar("T")
R = TypeVar("R")


Written = Callable[[str | None], None]
"""Told that the output file is complete, with its SHA-256 when writing it computed that (else None)."""


class Mapper(Protocol):
    """Runs a function over items, results in order, where it likes: ``map``, or worker processes."""

    def __call__(self, function: Callable[[T], R], items: Iterable[T], /) -> Iterable[R]: ...


class Submitter(Protocol):
    """Hands ``function(item)`` to a worker process now; what it returns waits for the result."""

    def __call__(self, function: Callable[[T], R], item: T, /) -> Callable[[], R]: ...


def _at_once(function: Callable[[T], R], item: T, /) -> Callable[[], R]:
    """A ``Submitter`` that does the work in this process, at once."""
    result = function(item)
    return lambda: result


class Workspace:
    """The Oxigraph store a build writes to, and for file outputs a lossless copy of each graph.

    Oxigraph keeps values rather than lexical forms (``xsd:nonNegativeInteger`` comes back as
    ``xsd:integer``), so a file output is written from the quads as built, kept in a spool file,
    while the store serves the derivation of corpus-level graphs and the next incremental build.

    A persistent store is updated all or nothing (``newskg.stores.undo``): the update begins when the
    workspace opens and ends with ``commit``; a workspace closed before (an error, Ctrl-C) puts the
    store back as it was, and a killed build's update is undone by the next open.
    """

    def __init__(
        self,
        store: ox.Store,
        spool: GraphSpool | None,
        *,
        folder: Path | None = None,
        scratch: Path | None = None,
        spill: Path | None = None,
    ) -> None:
        self.store = store
        self._scratch = scratch
        """Where temporary files go (None: the system's temporary folder)."""
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
        self._union: _UnionRuns | None = None
        """The article graphs' sorted runs of a union-format output, begun by ``begin_output``."""
        self._spill = spill
        """Where an in-memory working store moves once it holds ``MEMORY_QUADS`` (None: on disk already)."""
        self._loaded = 0
        """Quads loaded into an in-memory store so far (more than it holds when some were replaced)."""

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
        validating: bool = False,
    ) -> Workspace:
        """The workspace of a build; ``validating``: a file build's working store also keeps what the
        corpus-level validation reads of the previous output's article graphs."""
        if store is not None:
            folder = Path(store)
            check_folder(folder, create=True, read_only=False)
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
        work = cls(ox.Store(), GraphSpool(spool_file), scratch=scratch, spill=Path(folder_name))
        stack.push(work._exit)  # runs before the folder is removed
        previous = Path(output) if output is not None else None
        if not rebuild and previous is not None and fmt in QUAD_FORMATS and previous.is_file():
            work._load_previous(previous, fmt, validating=validating)
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

    def _load_previous(self, path: Path, fmt: str, *, validating: bool) -> None:
        """Start from the last build's output: its graphs are kept unless their article changed.

        Article graphs go to the spool as they are; the working store gets only what the build reads
        of them (text hashes, names, what the derived graphs are computed from, and when validating
        what the corpus-level validation reads), and the other graphs whole.
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
                    kept.extend(_read_by_builds(quads, name.value if validating else None))
                else:
                    kept.extend(quads)
                if len(kept) >= STORE_CHUNK:  # memory bounded by a chunk, not by the previous output
                    self.store.bulk_extend(kept)
                    self._bound_memory(len(kept))
                    kept = []
            self.store.bulk_extend(kept)
            self._bound_memory(len(kept))
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
            self._bound_memory(self._pending_quads)
        self._pending, self._pending_quads = {}, 0

    def _bound_memory(self, loaded: int) -> None:
        """Count ``loaded`` quads more; move an in-memory working store that reached ``MEMORY_QUADS``
        into RocksDB (once)."""
        self._loaded += loaded
        if self._spill is None or self._loaded < MEMORY_QUADS:
            return
        on_disk = ox.Store(str(self._spill))
        on_disk.bulk_extend(self.store)
        self.view.close()
        self.store, self.view = on_disk, open_store_view(on_disk)
        self._spill = None

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

    def blocks(self, on_progress: WriteProgress | None = None) -> Iterator[GraphBlock]:
        """Every graph, in IRI order: as built for article graphs of a file build, else from the store."""
        for name, block in self._graphs(as_text=False, on_progress=on_progress):
            assert not isinstance(block, bytes)
            yield name, block

    def _graphs(
        self, *, as_text: bool, on_progress: WriteProgress | None = None
    ) -> Iterator[tuple[ox.NamedNode, list[ox.Quad] | bytes]]:
        """Every non-empty graph in IRI order; ``as_text``: spooled graphs already in the writer's
        order come as their N-Quads text, unparsed. ``on_progress`` is told each graph taken."""
        spooled = set(self._spool_names())
        names = self._graph_names()
        for done, name in enumerate(names, start=1):
            if name not in spooled or self._spool is None:
                block: list[ox.Quad] | bytes = graph_quads(self.store, name)
            else:
                text = self._spool.in_order(name) if as_text else None
                block = text if text is not None else self._spool.get(name)
            if block:
                yield name, block
            if on_progress is not None:
                on_progress(done, len(names))

    def begin_output(
        self, output: str | Path | None, fmt: str | None, *, workers: int = 1, submit: Submitter | None = None
    ) -> None:
        """Begin the part of writing ``output`` that needs no corpus-level graph, so that it runs
        while this process derives them: a union format's sorted runs of the article graphs, handed
        to ``submit`` (worker processes; None: this process). ``finish`` does what was not begun."""
        if self._union is None and self.sorts_output(output, fmt):
            self._union = self._article_runs(workers, submit)

    def sorts_output(self, output: str | Path | None, fmt: str | None) -> bool:
        """Whether writing ``output`` sorts and merges (a union format from a file build): the part
        of the writing that worker processes can share."""
        return output is not None and fmt is not None and fmt not in QUAD_FORMATS and self._spool is not None

    def finish(
        self,
        output: str | Path | None,
        fmt: str | None,
        *,
        on_progress: WriteProgress | None = None,
        workers: int = 1,
        submit: Submitter | None = None,
        meanwhile: Callable[[], None] | None = None,
        on_written: Written | None = None,
    ) -> int:
        """Write the output file if any; return the number of quads in the graph.

        A union format (Turtle, N-Triples, JSON-LD) sorts its triples in runs, and merges them in
        parts where the format can be cut, handed to ``submit`` (which a build gives ``workers``
        processes); this process runs ``meanwhile`` (a build's validation) while the workers merge,
        else after the output is written. ``on_written`` is called as soon as the output is complete
        (from another thread, when the workers merged it, with the output's SHA-256). The output is
        complete when this returns, even when ``meanwhile`` raised (a stop while validating).
        """
        self.store.flush()
        if self.sorts_output(output, fmt):
            assert output is not None and fmt is not None
            return self._write_union(output, fmt, on_progress, workers, submit, meanwhile, on_written)
        count = self._write(output, fmt, on_progress)
        if output is not None and on_written is not None:
            on_written(None)
        if meanwhile is not None:
            meanwhile()
        return count

    def _write(self, output: str | Path | None, fmt: str | None, on_progress: WriteProgress | None) -> int:
        """Write the output file, if any, in a format that needs no sort; return the number of quads."""
        if output is None:
            return count_named_quads(self.store)
        if fmt == NQUADS and self._spool is not None:
            return self._write_nquads(output, on_progress)
        count = 0

        def counted() -> Iterator[GraphBlock]:
            nonlocal count
            for name, block in self.blocks(on_progress):
                count += len(block)
                yield name, block

        write_graphs(counted(), output, fmt=fmt)
        return count

    def _write_nquads(self, output: str | Path, on_progress: WriteProgress | None) -> int:
        """N-Quads straight from the spooled text where it is already in the writer's order."""
        assert self._spool is not None, "a file build"
        count = 0
        with atomic_writer(output) as handle:
            for name, block in self._graphs(as_text=True, on_progress=on_progress):
                if isinstance(block, bytes):
                    handle.write(block)
                    count += block.count(b"\n")
                else:
                    write_graphs_to([(name, block)], handle, fmt=NQUADS)
                    count += len(block)
        return count

    def _article_runs(self, workers: int, submit: Submitter | None) -> _UnionRuns:
        """The sorted runs of the article graphs whose text is in the writer's order in files of
        their own (``sorted_union_run``, made where ``submit`` puts them when there are several)."""
        assert self._spool is not None, "a file build"
        elsewhere: list[tuple[str, TextSegment]] = []
        for name in sorted(self._spool_names(), key=lambda name: name.value):
            segment = self._spool.written_elsewhere(name)
            if segment is not None:
                elsewhere.append((str(name), segment))
        groups = _run_groups(elsewhere, workers)
        where = submit if submit is not None and len(groups) > 1 else _at_once
        folder = self._folder_name()
        return _UnionRuns(
            {name for name, _ in elsewhere},
            groups,
            [where(sorted_union_run, (folder, group)) for group in groups],
            parallel=where is not _at_once,
        )

    def _folder_name(self) -> str | None:
        return str(self._scratch) if self._scratch is not None else None

    def _write_union(
        self,
        output: str | Path,
        fmt: str,
        on_progress: WriteProgress | None,
        workers: int,
        submit: Submitter | None,
        meanwhile: Callable[[], None] | None,
        on_written: Written | None,
    ) -> int:
        """A union format, from the spooled text where it is in the writer's order: its lines are the
        triples once the graph name is cut off, so they are sorted and merged without being parsed.

        The article graphs' text is cut into sorted runs by ``sorted_union_run`` (``begin_output``),
        the other graphs' triples make one more run here; the runs are then merged into the output.
        Given ``workers`` processes (through ``submit``), they sort the runs, and merge them in parts
        where the format can be cut (``newskg.rdf._union``), while this process runs ``meanwhile``
        (from the start: it need not wait for the sorts) and a thread waits for the runs, hands the
        parts to the workers and puts them end to end.
        """
        assert self._spool is not None, "a file build"
        union = self._union if self._union is not None else self._article_runs(workers, submit)
        self._union = None
        names = self._graph_names()
        spooled = set(self._spool_names())
        here: list[bytes] = []
        for name in names:
            if str(name) in union.names:
                continue
            block = self._spool.get(name) if name in spooled else graph_quads(self.store, name)
            here.extend(triple_lines([(name, block)]))
        count, done = len(here), len(names) - len(union.names)
        folder = self._folder_name()
        runs = [write_run(here, folder)]
        del here
        tail: _Tail | None = None

        def merged_by_workers() -> list[Callable[[], str]]:
            """Wait for the article graphs' runs, and hand their merge to the workers in parts."""
            nonlocal count
            assert submit is not None
            for waiting in union.pending:
                run, read = waiting()
                runs.append(run)
                count += read
            starts: list[bytes | None] = [None, *part_starts(runs, workers), None]
            return [
                submit(write_part, (folder, fmt, [(r.path, r.offset_before(a)) for r in runs], a, b))
                for a, b in itertools.pairwise(starts)
            ]

        try:
            if meanwhile is not None and submit is not None and union.parallel and fmt in CUTTABLE:
                # This process runs ``meanwhile`` at once, not after the workers' sorts: a thread waits
                # for them, hands the merge to the workers and puts the parts end to end.
                tail = _Tail(output, fmt, merged_by_workers, on_written)
                try:
                    meanwhile()
                finally:
                    tail.finish()
                tail.check()
                return count
            for waiting, group in zip(union.pending, union.groups, strict=True):
                run, read = waiting()
                runs.append(run)
                count += read
                done += len(group)
                if on_progress is not None:
                    on_progress(done, len(names))
            parts = workers if fmt in CUTTABLE and union.parallel else 1
            starts: list[bytes | None] = [None, *part_starts(runs, parts), None]
            cuts = [
                (folder, fmt, [(run.path, run.offset_before(start)) for run in runs], start, stop)
                for start, stop in itertools.pairwise(starts)
            ]
            if len(cuts) == 1 or submit is None:
                with atomic_writer(output) as handle:
                    for cut in cuts:
                        write_part_to(cut, handle)
                if on_written is not None:
                    on_written(None)
                if meanwhile is not None:
                    meanwhile()
            else:  # written side by side by the workers, put end to end by a thread meanwhile
                submitted = [submit(write_part, cut) for cut in cuts]
                tail = _Tail(output, fmt, lambda: submitted, on_written)
                try:
                    if meanwhile is not None:
                        meanwhile()
                finally:
                    tail.finish()
                tail.check()
        finally:
            for path in [run.path for run in runs] + (tail.parts if tail is not None else []):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(path)
        return count

    def article_names(self) -> list[str]:
        """The article graphs the workspace holds, in IRI order."""
        return [name.value for name in self._graph_names() if _is_article_graph(name)]

    def article_triples(self, name: str) -> list[Triple]:
        """One article graph's triples, for validation: as written for a file build (lexical forms
        kept), as stored for a store build."""
        node = ox.NamedNode(name)
        quads = self._spool.get(node) if self._spool is not None else graph_quads(self.store, node)
        return ox_triples(quads)

    def validation_reader(self, graphs_of: dict[str, str]) -> OxigraphReader:
        """The union as the corpus-level validation reads it: a store build's store whole; a file
        build's working store, which holds what that validation reads (``corpus_extract``), with the
        spooled article graphs read again for what it does not hold (``graphs_of``: the article graph
        of each article-scope result's focus node, for describing it)."""
        if self._spool is None:
            return OxigraphReader(self.store, union_default=True)
        return ScanReader(
            self.store, self._spooled_graphs, union_default=False, complete=False, graphs_of=graphs_of
        )

    def _spooled_graphs(self, names: set[str] | None) -> Iterator[tuple[str, list[ox.Quad]]]:
        assert self._spool is not None, "a file build"
        wanted = self._spool.names() if names is None else [ox.NamedNode(name) for name in sorted(names)]
        for name in wanted:
            yield name.value, self._spool.get(name)


def _from_storage(exc: RuntimeError) -> bool:
    """Whether a ``RuntimeError`` is RocksDB's (pyoxigraph raises some storage errors so)."""
    text = str(exc)
    return any(word in text for word in ("Corruption", "IO error", "No space left", "RocksDB"))


def _graph_of(quad: ox.Quad) -> ox.NamedNode | ox.BlankNode | ox.DefaultGraph:
    return quad.graph_name


_READ_FROM_PREVIOUS = frozenset(
    ox.NamedNode(iri) for iri in (NKG_TEXT_HASH, NKG_PIPELINE_VERSION, str(SKOS.altLabel))
)
"""Besides what the derived graphs read: what tells whether an article changed, and known names."""
_DERIVATION_PREDICATES = frozenset(ox.NamedNode(iri) for iri in DERIVATION_PREDICATES)


def _read_by_builds(quads: list[ox.Quad], validated: str | None = None) -> list[ox.Quad]:
    """The quads of an article graph that a build reads back from its working store; with
    ``validated`` (the article graph's name), also what the corpus-level validation reads."""
    kept = [quad for quad in quads if quad.predicate in _READ_FROM_PREVIOUS]
    candidates = [quad for quad in quads if quad.predicate in _DERIVATION_PREDICATES]
    triples = [(_text(q.subject), q.predicate.value, _text(q.object)) for q in candidates]
    derivation = set(derivation_triples(triples))
    kept.extend(quad for quad, triple in zip(candidates, triples, strict=True) if triple in derivation)
    if validated is not None:
        kept.extend(corpus_extract_quads(quads, ox.NamedNode(validated)))
    return kept


def _text(term: object) -> str:
    return term.value if isinstance(term, (ox.NamedNode, ox.BlankNode, ox.Literal)) else str(term)


def _is_article_graph(name: object) -> bool:
    return isinstance(name, ox.NamedNode) and name.value.startswith(ARTICLE_BASE)


class _UnionRuns:
    """Sorted runs of article graphs for a union-format output, being made: the graphs they hold,
    in groups (one run each), and for each a call that waits for the run and the quads it read."""

    def __init__(
        self,
        names: set[str],
        groups: list[list[tuple[str, TextSegment]]],
        pending: list[Callable[[], tuple[Run, int]]],
        *,
        parallel: bool,
    ) -> None:
        self.names = names
        self.groups = groups
        self.pending = pending
        self.parallel = parallel
        """Whether the runs are made by worker processes (and so the merge may be too)."""


class _Stopped(Exception):
    """The output's thread was told to stop: the process is being stopped."""


class _Tail(threading.Thread):
    """Hands the parts of a union output to worker processes to merge (once their sorted runs are
    made), waits for them, and puts them end to end into the output: a thread, so that this process
    does other work meanwhile (it holds no lock,
    forks nothing, and mostly waits or copies files, which let go of the GIL)."""

    def __init__(
        self,
        output: str | Path,
        fmt: str,
        pending: Callable[[], list[Callable[[], str]]],
        on_written: Written | None,
    ) -> None:
        super().__init__(name="newskg-output-parts", daemon=True)
        self._output = output
        self._fmt = fmt
        self._pending = pending
        """Hands the parts to the workers (in this thread) and gives a call waiting for each."""
        self._on_written = on_written
        self.parts: list[str] = []
        """The parts' files, as they come (removed by the caller)."""
        self._error: BaseException | None = None
        self._stopping = threading.Event()
        self.start()

    def finish(self) -> None:
        """Wait for the output to be written. A stop (Ctrl-C, SIGTERM) that cuts the wait short tells
        the thread to give up before its next part and waits for it to remove its temporary file: a
        daemon thread left writing when the process exits would leave the file behind."""
        try:
            self.join()
        except BaseException:
            self._stopping.set()
            while self.is_alive():
                with contextlib.suppress(BaseException):  # a second stop while it cleans up: still wait
                    self.join()
            raise

    def run(self) -> None:
        try:
            with atomic_writer(self._output) as handle:
                written = HashingWriter(handle)  # the manifest's digest, without reading the output again
                put_end_to_end(self._arriving(), written, fmt=self._fmt)
            if self._on_written is not None:
                self._on_written(written.hexdigest())
        except BaseException as exc:  # told by check(), in the thread that waits for this one
            self._error = exc

    def _arriving(self) -> Iterator[str]:
        """Each part as soon as it is merged, in order: the first is copied while the others merge."""
        for waiting in self._pending():
            if self._stopping.is_set():
                raise _Stopped
            self.parts.append(waiting())
            if self._stopping.is_set():
                raise _Stopped
            yield self.parts[-1]

    def check(self) -> None:
        """Raise what went wrong in the thread, if anything."""
        if self._error is not None:
            raise self._error


RUN_BYTES = 24 << 20
"""N-Quads text cut into one sorted run of a union format, at most: a run's lines are all in memory
at once, in the process that sorts them (about three times the text)."""
RUN_BYTES_LEAST = 2 << 20
"""Less text than this per worker is sorted in one run, here: a process would cost more than it saves."""


def _run_groups(graphs: list[tuple[str, TextSegment]], workers: int) -> list[list[tuple[str, TextSegment]]]:
    """Consecutive groups of graphs of about the same size, one sorted run each: of at most
    ``RUN_BYTES`` of text; one for each worker where there is text enough, and if more, as many for
    each."""
    total = sum(segment.length for _, segment in graphs)
    count = max(-(-total // RUN_BYTES), min(workers, total // RUN_BYTES_LEAST), 1)
    if count > workers:  # a round number of runs for each worker
        count = -(-count // workers) * workers
    size = -(-total // count)
    groups: list[list[tuple[str, TextSegment]]] = [[]]
    taken = 0
    for graph in graphs:
        if taken >= size:
            groups.append([])
            taken = 0
        groups[-1].append(graph)
        taken += graph[1].length
    return [group for group in groups if group]
