"""A file build's spool: each graph's N-Quads text in temporary files, found again by name.

The output is written from this text, lossless (Oxigraph keeps values, not lexical forms), while the
working store holds only what the build reads back.
"""

from __future__ import annotations

import itertools
import os
from typing import IO, NamedTuple

import pyoxigraph as ox

from ..rdf._union import Run, write_run
from ..rdf.write import nquads_triple_lines


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

    def written_elsewhere(self, name: ox.NamedNode) -> TextSegment | None:
        """Where the graph's text is if it is whole, in the writer's order and in a file of its own
        that any process can read (a build's graph workers wrote it), else None."""
        if name not in self._in_order or not self._segments[name][0].path:
            return None
        return self._segments[name][0]

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


UnionRun = tuple[str | None, list[tuple[str, TextSegment]]]
"""A folder (None: the system's temporary folder), and some graphs (the N-Triples text of their
name, where their text is): what ``sorted_union_run`` makes one run of."""


def sorted_union_run(job: UnionRun) -> tuple[Run, int]:
    """One sorted run of a union format's external sort: the triples of some graphs, sorted and
    without repeats, written to a new file in the folder; and the number of quads read. It reads the
    text where it is, so it runs in any process (a build's workers)."""
    folder, graphs = job
    lines: list[bytes] = []
    for name, segment in graphs:
        lines.extend(nquads_triple_lines(name, segment.read()))
    return write_run(lines, folder), len(lines)
