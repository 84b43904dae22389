"""Articles as values: made from a text, checked field by field (an ``Article`` made in Python meets the
rules of one read from a file), and read from a JSON object."""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata
from typing import Any

from ..errors import InputError
from ..records import Article
from ._dates import parse_date

MAX_ID_LENGTH = 200


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
    where = article_name(id)
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
        raise InputError(not_a_source(article))
    if where is None:
        where = article.origin if isinstance(article.origin, str) and article.origin else None
    where = where or article_name(article.id)
    if not isinstance(article.id, str):
        raise InputError(f"{where}: 'id' must be a string, not {python_type(article.id)}")
    checked_article_id(article.id, where)
    if not isinstance(article.text, str):
        raise InputError(f"{where}: 'text' must be a string, not {python_type(article.text)}")
    if not article.text.strip():
        raise InputError(f"{where}: 'text' is empty")
    check_text(article.text, where)
    for key in ("url", "source", "title"):
        value = getattr(article, key)
        if value is not None and not isinstance(value, str):
            raise InputError(f"{where}: '{key}' must be a string, not {python_type(value)}")
        optional_str(value, key, where)
    if not isinstance(article.origin, str):
        raise InputError(f"{where}: 'origin' must be a string, not {python_type(article.origin)}")
    date = parse_date(article.date, where=where)
    return article if date is article.date else dataclasses.replace(article, date=date)


def article_from_json(data: Any, where: str, *, default_id: str | None = None) -> Article:
    if not isinstance(data, dict):
        raise InputError(f"{where}: expected a JSON object with a 'text' key, not a JSON {json_type(data)}")
    text = data.get("text")
    if text is None:
        raise InputError(f"{where}: article has no 'text' (a non-empty string is required)")
    if not isinstance(text, str):
        raise InputError(f"{where}: 'text' must be a string, not a JSON {json_type(text)}")
    if not text.strip():
        raise InputError(f"{where}: article 'text' is empty")
    check_text(text, where)
    article_id = checked_article_id(data.get("id"), where) or default_id
    if not article_id:
        raise InputError(f"{where}: article has no 'id'")
    meta = {key: optional_str(data.get(key), key, where) for key in ("url", "source", "title")}
    date = parse_date(data.get("date"), where=where, calendar=data.get("calendar"))
    return Article(id=article_id, text=text, date=date, origin=where, **meta)


def checked_article_id(value: Any, where: str) -> str | None:
    """A usable id: a short string (or integer) without control characters."""
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise InputError(f"{where}: 'id' must be a string, not a JSON {json_type(value)}")
    text = str(value)
    if (
        not text.strip()
        or len(text) > MAX_ID_LENGTH
        or any(unicodedata.category(ch) in ("Cc", "Cs") for ch in text)
    ):
        raise InputError(f"{where}: 'id' must be 1 to {MAX_ID_LENGTH} printable characters")
    return text


def check_text(text: str, where: str) -> None:
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


def optional_str(value: Any, key: str, where: str) -> str | None:
    if value is None or isinstance(value, str):
        if value:
            check_text(value, f"{where}: '{key}'")
        return value or None
    raise InputError(f"{where}: '{key}' must be a string, not a JSON {json_type(value)}")


def json_type(value: Any) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", int: "number", float: "number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def article_name(article_id: object) -> str:
    shown = repr(article_id)
    if len(shown) > 60:
        shown = f"{shown[:40]}...' ({len(article_id) if isinstance(article_id, str) else '?'} characters)"
    return f"article {shown}"


def not_a_source(value: object) -> str:
    return (
        f"cannot read an article from {python_type(value)}; give a path (str or pathlib.Path) "
        "or an Article (newskg.article_from_text(text, id=...) makes one from a text)"
    )


def python_type(value: object) -> str:
    """``None``, ``an int``, ``a bytes``: the type of a value a caller gave, for messages."""
    if value is None:
        return "None"
    name = type(value).__name__
    return f"{'an' if name[:1] in 'aeiou' else 'a'} {name}"
