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
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
import unicodedata
import warnings
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

import jdatetime

from ..errors import InputError, InputWarning
from ..records import Article

ARTICLE_SUFFIXES = (".txt", ".json", ".jsonl")
META_SUFFIX = ".meta.json"
META_KEYS = ("id", "date", "url", "source", "title", "calendar")
STDIN = "-"
"""The source that is JSON Lines on standard input."""
CALENDARS = {"gregorian": "gregorian", "persian": "persian", "jalali": "persian", "solar-hijri": "persian"}
"""What an article's ``calendar`` may say its ``date`` is written in."""
EARLIEST_YEAR = 1900
"""Dates before this are refused: in news they are a Solar Hijri date (1399-03-20 is 2020-06-09)
read as Gregorian, or a typo, and a wrong date would misplace every post and figure in time."""

DEFAULT_MAX_ARTICLE_BYTES = 500_000
"""Largest article file (or JSON Lines line) read, in bytes: 500 kB, some 80,000 words.

News articles are a few kilobytes and long reads some tens; a file ten times larger is a dump or a
mistake, and would hold up a corpus build for minutes in the NLP pass. spaCy refuses texts over
1,000,000 characters in any case. Override with ``max_bytes=`` or ``NEWSKG_MAX_ARTICLE_BYTES``.
"""
MAX_BYTES_ENV = "NEWSKG_MAX_ARTICLE_BYTES"
MAX_ID_LENGTH = 200

ErrorHandler = Callable[[InputError], None]
"""Called with each unreadable article when a caller wants reading to go on."""

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
"""Control characters (Unicode category Cc) other than tab, line breaks and form feeds."""
_VISIBLE_NON_ASCII = re.compile(r"[^\x00-\x7f\s]")
_VISIBLE = re.compile(r"\S")
_FALLBACK_ENCODING = "cp1252"
_MAX_NON_ASCII_SHARE = 0.3
"""A legacy-encoded English text is mostly ASCII; more than this share of accented letters means
the guess is wrong (Persian in Windows-1256 decodes as cp1252 into accented gibberish)."""


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
    limit = max_article_bytes() if max_bytes is None else _checked_limit(max_bytes, "max_bytes")
    skip = frozenset(exclude)
    for index, path in _each(paths, "paths", "paths"):
        if not isinstance(path, (str, os.PathLike)):
            kind = _python_type(path)
            raise InputError(f"paths[{index}]: cannot read {kind}; give a path (str or pathlib.Path)")
        yield from _reported(_read_path(Path(_checked_path(path)), limit, skip), on_error)


def _reported(items: Iterable[Item], on_error: ErrorHandler | None) -> Iterator[Article]:
    """The articles among ``items``; each error raised, or given to ``on_error``."""
    for item in items:
        if isinstance(item, Article):
            yield item
        elif on_error is None:
            raise item
        else:
            on_error(item)


def max_article_bytes() -> int:
    """The per-article size limit: ``NEWSKG_MAX_ARTICLE_BYTES`` if set, else the default."""
    value = os.environ.get(MAX_BYTES_ENV, "").strip()
    if not value:
        return DEFAULT_MAX_ARTICLE_BYTES
    try:
        return _checked_limit(int(value), MAX_BYTES_ENV)
    except ValueError:
        raise InputError(f"{MAX_BYTES_ENV}={value!r}: not a whole number of bytes") from None


def article_from_text(
    text: str,
    *,
    id: str,
    date: dt.date | str | None = None,
    url: str | None = None,
    source: str | None = None,
    title: str | None = None,
    calendar: str | None = None,
) -> Article:
    """An article from a string: how the Python API takes raw text (a string source is a path).

    ``date`` is an ISO date, in the Solar Hijri calendar if ``calendar="persian"``. Everything is
    checked as for an article read from a file; a problem raises ``InputError`` naming the article.
    """
    where = _article_name(id)
    article = Article(
        id=id,
        text=text,
        date=parse_date(date, where=where, calendar=calendar),
        url=url,
        source=source,
        title=title,
        origin=f"<{id}>" if isinstance(id, str) else "",
    )
    return check_article(article, where=where)


