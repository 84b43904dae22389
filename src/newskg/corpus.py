"""Run the stages in order over a corpus: ingest -> nlp -> records -> graph -> validate.

Two entry points:

- ``build(sources)`` keeps everything in memory and returns the records and an rdflib ``Dataset``:
  the API for notebooks and small builds;
- ``build_corpus(inputs, output=..., store=...)`` is what ``newskg build`` runs. It streams, so memory
  is bounded by the batch size, not the corpus: articles are read one at a time, extracted in
  batches (in ``jobs`` processes or on Dask), and their records spooled to a temporary file while
  only a small summary of each distinct entity stays in memory; entity names are resolved from those
  summaries; then each batch's article graphs are built and loaded into an Oxigraph store (the
  persistent ``--store``, or a temporary one), from which the corpus-level graphs are derived and
  the output is written. Articles whose text and pipeline version are unchanged since the last build
  (``nkg:textHash``, ``nkg:pipelineVersion``) are not extracted again.

Both give the same graph for the same articles.
"""

from __future__ import annotations

import gc
import glob
import hashlib
import os
import pickle
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

import pyoxigraph as ox
from rdflib import Dataset, Graph

from . import iris
from .errors import InputError, NewskgError
from .graph.article import article_graph, text_hash
from .graph.build import build_dataset, derivation_triples, known_entities, union_graph
from .graph.terms import NQuadsWriter
from .ingest import ARTICLE_SUFFIXES, META_SUFFIX, STDIN, iter_sources, read_articles, read_jsonl_stream
from .nlp import MAX_TEXT_CHARACTERS, PIPELINE_VERSION
from .parallel import (
    DEFAULT_BATCH_SIZE,
    batched,
    can_fork,
    check_scheduler,
    extract_mapped,
    extract_records,
    ordered_map,
    quiet_worker_signals,
)
from .records import Article, ArticleRecord, Entity
from .resolve import Resolution, resolve
from .scratch import scratch_folder
from .serialize import format_for
from .store import BuiltGraph, TextSegment, Workspace, article_states, is_out_of_space
from .validate import ValidationReport, validate

if TYPE_CHECKING:
    from spacy.language import Language

Source = str | Path | Article
"""What the API accepts: a path (file, folder or glob; ``-`` is JSON Lines on stdin) or an ``Article``
(``article_from_text`` makes one from a string); checked by ``ingest.iter_sources``."""

ErrorHandler = Callable[[InputError], None]
Extractor = Callable[[Iterable[Article]], Iterable[ArticleRecord]]
"""Runs the NLP pass over a stream of articles, returning their records in order."""
GLOB_CHARS = frozenset("*?[")
NLP_MAX_CHARACTERS = MAX_TEXT_CHARACTERS
"""The longest text the NLP pass takes (``newskg.nlp.MAX_TEXT_CHARACTERS``, its ``nlp.max_length``):
a longer article is reported and skipped like an unreadable one, instead of an error that would
end the whole build. Reached only when ``NEWSKG_MAX_ARTICLE_BYTES`` is raised above it (the
default byte limit is half of it)."""


@dataclass(frozen=True, slots=True)
class BuildResult:
    """What an in-memory build produced: the records, the dataset, and the SHACL report when validated."""

    records: tuple[ArticleRecord, ...]
    dataset: Dataset
    report: ValidationReport | None

    @property
    def graph(self) -> Graph:
        return union_graph(self.dataset)

    def summary(self) -> str:
        """A few lines for people: articles, entities by type, relations, triples, SHACL."""
        tally = Tally()
        for record in self.records:
            tally.count(record)
        triples = sum(len(g) for g in self.dataset.graphs())
        return tally.summary(triples=triples, report=self.report)


def build(sources: Iterable[Source], *, run_validation: bool = True, jobs: int = 1) -> BuildResult:
    """Build the knowledge graph of ``sources`` in memory and validate it."""
    records = tuple(extract_records(to_articles(sources), jobs=jobs))
    dataset = build_dataset(records)
    report = validate(union_graph(dataset)) if run_validation else None
    return BuildResult(records, dataset, report)


