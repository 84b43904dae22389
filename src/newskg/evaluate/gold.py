"""Read a folder of gold annotations (the corpus format) and check it before anything is extracted.

Users bring their own gold, so every problem is reported as one line naming the file and the key,
before minutes are spent on extraction; once read, the scoring code can index the keys it needs.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..ingest.readers import parse_date
from ..records import Article

FACT_KEYS: dict[str, tuple[str, ...]] = {
    "entities": ("text", "type", "canonical"),
    "roles": ("person", "role", "org"),
    "statements": ("speaker", "cue"),
    "statistics": ("value",),
    "located_in": ("place", "in"),
    "reported_by": ("agency",),
}
"""Each list of gold facts, and the keys every item of it must have (strings, but a figure's value
may be a number). A list that is absent means the article has no such facts."""

OPTIONAL_TEXT_KEYS: dict[str, tuple[str, ...]] = {"statements": ("content",), "statistics": ("unit", "what")}
"""Keys that switch on a meaning measure when present: a string, or null (a statement whose content
is null matches any content; a figure whose ``what`` is null is never right)."""


def read_gold(folder: str | Path) -> list[dict[str, Any]]:
    """The gold articles of ``folder``: every ``*.json`` file in it, in name order, each one checked."""
    path = Path(folder)
    if not path.exists():
        raise InputError(f"{path}: no such folder")
    if not path.is_dir():
        raise InputError(f"{path}: not a folder; give the folder that holds the gold *.json files")
    docs: list[dict[str, Any]] = []
    seen: dict[str, Path] = {}
    for file in sorted(path.glob("*.json")):
        doc = _read_json(file)
        check_gold(doc, where=str(file))
        article_id = str(doc["id"])
        if article_id in seen:
            raise InputError(f"{file}: id '{article_id}' is also the id of {seen[article_id]}")
        seen[article_id] = file
        docs.append(doc)
    if not docs:
        raise InputError(f"{path}: holds no gold annotation files (*.json)")
    return docs


def gold_article(doc: Mapping[str, Any]) -> Article:
    """The article to extract from: what ``newskg extract`` reads from a corpus line (id, text, date,
    url, source), so that evaluate measures the same output a user gets."""
    return Article(
        id=str(doc["id"]),
        text=doc["text"],
        date=parse_date(doc.get("date"), where=str(doc["id"])),
        url=doc.get("url") or None,
        source=doc.get("source") or None,
        origin=str(doc["id"]),
    )


def _read_json(file: Path) -> Any:
    try:
        text = file.read_bytes().decode("utf-8")
    except OSError as exc:
        raise InputError(f"{file}: cannot read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{file}: not UTF-8 text (invalid byte at offset {exc.start}); re-save it as UTF-8"
        ) from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{file}:{exc.lineno}:{exc.colno}: not valid JSON ({exc.msg})") from exc
    except RecursionError as exc:
        raise InputError(f"{file}: not valid JSON (nested too deeply)") from exc


def check_gold(doc: Any, *, where: str) -> None:
    """Raise ``InputError`` naming ``where`` and the key when ``doc`` is not a usable gold article."""
    if not isinstance(doc, dict):
        raise InputError(f"{where}: expected a JSON object (one gold article), not a JSON {_json_type(doc)}")
    for key in ("id", "text"):
        if key not in doc:
            raise InputError(f"{where}: has no '{key}'")
    if isinstance(doc["id"], bool) or not isinstance(doc["id"], (str, int)) or not str(doc["id"]).strip():
        raise InputError(f"{where}: 'id' must be a non-empty string")
    if not isinstance(doc["text"], str) or not doc["text"].strip():
        raise InputError(f"{where}: 'text' must be the article text, a non-empty string")
    for key in ("url", "source"):
        if doc.get(key) is not None and not isinstance(doc[key], str):
            raise InputError(f"{where}: '{key}' must be a string or null, not a JSON {_json_type(doc[key])}")
    parse_date(doc.get("date"), where=where)
    for facts, required in FACT_KEYS.items():
        if facts not in doc:
            continue
        items = doc[facts]
        if not isinstance(items, list):
            raise InputError(f"{where}: '{facts}' must be a list, not a JSON {_json_type(items)}")
        for number, item in enumerate(items):
            _check_fact(item, facts, required, where=f"{where}: {facts}[{number}]")


def _check_fact(item: Any, facts: str, required: tuple[str, ...], *, where: str) -> None:
    if not isinstance(item, dict):
        raise InputError(f"{where} must be a JSON object, not a JSON {_json_type(item)}")
    for key in required:
        if key not in item:
            raise InputError(f"{where} has no '{key}'")
        value = item[key]
        is_figure = facts == "statistics" and isinstance(value, (int, float)) and not isinstance(value, bool)
        if not isinstance(value, str) and not is_figure:
            raise InputError(f"{where}.{key} must be a string, not a JSON {_json_type(value)}")
    for key in OPTIONAL_TEXT_KEYS.get(facts, ()):
        if item.get(key) is not None and not isinstance(item[key], str):
            raise InputError(f"{where}.{key} must be a string or null, not a JSON {_json_type(item[key])}")
    if facts == "statistics":
        _check_scale(item.get("scale"), where=f"{where}.scale")


def _check_scale(scale: Any, *, where: str) -> None:
    """A multiplier is a whole number (``1000000``), written as a number or digits; null means 1."""
    if scale is None:
        return
    if isinstance(scale, bool) or not isinstance(scale, (str, int, float)):
        raise InputError(f"{where} must be a whole number such as 1000000, not a JSON {_json_type(scale)}")
    try:
        int(scale)
    except (ValueError, OverflowError):
        raise InputError(f"{where} must be a whole number such as 1000000, not {scale!r}") from None


def _json_type(value: Any) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", int: "number", float: "number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)
