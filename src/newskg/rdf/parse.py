"""Parse RDF files safely: clear errors with file, line and column, nothing fetched, bounded work.

newskg runs offline and reads files users were sent, so parsing is closed to the outside world and
to resource bombs:

- JSON-LD is parsed by pyoxigraph, which has no document loader at all: a context or ``@import``
  that names a document (``https:``, ``file:``, relative, at any depth, in any array or scoped
  context) cannot be fetched, whatever its form; newskg reports it as such. rdflib's JSON-LD parser,
  which downloads contexts and has no switch to stop, never sees a file;
- RDF/XML goes through expat once before rdflib does: external entities (XXE), parameter entities
  and entities that refer to others (billion laughs) are refused as expat itself declares them, and
  the text expat delivers is counted, so entity references and attribute defaults cannot expand a
  document by more than ``MAX_ENTITY_EXPANSION`` characters, however the DTD is written;
- a graph file over ``max_graph_bytes()`` is refused before it is read, as a graph in memory takes
  ten or more times its file's size;
- ``owl:imports`` is data only: neither rdflib nor newskg ever follows it.

A file is parsed into a fresh graph and merged only when it parsed whole, so a broken file never
leaves half its triples behind; its error is an ``RdfSyntaxError`` naming ``file:line:column``.
"""

from __future__ import annotations

import codecs
import json
import logging
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from xml.parsers import expat
from xml.sax import SAXParseException

import pyoxigraph as ox
from rdflib import Dataset, Graph
from rdflib.plugins.parsers.notation3 import BadSyntax

from ..errors import InputError, RdfSyntaxError

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
OXIGRAPH_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "json-ld": ox.RdfFormat.JSON_LD,
}
"""Formats pyoxigraph parses: every one newskg reads but RDF/XML."""

MAX_ENTITY_EXPANSION = 10_000_000
"""Most characters that RDF/XML entity references and attribute defaults may add to a document."""

DEFAULT_MAX_GRAPH_BYTES = 500_000_000
"""Largest graph file read into memory, in bytes: 500 MB, some 3 million triples.

A graph in memory (rdflib, or pyoxigraph quads) takes ten or more times its file's size, so a
larger file would exhaust the memory of most machines. newskg's own graphs of a few thousand
articles stay well under it; larger corpora belong in a store (``newskg build --store``, then
``validate --store`` and ``query --store``). Override with ``NEWSKG_MAX_GRAPH_BYTES``.
"""
MAX_GRAPH_BYTES_ENV = "NEWSKG_MAX_GRAPH_BYTES"

_REFERENCE = re.compile(r"[&%][^\s;&%<>\"']+;")
_REMOTE_CONTEXT = "LoadDocumentCallback"
"""What pyoxigraph's JSON-LD parser says when a document names a context to load."""
_RDFLIB_TERM_LOG = logging.getLogger("rdflib.term")


def parse_into(graph: Graph, path: Path) -> None:
    """Add the triples of ``path`` to ``graph``; quads formats contribute all their graphs."""
    fmt = graph_format(path)
    parsed = parse_file(path, fmt=fmt)
    triples = _quad_triples(parsed) if isinstance(parsed, Dataset) else parsed.triples((None, None, None))
    for triple in triples:
        graph.add(triple)


def parse_file(path: Path, *, fmt: str | None = None) -> Graph:
    """Parse one RDF file into a new rdflib graph (a ``Dataset`` for TriG, N-Quads and JSON-LD), safely.

    ``fmt`` overrides the format the file name implies; the file is checked the same either way.
    """
    implied = graph_format(path)  # checked even when the caller names the format
    fmt = fmt or implied
    target: Graph = Dataset() if fmt in QUAD_FORMATS or fmt == "json-ld" else Graph()
    with rdflib_term_warnings_silenced():
        try:
            if fmt == "json-ld":  # through pyoxigraph, which cannot fetch a context
                data = ox.serialize(list(oxigraph_quads(path)), format=ox.RdfFormat.N_QUADS) or b""
                target.parse(data=data.decode("utf-8"), format="nquads")
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


def oxigraph_quads(path: Path) -> Iterator[ox.Quad]:
    """The quads of a file pyoxigraph can parse (all formats but RDF/XML), with newskg's errors.

    Nothing is fetched: pyoxigraph has no document loader, so a JSON-LD context that names a
    document is an error, reported as such.
    """
    fmt = graph_format(path)
    options: dict[str, Any] = {"format": OXIGRAPH_FORMATS[fmt], "base_iri": path.resolve().as_uri()}
    if fmt == "json-ld":
        options["input"] = _checked_json(path).encode("utf-8")
    else:
        options["path"] = path
    try:
        yield from ox.parse(**options)
    except SyntaxError as exc:
        if fmt == "json-ld" and _REMOTE_CONTEXT in str(exc.msg):
            raise _remote_context_error(path) from exc
        raise oxigraph_syntax_error(path, fmt, exc) from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc


