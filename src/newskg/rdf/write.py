"""Write and read graphs in the RDF formats newskg supports, chosen by file extension.

Writing goes through pyoxigraph, whose serialisers are about 50 times faster than rdflib's, and
is deterministic: named graphs in IRI order, triples sorted within each graph, so the same graph
always gives the same bytes whether it came from the streaming build or from an rdflib ``Dataset``.
Union formats (Turtle, N-Triples, JSON-LD) merge the named graphs with an external sort, so writing
a large corpus does not hold it in memory.
"""

from __future__ import annotations

import json
import tempfile
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import XSD

from ..errors import InputError, InputWarning, RdfSyntaxError
from ..files import atomic_writer
from ..terminal import printable
from ..vocab.prefixes import WRITTEN_PREFIXES
from ._union import merged_lines, write_merged
from .parse import (
    OXIGRAPH_FORMATS,
    PARSE_FORMATS,
    check_graph_size,
    graph_format,
    oxigraph_quads,
    parse_file,
    rdflib_term_warnings_silenced,
)

FORMATS = {suffix: fmt for suffix, fmt in PARSE_FORMATS.items() if fmt != "xml"}
"""Output formats by file extension: what newskg reads, less RDF/XML (read, never written)."""
QUAD_FORMATS = {"trig", "nquads"}
FORMAT_NAMES = {
    "turtle": "turtle",
    "ttl": "turtle",
    "nt": "nt",
    "ntriples": "nt",
    "n-triples": "nt",
    "trig": "trig",
    "nquads": "nquads",
    "n-quads": "nquads",
    "nq": "nquads",
    "json-ld": "json-ld",
    "jsonld": "json-ld",
}
OX_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "json-ld": ox.RdfFormat.JSON_LD,
}

GraphBlock = tuple[ox.NamedNode | ox.DefaultGraph, Sequence[ox.Quad]]
"""One named graph's quads, as the writer takes them."""

_XSD = str(XSD)
_XSD_STRING = str(XSD.string)
_OX_XSD_STRING = ox.NamedNode(_XSD_STRING)


def format_for(path: str | Path, explicit: str | None = None) -> str:
    """The format name for ``path`` (or the ``explicit`` name a user gave)."""
    if explicit:
        try:
            return FORMAT_NAMES[explicit.lower()]
        except KeyError:
            raise InputError(
                f"unknown RDF format '{explicit}'; use one of {', '.join(sorted(FORMAT_NAMES))}"
            ) from None
    suffix = Path(path).suffix.lower()
    try:
        return FORMATS[suffix]
    except KeyError:
        raise InputError(
            f"{path}: cannot tell the RDF format from '{suffix or 'no extension'}'; "
            f"use one of {', '.join(sorted(FORMATS))} or --format"
        ) from None


# --- rdflib <-> pyoxigraph terms -------------------------------------------------------------


def to_ox(term: object) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The pyoxigraph term for an rdflib term, lexical form kept."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"cannot write a {type(term).__name__} as an RDF term")


def to_ox_quad(triple: tuple[object, object, object], name: ox.NamedNode | ox.DefaultGraph) -> ox.Quad:
    """The pyoxigraph quad of an rdflib triple in graph ``name``."""
    subject, predicate, obj = (to_ox(term) for term in triple)
    if isinstance(subject, ox.Literal) or not isinstance(predicate, ox.NamedNode):
        raise TypeError(f"not an RDF triple: {triple!r}")
    return ox.Quad(subject, predicate, obj, name)


