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

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Dataset, Graph

from ..errors import InputError
from ._formats import FORMAT_NAMES as FORMAT_NAMES
from ._formats import LINE_FORMATS as LINE_FORMATS
from ._formats import OXIGRAPH_FORMATS as OXIGRAPH_FORMATS
from ._formats import PARSE_FORMATS as PARSE_FORMATS
from ._formats import QUAD_FORMATS
from ._guards import MAX_ENTITY_EXPANSION as MAX_ENTITY_EXPANSION
from ._guards import checked_json, checked_rdfxml, remote_context_error
from ._syntax_errors import megabytes, oxigraph_syntax_error, syntax_error

DEFAULT_MAX_GRAPH_BYTES = 500_000_000
"""Largest graph file read into memory, in bytes: 500 MB, some 3 million triples.

A graph in memory (rdflib, or pyoxigraph quads) takes ten or more times its file's size, so a
larger file would exhaust the memory of most machines. newskg's own graphs of a few thousand
articles stay well under it; larger corpora belong in a store (``newskg build --store``, then
``validate --store`` and ``query --store``). Override with ``NEWSKG_MAX_GRAPH_BYTES``.
"""

MAX_GRAPH_BYTES_ENV = "NEWSKG_MAX_GRAPH_BYTES"

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
                target.parse(data=checked_rdfxml(path), format=fmt, publicID=path.resolve().as_uri())
            else:
                target.parse(path, format=fmt)
        except InputError:
            raise
        except OSError as exc:
            raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
        except Exception as exc:  # rdflib raises many unrelated types for bad input
            raise syntax_error(path, fmt, exc) from exc
    return target


def oxigraph_quads(path: Path, *, whole: bool = True) -> Iterator[ox.Quad]:
    """The quads of a file pyoxigraph can parse (all formats but RDF/XML), with newskg's errors; unless
    read ``whole`` into memory, a file of any size.

    Nothing is fetched: pyoxigraph has no document loader, so a JSON-LD context that names a
    document is an error, reported as such.
    """
    fmt = graph_format(path, whole=whole)
    options: dict[str, Any] = {"format": OXIGRAPH_FORMATS[fmt], "base_iri": path.resolve().as_uri()}
    if fmt == "json-ld":
        options["input"] = checked_json(path).encode("utf-8")
    else:
        options["path"] = path
    try:
        yield from ox.parse(**options)
    except SyntaxError as exc:
        if fmt == "json-ld" and _REMOTE_CONTEXT in str(exc.msg):
            raise remote_context_error(path) from exc
        raise oxigraph_syntax_error(path, fmt, exc) from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc


def graph_format(path: Path, *, whole: bool = True) -> str:
    """The format of a graph file newskg will read, after checking it exists and, when it is to be
    read ``whole`` into memory, that it is not too large."""
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
    if whole:
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
            f"{path}: graph file is too large to load into memory ({megabytes(size)}, over the limit "
            f"of {megabytes(limit)}); query or validate a store instead (newskg build --store), "
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
