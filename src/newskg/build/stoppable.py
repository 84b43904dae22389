"""Run a job in a child process that really stops: at a time limit, on Ctrl-C or on SIGTERM.

Some work does not stop where it runs: Oxigraph evaluates SPARQL in Rust without looking at Python's
signals (a cross join on a store once ran through Ctrl-C for 90 s), and an HTTP request can wait on a
silent server. In a forked child, the work stops when the child is killed, and what the child held
goes with it: the lock of an on-disk store is released, a half-read response is dropped. The parent
only waits, so Ctrl-C and SIGTERM reach it at once; it kills the child and lets the interruption go
on. The child also dies with its parent, so even a killed ``newskg`` leaves no query running.

The child inherits the parent's memory (a graph read from files is not read again), and sends back
its result, or its exception, and the warnings it issued, all pickled. Where ``fork`` does not exist
(Windows), the job runs in this process, and a time limit cannot be enforced.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import time
import traceback
import warnings
from collections.abc import Callable
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, TypeVar, cast

T = TypeVar("T")

POLL_SECONDS = 0.2
"""How often the parent looks whether the child died without an answer."""
_PR_SET_PDEATHSIG = 1
"""Linux prctl option: the signal a process gets when its parent dies."""


class TimeLimitExceeded(Exception):
    """The job ran longer than its time limit and was stopped."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"stopped after the time limit of {seconds:g} s")
        self.seconds = seconds


class WorkerLost(RuntimeError):
    """The child process ended without an answer (killed from outside, or out of memory)."""


def can_stop() -> bool:
    """Whether jobs run in a child process here, so that a time limit and Ctrl-C can stop them."""
    return "fork" in multiprocessing.get_all_start_methods()


def run_stoppable(job: Callable[[], T], *, timeout: float | None = None) -> T:
    """``job()``, run in a child process: its value is returned, its exception raised here.

    Raises ``TimeLimitExceeded`` when it runs longer than ``timeout`` seconds (``None``: no limit).
    Whatever interrupts the wait (``KeyboardInterrupt`` from Ctrl-C, the CLI's SIGTERM exception)
    kills the child first, then propagates.
    """
    if not can_stop():
        return job()
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_serve, args=(job, sender), name="newskg-job", daemon=True)
    child.start()
    sender.close()
    answered = False
    try:
        kind, payload, caught = _wait(child, receiver, timeout)
        answered = True
    finally:
        _stop(child, grace=1.0 if answered else 0.0)
        receiver.close()
    for message, category in caught:
        warnings.warn(message, category, stacklevel=2)
    if kind == "error":
        raise payload
    return cast(T, payload)


def _wait(child: BaseProcess, receiver: Connection, timeout: float | None) -> Any:
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        left = POLL_SECONDS if deadline is None else min(POLL_SECONDS, deadline - time.monotonic())
        if left <= 0:
            assert timeout is not None
            raise TimeLimitExceeded(timeout)
        if receiver.poll(left):
            try:
                return receiver.recv()
            except EOFError:
                break  # the child closed its end without sending: it died
        if not child.is_alive() and not receiver.poll(0):
            break
    child.join()
    raise WorkerLost(f"the query process ended without an answer (exit code {child.exitcode})")


def _stop(child: BaseProcess, *, grace: float) -> None:
    """Kill the child if it still runs after ``grace`` seconds (SIGKILL: the work it does cannot be
    trusted to stop otherwise)."""
    child.join(grace)
    if child.is_alive():
        child.kill()
    child.join()


def _serve(job: Callable[[], Any], sender: Connection) -> None:
    """In the child: run the job, send back what happened; the parent alone decides when to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent()
    with warnings.catch_warnings(record=True) as caught:
        try:
            outcome: tuple[str, Any] = ("value", job())
        except BaseException as exc:  # sent to the parent, which raises it
            outcome = ("error", _portable(exc))
    issued = [(w.message, w.category) for w in caught]
    try:
        sender.send((*outcome, issued))
    except Exception as exc:  # the value could not be pickled
        sender.send(("error", _portable(exc), issued))
    sender.close()


def _portable(exc: BaseException) -> BaseException:
    """``exc`` with the child's traceback as a note, or a ``RuntimeError`` saying what it was when
    it cannot be pickled."""
    trace = "".join(traceback.format_exception(exc)).rstrip()
    try:
        exc.add_note(f"in the query process:\n{trace}")
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        lost = RuntimeError(f"{type(exc).__name__}: {exc}")
        lost.add_note(f"in the query process:\n{trace}")
        return lost


def _die_with_parent() -> None:
    """Exit as soon as the parent is gone (even killed with SIGKILL): no orphan keeps working.

    On Linux the kernel sends SIGKILL when the parent dies; elsewhere a thread waits for the parent's
    end of a pipe to close (it needs the GIL, which Oxigraph releases while it evaluates).
    """
    parent = multiprocessing.parent_process()
    if parent is None:
        return
    if sys.platform == "linux":
        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent.pid:  # the parent died before prctl took effect
            os._exit(1)
        return
    sentinel = parent.sentinel

    def watch() -> None:
        wait([sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="newskg-parent-watch", daemon=True).start()
