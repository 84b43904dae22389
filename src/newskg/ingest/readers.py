"""Read articles from text files, JSON, JSON Lines and directories, one at a time.

Article ids are stable: the JSON ``id`` when given, else the file name without its suffix.
A ``NAME.meta.json`` file beside ``NAME.txt`` carries its metadata (id, date, url, source, title,
calendar).

Reading streams: a JSON Lines corpus is read line by line and no file or line larger than the
per-article limit is ever held in memory, so one huge or broken file cannot exhaust memory or stall
a corpus build. Every problem is an ``InputError`` naming ``file`` (or ``file:line``); a caller
that passes ``on_error`` gets each one and reading goes on with the next article.

The Python API goes through the same checks as the command line: ``iter_sources`` says what a
caller's sources are (a lone path is one source, never its characters; text is not a source) and
``check_article`` holds an ``Article`` made in Python to the rules an article read from a file meets.

This module walks paths and reads files; the private modules beside it make and check articles
(``_articles``, ``_arguments``), read dates (``_dates``) and turn bytes into text (``_text``). Their
public names are offered here too.
"""

from __future__ import annotations

import json
import os
import warnings
from collections.abc import Callable, Collection, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import InputError, InputWarning
from ..records import Article
from ._arguments import STDIN as STDIN
from ._arguments import checked_path, each
from ._arguments import iter_sources as iter_sources
from ._articles import MAX_ID_LENGTH as MAX_ID_LENGTH
from ._articles import article_from_json, check_text, checked_article_id, optional_str, python_type
from ._articles import article_from_text as article_from_text
from ._articles import check_article as check_article
from ._dates import CALENDARS as CALENDARS
from ._dates import EARLIEST_YEAR as EARLIEST_YEAR
from ._dates import parse_date as parse_date
from ._text import DEFAULT_MAX_ARTICLE_BYTES as DEFAULT_MAX_ARTICLE_BYTES
from ._text import MAX_BYTES_ENV as MAX_BYTES_ENV
from ._text import checked_limit, decode, max_article_bytes, read_text, too_large

ARTICLE_SUFFIXES = (".txt", ".json", ".jsonl")

META_SUFFIX = ".meta.json"

META_KEYS = ("id", "date", "url", "source", "title", "calendar")


ErrorHandler = Callable[[InputError], None]
"""Called with each unreadable article when a caller wants reading to go on."""


def read_articles(
    paths: Iterable[str | Path],
    *,
    on_error: ErrorHandler | None = None,
    max_bytes: int | None = None,
    exclude: Collection[Path] = (),
) -> Iterator[Article]:
    """Yield the articles found at each path (a lone path is one path), in a stable order (directories
    sorted, recursively).

    Without ``on_error`` the first unreadable article raises its ``InputError``; with it, each
    one is passed to ``on_error`` and the rest are still read. Files (and JSON Lines lines) over
    ``max_bytes`` are reported, never read whole. Files in ``exclude`` (resolved paths: a build's own
    outputs) are left out of directory walks.
    """
    limit = max_article_bytes() if max_bytes is None else checked_limit(max_bytes, "max_bytes")
    skip = frozenset(exclude)
    for index, path in each(paths, "paths", "paths"):
        if not isinstance(path, (str, os.PathLike)):
            kind = python_type(path)
            raise InputError(f"paths[{index}]: cannot read {kind}; give a path (str or pathlib.Path)")
        yield from _reported(_read_path(Path(checked_path(path)), limit, skip), on_error)


def _reported(items: Iterable[Item], on_error: ErrorHandler | None) -> Iterator[Article]:
    """The articles among ``items``; each error raised, or given to ``on_error``."""
    for item in items:
        if isinstance(item, Article):
            yield item
        elif on_error is None:
            raise item
        else:
            on_error(item)


# Walking paths: each yields articles and errors in order, so one bad file never ends the walk.

Item = Article | InputError


def _read_path(path: Path, limit: int, exclude: frozenset[Path] = frozenset()) -> Iterator[Item]:
    if not path.exists():
        yield InputError(f"{path}: no such file or directory")
    elif path.is_dir():
        unreadable: list[InputError] = []
        files = [f for f in article_files(path, unreadable) if not exclude or f.resolve() not in exclude]
        yield from unreadable
        if not files and not unreadable:
            yield InputError(f"{path}: directory holds no articles (.txt, .json or .jsonl files)")
        for file in files:
            yield from _read_file(file, limit)
    else:
        yield from _read_file(path, limit)


def article_files(folder: Path, unreadable: list[InputError]) -> list[Path]:
    """Article files under ``folder``, sorted; hidden files and folders (``.git``...) are ignored.

    The one walk of a folder: reading and ``estimate_articles`` both use it, so they count alike.

    Symbolic links to folders are not followed, so a link loop cannot make the walk endless;
    sub-folders that cannot be listed are added to ``unreadable``.
    """

    def report(exc: OSError) -> None:
        unreadable.append(InputError(f"{exc.filename}: cannot list folder: {exc.strerror}"))

    found: list[Path] = []
    for root, dirs, names in os.walk(folder, onerror=report, followlinks=False):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if name.startswith(".") or name.endswith(META_SUFFIX):
                continue
            file = Path(root, name)
            if file.suffix in ARTICLE_SUFFIXES and file.is_file():
                found.append(file)
    return sorted(found)


