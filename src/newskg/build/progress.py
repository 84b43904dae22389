"""Where a build is, for the people waiting on it: which phase runs, how far it got, and how long each
phase took, so that a progress bar moves in every phase and the summary gives each phase's own speed
instead of one rate over the whole run."""

from __future__ import annotations

import time
from collections.abc import Callable
from enum import StrEnum


class Phase(StrEnum):
    """The phases of a streaming build, in the order they run."""

    EXTRACT = "extract"
    """Reading the articles and extracting the changed ones; counts articles read."""
    GRAPH = "graph"
    """Building the article graphs and the corpus-level graphs; counts articles whose graph is built."""
    WRITE = "write"
    """Writing the store's last changes and the output file; counts graphs written."""
    VALIDATE = "validate"
    """Validating the graph; counts articles validated."""

    @property
    def unit(self) -> str:
        """What ``done`` and ``total`` count in this phase."""
        return "graphs" if self is Phase.WRITE else "articles"


Progress = Callable[[Phase, int, int | None], None]
"""A build's progress callback: called with ``(phase, done, total)`` when a phase starts (``done`` 0)
and as it advances; ``total`` is None when not known in advance (a stream of articles)."""


class PhaseClock:
    """Tells a ``Progress`` callback where a build is, and keeps the time each phase took."""

    def __init__(self, on_progress: Progress | None = None) -> None:
        self._report = on_progress
        self._phase: Phase | None = None
        self._total: int | None = None
        self._started = 0.0
        self.seconds: dict[Phase, float] = {}
        """Seconds spent in each phase that ran (phases that overlapped both count the overlap)."""
        self._stopped: dict[Phase, float] = {}

    def start(self, phase: Phase, total: int | None = None) -> None:
        """End the running phase, if any, and start ``phase`` at 0 of ``total``."""
        self.stop()
        self._phase, self._total, self._started = phase, total, time.perf_counter()
        self.advance(0)

    def advance(self, done: int, total: int | None = None) -> None:
        """``done`` of the running phase's work is done (and ``total``, if given, is now known)."""
        if total is not None:
            self._total = total
        if self._report is not None and self._phase is not None:
            self._report(self._phase, done, self._total)

    def stop(self) -> None:
        """End the running phase, adding its time to ``seconds``."""
        if self._phase is not None:
            now = time.perf_counter()
            self.seconds[self._phase] = self.seconds.get(self._phase, 0.0) + now - self._started
            self._stopped[self._phase] = now
            self._phase = None

    def went_on(self, phase: Phase) -> None:
        """``phase``, stopped while its last part went on in the background (the workers merging the
        output while the build validates), has just ended: count its time up to now."""
        stopped = self._stopped.pop(phase, None)
        if stopped is not None:
            self.seconds[phase] = self.seconds.get(phase, 0.0) + time.perf_counter() - stopped


__all__ = ["Phase", "PhaseClock", "Progress"]
