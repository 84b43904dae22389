"""Read articles from text files, JSON, JSON Lines and directories.

Article ids are stable: the JSON ``id`` when given, else the file name without its suffix.
A ``NAME.meta.json`` file beside ``NAME.txt`` carries its metadata (id, date, url, source, title).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .errors import InputError
from .records import Article

ARTICLE_SUFFIXES = (".txt", ".json", ".jsonl")
META_SUFFIX = ".meta.json"
META_KEYS = ("id", "date", "url", "source", "title")


def read_articles(paths: Iterable[str | Path]) -> Iterator[Article]:
    """Yield the articles found at each path, in a stable order (directories sorted, recursively)."""
    for path in paths:
        yield from _read_path(Path(path))


def article_from_text(text: str, *, id: str, date: dt.date | str | None = None, **meta: str | None) -> Article:
    """Make an article from a string, for the Python API and tests."""
    return Article(id=id, text=text, date=parse_date(date, where=f"article {id}"), origin=f"<{id}>", **meta)


def parse_date(value: object, *, where: str) -> dt.date | None:
    """An ISO date (``2020-06-09``, or a datetime whose date part is taken); ``None`` stays ``None``."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            pass
    raise InputError(f"{where}: date {value!r} is not an ISO date such as 2020-06-09")


def _read_path(path: Path) -> Iterator[Article]:
    if not path.exists():
        raise InputError(f"{path}: no such file or directory")
    if path.is_dir():
        files = sorted(
            p for p in path.rglob("*")
            if p.is_file() and p.suffix in ARTICLE_SUFFIXES and not p.name.endswith(META_SUFFIX)
        )
        if not files:
            raise InputError(f"{path}: directory holds no articles (.txt, .json or .jsonl files)")
        for file in files:
            yield from _read_file(file)
    else:
        yield from _read_file(path)


def _read_file(path: Path) -> Iterator[Article]:
    if path.name.endswith(META_SUFFIX):
        raise InputError(f"{path}: is article metadata; give the .txt file beside it instead")
    if path.suffix == ".jsonl":
        for number, line in enumerate(_read_text(path).splitlines(), start=1):
            if line.strip():
                yield _article_from_json(_parse_json(line, f"{path}:{number}"), f"{path}:{number}")
    elif path.suffix == ".json":
        data = _parse_json(_read_text(path), str(path))
        items = data if isinstance(data, list) else [data]
        for index, item in enumerate(items):
            where = str(path) if len(items) == 1 else f"{path}[{index}]"
            yield _article_from_json(item, where, default_id=path.stem)
    else:
        yield _article_from_txt(path)


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from exc
    if b"\x00" in raw[:8192]:
        raise InputError(f"{path}: is a binary file, not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: is not UTF-8 text (byte {exc.start}); re-save it as UTF-8") from exc


def _parse_json(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})") from exc


def _article_from_json(data: Any, where: str, *, default_id: str | None = None) -> Article:
    if not isinstance(data, dict):
        raise InputError(f"{where}: expected a JSON object with a 'text' key")
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}: article has no 'text' (a non-empty string is required)")
    article_id = data.get("id") or default_id
    if not article_id:
        raise InputError(f"{where}: article has no 'id'")
    meta = {key: _optional_str(data.get(key), key, where) for key in ("url", "source", "title")}
    return Article(
        id=str(article_id), text=text, date=parse_date(data.get("date"), where=where), origin=where, **meta
    )


def _article_from_txt(path: Path) -> Article:
    text = _read_text(path)
    if not text.strip():
        raise InputError(f"{path}: file is empty")
    meta: dict[str, Any] = {}
    meta_path = path.with_name(path.stem + META_SUFFIX)
    if meta_path.exists():
        meta = _parse_json(_read_text(meta_path), str(meta_path))
        if not isinstance(meta, dict):
            raise InputError(f"{meta_path}: expected a JSON object with keys {', '.join(META_KEYS)}")
    where = str(meta_path) if meta else str(path)
    return Article(
        id=str(meta.get("id") or path.stem),
        text=text.rstrip("\n"),
        date=parse_date(meta.get("date"), where=where),
        url=_optional_str(meta.get("url"), "url", where),
        source=_optional_str(meta.get("source"), "source", where),
        title=_optional_str(meta.get("title"), "title", where),
        origin=str(path),
    )


def _optional_str(value: Any, key: str, where: str) -> str | None:
    if value is None or isinstance(value, str):
        return value or None
    raise InputError(f"{where}: '{key}' must be a string, not {type(value).__name__}")
