"""The RDF formats newskg reads: by file extension, their names in messages, and pyoxigraph's."""

from __future__ import annotations

import pyoxigraph as ox

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