# --- reading ---------------------------------------------------------------------------------


def to_articles(sources: Iterable[Source]) -> list[Article]:
    """Articles from paths and ``Article`` objects (a lone path is one source, not its characters)."""
    return list(iter_articles(sources))


def iter_articles(
    sources: Iterable[Source],
    *,
    on_error: ErrorHandler | None = None,
    exclude: Collection[Path] = (),
    max_characters: int = NLP_MAX_CHARACTERS,
) -> Iterator[Article]:
    """Stream the articles of ``sources`` in order, each id once.

    An exact repeat of an article (same id, same text) is dropped; two texts under one id is an error.
    With ``on_error``, unreadable articles, and articles longer than the NLP pass takes
    (``max_characters``), are passed to it and reading goes on. Files in ``exclude`` (resolved paths:
    a build's own outputs) are not read from folders or glob patterns.
    """
    seen: dict[str, tuple[str, str]] = {}
    for article in _articles(sources, on_error, frozenset(exclude)):
        if len(article.text) > max_characters:
            error = InputError(
                f"{article.origin}: article is too long for the NLP pass ({len(article.text):,} characters, "
                f"over spaCy's limit of {max_characters:,}); split it"
            )
            if on_error is None:
                raise error
            on_error(error)
            continue
        digest = hashlib.sha256(article.text.strip().encode("utf-8")).hexdigest()
        first = seen.get(article.id)
        if first is None:
            seen[article.id] = (digest, article.origin)
            yield article
        elif first[0] != digest:
            raise InputError(
                f"{article.origin}: article id '{article.id}' is also used by {first[1]} for another text"
            )


def _articles(
    sources: Iterable[Source], on_error: ErrorHandler | None, exclude: frozenset[Path]
) -> Iterator[Article]:
    for source in iter_sources(sources):  # the checks the command line gets
        if isinstance(source, Article):
            yield source
        elif source == STDIN:
            yield from read_jsonl_stream(sys.stdin.buffer, on_error=on_error)
        else:
            paths = _expand(source, on_error)
            if _is_glob(str(source)):
                paths = [path for path in paths if Path(path).resolve() not in exclude]
            yield from read_articles(paths, on_error=on_error, exclude=exclude)


def _is_glob(text: str) -> bool:
    return any(c in GLOB_CHARS for c in text) and not Path(text).exists()


def _expand(source: str | Path, on_error: ErrorHandler | None) -> list[str | Path]:
    """A glob pattern (``corpus/**/*.jsonl``) becomes its matching files, sorted; a path stays itself."""
    if not _is_glob(str(source)):
        return [source]
    matches = sorted(glob.glob(str(source), recursive=True))
    if not matches:
        error = InputError(f"{source}: pattern matches no file")
        if on_error is None:
            raise error
        on_error(error)
    return list(matches)


def check_not_inputs(sources: Sequence[Source], outputs: Iterable[str | Path]) -> frozenset[Path]:
    """Refuse an output file that is one of the input files (the build would replace an article by its
    graph); return the outputs' resolved paths, which folder walks and glob patterns leave out, so a
    build never reads its own output back as articles."""
    targets = frozenset(Path(output).resolve() for output in outputs)
    for source in sources:
        if not isinstance(source, (str, os.PathLike)) or source == STDIN or _is_glob(str(source)):
            continue  # articles, stdin and glob patterns; sources of the wrong type are told later
        path = Path(source)
        if path.is_file() and (path.resolve() in targets or any(_same_file(path, t) for t in targets)):
            raise InputError(
                f"{path}: is both an input and the output; newskg would replace the articles with the "
                "graph: give another output file"
            )
    return targets


