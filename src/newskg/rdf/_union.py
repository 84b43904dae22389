"""The external sort behind the union formats (Turtle, N-Triples, JSON-LD), which hold each triple of
all the named graphs once: triples as lines of their N-Triples text, sorted in runs of bounded size,
then merged without repeats.

A run can be made in any process (``write_run``); so can a part of the merge (``write_part``) for the
formats whose text can be cut between two subjects and put end to end (N-Triples, Turtle), so that a
build's worker processes share the writing too. The bytes are the same however the work is cut.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack
from typing import IO, NamedTuple, Protocol

import pyoxigraph as ox

from ..vocab.prefixes import WRITTEN_PREFIXES
from ._formats import OXIGRAPH_FORMATS

SORT_CHUNK = 200_000
"""Triples sorted in memory at once when merging named graphs into one graph."""
MERGE_BATCH = 10_000
"""Lines written at once when everything fit in one sort chunk."""
MERGE_BLOCK = 1 << 20
"""Bytes of lines read from a sorted run at a time when merging runs..."""
MERGE_WINDOW = 64 << 20
"""...unless there are so many runs that their blocks would hold more than this (then less, down to
``MERGE_BLOCK_LEAST``)."""
MERGE_BLOCK_LEAST = 1 << 16
SAMPLES_PER_RUN = 1024
"""Lines of each run remembered with their position, to cut the merge into parts."""
CUTTABLE = frozenset({"nt", "turtle"})
"""Union formats whose text can be written in parts, cut between subjects, and put end to end."""


def sorted_distinct(lines: list[bytes]) -> list[bytes]:
    """``lines`` sorted (in place) and without repeats.

    Sorting first keeps the order lines come in: each graph's lines come sorted, so the sort merges
    runs, fast in C (a set first would scramble them, and costs a hash per line); repeats are then
    next to each other.
    """
    lines.sort()
    return _distinct(lines)


def _distinct(lines: list[bytes]) -> list[bytes]:
    """Sorted lines without repeats (which are next to each other): no hashing, unlike a set."""
    return list(map(operator.itemgetter(0), itertools.groupby(lines)))


def merged_lines(lines: Iterable[bytes]) -> Iterator[list[bytes]]:
    """Batches of the lines, sorted and without repeats, using bounded memory."""
    lines = iter(lines)
    with ExitStack() as stack:
        runs: list[IO[bytes]] = []
        while read := list(itertools.islice(lines, SORT_CHUNK)):
            whole, chunk = len(read) < SORT_CHUNK, sorted_distinct(read)
            del read
            if not runs and whole:  # everything fit in one chunk: no temporary file
                for start in range(0, len(chunk), MERGE_BATCH):
                    yield chunk[start : start + MERGE_BATCH]
                return
            spill = stack.enter_context(tempfile.TemporaryFile("w+b"))
            spill.write(b"".join(chunk))
            spill.seek(0)
            runs.append(spill)
        yield from merge_runs(runs)


class LineReader(Protocol):
    """A sorted run as ``merge_runs`` reads it: whole lines, about ``hint`` bytes at a time, and an
    empty list once it is over."""

    def readlines(self, hint: int = -1, /) -> list[bytes]: ...


def merge_runs(runs: Sequence[LineReader]) -> Iterator[list[bytes]]:
    """Merge runs of sorted, distinct lines into batches of sorted lines without repeats, reading a
    block of each at a time.

    Lines after a run's last block are all greater than the last line read from it, so every line up
    to the least of those last lines is in memory: it is sorted and written, and the rest waits for
    more. Sorting blocks that are each sorted is a merge that Python's sort does in C, several times
    faster than ``heapq.merge`` line by line; repeats of a line are all in the same window.
    """
    size = min(MERGE_BLOCK, max(MERGE_WINDOW // max(1, len(runs)), MERGE_BLOCK_LEAST))
    last: dict[int, bytes] = {}
    reading = list(range(len(runs)))
    window: list[bytes] = []
    while True:
        for number in reading:
            block = runs[number].readlines(size)
            if block:
                window.extend(block)
                last[number] = block[-1]
            else:
                last.pop(number, None)  # this run is over
        window.sort()
        if not last:
            yield _distinct(window)
            return
        bound = min(last.values())
        cut = bisect.bisect_right(window, bound)
        yield _distinct(window[:cut])
        del window[:cut]
        reading = [number for number, line in last.items() if line == bound]


def write_merged(merged: Iterable[list[bytes]], handle: IO[bytes], *, fmt: str) -> None:
    """Write batches of triple lines, together sorted and without repeats, to an open binary file in
    a union format: N-Triples as they are, the other formats through pyoxigraph."""
    if fmt == "nt":
        for batch in merged:  # pyoxigraph writes a triple as its text and " .": the same bytes
            handle.write(b"".join(batch).replace(b"\n", b" .\n"))
    else:
        ox.serialize(_parsed(merged), handle, format=OXIGRAPH_FORMATS[fmt], prefixes=WRITTEN_PREFIXES)


def _parsed(batches: Iterable[list[bytes]]) -> Iterator[ox.Quad]:
    """Default-graph quads of the lines (serialised as their triples by the union formats)."""
    for batch in batches:
        data = b"".join(batch).replace(b"\n", b" .\n")
        yield from ox.parse(data, format=ox.RdfFormat.N_TRIPLES)


# --- runs and parts that any process can make ------------------------------------------------


class Run(NamedTuple):
    """A sorted run in a file, and some of its lines with where they begin (every so many)."""

    path: str
    lines: list[bytes]
    offsets: list[int]

    def offset_before(self, start: bytes | None) -> int:
        """Where to read from to find every line at or after ``start``: a line before it begins there."""
        if start is None:
            return 0
        before = bisect.bisect_left(self.lines, start) - 1
        return self.offsets[before] if before >= 0 else 0


def write_run(lines: list[bytes], folder: str | None) -> Run:
    """Sort ``lines`` (in place), drop repeats, and write them to a new file in ``folder``."""
    run = sorted_distinct(lines)
    step = max(1, len(run) // SAMPLES_PER_RUN)
    offsets: list[int] = []
    position = 0
    for start in range(0, len(run), step):
        offsets.append(position)
        position += sum(map(len, run[start : start + step]))
    with tempfile.NamedTemporaryFile(dir=folder, prefix="run-", suffix=".nt", delete=False) as handle:
        handle.write(b"".join(run))
    return Run(handle.name, run[::step], offsets)


def part_starts(runs: Iterable[Run], parts: int) -> list[bytes]:
    """Where each part after the first begins, for ``parts`` parts of about the same size: the
    subjects at even steps through the runs' remembered lines, each with the space after it, so that
    all the triples of a subject fall in one part (Turtle groups them) and the parts follow in order."""
    sampled = sorted(itertools.chain.from_iterable(run.lines for run in runs))
    if not sampled:
        return []
    chosen = (sampled[len(sampled) * number // parts] for number in range(1, parts))
    return sorted({line[: line.index(b" ") + 1] for line in chosen})


Part = tuple[str | None, str, list[tuple[str, int]], bytes | None, bytes | None]
"""What ``write_part`` writes: a folder, a format, the runs (a path and where to start reading each),
and the lines it takes, from a first one (None: from the start) to one it stops before (None: to the end)."""


def write_part(part: Part) -> str:
    """Merge the lines of the runs from ``start`` up to ``stop`` into a new file in the format;
    return its path."""
    with tempfile.NamedTemporaryFile(dir=part[0], prefix="part-", delete=False) as handle:
        write_part_to(part, handle)
    return handle.name


def write_part_to(part: Part, handle: IO[bytes]) -> None:
    """Merge the lines of the runs from ``start`` up to ``stop`` into ``handle``, in the format."""
    _, fmt, runs, start, stop = part
    with ExitStack() as stack:
        readers = [
            _RunSlice(stack.enter_context(open(path, "rb")), offset, start, stop) for path, offset in runs
        ]
        write_merged(merge_runs(readers), handle, fmt=fmt)


class Writable(Protocol):
    """Where bytes can be written: a binary file, or a wrapper of one."""

    def write(self, data: bytes, /) -> int: ...


def put_end_to_end(paths: Iterable[str], handle: Writable, *, fmt: str) -> None:
    """Copy the parts into ``handle`` in order; Turtle's prefixes, at the head of every part, are
    written once."""
    headed = False
    for path in paths:
        with open(path, "rb") as part:
            if fmt == "turtle" and headed:
                line = part.readline()
                while line.startswith(b"@prefix "):  # a triple's line starts with its subject
                    line = part.readline()
                handle.write(line)
            shutil.copyfileobj(part, handle)
            headed = headed or part.tell() > 0


class _RunSlice:
    """The lines of a sorted run from ``start`` up to ``stop``, read from ``offset``: a line at or
    before the first one wanted begins there."""

    def __init__(self, handle: IO[bytes], offset: int, start: bytes | None, stop: bytes | None) -> None:
        handle.seek(offset)
        self._handle = handle
        self._start = start
        self._stop = stop
        self._over = False

    def readlines(self, hint: int = -1, /) -> list[bytes]:
        while not self._over:
            block = self._handle.readlines(hint)
            if not block:
                self._over = True
                break
            if self._start is not None:
                if block[-1] < self._start:
                    continue
                block = block[bisect.bisect_left(block, self._start) :]
                self._start = None
            if self._stop is not None and block[-1] >= self._stop:
                block = block[: bisect.bisect_left(block, self._stop)]
                self._over = True
            if block:
                return block
        return []
