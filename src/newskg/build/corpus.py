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
import itertools
import os
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

import pyoxigraph as ox
from rdflib import Dataset, Graph

from .. import iris
from ..errors import InputError, NewskgError
from ..graph.article import article_graph, text_hash
from ..graph.build import build_dataset, derivation_triples, known_entities, union_graph
from ..graph.terms import NQuadsWriter
from ..ingest.sources import ErrorHandler, Source, check_not_inputs, iter_articles, to_articles
from ..nlp import MAX_TEXT_CHARACTERS, PIPELINE_VERSION
from ..rdf.write import format_for
from ..records import Article, ArticleRecord
from ..records.resolve import Resolution, resolve_entities
from ..stores._folder import is_out_of_space
from ..stores._spool import BuiltGraph, TextSegment
from ..stores._state import article_states
from ..stores._workspace import Workspace
from ..validate.articles import ArticleChecker, corpus_extract
from ..validate.results import ShapeResult, focus_nodes
from ..validate.scopes import scoped_shapes
from ..validate.shacl import ValidationReport, report_of, validate
from ._validated import ArticleState, ValidationState
from .manifest import BackgroundDigest, InputDigest, Manifest, Outcome, manifest_path, settings_digest
from .parallel import DEFAULT_BATCH_SIZE, check_scheduler, extract_mapped, extract_records, look_ahead
from .processes import can_fork, ordered_map, quiet_worker_signals, submitted_to_workers
from .progress import Phase, PhaseClock, Progress
from .scratch import scratch_folder
from .spool import EntitySummary, PackedRecord, RecordRef, RecordSpool, pack
from .summary import Tally, phase_times

if TYPE_CHECKING:
    from spacy.language import Language

Extractor = Callable[[Iterable[Article]], Iterable[ArticleRecord]]
"""Runs the NLP pass over a stream of articles, returning their records in order."""
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
    records = tuple(extract_records(to_articles(sources, max_characters=NLP_MAX_CHARACTERS), jobs=jobs))
    dataset = build_dataset(records)
    report = validate(dataset) if run_validation else None
    return BuildResult(records, dataset, report)