def _same_file(a: Path, b: Path) -> bool:
    """Whether two paths are one file (hard links included)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def estimate_articles(sources: Sequence[Source]) -> int | None:
    """About how many articles ``sources`` hold, cheaply (for a progress bar); None if unknown (stdin)."""
    total = 0
    for source in sources:
        if source == STDIN:
            return None
        if isinstance(source, Article):
            total += 1
            continue
        for path in map(Path, _expand(source, lambda _: None)):
            files = sorted(path.rglob("*")) if path.is_dir() else [path]
            for file in files:
                if (
                    file.suffix not in ARTICLE_SUFFIXES
                    or file.name.endswith(META_SUFFIX)
                    or not file.is_file()
                ):
                    continue
                total += _count_lines(file) if file.suffix == ".jsonl" else 1
    return total


def _count_lines(path: Path) -> int:
    try:
        with path.open("rb") as handle:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
    except OSError:
        return 0


# --- streaming build -------------------------------------------------------------------------


RELATION_NAMES = ("roles", "statements", "statistics", "located in", "reported by")


@dataclass(frozen=True, slots=True)
class _RecordCounts:
    """What the summary counts of a record: words, entity types, relations (``RELATION_NAMES``)."""

    words: int
    types: tuple[str, ...]
    relations: tuple[int, ...]

    @classmethod
    def of(cls, record: ArticleRecord) -> _RecordCounts:
        r = record
        relations = (r.roles, r.statements, r.statistics, r.located_in, r.reported_by)
        return cls(len(r.article.text.split()), tuple(e.type for e in r.entities), tuple(map(len, relations)))


@dataclass(frozen=True, slots=True)
class _PackedRecord:
    """A record pickled where it was made, with the little of it the parent reads: its entities'
    names (for resolving them across articles) and its counts."""

    article_id: str
    data: bytes
    entities: tuple[Entity, ...]
    counts: _RecordCounts


def _pack(record: ArticleRecord) -> _PackedRecord:
    """Runs in the NLP workers (``extract_mapped``)."""
    return _PackedRecord(
        record.article.id,
        pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL),
        tuple(Entity(e.canonical, e.type, (), e.kind, e.aliases) for e in record.entities),
        _RecordCounts.of(record),
    )


@dataclass(slots=True)
class Tally:
    """Counts for the summary, kept as records stream past (never the records themselves)."""

    extracted: int = 0
    unchanged: int = 0
    skipped: int = 0
    removed: int = 0
    words: int = 0
    types: Counter[str] = field(default_factory=Counter)
    relations: Counter[str] = field(default_factory=Counter)

    def count(self, record: ArticleRecord) -> None:
        self.add(_RecordCounts.of(record))

    def add(self, counts: _RecordCounts) -> None:
        self.extracted += 1
        self.words += counts.words
        self.types.update(counts.types)
        self.relations.update(dict(zip(RELATION_NAMES, counts.relations, strict=True)))

    def summary(self, *, triples: int, report: ValidationReport | None) -> str:
        articles = f"articles: {self.extracted + self.unchanged}"
        found = f" (in the {self.extracted} extracted)" if self.unchanged else ""
        extras = [
            f"{n} {what}"
            for n, what in (
                (self.unchanged, "unchanged, not extracted again"),
                (self.removed, "removed"),
                (self.skipped, "skipped as unreadable"),
            )
            if n
        ]
        if extras:
            articles += f" ({self.extracted} extracted, {', '.join(extras)})"
        names = RELATION_NAMES
        lines = [
            articles,
            f"entities{found}: " + (", ".join(f"{t} {n}" for t, n in sorted(self.types.items())) or "none"),
            f"relations{found}: " + ", ".join(f"{k} {self.relations[k]}" for k in names),
            f"triples: {triples}",
            str(report).splitlines()[0] if report is not None else "SHACL: not run (--no-validate)",
        ]
        return "\n".join(lines)


@dataclass(slots=True)
class BuildStatus:
    """Where a streaming build is and what it has written, kept up to date as it goes: what a caller
    needs to say truthfully what a stop (Ctrl-C, SIGTERM) left behind."""

    stage: str = "reading the articles"
    store_updated: bool = False
    """The store's update is committed: it stays whatever happens next."""
    output_written: bool = False
    """The output file was replaced by the new graph."""


