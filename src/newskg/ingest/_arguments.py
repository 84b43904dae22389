"""What callers give as sources: a lone path is one source, never its characters; text is not a
source; standard input only once. The Python API goes through the same checks as the command line."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..records import Article
from ._articles import check_article, not_a_source, python_type

STDIN = "-"
"""The source that is JSON Lines on standard input."""


def iter_sources(sources: object) -> Iterator[str | Path | Article]:
    """Each of a caller's sources, checked: a path (``str`` or ``os.PathLike``: a file, folder or glob;
    ``-`` for JSON Lines on stdin, once at most) or an ``Article`` (checked by ``check_article``).

    A lone path or article is one source, never the characters of a string; anything else (``None``,
    bytes, a number) is an ``InputError`` saying what to give. There is no raw text source: a string
    that names no file is reported as a missing path, not read as an article
    (``article_from_text`` makes an article from a string). A list is checked whole before anything
    is read; a stream of sources (a generator of articles) is checked as it goes.
    """
    checked: Iterable[str | Path | Article] = (
        _source(index, source) for index, source in each(sources, "sources", "paths or articles")
    )
    if isinstance(sources, Sequence):
        checked = list(checked)
        if checked.count(STDIN) > 1:
            raise InputError(_STDIN_TWICE)
    stdin_seen = False
    for source in checked:
        if isinstance(source, str) and source == STDIN:
            if stdin_seen:
                raise InputError(_STDIN_TWICE)
            stdin_seen = True
        yield source


def _source(index: int, source: object) -> str | Path | Article:
    if isinstance(source, Article):
        return check_article(source)
    if isinstance(source, str):
        return checked_path(source)
    if isinstance(source, os.PathLike):
        return Path(checked_path(source))
    raise InputError(f"sources[{index}]: {not_a_source(source)}")


_STDIN_TWICE = "'-' (JSON Lines on stdin) is given twice; standard input can be read only once"


def each(sources: object, name: str, what: str) -> Iterator[tuple[int, object]]:
    """The items of ``sources`` numbered, a lone path or article being the only item."""
    if isinstance(sources, (str, os.PathLike, Article)):
        yield 0, sources
        return
    if isinstance(sources, (bytes, bytearray)) or not isinstance(sources, Iterable):
        raise InputError(f"{name}: expected a list of {what}, not {python_type(sources)}")
    yield from enumerate(sources)


def checked_path(path: str | os.PathLike[Any]) -> str:
    """The path as text, if it can name a file."""
    text = os.fspath(path)
    if not isinstance(text, str):
        raise InputError(f"{text!r}: give paths as str or pathlib.Path, not bytes")
    if not text.strip():
        raise InputError("'': an empty path names no file; give a file, a folder or a glob")
    if "\x00" in text:
        raise InputError(f"{text!r}: a path cannot hold a NUL character")
    return text
