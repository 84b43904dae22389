"""Worker processes: a function mapped over items in a pool, results in input order.

Kept apart from ``parallel`` (which loads spaCy) so that commands that only validate or write, like
``newskg validate --jobs``, start workers without importing the NLP stage.
"""

from __future__ import annotations

import functools
import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sized
from contextlib import ExitStack, contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult

    from ..stores._workspace import Mapper, Submitter

IN_FLIGHT_PER_WORKER = 2
"""Batches queued per worker: one running, one waiting."""


def quiet_worker_signals() -> None:
    """Leave Ctrl-C to the parent, and let SIGTERM end a pool worker at once.

    A forked worker inherits the CLI's handlers, which turn SIGTERM into an exception: a worker
    blocked on the task queue when the pool is closed would then never exit.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


STOPPING_SIGNALS = {signal.SIGINT, signal.SIGTERM}


@contextmanager
def _stops_held() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM while worker processes are forked, and deliver them after.

    A signal that arrives while ``fork()`` runs its handlers raises there, where Python ignores the
    exception ("Exception ignored in ... _releaseLock"): the stop was lost and the build went on to the
    end. Held, it is raised as soon as the pool stands, and the pool is closed on the way out.
    """
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no signal masks (and no fork)
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, STOPPING_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _start_worker(initializer: Callable[..., None], *initargs: Any) -> None:
    """A worker's start: it inherited the held signals (``_stops_held``), which its own handlers then
    take (``quiet_worker_signals``: a terminated pool's SIGTERM must reach it). The handlers are set
    before the signals are let through: a SIGTERM held since the fork (a pool closed at once, as
    when the input file is missing) would otherwise reach the parent's handler, copied into the
    worker, and print its exception."""
    quiet_worker_signals()
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPPING_SIGNALS)
    initializer(*initargs)


def can_fork() -> bool:
    """Whether worker processes can be forked (and so inherit objects without pickling them)."""
    return "fork" in multiprocessing.get_all_start_methods()


def ordered_map(
    function: Callable[[Any], Any],
    items: Iterable[Any],
    *,
    jobs: int,
    initializer: Callable[..., None] = quiet_worker_signals,
    initargs: tuple[Any, ...] = (),
    in_flight: int = IN_FLIGHT_PER_WORKER,
) -> Iterator[Any]:
    """``function`` over ``items`` in ``jobs`` worker processes, results in input order.

    At most ``in_flight`` items per worker are in flight, so a long input is never read ahead into
    memory. Workers are forked where possible, so ``initargs`` are inherited rather than pickled.
    No more workers are started than a list given has items.
    """
    if isinstance(items, Sized):
        jobs = max(1, min(jobs, len(items)))
    context = multiprocessing.get_context("fork" if can_fork() else "spawn")
    with ExitStack() as stack:
        with _stops_held():  # a stop held here is raised on leaving, with the pool's exit already due
            pool = stack.enter_context(
                context.Pool(jobs, initializer=_start_worker, initargs=(initializer, *initargs))
            )
        pending: deque[AsyncResult[Any]] = deque()
        for item in items:
            pending.append(pool.apply_async(function, (item,)))
            if len(pending) >= jobs * in_flight:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


@contextmanager
def submitted_to_workers(jobs: int) -> Iterator[Submitter | None]:
    """Hand work to ``jobs`` worker processes, each ``function(item)`` collected later (what
    ``newskg.stores._workspace.Submitter`` asks for); None (work done in this process) for one job
    or where processes cannot be forked.

    The workers are forked here, once for all the work handed to them: a caller can then collect the
    results in a thread of its own while this one goes on, without a process ever being forked while
    another thread runs.
    """
    if jobs < 2 or not can_fork():
        yield None
        return
    context = multiprocessing.get_context("fork")
    with ExitStack() as stack:
        with _stops_held():
            pool = stack.enter_context(
                context.Pool(jobs, initializer=_start_worker, initargs=(quiet_worker_signals,))
            )

        def submit(function: Callable[[Any], Any], item: Any, /) -> Callable[[], Any]:
            return pool.apply_async(function, (item,)).get

        yield submit


def process_mapper(jobs: int) -> Mapper:
    """``map`` in ``jobs`` worker processes (forked: they inherit what the parent holds), results in
    order; plain ``map`` for one process, or where processes cannot be forked."""
    return functools.partial(ordered_map, jobs=jobs) if jobs > 1 and can_fork() else map


__all__ = [
    "IN_FLIGHT_PER_WORKER",
    "can_fork",
    "ordered_map",
    "process_mapper",
    "quiet_worker_signals",
    "submitted_to_workers",
]
