"""Remembering a pure function of a string across articles, in a form that still pickles."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

V = TypeVar("V")


class Memo(dict[str, V]):
    """``memo[key]`` is ``compute(key)``, computed the first time the key is asked for.

    A dict rather than ``functools.lru_cache`` so that the components and the gazetteer holding one
    can still be pickled, and so that a hit is a plain dict lookup (``map(memo.__getitem__, words)``).
    It starts afresh when it reaches ``limit`` keys, so a long run over many articles stays bounded.
    """

    __slots__ = ("compute", "limit")

    def __init__(self, compute: Callable[[str], V], *, limit: int = 1 << 16) -> None:
        super().__init__()
        self.compute = compute
        self.limit = limit

    def __missing__(self, key: str) -> V:
        if len(self) >= self.limit:
            self.clear()
        value = self[key] = self.compute(key)
        return value