def check_article(article: Article, *, where: str | None = None) -> Article:
    """``article`` if it is one a file could have given (else an ``InputError`` naming it, or
    ``where``), with its date as a ``datetime.date``: what the API does with an ``Article`` made in
    Python."""
    if not isinstance(article, Article):
        raise InputError(_not_a_source(article))
    if where is None:
        where = article.origin if isinstance(article.origin, str) and article.origin else None
    where = where or _article_name(article.id)
    if not isinstance(article.id, str):
        raise InputError(f"{where}: 'id' must be a string, not {_python_type(article.id)}")
    _article_id(article.id, where)
    if not isinstance(article.text, str):
        raise InputError(f"{where}: 'text' must be a string, not {_python_type(article.text)}")
    if not article.text.strip():
        raise InputError(f"{where}: 'text' is empty")
    _check_text(article.text, where)
    for key in ("url", "source", "title"):
        value = getattr(article, key)
        if value is not None and not isinstance(value, str):
            raise InputError(f"{where}: '{key}' must be a string, not {_python_type(value)}")
        _optional_str(value, key, where)
    if not isinstance(article.origin, str):
        raise InputError(f"{where}: 'origin' must be a string, not {_python_type(article.origin)}")
    date = parse_date(article.date, where=where)
    return article if date is article.date else dataclasses.replace(article, date=date)


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
        _source(index, source) for index, source in _each(sources, "sources", "paths or articles")
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
        return _checked_path(source)
    if isinstance(source, os.PathLike):
        return Path(_checked_path(source))
    raise InputError(f"sources[{index}]: {_not_a_source(source)}")


_STDIN_TWICE = "'-' (JSON Lines on stdin) is given twice; standard input can be read only once"


def _each(sources: object, name: str, what: str) -> Iterator[tuple[int, object]]:
    """The items of ``sources`` numbered, a lone path or article being the only item."""
    if isinstance(sources, (str, os.PathLike, Article)):
        yield 0, sources
        return
    if isinstance(sources, (bytes, bytearray)) or not isinstance(sources, Iterable):
        raise InputError(f"{name}: expected a list of {what}, not {_python_type(sources)}")
    yield from enumerate(sources)


def _checked_path(path: str | os.PathLike[Any]) -> str:
    """The path as text, if it can name a file."""
    text = os.fspath(path)
    if not isinstance(text, str):
        raise InputError(f"{text!r}: give paths as str or pathlib.Path, not bytes")
    if not text.strip():
        raise InputError("'': an empty path names no file; give a file, a folder or a glob")
    if "\x00" in text:
        raise InputError(f"{text!r}: a path cannot hold a NUL character")
    return text


def _not_a_source(value: object) -> str:
    return (
        f"cannot read an article from {_python_type(value)}; give a path (str or pathlib.Path) "
        "or an Article (newskg.article_from_text(text, id=...) makes one from a text)"
    )


def _python_type(value: object) -> str:
    """``None``, ``an int``, ``a bytes``: the type of a value a caller gave, for messages."""
    if value is None:
        return "None"
    name = type(value).__name__
    return f"{'an' if name[:1] in 'aeiou' else 'a'} {name}"


def _article_name(article_id: object) -> str:
    shown = repr(article_id)
    if len(shown) > 60:
        shown = f"{shown[:40]}...' ({len(article_id) if isinstance(article_id, str) else '?'} characters)"
    return f"article {shown}"


def parse_date(value: object, *, where: str, calendar: object = None) -> dt.date | None:
    """An ISO date (``2020-06-09``, or a datetime whose date part is taken); ``None`` stays ``None``.

    With ``calendar="persian"`` (one of ``CALENDARS``) a string is a Solar Hijri date (``1399-03-20``),
    converted to the Gregorian date it is. A date before ``EARLIEST_YEAR`` is refused, saying what
    to do.
    """
    calendar = _calendar(calendar, where)
    if value is None or value == "":
        return None
    date: dt.date | None = None
    if isinstance(value, dt.datetime):
        date = value.date()
    elif isinstance(value, dt.date):
        date = value
    elif isinstance(value, str):
        text = value.strip()
        for candidate in (text, text[:10] if text[10:11] in ("T", " ") else ""):
            date = _persian(candidate, value, where) if calendar == "persian" else _iso(candidate)
            if date is not None:
                break
    shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
    if date is None:
        example = "1399-03-20" if calendar == "persian" else "2020-06-09"
        raise InputError(f"{where}: date {shown} is not an ISO date such as {example}")
    if date.year < EARLIEST_YEAR:
        shown = shown if isinstance(value, str) else date.isoformat()
        hint = _calendar_hint(date, given_as_text=isinstance(value, str))
        raise InputError(f"{where}: date {shown} is before {EARLIEST_YEAR}; {hint}")
    return date


