"""Parse RDF files safely: clear errors with line and column, no remote fetching.

JSON-LD remote contexts are not followed and ``owl:imports`` is never acted on (rdflib does
not follow it); a syntax error becomes an ``RdfSyntaxError`` naming the file, line and column.
"""

from __future__ import annotations

import re
from pathlib import Path

from rdflib import Dataset, Graph

from .errors import InputError, RdfSyntaxError

PARSE_FORMATS = {".ttl": "turtle", ".turtle": "turtle", ".nt": "nt", ".trig": "trig", ".nq": "nquads",
                 ".jsonld": "json-ld", ".json": "json-ld", ".rdf": "xml", ".owl": "xml", ".xml": "xml"}
QUAD_FORMATS = {"trig", "nquads"}


def parse_into(graph: Graph, path: Path) -> None:
    """Add the triples of ``path`` to ``graph``; quads formats contribute all their graphs."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder; give an RDF file (.ttl, .trig, .nt, .nq, .jsonld)")
    fmt = PARSE_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"{path}: unknown RDF file type '{path.suffix}'; use .ttl, .trig, .nt, .nq or .jsonld")
    try:
        if fmt in QUAD_FORMATS:
            dataset = Dataset()
            dataset.parse(path, format=fmt)
            for context in dataset.graphs():
                for triple in context:
                    graph.add(triple)
        else:
            graph.parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many unrelated types for bad input
        raise _syntax_error(path, exc) from exc


def _syntax_error(path: Path, exc: Exception) -> RdfSyntaxError:
    text = str(exc).replace("\n", " ")
    line = column = None
    found = re.search(r"line[ :]*(\d+)", text, re.I)
    if found:
        line = int(found.group(1))
    found = re.search(r"col(?:umn)?[ :]*(\d+)", text, re.I)
    if found:
        column = int(found.group(1))
    where = f"{path}:{line}" + (f":{column}" if column is not None else "") if line is not None else str(path)
    detail = re.sub(r"\s+", " ", text)[:200]
    return RdfSyntaxError(f"{where}: not valid RDF ({detail})", line=line, column=column)