def from_ox(term: object) -> URIRef | BNode | Literal:
    """The rdflib term for a pyoxigraph term; ``xsd:string`` literals become plain literals."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype == _OX_XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise TypeError(f"cannot read a {type(term).__name__} as an RDF term")


def graph_name(identifier: object) -> ox.NamedNode | ox.DefaultGraph:
    """The pyoxigraph graph name of an rdflib graph identifier."""
    if identifier == DATASET_DEFAULT_GRAPH_ID or not isinstance(identifier, URIRef):
        return ox.DefaultGraph()
    return ox.NamedNode(str(identifier))


def dataset_blocks(dataset: Dataset) -> Iterator[GraphBlock]:
    """The graphs of an rdflib dataset as writer blocks, in graph IRI order."""
    for graph in sorted(dataset.graphs(), key=lambda g: str(g.identifier)):
        if len(graph):
            name = graph_name(graph.identifier)
            yield name, [to_ox_quad(triple, name) for triple in graph]


# --- writing ---------------------------------------------------------------------------------


def _triple_key(quad: ox.Quad) -> tuple[str, str, str]:
    return str(quad.subject), str(quad.predicate), str(quad.object)


def write_graphs(blocks: Iterable[GraphBlock], path: str | Path, *, fmt: str | None = None) -> str:
    """Write graph blocks to ``path`` atomically; return the format used.

    Blocks should come in graph IRI order (the writer sorts the triples within each one), so the
    output depends only on the graph. Quad formats keep the named graphs; the others hold their union.
    """
    chosen = format_for(path, fmt)
    with atomic_writer(path) as handle:
        write_graphs_to(blocks, handle, fmt=chosen)
    return chosen


def write_graphs_to(blocks: Iterable[GraphBlock], handle: IO[bytes], *, fmt: str) -> None:
    """Write graph blocks to an open binary file in ``fmt`` (a ``format_for`` name)."""
    if fmt in QUAD_FORMATS:
        quads = (quad for _, block in blocks for quad in sorted(block, key=_triple_key))
        ox.serialize(quads, handle, format=OX_FORMATS[fmt], prefixes=WRITTEN_PREFIXES)
    else:
        write_union_to(triple_lines(blocks), handle, fmt=fmt)


def triple_lines(blocks: Iterable[GraphBlock]) -> Iterator[bytes]:
    """The triples of graph blocks as ``write_union_to`` takes them, repeats and all."""
    for _, block in blocks:
        for quad in block:
            yield str(quad.triple).encode("utf-8") + b"\n"


def nquads_triple_lines(name: ox.NamedNode | str, text: bytes) -> list[bytes]:
    """The triples of one graph's N-Quads text as ``write_union_to`` takes them: each line with its
    graph name cut off, with no parsing (pyoxigraph escapes newlines and carriage returns in
    literals, so `` <name> .\\n`` can only be a line's end and each line ends in ``\\n``). ``name`` is
    the graph's ``NamedNode`` or its N-Triples text (``<IRI>``)."""
    return text.replace(f" {name} .\n".encode(), b"\n").splitlines(keepends=True)


def write_union_to(lines: Iterable[bytes], handle: IO[bytes], *, fmt: str) -> None:
    """Write the union of triples given as lines of their N-Triples text (``str(triple)`` in UTF-8,
    ending in a newline, without the final `` .``) to an open binary file in a union format.

    The lines are sorted and de-duplicated as bytes (the order of the terms' code points) with an
    external sort; N-Triples is then written as it is, the other formats through pyoxigraph.
    """
    write_merged(merged_lines(lines), handle, fmt=fmt)


def serialize(dataset: Dataset, fmt: str) -> bytes:
    """Bytes of ``dataset`` in ``fmt``: named graphs kept for TriG/N-Quads, their union otherwise."""
    with tempfile.TemporaryFile() as handle:
        write_graphs_to(dataset_blocks(dataset), handle, fmt=fmt)
        handle.seek(0)
        return handle.read()


def write_dataset(dataset: Dataset, path: str | Path, *, fmt: str | None = None) -> str:
    """Write ``dataset`` to ``path`` atomically; return the format used."""
    return write_graphs(dataset_blocks(dataset), path, fmt=fmt)


# --- reading ---------------------------------------------------------------------------------


OXIGRAPH_READS = frozenset(OXIGRAPH_FORMATS)
"""Formats read with pyoxigraph's parsers: several times faster than rdflib's, with nothing to fetch
or expand (JSON-LD contexts naming a document are refused); RDF/XML goes through ``newskg.rdf.parse``'s
guarded rdflib parsing."""
RDFLIB_EXPLAINS = frozenset({"turtle", "trig", "nt", "nquads"})
"""Formats whose syntax errors rdflib's parsers describe better for hand-written files."""


GraphFor = Callable[[ox.NamedNode | ox.BlankNode | ox.DefaultGraph], Graph]
"""Where the triples of a graph of a file go: one graph for a union, the same-named one for a dataset."""


def read_graph(paths: list[str | Path] | str | Path) -> Graph:
    """Parse one or more RDF files into one graph (their union)."""
    graph = Graph()
    for file in _files(paths):
        _read_file(file, lambda name: graph)
    return graph


def read_dataset(paths: list[str | Path] | str | Path) -> Dataset:
    """Parse RDF files into one dataset whose default graph is the union of all graphs (what SPARQL
    sees by default). The named graphs of TriG, N-Quads and JSON-LD files stay named, so ``GRAPH ?g``
    and ``FROM <g>`` find them; the triples of Turtle, N-Triples and RDF/XML files have no graph."""
    dataset = Dataset(default_union=True)
    named: dict[ox.NamedNode | ox.BlankNode, Graph] = {}

    def graph_of(name: ox.NamedNode | ox.BlankNode | ox.DefaultGraph) -> Graph:
        if isinstance(name, ox.DefaultGraph):
            default: Graph = dataset.default_graph
            return default
        if name not in named:
            named[name] = dataset.graph(from_ox(name))
        return named[name]

    for file in _files(paths):
        _read_file(file, graph_of)
    return dataset


def _files(paths: list[str | Path] | str | Path) -> list[Path]:
    return [Path(path) for path in ([paths] if isinstance(paths, (str, Path)) else paths)]


def read_oxigraph(paths: list[str | Path] | str | Path) -> ox.Store:
    """Parse RDF files into one in-memory Oxigraph store, as ``read_dataset`` reads them into rdflib: the
    named graphs of TriG, N-Quads and JSON-LD files stay named, the other triples have no graph, and the
    default graph also holds every named graph's triples, each triple once (a newskg store's union).

    Files are checked and warned about as ``read_dataset`` does (same errors, same warning for
    ill-typed literals); a file with an error anywhere adds nothing. Queries on the store run in
    Oxigraph, at its speed, with no rdflib parsing of Turtle, TriG, N-Triples or N-Quads.
    """
    store = ox.Store()
    for file in _files(paths):
        quads = _file_quads(file)
        _warn_ill_typed(file, quads)
        store.extend(quads)
    if next(store.named_graphs(), None) is not None:  # the union, made in Oxigraph: 2x faster than here
        store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    return store


def _read_file(path: Path, graph_for: GraphFor) -> None:
    """Add every graph of ``path``; a file with an error anywhere adds nothing."""
    fmt = graph_format(path)
    if fmt not in OXIGRAPH_READS:
        _add_quads(path, _rdflib_quads(path, fmt), graph_for)
        return
    try:
        for _ in oxigraph_quads(path):  # check it all first, at pyoxigraph's speed
            pass
    except RdfSyntaxError as error:
        raise _explained(path, fmt, error) from error
    _add_quads(path, oxigraph_quads(path), graph_for)


def stream_quads(path: str | Path, *, warn: bool = True) -> Iterator[ox.Quad]:
    """The quads of an RDF file one at a time, lexical forms kept, with ``read_dataset``'s errors (raised
    where the error is met: read everything before acting on it) and, once the file is read, its warning
    for ill-typed literals (unless not ``warn``). Memory stays bounded whatever the file's size, so the
    graph file size limit does not apply, except to RDF/XML, which rdflib parses whole."""
    file = Path(path)
    fmt = graph_format(file, whole=False)
    if fmt not in OXIGRAPH_READS:
        check_graph_size(file)
        quads = _rdflib_quads(file, fmt)
        if warn:
            _warn_ill_typed(file, quads)
        yield from quads
        return
    ill_typed = _IllTyped()
    try:
        for quad in oxigraph_quads(file, whole=False):
            if warn:
                ill_typed.see(quad)
            yield quad
    except RdfSyntaxError as error:
        raise _explained(file, fmt, error) from error
    ill_typed.warn(file)


def _file_quads(path: Path) -> list[ox.Quad]:
    """All the quads of ``path``, with ``_read_file``'s checks and errors."""
    fmt = graph_format(path)
    if fmt not in OXIGRAPH_READS:
        return _rdflib_quads(path, fmt)
    try:
        return list(oxigraph_quads(path))
    except RdfSyntaxError as error:
        raise _explained(path, fmt, error) from error


def _rdflib_quads(path: Path, fmt: str) -> list[ox.Quad]:
    """The quads of a file only rdflib reads here (RDF/XML, through ``newskg.rdf.parse``'s guards)."""
    parsed = parse_file(path, fmt=fmt)
    if isinstance(parsed, Dataset):
        return [to_ox_quad(triple, graph_name(g.identifier)) for g in parsed.graphs() for triple in g]
    return [to_ox_quad(triple, ox.DefaultGraph()) for triple in parsed]


def _explained(path: Path, fmt: str, error: RdfSyntaxError) -> RdfSyntaxError:
    """rdflib's message for a broken file when it has one with a position: it says more about
    hand-written Turtle (``newline found in string literal`` where Oxigraph says ``Unexpected end``)."""
    if fmt not in RDFLIB_EXPLAINS:
        return error
    try:
        parse_file(path, fmt=fmt)
    except RdfSyntaxError as rdflib_error:
        if rdflib_error.line is not None or error.line is None:
            return rdflib_error
    return error


def _add_quads(path: Path, quads: Iterable[ox.Quad], graph_for: GraphFor) -> None:
    """Add quads to rdflib graphs; literals that are not valid for their datatype are kept as
    written and reported once, as one warning for the file."""
    first: Literal | None = None
    count = 0
    with rdflib_term_warnings_silenced():
        for quad in quads:
            obj = from_ox(quad.object)
            if isinstance(obj, Literal) and obj.ill_typed:
                first, count = first if first is not None else obj, count + 1
            graph_for(quad.graph_name).add((from_ox(quad.subject), from_ox(quad.predicate), obj))
    if first is not None:
        warnings.warn(_ill_typed_message(path, first, count), InputWarning, stacklevel=2)


def _warn_ill_typed(path: Path, quads: Iterable[ox.Quad]) -> None:
    """``_add_quads``'s warning without making rdflib terms of the quads: only typed literals are read
    by rdflib, each distinct one once."""
    ill_typed = _IllTyped()
    for quad in quads:
        ill_typed.see(quad)
    ill_typed.warn(path, stacklevel=4)


class _IllTyped:
    """Counts the literals not valid for their datatype among quads seen one at a time."""

    def __init__(self) -> None:
        self.first: Literal | None = None
        self.count = 0
        self._seen: dict[tuple[str, str], Literal | None] = {}

    def see(self, quad: ox.Quad) -> None:
        obj = quad.object
        if not isinstance(obj, ox.Literal) or obj.language or obj.datatype == _OX_XSD_STRING:
            return
        key = (obj.value, obj.datatype.value)
        if key not in self._seen:
            with rdflib_term_warnings_silenced():
                term = from_ox(obj)
            self._seen[key] = term if isinstance(term, Literal) and term.ill_typed else None
        bad = self._seen[key]
        if bad is not None:
            self.first, self.count = self.first if self.first is not None else bad, self.count + 1

    def warn(self, path: Path, stacklevel: int = 3) -> None:
        if self.first is not None:
            message = _ill_typed_message(path, self.first, self.count)
            warnings.warn(message, InputWarning, stacklevel=stacklevel)


def _ill_typed_message(path: Path, first: Literal, count: int) -> str:
    datatype = str(first.datatype)
    shown = f"xsd:{datatype[len(_XSD) :]}" if datatype.startswith(_XSD) else f"<{datatype}>"
    lexical = str(first) if len(str(first)) <= 40 else str(first)[:37] + "..."
    quoted = printable(json.dumps(lexical, ensure_ascii=False), one_line=True)
    return (
        f"{path}: {count} literal{'s' if count > 1 else ''} not valid for {'their' if count > 1 else 'its'} "
        f"datatype, kept as written (the first: {quoted}^^{shown})"
    )


def read_graph_blocks(path: str | Path) -> dict[ox.NamedNode | ox.DefaultGraph, list[ox.Quad]]:
    """The quads of an RDF file grouped by graph, lexical forms kept (what incremental builds reuse)."""
    file = Path(path)
    format_for(file)  # RDF/XML is read, never written: not a format these blocks are written in
    blocks: dict[ox.NamedNode | ox.DefaultGraph, list[ox.Quad]] = {}
    for quad in oxigraph_quads(file):
        blocks.setdefault(quad.graph_name, []).append(quad)  # type: ignore[arg-type]
    return blocks