def _iso(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


_PERSIAN_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _persian(text: str, value: object, where: str) -> dt.date | None:
    match = _PERSIAN_DATE.fullmatch(text)
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups())
    try:
        return jdatetime.date(year, month, day).togregorian()
    except ValueError as exc:
        raise InputError(f"{where}: date {value!r} is not a Solar Hijri date ({exc})") from None


def _calendar_hint(date: dt.date, *, given_as_text: bool) -> str:
    """What to say about an early date: if it reads as a Solar Hijri date, which Gregorian date that is."""
    try:
        gregorian = jdatetime.date(date.year, date.month, date.day).togregorian().isoformat()
    except ValueError:
        return "give the Gregorian date of the article"
    if not given_as_text:  # a datetime.date is Gregorian by definition
        return f"if it is a Solar Hijri (Persian calendar) date, give its Gregorian date, {gregorian}"
    return (
        'if it is a Solar Hijri (Persian calendar) date, say so with "calendar": "persian" '
        f'(calendar="persian" in Python) and it is read as {gregorian}; else give the Gregorian date'
    )


def _calendar(value: object, where: str) -> str:
    """The calendar an article's ``calendar`` names (Gregorian when absent)."""
    if value is None or value == "":
        return "gregorian"
    if isinstance(value, str) and value.strip().lower() in CALENDARS:
        return CALENDARS[value.strip().lower()]
    names = ", ".join(f"'{name}'" for name in CALENDARS)
    raise InputError(f"{where}: 'calendar' {value!r} is not one of {names}")


def _checked_limit(value: int, name: str) -> int:
    if value < 1:
        raise InputError(f"{name}={value}: the per-article size limit must be a positive number of bytes")
    return value


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
        data = _parse_json(_read_text(path, limit), str(path))
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
            yield _article_from_json(item, where, default_id=path.stem if single else f"{path.stem}-{index}")
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
    limit = max_article_bytes() if max_bytes is None else _checked_limit(max_bytes, "max_bytes")
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
            yield _too_large(where, size, limit, what="line")
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
            text, encoding = _decode(raw, where)
            if encoding != "utf-8":
                warnings.warn(f"{where}: is not UTF-8; read it as {encoding}", InputWarning, stacklevel=2)
            yield _article_from_json(_parse_json(text, where, one_line=True), where)
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


def _read_text(path: Path, limit: int) -> str:
    """The text of ``path``, reading no more than ``limit`` + 1 bytes whatever the file is."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(limit + 1)
            if len(raw) > limit:
                size = _file_size(path)
                raise _too_large(str(path), size, limit, what="file")
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    text, encoding = _decode(raw, str(path))
    if encoding not in ("utf-8", "utf-8-sig"):
        warnings.warn(f"{path}: is not UTF-8; read it as {encoding}", InputWarning, stacklevel=2)
    return text


def _file_size(path: Path) -> int | None:
    try:
        size = path.stat().st_size
    except OSError:
        return None
    return size or None  # devices and pipes report 0


def _too_large(where: str, size: int | None, limit: int, *, what: str) -> InputError:
    shown = f"{_megabytes(size)}, " if size else ""
    return InputError(
        f"{where}: {what} is too large ({shown}over the per-article limit of {_megabytes(limit)}); "
        f"split it, or raise the limit with {MAX_BYTES_ENV}"
    )


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size:,} bytes"


def _decode(raw: bytes, where: str) -> tuple[str, str]:
    """Text and the encoding that read it: UTF-8 (BOM or not), UTF-16/32 with a BOM, else cp1252
    when the result looks like text. Anything else is reported, never guessed at."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return _plain_text(raw.decode(encoding), where), encoding
            except UnicodeDecodeError as exc:
                name = encoding.removesuffix("-sig").upper()
                raise InputError(
                    f"{where}: starts with a {name} byte-order mark but is not valid {name}; "
                    "re-save it as UTF-8"
                ) from exc
    if b"\x00" in raw[:8192]:
        raise InputError(f"{where}: is a binary file, not text (or UTF-16 without a byte-order mark)")
    try:
        return _plain_text(raw.decode("utf-8"), where), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = raw.decode(_FALLBACK_ENCODING)
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_like_text(text):
        return text, _FALLBACK_ENCODING
    bad = utf8_error.start
    raise InputError(
        f"{where}: is not UTF-8 text (invalid byte 0x{raw[bad]:02x} at offset {bad}) "
        f"nor plausible cp1252/Latin-1; re-save it as UTF-8"
    ) from utf8_error


