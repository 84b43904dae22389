"""The light terms article graphs are built with, and the two ways they leave the graph stage.

An article's triples are made of plain strings for IRIs and ``Lit`` pairs for literals, not rdflib
terms: an rdflib ``Literal`` checks and casts its value on creation, and building with them cost as
much as the whole NLP pass. The triples then become rdflib terms for an in-memory ``Dataset``
(``to_rdflib``), or canonical N-Quads text for streaming builds (``nquads``), formatted by pyoxigraph
itself, so a file written from that text is byte for byte what pyoxigraph's writer would make.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, NamedTuple

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import XSD


class PlainTerms:
    """A namespace whose terms are plain strings, each looked up (and checked) once.

    Article graphs hash and compare their terms as strings, and rdflib's ``URIRef`` hashes and
    compares unlike the string it holds; a ``DefinedNamespace`` lookup also costs a call each time.
    """

    def __init__(self, namespace: Any) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> str:
        value = str(getattr(self._namespace, name))
        setattr(self, name, value)  # found as a plain attribute from now on
        return value


class Lit(NamedTuple):
    """A literal: its lexical form, and its datatype IRI (None for a plain string)."""

    lexical: str
    datatype: str | None = None

    def __str__(self) -> str:
        return self.lexical


Term = str | Lit
"""An IRI (a plain string) or a literal."""
Triple = tuple[str, str, Term]


def date_lit(date: dt.date) -> Lit:
    return Lit(date.isoformat(), str(XSD.date))


def count_lit(number: int) -> Lit:
    """An ``xsd:nonNegativeInteger`` (character offsets)."""
    return Lit(str(number), str(XSD.nonNegativeInteger))


def decimal_lit(amount: float) -> Lit:
    """An ``xsd:decimal`` without exponent or trailing zeros: 1.5e13 -> ``15000000000000``."""
    return Lit(f"{Decimal(repr(amount)).normalize():f}", str(XSD.decimal))


def uri_lit(text: str) -> Lit:
    return Lit(text, str(XSD.anyURI))


def to_rdflib(term: Term) -> URIRef | Literal:
    """The rdflib term, same lexical form."""
    if isinstance(term, Lit):
        return Literal(term.lexical, datatype=URIRef(term.datatype) if term.datatype else None)
    return URIRef(term)


class NQuadsWriter:
    """Triples -> canonical N-Quads lines, sorted as ``newskg.rdf.write`` sorts a graph's triples.

    Each distinct term is checked and formatted once by pyoxigraph (an invalid IRI raises
    ``ValueError`` here, not in a reader of the file); the writer keeps that cache across articles.
    """

    def __init__(self) -> None:
        self._formatted: dict[Term, str] = {}

    def _format(self, term: Term) -> str:
        found = self._formatted.get(term)
        if found is None:
            if isinstance(term, Lit):
                datatype = ox.NamedNode(term.datatype) if term.datatype else None
                found = str(ox.Literal(term.lexical, datatype=datatype))
            else:
                found = str(ox.NamedNode(term))
            self._formatted[term] = found
        return found

    def lines(self, triples: Iterable[Triple], graph: str) -> list[str]:
        """The distinct triples as N-Quads lines of ``graph``, sorted by subject, predicate, object.

        Sorting whole lines sorts by the three terms: no IRI term is a prefix of another (``>`` ends
        it), and a literal that is a prefix of another term is followed by a space, which sorts before
        the ``^^`` or ``@`` that continues the longer one.
        """
        known, fmt = self._formatted.get, self._format  # most terms are known: skip the call
        name = fmt(graph)
        lines = {f"{known(s) or fmt(s)} {known(p) or fmt(p)} {known(o) or fmt(o)}" for s, p, o in triples}
        return [f"{line} {name} .\n" for line in sorted(lines)]

    def nquads(self, triples: Iterable[Triple], graph: str) -> bytes:
        return "".join(self.lines(triples, graph)).encode("utf-8")
