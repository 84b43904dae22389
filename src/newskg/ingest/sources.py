"""Sources to articles: paths (files, folders, glob patterns, ``-`` for stdin) and ``Article`` objects
read in order, each article once, a build's own outputs left out; and a cheap estimate of how many
articles they hold, for a progress bar."""

from __future__ import annotations

import glob
import hashlib
import os
import sys
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from pathlib import Path

from ..errors import InputError
from ..records import Article
from .readers import (
    ARTICLE_SUFFIXES,
    META_SUFFIX,
    STDIN,
    article_files,
    iter_sources,
    read_articles,
    read_jsonl_stream,
)

Source = str | Path | Article
"""What the API accepts: a path (file, folder or glob; ``-`` is JSON Lines on stdin) or an ``Article``
(``article_from_text`` makes one from a string); checked by ``ingest.iter_sources``."""

ErrorHandler = Callable[[InputError], None]
GLOB_CHARS = frozenset("*?[")


def to_articles(sources: Iterable[Source], *, max_characters: int | None = None) -> list[Article]:
    """Articles from paths and ``Article`` objects (a lone path is one source, not its characters)."""
    return list(iter_articles(sources, max_characters=max_characters))


def iter_articles(
    sources: Iterable[Source],
    *,
    on_error: ErrorHandler | None = None,
    exclude: Collection[Path] = (),
    max_characters: int | None = None,
) -> Iterator[Article]:
    """Stream the articles of ``sources`` in order, each id once.

    An exact repeat of an article (same id, same text) is dropped; two texts under one id is an error.
    With ``on_error``, unreadable articles, and articles longer than ``max_characters`` (when given: the
    NLP pass's limit, which callers that feed the NLP pass give), are passed to it and reading goes on.
    Files in ``exclude`` (resolved paths: a build's own outputs) are not read from folders or glob
    patterns.
    """
    seen: dict[str, tuple[str, str]] = {}
    for article in _articles(sources, on_error, frozenset(exclude)):
        if max_characters is not None and len(article.text) > max_characters:
            error = InputError(
                f"{article.origin}: article is too long for the NLP pass ({len(article.text):,} characters, "
                f"over spaCy's limit of {max_characters:,}); split it"
            )
            if on_error is None:
                raise error
            on_error(error)
            continue
        digest = hashlib.sha256(article.text.strip().encode("utf-8")).hexdigest()
        first = seen.get(article.id)
        if first is None:
            seen[article.id] = (digest, article.origin)
            yield article
        elif first[0] != digest:
            raise InputError(
                f"{article.origin}: article id '{article.id}' is also used by {first[1]} for another text"
            )


def _articles(
    sources: Iterable[Source], on_error: ErrorHandler | None, exclude: frozenset[Path]
) -> Iterator[Article]:
    for source in iter_sources(sources):  # the checks the command line gets
        if isinstance(source, Article):
            yield source
        elif source == STDIN:
            yield from read_jsonl_stream(sys.stdin.buffer, on_error=on_error)
        else:
            paths = _expand(source, on_error)
            if _is_glob(str(source)):
                paths = [path for path in paths if Path(path).resolve() not in exclude]
            yield from read_articles(paths, on_error=on_error, exclude=exclude)


def _is_glob(text: str) -> bool:
    return any(c in GLOB_CHARS for c in text) and not Path(text).exists()


def _expand(source: str | Path, on_error: ErrorHandler | None) -> list[str | Path]:
    """A glob pattern (``corpus/**/*.jsonl``) becomes its matching files, sorted; a path stays itself."""
    if not _is_glob(str(source)):
        return [source]
    matches = sorted(glob.glob(str(source), recursive=True))
    if not matches:
        error = InputError(f"{source}: pattern matches no file")
        if on_error is None:
            raise error
        on_error(error)
    return list(matches)


def check_not_inputs(sources: Sequence[Source], outputs: Iterable[str | Path]) -> frozenset[Path]:
    """Refuse an output file that is one of the input files (the build would replace an article by its
    graph); return the outputs' resolved paths, which folder walks and glob patterns leave out, so a
    build never reads its own output back as articles."""
    targets = frozenset(Path(output).resolve() for output in outputs)
    for source in sources:
        if not isinstance(source, (str, os.PathLike)) or source == STDIN or _is_glob(str(source)):
            continue  # articles, stdin and glob patterns; sources of the wrong type are told later
        path = Path(source)
        if path.is_file() and (path.resolve() in targets or any(_same_file(path, t) for t in targets)):
            raise InputError(
                f"{path}: is both an input and the output; newskg would replace the articles with the "
                "graph: give another output file"
            )
    return targets


def _same_file(a: Path, b: Path) -> bool:
    """Whether two paths are one file (hard links included)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def estimate_articles(sources: Sequence[Source]) -> int | None:
    """About how many articles ``sources`` hold, cheaply (for a progress bar); None if unknown (stdin).

    Folders are walked as reading walks them (hidden files and folders left out), so the total is the
    number of articles read when every file is readable and each JSON Lines line holds one.
    """
    total = 0
    for source in sources:
        if source == STDIN:
            return None
        if isinstance(source, Article):
            total += 1
            continue
        for path in map(Path, _expand(source, lambda _: None)):
            files = article_files(path, []) if path.is_dir() else [path]
            for file in files:
                if (
                    file.suffix not in ARTICLE_SUFFIXES
                    or file.name.endswith(META_SUFFIX)
                    or not file.is_file()
                ):
                    continue
                total += _count_lines(file) if file.suffix == ".jsonl" else 1
    return total


def _count_lines(path: Path) -> int:
    try:
        with path.open("rb") as handle:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
    except OSError:
        return 0