def _plain_text(text: str, where: str) -> str:
    if not _looks_like_text(text, any_script=True):
        raise InputError(f"{where}: is a binary file, not text (it is full of control characters)")
    return text


def _looks_like_text(text: str, *, any_script: bool = False) -> bool:
    """Few control characters, and (for a legacy-encoding guess) mostly ASCII."""
    sample = text[:65536]
    if not sample:
        return True
    controls = len(_CONTROLS.findall(sample))
    if controls > max(2, len(sample) // 1000):
        return False
    if any_script:
        return True
    visible = len(_VISIBLE.findall(sample))
    non_ascii = len(_VISIBLE_NON_ASCII.findall(sample))
    return visible > 0 and non_ascii <= _MAX_NON_ASCII_SHARE * visible


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


def _article_from_json(data: Any, where: str, *, default_id: str | None = None) -> Article:
    if not isinstance(data, dict):
        raise InputError(f"{where}: expected a JSON object with a 'text' key, not a JSON {_json_type(data)}")
    text = data.get("text")
    if text is None:
        raise InputError(f"{where}: article has no 'text' (a non-empty string is required)")
    if not isinstance(text, str):
        raise InputError(f"{where}: 'text' must be a string, not a JSON {_json_type(text)}")
    if not text.strip():
        raise InputError(f"{where}: article 'text' is empty")
    _check_text(text, where)
    article_id = _article_id(data.get("id"), where) or default_id
    if not article_id:
        raise InputError(f"{where}: article has no 'id'")
    meta = {key: _optional_str(data.get(key), key, where) for key in ("url", "source", "title")}
    date = parse_date(data.get("date"), where=where, calendar=data.get("calendar"))
    return Article(id=article_id, text=text, date=date, origin=where, **meta)


def _article_from_txt(path: Path, limit: int) -> Article:
    text = _read_text(path, limit)
    if not text.strip():
        raise InputError(f"{path}: file is empty")
    _check_text(text, str(path))
    meta: dict[str, Any] = {}
    meta_path = path.with_name(path.stem + META_SUFFIX)
    if meta_path.exists():
        meta = _parse_json(_read_text(meta_path, limit), str(meta_path))
        if not isinstance(meta, dict):
            raise InputError(f"{meta_path}: expected a JSON object with keys {', '.join(META_KEYS)}")
    where = str(meta_path) if meta else str(path)
    return Article(
        id=_article_id(meta.get("id"), where) or path.stem,
        text=text.rstrip("\n"),
        date=parse_date(meta.get("date"), where=where, calendar=meta.get("calendar")),
        url=_optional_str(meta.get("url"), "url", where),
        source=_optional_str(meta.get("source"), "source", where),
        title=_optional_str(meta.get("title"), "title", where),
        origin=str(path),
    )


def _article_id(value: Any, where: str) -> str | None:
    """A usable id: a short string (or integer) without control characters."""
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise InputError(f"{where}: 'id' must be a string, not a JSON {_json_type(value)}")
    text = str(value)
    if (
        not text.strip()
        or len(text) > MAX_ID_LENGTH
        or any(unicodedata.category(ch) in ("Cc", "Cs") for ch in text)
    ):
        raise InputError(f"{where}: 'id' must be 1 to {MAX_ID_LENGTH} printable characters")
    return text


def _check_text(text: str, where: str) -> None:
    """Refuse text no RDF file can hold: unpaired surrogates (JSON ``"\\ud800"``) and NUL."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(
            f"{where}: text holds an unpaired UTF-16 surrogate (\\u{ord(text[exc.start]):04x}) at character "
            f"{exc.start}; it is not valid Unicode"
        ) from None
    nul = text.find("\x00")
    if nul >= 0:
        raise InputError(f"{where}: text holds a NUL character at character {nul}; it is not plain text")


def _optional_str(value: Any, key: str, where: str) -> str | None:
    if value is None or isinstance(value, str):
        if value:
            _check_text(value, f"{where}: '{key}'")
        return value or None
    raise InputError(f"{where}: '{key}' must be a string, not a JSON {_json_type(value)}")


def _json_type(value: Any) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", int: "number", float: "number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)