# --- streaming build -------------------------------------------------------------------------


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
    phases: Mapping[Phase, float] = field(default_factory=dict)
    """Seconds spent in each phase that ran (``newskg.build.progress``)."""

    @property
    def skipped(self) -> int:
        return self.tally.skipped

    def summary(self) -> str:
        lines = [self.tally.summary(triples=self.triples, report=self.report)]
        if self.store is not None:
            lines.append(f"store: {self.store}")
        if self.output is not None:
            lines.append(f"wrote {self.output} ({self.fmt})")
        lines.append(f"time: {self.seconds:.1f} s")
        lines.extend(phase_times(self.phases, self.tally, triples=self.triples))
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
    on_progress: Progress | None = None,
    nlp: Language | None = None,
    extractor: Extractor | None = None,
    status: BuildStatus | None = None,
) -> CorpusBuild:
    """Build the graph of ``sources`` into ``output`` (a file) and/or ``store`` (an Oxigraph folder).

    A file output holds exactly the given articles; a store keeps articles of earlier builds too.
    Unchanged articles (same text hash and pipeline version as in the store, or in a TriG/N-Quads
    ``output`` left by the last build) are not extracted again unless ``rebuild``. ``on_skip`` gets
    each unreadable article (else the first one raises); ``on_progress`` gets ``(phase, done, total)``
    as each phase starts and advances (``newskg.build.progress``); ``nlp`` is a loaded pipeline to
    use instead of a new one. ``extractor`` runs the NLP pass elsewhere (a Spark cluster...): it gets
    the articles to extract and must return their records in the same order
    (``newskg.build.parallel.extract_partition`` extracts one partition).
    ``status`` is kept up to date with the stage and what has been written.

    A store is updated all or nothing: an error or a stop before the update is committed leaves it as
    it was (``newskg.stores.undo``). Validation runs last, after every file is written: the
    article-scope shapes were run on each article graph as it was built (their results are kept for
    the next build, ``newskg.build._validated``), the rest runs on the working store.
    """
    started = time.perf_counter()
    clock = PhaseClock(on_progress)
    status = status if status is not None else BuildStatus()
    if output is None and store is None:
        raise InputError("give an output file (-o), a store (--store), or both")
    chosen = format_for(output, fmt) if output is not None else None
    own_outputs = check_not_inputs(sources, [output] if output is not None else [])
    if dask is not None:
        check_scheduler(dask)
    tally = Tally()
    read = InputDigest()
    skipped: list[str] = []

    def skip(error: InputError) -> None:
        read.error(error)
        skipped.append(str(error))
        tally.skipped += 1
        if on_skip is None:
            raise error
        on_skip(error)

    with _temporary_space(), ExitStack() as stack:
        scratch = stack.enter_context(scratch_folder())
        clock.start(Phase.EXTRACT)  # reading a previous output is part of reading the articles
        work = Workspace.open(
            stack,
            store=store,
            output=output,
            fmt=chosen,
            rebuild=rebuild,
            scratch=scratch,
            validating=run_validation,
        )
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
                clock.advance(done)
                return False
            return True

        status.stage = "reading and extracting the articles"
        limit = nlp.max_length if nlp is not None else NLP_MAX_CHARACTERS
        articles = iter_articles(sources, on_error=skip, exclude=own_outputs, max_characters=limit)
        fresh: Iterator[Article] = (a for a in _digested(articles, read) if needs_extraction(a))
        first = next(fresh, None)  # none: no pipeline to load (a re-run with nothing changed)
        fresh = itertools.chain([first], fresh) if first is not None else iter(())
        spool = RecordSpool(stack.enter_context(tempfile.TemporaryFile(dir=scratch)))
        entities = EntitySummary()
        if first is None:
            packed: Iterable[PackedRecord] = ()
        elif extractor is None:
            packed = extract_mapped(fresh, pack, jobs=jobs, batch_size=batch_size, dask=dask, nlp=nlp)
        else:
            packed = map(pack, extractor(fresh))
        for record in packed:
            if extractor is not None and iris.article_iri(record.article_id) not in wanted:
                raise InputError(
                    f"the extractor returned a record for article '{record.article_id}', not asked for"
                )
            spool.add(record.article_id, record.data)
            entities.add(record.entities)
            tally.add(record.counts)
            done += 1
            clock.advance(done)

        if not wanted and tally.skipped:
            raise InputError(
                f"none of the {tally.skipped} article(s) given could be read; nothing was written"
            )
        clock.start(Phase.GRAPH, total=tally.extracted)
        if store is None:  # a file holds exactly the given articles
            stale = [name for name in states if name not in wanted]
            tally.removed = len(stale)
            work.remove(stale)
        resolution = resolve_entities(entities.entities(), known=known_entities(work.view))
        labels: dict[ox.NamedNode, str] = {}
        texts = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="graphs-", dir=scratch)))
        builder = _GraphBuilder(resolution, spool, texts, ArticleChecker() if run_validation else None)
        stack.callback(builder.close)
        status.stage = "building the graphs" + (" and loading them into the store" if store else "")
        checked: dict[str, ArticleCheck] = {}
        rebuilt: set[str] = set()
        built = 0
        for graphs, batch_labels, batch_checked in _graph_batches(
            spool.sorted_batches(batch_size), builder, jobs=jobs
        ):
            work.put(graphs)
            labels.update((ox.NamedNode(iri), label) for iri, label in batch_labels)
            checked.update(batch_checked)
            rebuilt.update(graph.name for graph in graphs)
            built += len(graphs)
            clock.advance(built)
        # Forked now, before any thread of the build's runs; they sort the article graphs' runs of
        # the output while this process derives the corpus-level graphs.
        submit = stack.enter_context(submitted_to_workers(jobs if work.sorts_output(output, chosen) else 1))
        work.begin_output(output, chosen, workers=jobs, submit=submit)
        work.derive(labels)
        kept = ValidationState.beside(store=store, output=output, fmt=chosen, digest=scoped_shapes().digest)
        kept.forget(rebuilt)  # before the store or the output changes: see newskg.build._validated
        kept.save()
        clock.start(Phase.WRITE)
        work.commit()
        status.store_updated = store is not None
        if output is not None:
            status.stage = f"writing {output}"
        standard = nlp is None and extractor is None  # what a manifest's settings name
        written: BackgroundDigest | None = None
        report: ValidationReport | None = None

        def output_written(digest: str | None) -> None:  # maybe in a thread finishing the output
            nonlocal written
            status.output_written = True
            clock.went_on(Phase.WRITE)  # if validation began meanwhile, the writing's time goes on to now
            if output is not None and store is None and standard:
                written = BackgroundDigest(output, known=digest)

        def validation() -> None:
            nonlocal report
            status.stage = "validating"
            clock.start(Phase.VALIDATE)
            report = validate_build(work, checked, kept, states)
            kept.save()

        triples = work.finish(
            output,
            chosen,
            on_progress=clock.advance,
            workers=jobs,
            submit=submit,
            meanwhile=validation if run_validation else None,  # while the workers merge the output
            on_written=output_written,
        )
        clock.stop()
        if output is not None and store is None:
            assert chosen is not None
            said = Outcome(
                tally.summary(triples=triples, report=report),
                str(report) if report is not None else None,
                report is None or report.conforms,
                tuple(skipped),
            )
            _keep_manifest(
                output, chosen, read, said, limit=limit, validating=run_validation, written=written
            )
    clock.stop()
    seconds = time.perf_counter() - started
    return CorpusBuild(
        tally,
        triples,
        report,
        Path(output) if output is not None else None,
        chosen,
        Path(store) if store is not None else None,
        seconds,
        clock.seconds,
    )


