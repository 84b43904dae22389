"""The terms validation reads, and one index of triples by subject.

Validation reads graphs from three places: the light triples the graph stage builds (plain strings and
``Lit`` pairs, ``newskg.graph.terms``), a pyoxigraph store, and rdflib graphs. It turns all of them into
the graph stage's light terms, which hash and compare as plain values:

- an IRI is a ``str``; a blank node is a ``str`` starting with ``_:`` (no IRI does);
- a literal is a ``Lit``; one with a language tag carries ``@`` and the tag as its datatype, so that
  ``"a"@en`` and ``"a"@fr`` stay two values and neither is a string.

An ``xsd:string`` literal read from Oxigraph is a plain one, as ``newskg.rdf`` reads files; one read
from rdflib keeps its datatype, as pySHACL would see it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD
from rdflib.term import Node

from ..graph.terms import Lit

Term = str | Lit
"""An IRI, a blank node (``_:id``) or a literal."""
Triple = tuple[str, str, Term]

BLANK = "_:"
LANGUAGE = "@"
"""Starts the datatype of a ``Lit`` that stands for a language-tagged literal: ``Lit("a", "@en")``."""
RDF_TYPE = str(RDF.type)
SUBCLASS_OF = str(RDFS.subClassOf)
XSD_STRING = str(XSD.string)


def is_blank(term: Term) -> bool:
    return isinstance(term, str) and term.startswith(BLANK)


def from_ox(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | ox.DefaultGraph) -> Term:
    """The light term of a pyoxigraph term (``xsd:string`` literals plain)."""
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return BLANK + term.value
    if isinstance(term, ox.Literal):
        if term.language:
            return Lit(term.value, LANGUAGE + term.language)
        datatype = term.datatype.value
        return Lit(term.value, None if datatype == XSD_STRING else datatype)
    raise ValueError(f"not a term newskg validates: {term}")


def from_rdflib(term: Node) -> Term:
    """The light term of an rdflib term (a typed ``xsd:string`` stays typed, as pySHACL sees it)."""
    if isinstance(term, Literal):
        if term.language:
            return Lit(str(term), LANGUAGE + term.language)
        return Lit(str(term), str(term.datatype) if term.datatype is not None else None)
    if isinstance(term, BNode):
        return BLANK + str(term)
    return str(term)


def to_rdflib(term: Term) -> URIRef | BNode | Literal:
    """The rdflib term of a light one, same lexical form."""
    if isinstance(term, Lit):
        if term.datatype is not None and term.datatype.startswith(LANGUAGE):
            return Literal(term.lexical, lang=term.datatype[1:])
        return Literal(term.lexical, datatype=URIRef(term.datatype) if term.datatype else None)
    if term.startswith(BLANK):
        return BNode(term[len(BLANK) :])
    return URIRef(term)


def ox_triples(quads: Iterable[ox.Quad]) -> list[Triple]:
    """The triples of some quads, as light terms (graph names dropped, repeats kept)."""
    found: list[Triple] = []
    for quad in quads:
        subject, predicate, obj = from_ox(quad.subject), quad.predicate.value, from_ox(quad.object)
        assert isinstance(subject, str), "a subject is an IRI or a blank node"
        found.append((subject, predicate, obj))
    return found


class TripleIndex:
    """Triples by subject and predicate, each value once (in the order first seen)."""

    __slots__ = ("_by_class", "_by_subject", "subclass_axioms")

    def __init__(self, triples: Iterable[tuple[str, str, Term]] = ()) -> None:
        self._by_subject: dict[str, dict[str, dict[Term, None]]] = {}
        self._by_class: dict[Term, list[str]] | None = None
        self.subclass_axioms = False
        """Whether some triple is an ``rdfs:subClassOf``: then an instance of a class may be typed only
        with a subclass, which the index does not follow (pySHACL does)."""
        self.add(triples)

    def add(self, triples: Iterable[tuple[str, str, Term]]) -> None:
        by_subject = self._by_subject
        self._by_class = None
        for subject, predicate, obj in triples:
            properties = by_subject.get(subject)
            if properties is None:
                properties = by_subject[subject] = {}
            values = properties.get(predicate)
            if values is None:
                values = properties[predicate] = {}
                if predicate == SUBCLASS_OF:
                    self.subclass_axioms = True
            values[obj] = None

    def values(self, node: Term, predicate: str) -> Sequence[Term]:
        properties = self._by_subject.get(node) if isinstance(node, str) else None
        if properties is None:
            return ()
        found = properties.get(predicate)
        return tuple(found) if found is not None else ()

    def has_type(self, node: Term, cls: str) -> bool:
        properties = self._by_subject.get(node) if isinstance(node, str) else None
        if properties is None:
            return False
        types = properties.get(RDF_TYPE)
        return types is not None and cls in types

    def instances(self, cls: str) -> list[str]:
        """The subjects typed ``cls``, in the order first seen."""
        if self._by_class is None:
            by_class: dict[Term, list[str]] = {}
            for subject, properties in self._by_subject.items():
                for found in properties.get(RDF_TYPE, ()):
                    by_class.setdefault(found, []).append(subject)
            self._by_class = by_class
        return self._by_class.get(cls, [])

    def subjects(self) -> list[str]:
        return list(self._by_subject)

    def triples(self) -> list[Triple]:
        return [
            (s, p, o)
            for s, properties in self._by_subject.items()
            for p, vs in properties.items()
            for o in vs
        ]