@dataclass(frozen=True, slots=True)
class CorpusBuild:
    """What a streaming build did, for the CLI summary and exit code."""

    tally: Tally
    triples: int
    report: ValidationReport | None
    output: Path | None
    fmt: str | None
    store: Path | None
    seconds: float

    @property
    def skipped(self) -> int:
        return self.tally.skipped

    def summary(self) -> str:
        rate = self.tally.extracted / self.seconds if self.seconds > 0 else 0.0
        lines = [self.tally.summary(triples=self.triples, report=self.report)]
        if self.store is not None:
            lines.append(f"store: {self.store}")
        if self.output is not None:
            lines.append(f"wrote {self.output} ({self.fmt})")
        lines.append(f"time: {self.seconds:.1f} s ({rate:.1f} articles/s extracted)")
        return "\n".join(lines)


def build_corpus(
    sources: Sequence[Source],
    *,
    output: str | Path | None = None,
    fmt: str | None = None,
    store: str | Path | None = None,
    jobs: int = 1,
    dask: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    run_validation: bool = True,
    rebuild: bool = False,
    on_skip: ErrorHandler | None = None,
    on_progress: Callable[[int], None] | None = None,
    nlp: Language | None = None,
    extractor: Extractor | None = None,
    status: BuildStatus | None = None,
) -> CorpusBuild:
    """Build the graph of ``sources`` into ``output`` (a file) and/or ``store`` (an Oxigraph folder).

    A file output holds exactly the given articles; a store keeps articles of earlier builds too.
    Unchanged articles (same text hash and pipeline version as in the store, or in a TriG/N-Quads
    ``output`` left by the last build) are not extracted again unless ``rebuild``. ``on_skip`` gets
    each unreadable article (else the first one raises); ``on_progress`` gets the number of articles
    done after each one; ``nlp`` is a loaded pipeline to use instead of a new one. ``extractor`` runs
    the NLP pass elsewhere (a Spark cluster...): it gets the articles to extract and must return their
    records in the same order (``newskg.parallel.extract_partition`` extracts one partition).
    ``status`` is kept up to date with the stage and what has been written.

    A store is updated all or nothing: an error or a stop before the update is committed leaves it as
    it was (``newskg.store_undo``). Validation runs last, after every file is written and closed.
    """
    started = time.perf_counter()
    status = status if status is not None else BuildStatus()
    if output is None and store is None:
        raise InputError("give an output file (-o), a store (--store), or both")
    chosen = format_for(output, fmt) if output is not None else None
    own_outputs = check_not_inputs(sources, [output] if output is not None else [])
    if dask is not None:
        check_scheduler(dask)
    tally = Tally()

    def skip(error: InputError) -> None:
        tally.skipped += 1
        if on_skip is None:
            raise error
        on_skip(error)

    with _temporary_space(), ExitStack() as stack:
        scratch = stack.enter_context(scratch_folder())
        work = Workspace.open(stack, store=store, output=output, fmt=chosen, rebuild=rebuild, scratch=scratch)
        states = {} if rebuild else article_states(work.store)
        wanted: set[str] = set()
        done = 0

        def needs_extraction(article: Article) -> bool:
            nonlocal done
            name = iris.article_iri(article.id)
            wanted.add(name)
            if states.get(name) == (text_hash(article.text), PIPELINE_VERSION):
                tally.unchanged += 1
                done += 1
                if on_progress is not None:
                    on_progress(done)
                return False
            return True

        status.stage = "reading and extracting the articles"
        limit = nlp.max_length if nlp is not None else NLP_MAX_CHARACTERS
        articles = iter_articles(sources, on_error=skip, exclude=own_outputs, max_characters=limit)
        fresh = (a for a in articles if needs_extraction(a))
        spool = _RecordSpool(stack.enter_context(tempfile.TemporaryFile(dir=scratch)))
        entities = _EntitySummary()
        if extractor is None:
            packed = extract_mapped(fresh, _pack, jobs=jobs, batch_size=batch_size, dask=dask, nlp=nlp)
        else:
            packed = map(_pack, extractor(fresh))
        for record in packed:
            if extractor is not None and iris.article_iri(record.article_id) not in wanted:
                raise InputError(
                    f"the extractor returned a record for article '{record.article_id}', not asked for"
                )
            spool.add(record.article_id, record.data)
            entities.add(record.entities)
            tally.add(record.counts)
            done += 1
            if on_progress is not None:
                on_progress(done)

        if not wanted and tally.skipped:
            raise InputError(
                f"none of the {tally.skipped} article(s) given could be read; nothing was written"
            )
        if store is None:  # a file holds exactly the given articles
            stale = [name for name in states if name not in wanted]
            tally.removed = len(stale)
            work.remove(stale)
        resolution = resolve(entities.as_records(), known=known_entities(work.view))
        labels: dict[ox.NamedNode, str] = {}
        texts = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="graphs-", dir=scratch)))
        builder = _GraphBuilder(resolution, spool, texts)
        stack.callback(builder.close)
        status.stage = "building the graphs" + (" and loading them into the store" if store else "")
        for graphs, batch_labels in _graph_batches(spool.sorted_batches(batch_size), builder, jobs=jobs):
            work.put(graphs)
            labels.update((ox.NamedNode(iri), label) for iri, label in batch_labels)
        work.derive(labels)
        work.commit()
        status.store_updated = store is not None
        if output is not None:
            status.stage = f"writing {output}"
        triples = work.finish(output, chosen)
        status.output_written = output is not None
        status.stage = "validating"
        graph = work.validation_graph() if run_validation else None
    report = validate(graph) if graph is not None else None  # with the store and temporary files closed
    seconds = time.perf_counter() - started
    return CorpusBuild(
        tally,
        triples,
        report,
        Path(output) if output is not None else None,
        chosen,
        Path(store) if store is not None else None,
        seconds,
    )