def _digested(articles: Iterable[Article], digest: InputDigest) -> Iterator[Article]:
    for article in articles:
        digest.article(article)
        yield article


def _keep_manifest(
    output: str | Path,
    fmt: str,
    read: InputDigest,
    said: Outcome,
    *,
    limit: int,
    validating: bool,
    written: BackgroundDigest | None,
) -> None:
    """Record what the output was made from (``newskg.build.manifest``), so that a re-run with nothing
    changed leaves it as it is; ``written``: the output's digest, computed while the build validated.
    A build with its own pipeline or extractor is not what the manifest's settings name: it leaves
    none (``written`` is None)."""
    if written is None:
        manifest_path(output).unlink(missing_ok=True)
        return
    size = Path(output).stat().st_size
    settings = settings_digest(fmt, validating=validating)
    Manifest(settings, read.hexdigest(), read.articles, limit, size, written.result(), said).save(output)


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

ArticleCheck = tuple[ArticleState, tuple[ShapeResult, ...]]
"""An article's text hash and pipeline version, and its graph's results of the article-scope shapes."""
GraphBatch = tuple[list[BuiltGraph], list[tuple[str, str]], dict[str, ArticleCheck]]
"""A batch's article graphs, its entities' (IRI, label) pairs in order, and (when validating) the
article-scope results of each graph."""