def _read_file(path: Path, limit: int) -> Iterator[Item]:
    if path.name.endswith(META_SUFFIX):
        yield InputError(f"{path}: is article metadata; give the .txt file beside it instead")
    elif path.suffix == ".jsonl":
        yield from _read_jsonl(path, limit)
    elif path.suffix == ".json":
        yield from _read_json(path, limit)
    else:
        try:
            yield _article_from_txt(path, limit)
        except InputError as exc:
            yield exc


def _read_json(path: Path, limit: int) -> Iterator[Item]:
    try:
        data = _parse_json(read_text(path, limit), str(path))
    except InputError as exc:
        yield exc
        return
    items = data if isinstance(data, list) else [data]
    if not items:
        yield InputError(f"{path}: holds an empty JSON list, no articles")
    for index, item in enumerate(items):
        single = len(items) == 1
        where = str(path) if single else f"{path}[{index}]"
        try:
            yield article_from_json(item, where, default_id=path.stem if single else f"{path.stem}-{index}")
        except InputError as exc:
            yield exc


def read_jsonl_stream(
    stream: IO[bytes],
    *,
    name: str = "<stdin>",
    on_error: ErrorHandler | None = None,
    max_bytes: int | None = None,
) -> Iterator[Article]:
    """Yield the articles of a JSON Lines byte stream (stdin, a pipe), one object per line.

    Errors name ``name:line``; ``on_error`` and ``max_bytes`` work as in ``read_articles``.
    """
    limit = max_article_bytes() if max_bytes is None else checked_limit(max_bytes, "max_bytes")
    yield from _reported(_jsonl_items(stream, name, limit), on_error)


def _read_jsonl(path: Path, limit: int) -> Iterator[Item]:
    """One article per line, read line by line: a corpus of any size streams in bounded memory."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield InputError(f"{path}: cannot read: {exc.strerror}")
        return
    with handle:
        yield from _jsonl_items(handle, str(path), limit)


def _jsonl_items(handle: IO[bytes], name: str, limit: int) -> Iterator[Item]:
    seen_line = False
    number = 0
    while True:
        try:
            raw = handle.readline(limit + 1)
        except OSError as exc:
            yield InputError(f"{name}:{number + 1}: cannot read: {exc.strerror}")
            return
        if not raw:
            break
        number += 1
        where = f"{name}:{number}"
        if len(raw) > limit and not raw.endswith(b"\n"):
            seen_line = True  # reported as too large, so the file is not "empty"
            size = len(raw) + _skip_line(handle)
            yield too_large(where, size, limit, what="line")
            continue
        if number == 1:
            if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
                yield InputError(f"{name}: is UTF-16; JSON Lines must be UTF-8, re-save it as UTF-8")
                return
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        raw = raw.rstrip(b"\r\n")
        if not raw.strip():
            continue
        try:
            text, encoding = decode(raw, where)
            if encoding != "utf-8":
                warnings.warn(f"{where}: is not UTF-8; read it as {encoding}", InputWarning, stacklevel=2)
            yield article_from_json(_parse_json(text, where, one_line=True), where)
        except InputError as exc:
            yield exc
        seen_line = True
    if not seen_line:
        yield InputError(f"{name}: file is empty (no JSON lines)")


def _skip_line(handle: Any) -> int:
    """Read past the rest of an over-long line in chunks; return how many bytes were skipped."""
    skipped = 0
    while chunk := handle.readline(1 << 16):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


def _parse_json(text: str, where: str, *, one_line: bool = False) -> Any:
    """JSON from ``text``; an error is placed at ``where:line:column`` (``where:column`` for a
    JSON Lines line, whose ``where`` already names the line)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        place = f"{where}:{exc.colno}" if one_line else f"{where}:{exc.lineno}:{exc.colno}"
        raise InputError(f"{place}: not valid JSON ({exc.msg})") from exc
    except RecursionError as exc:
        raise InputError(f"{where}: not valid JSON (nested too deeply)") from exc


def _article_from_txt(path: Path, limit: int) -> Article:
    text = read_text(path, limit)
    if not text.strip():
        raise InputError(f"{path}: file is empty")
    check_text(text, str(path))
    meta: dict[str, Any] = {}
    meta_path = path.with_name(path.stem + META_SUFFIX)
    if meta_path.exists():
        meta = _parse_json(read_text(meta_path, limit), str(meta_path))
        if not isinstance(meta, dict):
            raise InputError(f"{meta_path}: expected a JSON object with keys {', '.join(META_KEYS)}")
    where = str(meta_path) if meta else str(path)
    return Article(
        id=checked_article_id(meta.get("id"), where) or path.stem,
        text=text.rstrip("\n"),
        date=parse_date(meta.get("date"), where=where, calendar=meta.get("calendar")),
        url=optional_str(meta.get("url"), "url", where),
        source=optional_str(meta.get("source"), "source", where),
        title=optional_str(meta.get("title"), "title", where),
        origin=str(path),
    )
