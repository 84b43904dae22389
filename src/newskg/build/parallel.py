"""Run the NLP pass in parallel: a local process pool, or a Dask cluster.

Workers get the spaCy pipeline once (forked, they inherit it) and return records (small frozen
dataclasses), never Docs: unpickling Docs is what makes ``nlp.pipe(n_process=...)`` gain nothing.
Articles go out in batches and records come back in input order, so the result never depends on the
number of workers, and at most a few batches per worker are in flight, so memory stays bounded
however long the input.
"""

from __future__ import annotations

import functools
import gc
import itertools
import logging
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from ..errors import InputError
from ..nlp import PIPELINE_VERSION, extract, make_pipeline
from ..records import Article, ArticleRecord
from ._long_lived import long_lived
from .processes import IN_FLIGHT_PER_WORKER, can_fork, ordered_map, quiet_worker_signals

if TYPE_CHECKING:
    from spacy.language import Language

T = TypeVar("T")

DEFAULT_BATCH_SIZE = 32
"""Articles per batch: large enough to amortise a round trip, small enough to keep workers busy."""
DASK_CONNECT_TIMEOUT = "20s"
"""How long to keep trying to reach a Dask scheduler before giving up."""
LOCAL_SCHEDULER = "local"
"""``--dask local``: start a ``LocalCluster`` on this machine instead of joining a scheduler."""


def extract_records(
    articles: Iterable[Article],
    *,
    jobs: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    dask: str | None = None,
    nlp: Language | None = None,
) -> Iterator[ArticleRecord]:
    """Records of ``articles``, in order: in this process, in ``jobs`` processes, or on Dask."""
    _check_sizes(jobs, batch_size)
    if dask is not None:
        yield from _dask_records(articles, dask, jobs=jobs, batch_size=batch_size)
        return
    if jobs > 1:
        workers, batches = look_ahead(batched(articles, batch_size), jobs)
        if workers > 1:
            yield from _pool_results(batches, _same, jobs=workers, nlp=nlp)
            return
        articles = itertools.chain.from_iterable(batches)
    yield from extract(articles, nlp=nlp or _loaded_pipeline(), batch_size=batch_size)


def _loaded_pipeline() -> Language:
    """A new pipeline, made with the collector paused: it lives as long as the process."""
    with long_lived():
        return make_pipeline()


def _check_sizes(jobs: int, batch_size: int) -> None:
    if jobs < 1:
        raise InputError(f"--jobs {jobs}: give a number of processes of at least 1")
    if batch_size < 1:
        raise InputError(f"--batch-size {batch_size}: give a number of articles of at least 1")


def _same(record: ArticleRecord) -> ArticleRecord:
    return record


def extract_mapped(
    articles: Iterable[Article],
    function: Callable[[ArticleRecord], T],
    *,
    jobs: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    dask: str | None = None,
    nlp: Language | None = None,
) -> Iterator[T]:
    """``function`` of each article's record, in order, computed where the record is made.

    With ``jobs`` processes only what ``function`` returns crosses back to this process: a build
    pickles each record once in the worker that made it, instead of the parent unpickling it only
    to pickle it again. On Dask, and in this process, it runs here (after the version check).
    """
    if jobs > 1 and dask is None:
        _check_sizes(jobs, batch_size)
        workers, batches = look_ahead(batched(articles, batch_size), jobs)
        if workers > 1:
            yield from _pool_results(batches, function, jobs=workers, nlp=nlp)
            return
        articles, jobs = itertools.chain.from_iterable(batches), 1
    for record in extract_records(articles, jobs=jobs, batch_size=batch_size, dask=dask, nlp=nlp):
        yield function(record)


def batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Consecutive lists of ``size`` items (the last may be shorter)."""
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def look_ahead(batches: Iterable[T], most: int) -> tuple[int, Iterator[T]]:
    """How many batches there are, counted up to ``most``: the worker processes worth starting for
    them (a worker with no batch would only add its start-up, and one batch is done as soon here);
    and the same batches, none lost to the look-ahead."""
    iterator = iter(batches)
    ahead = list(itertools.islice(iterator, most))
    return len(ahead), itertools.chain(ahead, iterator)


# --- local process pool ----------------------------------------------------------------------

_worker_nlp: Language | None = None
"""The pipeline of a pool worker process (set once by ``_start_worker``; unused in the parent)."""
_worker_function: Callable[[ArticleRecord], Any] = _same
"""What a pool worker returns of each record (set once by ``_start_worker``)."""


def _start_worker(nlp: Language | None, function: Callable[[ArticleRecord], Any]) -> None:
    global _worker_nlp, _worker_function
    quiet_worker_signals()
    _worker_nlp = nlp if nlp is not None else _loaded_pipeline()
    _worker_function = function
    gc.freeze()  # the pipeline lives as long as the worker: spare the collector from scanning it


def _extract_batch(batch: list[Article]) -> list[Any]:
    return [_worker_function(record) for record in extract(batch, nlp=_worker_nlp)]


def _pool_results(
    batches: Iterable[list[Article]],
    function: Callable[[ArticleRecord], T],
    *,
    jobs: int,
    nlp: Language | None,
) -> Iterator[T]:
    """A fork pool where available, else spawn.

    Forked workers inherit the pipeline, loaded here once for them all: the same wait as each loading
    its own at once, without the CPU time of loading it again in each (a spawned worker loads its own).
    """
    inherited = (nlp or _loaded_pipeline()) if can_fork() else None
    results = ordered_map(
        _extract_batch,
        batches,
        jobs=jobs,
        initializer=_start_worker,
        initargs=(inherited, function),
    )
    for batch in results:
        yield from batch


# --- Dask ------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _partition_pipeline() -> Language:
    """The pipeline of a Dask worker process: loaded by the first partition, reused by the next."""
    return _loaded_pipeline()


def extract_partition(articles: Iterable[Article]) -> list[ArticleRecord]:
    """Records of one partition of articles: what each Dask (or Spark) task runs."""
    return list(extract(list(articles), nlp=_partition_pipeline()))


def check_scheduler(address: str) -> None:
    """Refuse a ``--dask`` value that is not a scheduler address (or 'local') before any work is done."""
    if address == LOCAL_SCHEDULER:
        return
    try:
        from distributed.comm.addressing import parse_address, parse_host_port
        from distributed.comm.registry import backends
    except ImportError:
        raise InputError("--dask needs Dask: pip install 'newskg[dask]'") from None
    try:
        scheme, location = parse_address(address)
        if scheme not in backends:
            raise ValueError(f"unknown scheme '{scheme}'")
        if scheme in ("tcp", "tls", "ws", "wss"):
            host, _ = parse_host_port(location)
            if not host or any(c.isspace() for c in host):
                raise ValueError(f"'{host}' is not a host name")
    except ValueError as exc:
        raise _bad_scheduler(address, exc) from None


def _bad_scheduler(address: str, reason: Exception) -> InputError:
    return InputError(
        f"--dask {address!r}: not a Dask scheduler address ({reason}); give tcp://HOST:PORT or 'local'"
    )


def _dask_records(
    articles: Iterable[Article], scheduler: str, *, jobs: int, batch_size: int
) -> Iterator[ArticleRecord]:
    """``map_partitions`` over windows of article batches, computed on the cluster in order."""
    check_scheduler(scheduler)
    try:
        import dask.bag as db
        from distributed import Client, LocalCluster
    except ImportError:
        raise InputError("--dask needs Dask: pip install 'newskg[dask]'") from None
    cluster = None
    try:
        if scheduler == LOCAL_SCHEDULER:
            workers = jobs if jobs > 1 else max(1, os.cpu_count() or 1)
            cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
                # a worker that heartbeats while the cluster shuts down logs a traceback the user
                # need not see: the build's own errors reach the user as newskg's one-line messages
                silence_logs=logging.CRITICAL,
            )
            client = Client(cluster)
        else:
            client = Client(scheduler, timeout=DASK_CONNECT_TIMEOUT)
    except OSError as exc:
        raise InputError(f"--dask {scheduler}: cannot reach the Dask scheduler ({exc})") from exc
    except (ValueError, TypeError) as exc:  # an address the check above let through
        raise _bad_scheduler(scheduler, exc) from exc
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        window = batch_size * workers * IN_FLIGHT_PER_WORKER
        pending: deque[Any] = deque()
        for chunk in batched(articles, window):
            bag = db.from_sequence(chunk, partition_size=batch_size).map_partitions(extract_partition)
            pending.append(client.compute(bag))  # the next window runs while this one is consumed
            if len(pending) > 1:
                yield from _checked(pending.popleft().result(), scheduler)
        while pending:
            yield from _checked(pending.popleft().result(), scheduler)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _checked(records: list[ArticleRecord], scheduler: str) -> list[ArticleRecord]:
    """Records made by workers running another newskg would make another graph: refuse them."""
    for record in records:
        if record.pipeline_version != PIPELINE_VERSION:
            raise InputError(
                f"--dask {scheduler}: workers run newskg pipeline {record.pipeline_version}, this "
                f"machine {PIPELINE_VERSION}; install the same newskg version on the workers"
            )
    return records