def _graph_batches(
    batches: Iterable[list[RecordRef]], builder: _GraphBuilder, *, jobs: int
) -> Iterator[GraphBatch]:
    """Each batch's article graphs, built in ``jobs`` processes (forked: they inherit the builder)."""
    workers, batches = look_ahead(batches, jobs)
    if workers > 1 and can_fork():
        yield from ordered_map(
            _graph_batch,
            batches,
            jobs=workers,
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


def _graph_batch(batch: list[RecordRef]) -> GraphBatch:
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
    records: RecordSpool
    folder: Path
    checker: ArticleChecker | None = None
    """Validates each article graph against the article-scope shapes as it is built (None: no validation)."""
    _output: IO[bytes] | None = field(default=None, init=False)

    def build(self, refs: list[RecordRef]) -> GraphBatch:
        records = self.records.read(refs)
        texts, derivations, labels, checked = article_graphs(records, self.resolution, self.checker)
        path = str(self.folder / f"{os.getpid()}.nq")  # one file per process, opened by that process
        if self._output is None:
            self._output = open(path, "ab")  # noqa: SIM115 (kept open until close)
        output = self._output
        graphs = []
        for (name, text), derivation in zip(texts, derivations, strict=True):
            graphs.append(BuiltGraph(name, TextSegment(path, output.tell(), len(text)), derivation))
            output.write(text)
        output.flush()  # the parent reads it next
        return graphs, labels, checked

    def close(self) -> None:
        if self._output is not None:
            self._output.close()


def article_graphs(
    records: Sequence[ArticleRecord], resolution: Resolution, checker: ArticleChecker | None = None
) -> tuple[list[tuple[str, bytes]], list[bytes], list[tuple[str, str]], dict[str, ArticleCheck]]:
    """The named graph of each article as canonical N-Quads, the part its working store needs, the
    entities' labels, and with a ``checker`` each graph's results of the article-scope shapes.

    The triples are the graph stage's, exactly as ``build_dataset`` makes them, written as sorted
    N-Quads lines (what the output file will hold). The working store needs what the derived graphs
    read, and when validating what the corpus-level validation reads. Labels come in article order:
    the last one wins, as in ``build_dataset``.
    """
    writer = NQuadsWriter()
    texts: list[tuple[str, bytes]] = []
    derivations: list[bytes] = []
    labels: list[tuple[str, str]] = []
    checked: dict[str, ArticleCheck] = {}
    for record in sorted(records, key=lambda r: r.article.id):
        built = article_graph(record, resolution)
        labels.extend(built.labels.items())
        texts.append((built.name, writer.nquads(built.triples, built.name)))
        needed = derivation_triples(built.triples)
        if checker is not None:
            needed = list(dict.fromkeys([*needed, *corpus_extract(built.triples, built.name)]))
            state = (text_hash(record.article.text), record.pipeline_version)
            checked[built.name] = (state, checker.results(built.triples))
        derivations.append(writer.nquads(needed, built.name))
    return texts, derivations, labels, checked


def validate_build(
    work: Workspace, checked: dict[str, ArticleCheck], kept: ValidationState, states: dict[str, ArticleState]
) -> ValidationReport:
    """The report of a build: the article graphs it built were checked as they were built; each other
    article graph of the workspace has its kept results, or is checked now; then the corpus-level part,
    unless the build changed no article graph and the report of the same graphs was kept."""
    scoped = scoped_shapes()
    checker = ArticleChecker(scoped)
    results: list[ShapeResult] = []
    graphs_of: dict[str, str] = {}
    covered: dict[str, ArticleState] = {}
    changed = False
    for name in work.article_names():
        if name in checked:
            state, found = checked[name]
            changed = True
        else:
            known = states.get(name)  # None: a graph without a text hash, never kept
            previous = kept.kept(name, known) if known is not None else None
            found = previous if previous is not None else checker.results(work.article_triples(name))
            changed = changed or previous is None
            state = known or ("", "")
        if state != ("", ""):
            kept.put(name, state, found)
        covered[name] = state
        results.extend(found)
        graphs_of.update((focus, name) for focus in focus_nodes(found))
    kept.keep_only(covered)
    report = None if changed else kept.report(covered)
    if report is None:
        report = report_of(results, work.validation_reader(graphs_of), scoped=scoped, outside_articles=False)
        kept.keep_report(covered, report)
    return report


__all__ = [
    "BuildResult",
    "BuildStatus",
    "CorpusBuild",
    "build",
    "build_corpus",
]