def graph_format(path: Path) -> str:
    """The format of a graph file newskg will read, after checking it exists and is not too large."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder; give an RDF file (.ttl, .trig, .nt, .nq, .jsonld)")
    fmt = PARSE_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(
            f"{path}: unknown RDF file type '{path.suffix}'; use .ttl, .trig, .nt, .nq, .jsonld or .rdf"
        )
    if not path.is_file():
        raise InputError(f"{path}: is not a regular file (a pipe or a device); save the graph to a file")
    check_graph_size(path)
    return fmt


def check_graph_size(path: Path) -> None:
    """Refuse a graph file larger than ``max_graph_bytes()`` before anything reads it."""
    limit = max_graph_bytes()
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if size > limit:
        raise InputError(
            f"{path}: graph file is too large to load into memory ({_megabytes(size)}, over the limit "
            f"of {_megabytes(limit)}); query or validate a store instead (newskg build --store), "
            f"or raise the limit with {MAX_GRAPH_BYTES_ENV}"
        )


def max_graph_bytes() -> int:
    """The graph file size limit: ``NEWSKG_MAX_GRAPH_BYTES`` if set, else the default."""
    value = os.environ.get(MAX_GRAPH_BYTES_ENV, "").strip()
    if not value:
        return DEFAULT_MAX_GRAPH_BYTES
    try:
        limit = int(value)
    except ValueError:
        raise InputError(f"{MAX_GRAPH_BYTES_ENV}={value!r}: not a whole number of bytes") from None
    if limit < 1:
        raise InputError(f"{MAX_GRAPH_BYTES_ENV}={limit}: the graph file size limit must be positive")
    return limit


@contextmanager
def rdflib_term_warnings_silenced() -> Iterator[None]:
    """Keep rdflib from logging a traceback for each ill-typed literal (``"x"^^xsd:integer``).

    rdflib keeps such a literal as written (``Literal.ill_typed``), which is what newskg wants, but
    logs a warning with a traceback every time one is made; newskg reports them itself, once per file.
    """
    quiet = _DropLiteralConversionLogs()
    _RDFLIB_TERM_LOG.addFilter(quiet)
    try:
        yield
    finally:
        _RDFLIB_TERM_LOG.removeFilter(quiet)


class _DropLiteralConversionLogs(logging.Filter):
    """Drops rdflib's per-term complaints: ill-typed literals, IRIs it finds odd."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = str(record.msg)
        return (
            not message.startswith("Failed to convert Literal") and "not look like a valid URI" not in message
        )


def _quad_triples(dataset: Graph) -> Iterator[Any]:
    assert isinstance(dataset, Dataset)
    for context in dataset.graphs():
        yield from context


# JSON-LD: parse the JSON ourselves first, for the exact line and column of a syntax error.


def _checked_json(path: Path) -> str:
    text = _read_text(path)
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


def _remote_context_error(path: Path) -> InputError:
    """The error for a document that names a context: which one, when it can be told."""
    named = _named_context(json.loads(_read_text(path)))
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


def _checked_rdfxml(path: Path) -> bytes:
    raw = _read_bytes(path)
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
    line = exc.lineno if exc.lineno and exc.lineno > 0 else None
    column = exc.offset if line and exc.offset and exc.offset > 0 else None
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
        line, column = _text_position(text, exc._i)
        return line, column, _short(str(exc._why))
    if isinstance(exc, SAXParseException):  # RDF/XML: expat's column is 0-based
        sax_line, sax_column = exc.getLineNumber(), exc.getColumnNumber()
        return sax_line, sax_column + 1 if sax_column is not None else None, _short(exc.getMessage())
    if fmt in LINE_FORMATS:
        return _locate_line(path, fmt, exc)
    text = " ".join(str(exc).split())
    found_line = re.search(r"line[ :]*(\d+)", text, re.I)
    found_column = re.search(r"col(?:umn)?[ :]*(\d+)", text, re.I)
    return (
        int(found_line.group(1)) if found_line and int(found_line.group(1)) > 0 else None,
        int(found_column.group(1)) if found_column and int(found_column.group(1)) > 0 else None,
        _short(text or type(exc).__name__),
    )


def _text_position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of the token at ``offset`` in ``text``.

    rdflib's Turtle and TriG parsers give -1 for "at the end", and often the offset of the blanks
    before the offending token: both are mapped to where a reader would look.
    """
    if offset < 0 or offset > len(text):
        offset = len(text)
    while offset < len(text) and text[offset] in " \t\r":
        offset += 1
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


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


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size:,} bytes"


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 160 else text[:157] + "..."