@contextmanager
def _temporary_space() -> Iterator[None]:
    """Tell a full TMPDIR as what it is, not as an internal error (the store's and the output's own
    failures are told where they happen)."""
    try:
        yield
    except OSError as exc:
        if not is_out_of_space(exc):
            raise
        raise NewskgError(
            f"{tempfile.gettempdir()}: no space left on the device for the build's temporary files; "
            "free some space, or set TMPDIR to a folder with more"
        ) from exc


GRAPH_BATCHES_IN_FLIGHT = 16
"""Batches queued per graph worker: their results are small (positions in files), and a long queue
keeps the workers building while the parent loads a chunk into a store."""

GraphBatch = tuple[list[BuiltGraph], list[tuple[str, str]]]
"""A batch's article graphs, and its entities' (IRI, label) pairs in order."""


def _graph_batches(
    batches: Iterable[list[_RecordRef]], builder: _GraphBuilder, *, jobs: int
) -> Iterator[GraphBatch]:
    """Each batch's article graphs, built in ``jobs`` processes (forked: they inherit the builder)."""
    if jobs > 1 and can_fork():
        yield from ordered_map(
            _graph_batch,
            batches,
            jobs=jobs,
            initializer=_start_graph_worker,
            initargs=(builder,),
            in_flight=GRAPH_BATCHES_IN_FLIGHT,
        )
    else:
        for batch in batches:
            yield builder.build(batch)


_worker_builder: _GraphBuilder | None = None
"""What a graph worker process builds with (set once by ``_start_graph_worker``)."""


def _start_graph_worker(builder: _GraphBuilder) -> None:
    global _worker_builder
    quiet_worker_signals()
    _worker_builder = builder
    gc.freeze()  # what the worker inherited lives as long as it: spare the collector from scanning it


def _graph_batch(batch: list[_RecordRef]) -> GraphBatch:
    assert _worker_builder is not None, "started by _start_graph_worker"
    return _worker_builder.build(batch)


