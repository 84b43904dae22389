"""The one prefix table, the subsets each writer uses, and the two ways newskg shortens an IRI.

Pure Python, without rdflib: ``newskg.iris`` mints instance IRIs under ``INSTANCE_BASE`` for the NLP
stage, which never imports rdflib. Every other table of prefixes is derived from ``PREFIXES`` here.
"""

from __future__ import annotations

ONTOLOGY_IRI = "https://w3id.org/newskg/ontology#"
"""The namespace of the newskg ontology's terms (``nkg:``)."""
SHAPES_IRI = "https://w3id.org/newskg/shapes#"
"""The namespace of the newskg shapes and of the cross-article checks (``nkgsh:``)."""
INSTANCE_BASE = "https://w3id.org/newskg/id/"
"""Where every minted IRI lives (``id:``): entities, articles, facts, derived graphs."""

PREFIXES: dict[str, str] = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "nkg": ONTOLOGY_IRI,
    "id": INSTANCE_BASE,
    "org": "http://www.w3.org/ns/org#",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "time": "http://www.w3.org/2006/time#",
    "sh": "http://www.w3.org/ns/shacl#",
    "nkgsh": SHAPES_IRI,
}
"""Every prefix newskg uses, in the ontology, the shapes, the named queries and what it writes.

A test checks that the ``.rq`` files and the shapes declare no prefix that is not here."""

_SHAPES_ONLY = ("sh", "nkgsh")
_RDFLIB_BINDS_ITSELF = ("rdf", "rdfs", "xsd", "owl", "skos")

DATA_PREFIXES: dict[str, str] = {p: iri for p, iri in PREFIXES.items() if p not in _SHAPES_ONLY}
"""The prefixes of the data (the shapes' two left out): what a query may use without declaring them,
what ``compact_iri`` shortens with, and the ``@context`` of exported JSON-LD."""

BOUND_PREFIXES: dict[str, str] = {p: iri for p, iri in DATA_PREFIXES.items() if p not in _RDFLIB_BINDS_ITSELF}
"""What ``bind_prefixes`` binds on every rdflib graph: rdflib binds the W3C core ones itself."""

WRITTEN_PREFIXES: dict[str, str] = {p: iri for p, iri in DATA_PREFIXES.items() if p != "id"}
"""Declared in the Turtle and TriG newskg writes: instance IRIs stay whole (their paths would need
escapes as prefixed names)."""


def compact_iri(iri: str, prefixes: dict[str, str] = DATA_PREFIXES) -> str:
    """``id:person/mohsen-salehinia`` for a newskg IRI, ``nkg:Person`` for a term; others in full.

    The longest matching namespace wins. A rest starting with ``//`` stays whole: ``schema://x``
    would read as an IRI of scheme ``schema:`` (JSON-LD treats it so).
    """
    best = max(
        ((p, ns) for p, ns in prefixes.items() if iri.startswith(ns) and len(iri) > len(ns)),
        key=lambda item: len(item[1]),
        default=None,
    )
    if best is None or iri[len(best[1]) :].startswith("//"):
        return str(iri)
    return f"{best[0]}:{iri[len(best[1]) :]}"


def local_name(iri: str) -> str:
    """The last segment of an IRI, after its last ``#`` or ``/`` (a trailing one ignored): ``Person``,
    ``mohsen-salehinia``. For people reading a label, where the namespace is noise."""
    for sep in ("#", "/"):
        if sep in iri.rstrip(sep):
            return iri.rstrip(sep).rsplit(sep, 1)[-1]
    return str(iri)
