"""Write and read graphs in the RDF formats newskg supports, chosen by file extension."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph

from .errors import InputError
from .files import write_bytes_atomic
from .graph.build import union_graph
from .rdfio import parse_into

FORMATS = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "nt",
    ".trig": "trig",
    ".nq": "nquads",
    ".jsonld": "json-ld",
    ".json": "json-ld",
}
QUAD_FORMATS = {"trig", "nquads"}
FORMAT_NAMES = {"turtle": "turtle", "ttl": "turtle", "nt": "nt", "ntriples": "nt", "n-triples": "nt",
                "trig": "trig", "nquads": "nquads", "n-quads": "nquads", "nq": "nquads", "json-ld": "json-ld",
                "jsonld": "json-ld"}


def format_for(path: str | Path, explicit: str | None = None) -> str:
    """The rdflib format name for ``path`` (or the ``explicit`` name a user gave)."""
    if explicit:
        try:
            return FORMAT_NAMES[explicit.lower()]
        except KeyError:
            raise InputError(f"unknown RDF format '{explicit}'; use one of {', '.join(sorted(FORMAT_NAMES))}") from None
    suffix = Path(path).suffix.lower()
    try:
        return FORMATS[suffix]
    except KeyError:
        raise InputError(
            f"{path}: cannot tell the RDF format from '{suffix or 'no extension'}'; "
            f"use one of {', '.join(sorted(FORMATS))} or --format"
        ) from None


def serialize(dataset: Dataset, fmt: str) -> bytes:
    """Bytes of ``dataset`` in ``fmt``: named graphs kept for TriG/N-Quads, their union otherwise."""
    if fmt in QUAD_FORMATS:
        data = dataset.serialize(format=fmt, encoding="utf-8")
    else:
        data = union_graph(dataset).serialize(format=fmt, encoding="utf-8")
    return data if isinstance(data, bytes) else data.encode("utf-8")


def write_dataset(dataset: Dataset, path: str | Path, *, fmt: str | None = None) -> str:
    """Write ``dataset`` to ``path`` atomically; return the format used."""
    chosen = format_for(path, fmt)
    write_bytes_atomic(path, serialize(dataset, chosen))
    return chosen


def read_graph(paths: list[str | Path] | str | Path) -> Graph:
    """Parse one or more RDF files into one graph (their union)."""
    graph = Graph()
    for path in [paths] if isinstance(paths, (str, Path)) else paths:
        parse_into(graph, Path(path))
    return graph
