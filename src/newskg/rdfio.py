"""Parse RDF files safely: clear errors with file, line and column, and nothing fetched.

newskg runs offline and reads files users were sent, so parsing is closed to the outside world:

- JSON-LD: a remote (or any string-named) ``@context`` or ``@import`` is refused before rdflib
  sees the document, because rdflib's JSON-LD parser would download it and has no switch to stop;
- RDF/XML: external entities (XXE) and nested or oversized entity expansion (billion laughs,
  quadratic blow-up) are refused by checking the DTD first; Python's expat parser does not fetch
  external entities either, but the check does not rely on it;
- ``owl:imports`` is data only: neither rdflib nor newskg ever follows it.

A file is parsed into a fresh graph and merged only when it parsed whole, so a broken file never
leaves half its triples behind; its error is an ``RdfSyntaxError`` naming ``file:line:column``.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.sax import SAXParseException

from rdflib import Dataset, Graph
from rdflib.plugins.parsers.notation3 import BadSyntax

from .errors import InputError, RdfSyntaxError

PARSE_FORMATS = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "nt",
    ".trig": "trig",
    ".nq": "nquads",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".owl": "xml",
    ".xml": "xml",
}
QUAD_FORMATS = {"trig", "nquads"}
LINE_FORMATS = {"nt", "nquads"}
FORMAT_NAMES = {
    "turtle": "Turtle",
    "nt": "N-Triples",
    "trig": "TriG",
    "nquads": "N-Quads",
    "json-ld": "JSON-LD",
    "xml": "RDF/XML",
}

MAX_ENTITY_EXPANSION = 10_000_000
"""Most characters that RDF/XML entity references may expand to in one document."""

_ENTITY_DECL = re.compile(r"<!ENTITY\s+(%\s+)?([^\s>]+)\s+(\"[^\"]*\"|'[^']*'|[^\s>]+)", re.S)
_ENTITY_ANY = re.compile(r"<!ENTITY\b")
_REFERENCE = re.compile(r"[&%][^\s;&%<>\"']+;")
_XML_PREDEFINED = {"lt", "gt", "amp", "apos", "quot"}


def parse_into(graph: Graph, path: Path) -> None:
    """Add the triples of ``path`` to ``graph``; quads formats contribute all their graphs."""
    fmt = _format_of(path)
    parsed = parse_file(path, fmt=fmt)
    for triple in parsed.triples((None, None, None)) if fmt not in QUAD_FORMATS else _quad_triples(parsed):
        graph.add(triple)


def parse_file(path: Path, *, fmt: str | None = None) -> Graph:
    """Parse one RDF file into a new graph (a ``Dataset`` for TriG and N-Quads), safely."""
    fmt = fmt or _format_of(path)
    target: Graph = Dataset() if fmt in QUAD_FORMATS else Graph()
    try:
        if fmt == "json-ld":
            target.parse(data=_checked_jsonld(path), format=fmt, base=path.resolve().as_uri())
        elif fmt == "xml":
            target.parse(data=_checked_rdfxml(path), format=fmt, publicID=path.resolve().as_uri())
        else:
            target.parse(path, format=fmt)
    except InputError:
        raise
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except Exception as exc:  # rdflib raises many unrelated types for bad input
        raise _syntax_error(path, fmt, exc) from exc
    return target


def _format_of(path: Path) -> str:
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder; give an RDF file (.ttl, .trig, .nt, .nq, .jsonld)")
    fmt = PARSE_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(
            f"{path}: unknown RDF file type '{path.suffix}'; use .ttl, .trig, .nt, .nq, .jsonld or .rdf"
        )
    return fmt


def _quad_triples(dataset: Graph) -> Iterator[Any]:
    assert isinstance(dataset, Dataset)
    for context in dataset.graphs():
        yield from context


# JSON-LD: parse the JSON ourselves (exact line and column), then refuse anything rdflib would fetch.


def _checked_jsonld(path: Path) -> str:
    text = _read_text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RdfSyntaxError(
            f"{path}:{exc.lineno}:{exc.colno}: not valid JSON-LD ({exc.msg})",
            line=exc.lineno,
            column=exc.colno,
        ) from exc
    except RecursionError as exc:
        raise RdfSyntaxError(f"{path}: not valid JSON-LD (nested too deeply)") from exc
    remote = _remote_context(data)
    if remote is not None:
        raise InputError(
            f"{path}: refers to the JSON-LD context {remote!r}, which newskg does not fetch "
            f"(it runs offline); put the context inline in the file"
        )
    return text


def _remote_context(data: Any) -> str | None:
    """The first context or import that names a document to fetch, anywhere in ``data``."""
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            for key, value in node.items():
                if key == "@import" and isinstance(value, str):
                    return value
                if key == "@context":
                    for entry in value if isinstance(value, list) else [value]:
                        if isinstance(entry, str):
                            return entry
                stack.append(value)
    return None


# RDF/XML: look at the DTD before expat does.


def _checked_rdfxml(path: Path) -> bytes:
    raw = _read_bytes(path)
    text = _xml_text(raw)
    declarations = _ENTITY_ANY.findall(text)
    if not declarations:
        return raw
    found = _ENTITY_DECL.findall(text)
    if len(found) != len(declarations):
        raise InputError(f"{path}: has an entity declaration newskg cannot check; refused for safety")
    lengths: dict[str, int] = {}
    for parameter, name, value in found:
        if parameter:
            raise InputError(f"{path}: declares the parameter entity '%{name}'; refused for safety")
        if value[:1] not in ("'", '"'):
            raise InputError(
                f"{path}: declares the external entity '{name}' ({value} ...); newskg never reads "
                f"external entities (XXE); refused"
            )
        if _REFERENCE.search(value[1:-1]):
            raise InputError(
                f"{path}: entity '{name}' refers to other entities (how 'billion laughs' documents "
                f"explode); refused for safety"
            )
        lengths[name] = len(value) - 2
    expansion = sum(lengths.get(ref[1:-1], 0) for ref in _REFERENCE.findall(text) if ref[0] == "&")
    if expansion > MAX_ENTITY_EXPANSION:
        raise InputError(
            f"{path}: entity references would expand to {expansion:,} characters "
            f"(limit {MAX_ENTITY_EXPANSION:,}); refused for safety"
        )
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


# Errors: one line, with the position each parser knows (or that we can find).


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc


def _read_text(path: Path) -> str:
    raw = _read_bytes(path)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = _position(raw, exc.start)
        raise RdfSyntaxError(
            f"{path}:{line}:{column}: is not UTF-8 (byte 0x{raw[exc.start]:02x}); RDF files must be UTF-8",
            line=line,
            column=column,
        ) from exc


def oxigraph_syntax_error(path: str | Path, fmt: str, exc: SyntaxError) -> RdfSyntaxError:
    """The error for a ``SyntaxError`` raised by ``pyoxigraph.parse``, in newskg's form
    (``file:line:column: not valid Turtle (reason)``), for code that parses with Oxigraph."""
    line, column = exc.lineno, exc.offset
    reason = re.sub(r"^Parser error (?:at|between) [^:]*: ", "", " ".join(str(exc.msg).split()))
    where = f"{path}:{line}:{column}" if line and column else f"{path}:{line}" if line else str(path)
    name = FORMAT_NAMES.get(fmt, fmt)
    return RdfSyntaxError(f"{where}: not valid {name} ({_short(reason)})", line=line, column=column)


def _syntax_error(path: Path, fmt: str, exc: BaseException) -> RdfSyntaxError:
    name = FORMAT_NAMES.get(fmt, fmt)
    if isinstance(exc, RecursionError):
        return RdfSyntaxError(f"{path}: not valid {name} (nested too deeply to read)")
    if isinstance(exc, UnicodeDecodeError):
        raw = exc.object if isinstance(exc.object, bytes) else b""
        byte_line, byte_column = _position(raw, exc.start)
        return RdfSyntaxError(
            f"{path}:{byte_line}:{byte_column}: is not UTF-8 (byte offset {exc.start}); "
            "RDF files must be UTF-8",
            line=byte_line,
            column=byte_column,
        )
    line, column, reason = _locate(path, fmt, exc)
    where = f"{path}:{line}:{column}" if line and column else f"{path}:{line}" if line else str(path)
    return RdfSyntaxError(f"{where}: not valid {name} ({reason})", line=line, column=column)


def _locate(path: Path, fmt: str, exc: BaseException) -> tuple[int | None, int | None, str]:
    """Line, column and reason of a parse error, from whatever the parser left behind."""
    if isinstance(exc, BadSyntax):  # Turtle and TriG: the whole text and the offset of the error
        text = exc._str.decode("utf-8", errors="replace")
        offset = min(exc._i, len(text))
        return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset), _short(str(exc._why))
    if isinstance(exc, SAXParseException):  # RDF/XML: expat's column is 0-based
        sax_line, sax_column = exc.getLineNumber(), exc.getColumnNumber()
        return sax_line, sax_column + 1 if sax_column is not None else None, _short(exc.getMessage())
    if fmt in LINE_FORMATS:
        return _locate_line(path, fmt, exc)
    text = " ".join(str(exc).split())
    found_line = re.search(r"line[ :]*(\d+)", text, re.I)
    found_column = re.search(r"col(?:umn)?[ :]*(\d+)", text, re.I)
    return (
        int(found_line.group(1)) if found_line else None,
        int(found_column.group(1)) if found_column else None,
        _short(text or type(exc).__name__),
    )


def _locate_line(path: Path, fmt: str, exc: BaseException) -> tuple[int | None, int | None, str]:
    """N-Triples and N-Quads errors carry no line number: find the first line that fails alone."""
    reason = "invalid statement"
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None, None, reason
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        probe: Graph = Dataset() if fmt in QUAD_FORMATS else Graph()
        try:
            probe.parse(data=line + "\n", format=fmt)
        except Exception as line_exc:
            rest = re.search(r"Failed to eat .*? at\s+(.*?)\):\n", str(line_exc), re.S)
            tail = rest.group(1).strip() if rest else ""
            column = line.rfind(tail) + 1 if tail and tail in line else None
            return number, column, reason
    return None, None, reason


def _position(raw: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column of a byte offset."""
    line = raw.count(b"\n", 0, offset) + 1
    return line, offset - raw.rfind(b"\n", 0, offset)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 160 else text[:157] + "..."
