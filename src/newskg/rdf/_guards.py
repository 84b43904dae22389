"""Reading untrusted RDF files before a parser sees them: JSON-LD checked as JSON (for the exact
position of an error) and searched for the context it names; RDF/XML read once by expat, which refuses
external and parameter entities and counts what entity references would add (billion laughs)."""

from __future__ import annotations

import codecs
import json
import re
from pathlib import Path
from typing import Any
from xml.parsers import expat

from ..errors import InputError, RdfSyntaxError
from ._syntax_errors import position

MAX_ENTITY_EXPANSION = 10_000_000
"""Most characters that RDF/XML entity references and attribute defaults may add to a document."""

_REFERENCE = re.compile(r"[&%][^\s;&%<>\"']+;")


# JSON-LD: parse the JSON ourselves first, for the exact line and column of a syntax error.


def checked_json(path: Path) -> str:
    text = read_text(path)
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        raise RdfSyntaxError(
            f"{path}:{exc.lineno}:{exc.colno}: not valid JSON-LD ({exc.msg})",
            line=exc.lineno,
            column=exc.colno,
        ) from exc
    except RecursionError as exc:
        raise RdfSyntaxError(f"{path}: not valid JSON-LD (nested too deeply)") from exc
    return text


def remote_context_error(path: Path) -> InputError:
    """The error for a document that names a context: which one, when it can be told."""
    named = _named_context(json.loads(read_text(path)))
    what = f"the JSON-LD context {named!r}" if named else "a JSON-LD context by name (a URL or a file)"
    return InputError(
        f"{path}: refers to {what}, which newskg does not fetch (it runs offline); "
        f"put the context inline in the file"
    )


def _named_context(data: Any) -> str | None:
    """The first string given as a context or an import, at any depth (for the message only)."""
    stack: list[tuple[Any, bool]] = [(data, False)]
    while stack:
        node, in_context = stack.pop()
        if isinstance(node, str) and in_context:
            return node
        if isinstance(node, list):
            stack.extend((item, in_context) for item in reversed(node))
        elif isinstance(node, dict):
            for key, value in reversed(node.items()):
                stack.append((value, key in ("@context", "@import")))
    return None


# RDF/XML: expat reads the document once, counting what it delivers, before rdflib parses it.


class _Refused(Exception):
    """Raised from an expat handler to stop at the first unsafe declaration or expansion."""


def checked_rdfxml(path: Path) -> bytes:
    raw = read_bytes(path)
    if "<!DOCTYPE" not in _xml_text(raw):
        return raw  # no internal DTD: no entity and no attribute default to expand
    budget = len(raw) + MAX_ENTITY_EXPANSION
    delivered = 0

    def entity(
        name: str,
        is_parameter: int,
        value: str | None,
        base: str | None,
        system_id: str | None,
        public_id: str | None,
        notation: str | None,
    ) -> None:
        if is_parameter:
            raise _Refused(f"declares the parameter entity '%{name}'; refused for safety")
        if value is None:
            kind = "PUBLIC" if public_id else "SYSTEM"
            raise _Refused(
                f"declares the external entity '{name}' ({kind} ...); newskg never reads "
                f"external entities (XXE); refused"
            )
        if _REFERENCE.search(value):
            raise _Refused(
                f"entity '{name}' refers to other entities (how 'billion laughs' documents "
                f"explode); refused for safety"
            )

    def count(size: int) -> None:
        nonlocal delivered
        delivered += size
        if delivered > budget:
            raise _Refused(
                f"entity references and attribute defaults would add more than "
                f"{MAX_ENTITY_EXPANSION:,} characters to the document; refused for safety"
            )

    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.EntityDeclHandler = entity
    parser.CharacterDataHandler = lambda data: count(len(data))
    parser.StartElementHandler = lambda name, attributes: count(sum(map(len, attributes.values())))
    try:
        parser.Parse(raw, True)
    except _Refused as refused:
        raise InputError(f"{path}: {refused}") from None
    except expat.ExpatError as exc:
        if "amplification" in str(exc):  # expat's own guard: output over 100 times the input
            raise InputError(
                f"{path}: entity references would expand the document more than a hundredfold; "
                f"refused for safety"
            ) from None
        # not well-formed: rdflib's parse reports it with its position
    return raw


def _xml_text(raw: bytes) -> str:
    """The document as text for scanning its markup, whatever its encoding (markup is ASCII)."""
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if raw.startswith(bom):
            return raw.decode(encoding, errors="replace")
    if raw.startswith(b"<\x00"):
        return raw.decode("utf-16-le", errors="replace")
    if raw.startswith(b"\x00<"):
        return raw.decode("utf-16-be", errors="replace")
    return raw.decode("latin-1")


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc


def read_text(path: Path) -> str:
    raw = read_bytes(path)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = position(raw, exc.start)
        raise RdfSyntaxError(
            f"{path}:{line}:{column}: is not UTF-8 (byte 0x{raw[exc.start]:02x}); RDF files must be UTF-8",
            line=line,
            column=column,
        ) from exc
