"""What a streaming build keeps of each record: the record pickled to a temporary file (read back in
article id order), and a summary of each distinct entity for resolving names across articles."""

from __future__ import annotations

import os
import pickle
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import IO

from ..records import ArticleRecord, Entity
from .parallel import batched
from .summary import RecordCounts


@dataclass(frozen=True, slots=True)
class PackedRecord:
    """A record pickled where it was made, with the little of it the parent reads: its entities'
    names (for resolving them across articles) and its counts."""

    article_id: str
    data: bytes
    entities: tuple[Entity, ...]
    counts: RecordCounts


def pack(record: ArticleRecord) -> PackedRecord:
    """Runs in the NLP workers (``extract_mapped``)."""
    return PackedRecord(
        record.article.id,
        pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL),
        tuple(Entity(e.canonical, e.type, (), e.kind, e.aliases) for e in record.entities),
        RecordCounts.of(record),
    )


RecordRef = tuple[int, int]
"""Where a record's pickle is in the spool: offset and length."""


class RecordSpool:
    """Records pickled to a temporary file, read back in article id order, a batch at a time.

    Reads are positional (``os.pread``), so forked processes can read the same file at once.
    """

    def __init__(self, handle: IO[bytes]) -> None:
        self._handle = handle
        self._refs: dict[str, RecordRef] = {}

    def add(self, article_id: str, data: bytes) -> None:
        """Add a pickled record."""
        self._handle.seek(0, 2)
        self._refs[article_id] = (self._handle.tell(), len(data))
        self._handle.write(data)

    def sorted_batches(self, size: int) -> Iterator[list[RecordRef]]:
        """Positions of the records in article id order, ``size`` at a time."""
        self._handle.flush()
        for ids in batched(sorted(self._refs), size):
            yield [self._refs[article_id] for article_id in ids]

    def read(self, refs: Sequence[RecordRef]) -> list[ArticleRecord]:
        fd = self._handle.fileno()
        return [pickle.loads(os.pread(fd, length, offset)) for offset, length in refs]


class EntitySummary:
    """Each distinct entity (type, name, aliases, kind) and how many articles name it: what
    ``resolve`` needs, in the order it first appears, without mentions or articles."""

    def __init__(self) -> None:
        self._counts: Counter[Entity] = Counter()

    def add(self, entities: Iterable[Entity]) -> None:
        """Add an article's entities, given without their mentions."""
        self._counts.update(entities)

    def entities(self) -> list[Entity]:
        """Each entity as many times as articles named it, in first-seen order."""
        return [e for e, n in self._counts.items() for _ in range(n)]