@dataclass
class _GraphBuilder:
    """Builds the article graphs of a batch of spooled records, in whichever process runs it.

    Records are read from the spool by position and the N-Quads text is written to a file of the
    process's own in ``folder``: only positions cross process boundaries, not the records or the
    text (about 100 kB per article, whose trip through a pipe cost more than building it).
    """

    resolution: Resolution
    records: _RecordSpool
    folder: Path
    _output: IO[bytes] | None = field(default=None, init=False)

    def build(self, refs: list[_RecordRef]) -> GraphBatch:
        records = self.records.read(refs)
        texts, derivations, labels = article_graphs(records, self.resolution)
        path = str(self.folder / f"{os.getpid()}.nq")  # one file per process, opened by that process
        if self._output is None:
            self._output = open(path, "ab")  # noqa: SIM115 (kept open until close)
        output = self._output
        graphs = []
        for (name, text), derivation in zip(texts, derivations, strict=True):
            graphs.append(BuiltGraph(name, TextSegment(path, output.tell(), len(text)), derivation))
            output.write(text)
        output.flush()  # the parent reads it next
        return graphs, labels

    def close(self) -> None:
        if self._output is not None:
            self._output.close()


def article_graphs(
    records: Sequence[ArticleRecord], resolution: Resolution
) -> tuple[list[tuple[str, bytes]], list[bytes], list[tuple[str, str]]]:
    """The named graph of each article as canonical N-Quads, the part the derived graphs read, and
    the entities' labels.

    The triples are the graph stage's, exactly as ``build_dataset`` makes them, written as sorted
    N-Quads lines (what the output file will hold). Labels come in article order: the last one wins,
    as in ``build_dataset``.
    """
    writer = NQuadsWriter()
    texts: list[tuple[str, bytes]] = []
    derivations: list[bytes] = []
    labels: list[tuple[str, str]] = []
    for record in sorted(records, key=lambda r: r.article.id):
        built = article_graph(record, resolution)
        labels.extend(built.labels.items())
        texts.append((built.name, writer.nquads(built.triples, built.name)))
        derivations.append(writer.nquads(derivation_triples(built.triples), built.name))
    return texts, derivations, labels


_RecordRef = tuple[int, int]
"""Where a record's pickle is in the spool: offset and length."""


class _RecordSpool:
    """Records pickled to a temporary file, read back in article id order, a batch at a time.

    Reads are positional (``os.pread``), so forked processes can read the same file at once.
    """

    def __init__(self, handle: IO[bytes]) -> None:
        self._handle = handle
        self._refs: dict[str, _RecordRef] = {}

    def add(self, article_id: str, data: bytes) -> None:
        """Add a pickled record."""
        self._handle.seek(0, 2)
        self._refs[article_id] = (self._handle.tell(), len(data))
        self._handle.write(data)

    def sorted_batches(self, size: int) -> Iterator[list[_RecordRef]]:
        """Positions of the records in article id order, ``size`` at a time."""
        self._handle.flush()
        for ids in batched(sorted(self._refs), size):
            yield [self._refs[article_id] for article_id in ids]

    def read(self, refs: Sequence[_RecordRef]) -> list[ArticleRecord]:
        fd = self._handle.fileno()
        return [pickle.loads(os.pread(fd, length, offset)) for offset, length in refs]


class _EntitySummary:
    """Each distinct entity (type, name, aliases, kind) and how many articles name it: what
    ``resolve`` needs, in the order it first appears, without mentions or articles."""

    def __init__(self) -> None:
        self._counts: Counter[Entity] = Counter()

    def add(self, entities: Iterable[Entity]) -> None:
        """Add an article's entities, given without their mentions."""
        self._counts.update(entities)

    def as_records(self) -> list[ArticleRecord]:
        entities = tuple(e for e, n in self._counts.items() for _ in range(n))
        return [ArticleRecord(article=Article(id="", text=""), entities=entities)]


__all__ = [
    "BuildResult",
    "BuildStatus",
    "CorpusBuild",
    "Source",
    "build",
    "build_corpus",
    "estimate_articles",
    "iter_articles",
    "to_articles",
]
