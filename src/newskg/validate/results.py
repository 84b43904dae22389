"""pySHACL's results as plain values: kept per article, merged across runs, and put back into one report.

Validation runs pySHACL on many small graphs (each suspect article, then suspect corpus-level nodes),
in several processes, and keeps each article's results for the next build. A result is kept as what
pySHACL wrote about it, its (predicate, object) pairs, with one change: its ``sh:sourceShape``, when
a blank node of the shapes graph (a property shape), becomes a ``ShapeRef`` that names that node by
where it sits and what it says, which the next process (whose shapes graph has other blank node ids)
finds again. Two runs that report the same thing give equal results, which merge into one, as they
are one result of a run over the whole graph.

``report_graph`` puts the results back into a SHACL report graph as pySHACL lays it out: one
``sh:ValidationReport`` with ``sh:conforms`` and a ``sh:result`` per result, each property shape copied
from the shapes graph under its own blank node id.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any, NamedTuple

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from ..graph.terms import Lit
from ._terms import Term, from_rdflib, to_rdflib


class ShapeRef(NamedTuple):
    """A blank-node shape of the shapes graph, named by a digest of its place and its description."""

    digest: str


ShapeResult = tuple[tuple[str, "Term | ShapeRef"], ...]
"""One validation result: its (predicate IRI, object) pairs, sorted, without its own blank node."""
_FOCUS_NODE = str(SH.focusNode)


def results_of(report: Graph, shapes: Graph) -> list[ShapeResult]:
    """The results of a pySHACL report graph; raises ``ValueError`` for a result that points to a blank
    node of the data (newskg validates such graphs whole instead)."""
    refs = ShapeIndex(shapes)
    found = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        pairs: list[tuple[str, Term | ShapeRef]] = []
        for predicate, obj in report.predicate_objects(result):
            if isinstance(obj, BNode):
                ref = refs.ref(obj)
                if ref is None:
                    raise ValueError(f"a result points to a blank node of the data: {predicate}")
                pairs.append((str(predicate), ref))
            else:
                pairs.append((str(predicate), from_rdflib(obj)))
        found.append(tuple(sorted(pairs, key=_pair_key)))
    return found


def focus_nodes(results: Iterable[ShapeResult]) -> set[str]:
    """The focus nodes of some results."""
    return {str(obj) for result in results for predicate, obj in result if predicate == _FOCUS_NODE}


def sorted_results(results: Iterable[ShapeResult]) -> list[ShapeResult]:
    """Each result once, in a stable order."""
    return sorted(set(results), key=result_key)


def result_key(result: ShapeResult) -> list[tuple[str, str]]:
    return [_pair_key(pair) for pair in result]


def _pair_key(pair: tuple[str, Term | ShapeRef]) -> tuple[str, str]:
    predicate, obj = pair
    return predicate, repr(obj)


def report_graph(results: Iterable[ShapeResult], shapes: Graph, *, conforms: bool) -> Graph:
    """A SHACL report graph holding ``results``, laid out as pySHACL writes its own."""
    refs = ShapeIndex(shapes)
    report = Graph()
    node = BNode()
    report.add((node, RDF.type, SH.ValidationReport))
    report.add((node, SH.conforms, Literal(conforms)))
    copied: set[Node] = set()
    for result in sorted_results(results):
        result_node = BNode()
        report.add((node, SH.result, result_node))
        for predicate, obj in result:
            if isinstance(obj, ShapeRef):
                shape = refs.node(obj)
                _copy(shapes, shape, report, copied)
                report.add((result_node, URIRef(predicate), shape))
            else:
                report.add((result_node, URIRef(predicate), to_rdflib(obj)))
    return report


def _copy(shapes: Graph, node: Node, report: Graph, copied: set[Node]) -> None:
    """A blank node of the shapes graph and all it leads to, same ids (as pySHACL copies a source shape)."""
    if node in copied:
        return
    copied.add(node)
    for predicate, obj in shapes.predicate_objects(node):
        report.add((node, predicate, obj))
        if isinstance(obj, BNode):
            _copy(shapes, obj, report, copied)


class ShapeIndex:
    """The blank nodes of a shapes graph by ``ShapeRef``, and back."""

    def __init__(self, shapes: Graph) -> None:
        self._shapes = shapes
        self._refs: dict[Node, ShapeRef] = {}
        self._nodes: dict[ShapeRef, Node] = {}

    def ref(self, node: BNode) -> ShapeRef | None:
        """The ref of a blank node of the shapes graph; None if the node is not in it."""
        found = self._refs.get(node)
        if found is None:
            if (node, None, None) not in self._shapes:
                return None
            text = f"{_place(self._shapes, node, set())}\n{_description(self._shapes, node, set())}"
            found = self._refs[node] = ShapeRef(hashlib.sha256(text.encode()).hexdigest()[:24])
        return found

    def node(self, ref: ShapeRef) -> Node:
        if not self._nodes:
            for subject in set(self._shapes.subjects()):
                if isinstance(subject, BNode):
                    own = self.ref(subject)
                    assert own is not None
                    self._nodes[own] = subject
        found = self._nodes.get(ref)
        if found is None:
            raise ValueError(f"no shape {ref.digest} in this shapes graph (kept results of other shapes?)")
        return found


def _description(shapes: Graph, node: Node, seen: set[Node]) -> str:
    if not isinstance(node, BNode):
        return node.n3()
    if node in seen:
        return "[...]"
    inner = seen | {node}
    parts = sorted(f"{p.n3()} {_description(shapes, o, inner)}" for p, o in shapes.predicate_objects(node))
    return "[" + " ; ".join(parts) + "]"


def _place(shapes: Graph, node: Node, seen: set[Node]) -> str:
    """How ``node`` is reached from the named shapes (a property shape's node shape, its list...)."""
    if not isinstance(node, BNode):
        return node.n3()
    if node in seen:
        return "..."
    inner = seen | {node}
    return " | ".join(
        sorted(f"{_place(shapes, s, inner)} {p.n3()}" for s, p in shapes.subject_predicates(node))
    )


# --- kept results as JSON ------------------------------------------------------------------------


def to_json(result: ShapeResult) -> list[Any]:
    """A result as JSON: an IRI as a string, a literal as [text, datatype], a shape as {"shape": digest}."""
    return [[predicate, _json_term(obj)] for predicate, obj in result]


def from_json(data: list[Any]) -> ShapeResult:
    pairs = []
    for predicate, obj in data:
        if isinstance(obj, dict):
            value: Term | ShapeRef = ShapeRef(str(obj["shape"]))
        elif isinstance(obj, list):
            value = Lit(str(obj[0]), obj[1])
        else:
            value = str(obj)
        pairs.append((str(predicate), value))
    return tuple(pairs)


def _json_term(term: Term | ShapeRef) -> Any:
    if isinstance(term, ShapeRef):
        return {"shape": term.digest}
    if isinstance(term, Lit):
        return [term.lexical, term.datatype]
    return term


def dumps(results: Iterable[ShapeResult]) -> str:
    return json.dumps([to_json(r) for r in results], ensure_ascii=False, separators=(",", ":"))


def loads(text: str) -> list[ShapeResult]:
    return [from_json(item) for item in json.loads(text)]
