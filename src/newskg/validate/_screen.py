"""A fast first pass over the shapes: which focus nodes might break one, so that only those reach pySHACL.

pySHACL takes some 60 ms for an article graph of 500 triples, nearly all of it walking shapes that hold;
almost every article of a corpus conforms. The screen compiles the shapes' SHACL Core constraints into
plain Python over an index of light triples (microseconds per node) and answers, for each focus node,
"conforms", "violates" or "not sure". Only a focus node it cannot call conforming is validated by pySHACL,
which writes the results: the report is pySHACL's own, whatever the screen says.

So the screen must never call conforming a node that pySHACL would report (a "violates" or a "not sure"
costs only time). It is exact for the constraints it knows, answers "not sure" where a value is outside
what it checks for certain (a lexical form it does not parse, values it cannot compare), and refuses
(``Unsupported``) a shape with anything else: any other constraint, target or path, for which callers
fall back to pySHACL alone. A graph with ``rdfs:subClassOf`` triples is never called conforming either:
pySHACL follows them for ``sh:class`` and targets, the screen does not.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import IntEnum
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD
from rdflib.term import Node

from ..graph.terms import Lit
from ._terms import LANGUAGE, XSD_STRING, Term, TripleIndex, from_rdflib, is_blank


class Verdict(IntEnum):
    """What the screen knows of a node against a shape; ordered so ``min`` combines "and", ``max`` "or"."""

    VIOLATES = 0
    UNSURE = 1
    CONFORMS = 2


class Unsupported(ValueError):
    """A shape uses something the screen does not evaluate: validate with pySHACL alone."""


CONFORMS, UNSURE, VIOLATES = Verdict.CONFORMS, Verdict.UNSURE, Verdict.VIOLATES

Check = Callable[[TripleIndex, Term, Sequence[Term]], Verdict]
"""One constraint: the index, the focus node and its value nodes -> a verdict."""

_IGNORED = frozenset(
    str(p) for p in (SH.message, SH.severity, SH.name, SH.description, SH.order, SH.group, SH.targetClass)
)
"""Shape parameters that change no verdict (targets are read apart)."""
_STRUCTURE = frozenset(str(p) for p in (SH.property, SH.path, SH.qualifiedMinCount, SH.qualifiedMaxCount))

_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_INTEGER = re.compile(r"[+-]?[0-9]+")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*")


def _matches(form: re.Pattern[str]) -> Callable[[str], bool]:
    return lambda text: form.fullmatch(text) is not None


_NON_NEGATIVE = re.compile(r"\+?[0-9]+")
_NUMBERS = {
    str(XSD.decimal): _DECIMAL,
    str(XSD.integer): _INTEGER,
    str(XSD.nonNegativeInteger): _NON_NEGATIVE,
}
"""The numeric datatypes the screen reads, each with the lexical forms it reads (all valid for rdflib)."""
_LEXICAL: dict[str, Callable[[str], bool]] = {
    XSD_STRING: lambda text: True,
    **{datatype: _matches(form) for datatype, form in _NUMBERS.items()},
    str(XSD.anyURI): lambda text: _URI.fullmatch(text) is not None,
    str(XSD.date): lambda text: _DATE.fullmatch(text) is not None and _iso_date(text) is not None,
}
"""Lexical forms the screen knows to be valid, per datatype: a subset of what rdflib accepts. Any other
datatype, or another form, is "not sure"."""


def _iso_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _comparable(term: Term) -> tuple[str, Decimal | dt.date] | None:
    """A literal's value where the screen compares it for certain: a number or a date."""
    if not isinstance(term, Lit) or term.datatype is None:
        return None
    form = _NUMBERS.get(term.datatype)
    if form is not None and form.fullmatch(term.lexical):
        try:
            return "number", Decimal(term.lexical)
        except InvalidOperation:  # pragma: no cover (the patterns admit only decimals)
            return None
    if term.datatype == str(XSD.date) and _DATE.fullmatch(term.lexical):
        date = _iso_date(term.lexical)
        return ("date", date) if date is not None else None
    return None


def _each(test: Callable[[Term], Verdict]) -> Check:
    """A constraint on each value node on its own (the worst verdict counts)."""

    def check(index: TripleIndex, focus: Term, values: Sequence[Term]) -> Verdict:
        verdict = CONFORMS
        for value in values:
            found = test(value)
            if found < verdict:
                verdict = found
                if verdict == VIOLATES:
                    break
        return verdict

    return check


@dataclass
class CompiledShape:
    """A shape's constraints, ready to run: its path (None for a node shape) and nested property shapes."""

    node: Node
    path: str | None
    checks: list[Check]
    properties: list[CompiledShape]

    def verdict(self, index: TripleIndex, focus: Term) -> Verdict:
        """How ``focus`` fares against this shape."""
        values: Sequence[Term] = index.values(focus, self.path) if self.path is not None else (focus,)
        verdict = CONFORMS
        for check in self.checks:
            found = check(index, focus, values)
            if found < verdict:
                verdict = found
                if verdict == VIOLATES:
                    return verdict
        for prop in self.properties:
            for value in values:
                found = prop.verdict(index, value)
                if found < verdict:
                    verdict = found
                    if verdict == VIOLATES:
                        return verdict
        return verdict


class Screen:
    """The node shapes of a shapes graph, compiled; ``suspects`` lists what pySHACL should look at.

    Raises ``Unsupported`` when a node shape uses a constraint, target or path the screen does not
    evaluate (callers then validate with pySHACL alone).
    """

    def __init__(self, shapes: Graph) -> None:
        self._shapes = shapes
        self._compiled: dict[Node, CompiledShape] = {}
        self.targets: list[tuple[str, CompiledShape]] = []
        """(class, shape) for every node shape and target class, in a stable order."""
        for node in sorted(
            set(shapes.subjects(RDF.type, SH.NodeShape)) | _shapes_with_targets(shapes), key=str
        ):
            _check_targets(shapes, node)
            classes = sorted(str(c) for c in shapes.objects(node, SH.targetClass))
            if not classes:
                continue  # only used from other shapes, if at all
            shape = self._compile(node)
            self.targets.extend((cls, shape) for cls in classes)

    @property
    def target_classes(self) -> frozenset[str]:
        return frozenset(cls for cls, _ in self.targets)

    @property
    def value_paths(self) -> frozenset[str]:
        """Besides ``rdf:type``, what the shapes may read about a node a focus node points to: the path
        of every shape other than the node shapes and their own property shapes."""
        direct = {id(s) for _, shape in self.targets for s in (shape, *shape.properties)}
        return frozenset(
            s.path for s in self._compiled.values() if s.path is not None and id(s) not in direct
        )

    def suspects(self, index: TripleIndex, focus: Iterable[str] | None = None) -> set[str]:
        """The focus nodes of ``index`` (or those of ``focus``) that pySHACL should validate: every one
        the screen cannot call conforming to every node shape targeting it."""
        wanted = set(focus) if focus is not None else None
        found: set[str] = set()
        for cls, shape in self.targets:
            for node in index.instances(cls):
                if node in found or (wanted is not None and node not in wanted):
                    continue
                if index.subclass_axioms or shape.verdict(index, node) != CONFORMS:
                    found.add(node)
        if index.subclass_axioms:  # an instance of a subclass is a focus node the index cannot list
            found.update(s for s in index.subjects() if wanted is None or s in wanted)
        return found

    # --- compiling ----------------------------------------------------------------------------

    def _compile(self, node: Node) -> CompiledShape:
        found = self._compiled.get(node)
        if found is not None:
            return found
        shapes = self._shapes
        path = shapes.value(node, SH.path)
        if path is not None and not isinstance(path, URIRef):
            raise Unsupported(f"{node}: only plain predicate paths are screened, not {path}")
        shape = CompiledShape(node, str(path) if path is not None else None, [], [])
        self._compiled[node] = shape  # before the parts: a shape may refer to itself
        parameters = {str(p) for p in shapes.predicates(node) if str(p).startswith(str(SH))}
        unknown = parameters - _IGNORED - _STRUCTURE - set(_BUILDERS)
        if unknown:
            raise Unsupported(f"{node}: the screen does not evaluate {sorted(unknown)}")
        for parameter in sorted(parameters & set(_BUILDERS)):
            shape.checks.extend(_BUILDERS[parameter](self, node))
        shape.properties = [self._compile(p) for p in sorted(shapes.objects(node, SH.property), key=str)]
        return shape

    def _one(self, node: Node, parameter: URIRef) -> Node:
        values = list(self._shapes.objects(node, parameter))
        if len(values) != 1:
            raise Unsupported(f"{node}: {len(values)} values of {parameter}")
        return values[0]

    def _count(self, node: Node, parameter: URIRef) -> int:
        value = self._one(node, parameter)
        if not isinstance(value, Literal) or not isinstance(value.toPython(), int):
            raise Unsupported(f"{node}: {parameter} is not an integer")
        return int(value.toPython())

    def _list(self, node: Node, parameter: URIRef) -> list[Node]:
        head = self._one(node, parameter)
        if not isinstance(head, (BNode, URIRef)):
            raise Unsupported(f"{node}: {parameter} is not a list")
        return list(Collection(self._shapes, head))

    def _class(self, node: Node) -> list[Check]:
        checks: list[Check] = []
        for cls in self._shapes.objects(node, SH["class"]):
            name = str(cls)

            def check(index: TripleIndex, focus: Term, values: Sequence[Term], name: str = name) -> Verdict:
                verdict = CONFORMS
                for value in values:
                    if isinstance(value, Lit):
                        return VIOLATES
                    if not index.has_type(value, name):
                        if index.subclass_axioms:
                            verdict = UNSURE
                        else:
                            return VIOLATES
                return verdict

            checks.append(check)
        return checks

    def _datatype(self, node: Node) -> list[Check]:
        datatype = str(self._one(node, SH.datatype))
        if datatype not in _LEXICAL:
            raise Unsupported(f"{node}: the screen does not check literals of {datatype}")
        valid = _LEXICAL[datatype]

        def test(value: Term) -> Verdict:
            if not isinstance(value, Lit):
                return VIOLATES
            if value.datatype is not None and value.datatype.startswith(LANGUAGE):
                return VIOLATES  # a language-tagged literal is an rdf:langString
            if (value.datatype or XSD_STRING) != datatype:
                return VIOLATES
            return CONFORMS if valid(value.lexical) else UNSURE

        return [_each(test)]

    def _node_kind(self, node: Node) -> list[Check]:
        kind = self._one(node, SH.nodeKind)
        kinds: dict[Node, Callable[[Term], bool]] = {
            SH.IRI: lambda v: isinstance(v, str) and not is_blank(v),
            SH.BlankNode: is_blank,
            SH.Literal: lambda v: isinstance(v, Lit),
            SH.BlankNodeOrIRI: lambda v: isinstance(v, str),
            SH.IRIOrLiteral: lambda v: not is_blank(v),
            SH.BlankNodeOrLiteral: lambda v: is_blank(v) or isinstance(v, Lit),
        }
        if kind not in kinds:
            raise Unsupported(f"{node}: unknown sh:nodeKind {kind}")
        matches = kinds[kind]
        return [_each(lambda value: CONFORMS if matches(value) else VIOLATES)]

    def _min_count(self, node: Node) -> list[Check]:
        least = self._count(node, SH.minCount)
        return [lambda index, focus, values: CONFORMS if len(values) >= least else VIOLATES]

    def _max_count(self, node: Node) -> list[Check]:
        most = self._count(node, SH.maxCount)
        return [lambda index, focus, values: CONFORMS if len(values) <= most else VIOLATES]

    def _min_length(self, node: Node) -> list[Check]:
        least = self._count(node, SH.minLength)

        def test(value: Term) -> Verdict:
            if is_blank(value):
                return VIOLATES
            text = value.lexical if isinstance(value, Lit) else value
            return CONFORMS if len(text) >= least else VIOLATES

        return [_each(test)]

    def _in(self, node: Node) -> list[Check]:
        allowed = frozenset(from_rdflib(member) for member in self._list(node, SH["in"]))
        return [_each(lambda value: CONFORMS if value in allowed else VIOLATES)]

    def _bound(self, node: Node, parameter: URIRef, holds: Callable[[int], bool]) -> list[Check]:
        bound = _comparable(from_rdflib(self._one(node, parameter)))
        if bound is None:
            raise Unsupported(f"{node}: {parameter} is neither a number nor a date")

        def test(value: Term) -> Verdict:
            found = _comparable(value)
            if found is None or found[0] != bound[0]:
                return UNSURE
            return CONFORMS if holds(_compare(found[1], bound[1])) else VIOLATES

        return [_each(test)]

    def _min_inclusive(self, node: Node) -> list[Check]:
        return self._bound(node, SH.minInclusive, lambda order: order >= 0)

    def _max_inclusive(self, node: Node) -> list[Check]:
        return self._bound(node, SH.maxInclusive, lambda order: order <= 0)

    def _pair(self, node: Node, parameter: URIRef, holds: Callable[[int], bool]) -> list[Check]:
        other = self._one(node, parameter)
        if not isinstance(other, URIRef):
            raise Unsupported(f"{node}: {parameter} is not a predicate")
        predicate = str(other)

        def check(index: TripleIndex, focus: Term, values: Sequence[Term]) -> Verdict:
            verdict = CONFORMS
            for value in values:
                mine = _comparable(value)
                for their in index.values(focus, predicate):
                    theirs = _comparable(their)
                    if mine is None or theirs is None or mine[0] != theirs[0]:
                        verdict = UNSURE
                    elif not holds(_compare(mine[1], theirs[1])):
                        return VIOLATES
            return verdict

        return [check]

    def _less_than(self, node: Node) -> list[Check]:
        return self._pair(node, SH.lessThan, lambda order: order < 0)

    def _less_than_or_equals(self, node: Node) -> list[Check]:
        return self._pair(node, SH.lessThanOrEquals, lambda order: order <= 0)

    def _not(self, node: Node) -> list[Check]:
        checks: list[Check] = []
        for inner in self._shapes.objects(node, SH["not"]):
            shape = self._compile(inner)

            def check(
                index: TripleIndex, focus: Term, values: Sequence[Term], shape: CompiledShape = shape
            ) -> Verdict:
                verdict = CONFORMS
                for value in values:
                    found = Verdict(2 - shape.verdict(index, value))  # conforms <-> violates
                    verdict = min(verdict, found)
                return verdict

            checks.append(check)
        return checks

    def _or(self, node: Node) -> list[Check]:
        checks: list[Check] = []
        for head in self._shapes.objects(node, SH["or"]):
            members = [self._compile(m) for m in Collection(self._shapes, head)]

            def check(
                index: TripleIndex,
                focus: Term,
                values: Sequence[Term],
                members: list[CompiledShape] = members,
            ) -> Verdict:
                verdict = CONFORMS
                for value in values:
                    best = VIOLATES
                    for member in members:
                        best = max(best, member.verdict(index, value))
                        if best == CONFORMS:
                            break
                    verdict = min(verdict, best)
                return verdict

            checks.append(check)
        return checks

    def _qualified(self, node: Node) -> list[Check]:
        shape = self._compile(self._one(node, SH.qualifiedValueShape))
        parameters = set(self._shapes.predicates(node))
        least = self._count(node, SH.qualifiedMinCount) if SH.qualifiedMinCount in parameters else None
        most = self._count(node, SH.qualifiedMaxCount) if SH.qualifiedMaxCount in parameters else None

        def check(index: TripleIndex, focus: Term, values: Sequence[Term]) -> Verdict:
            verdicts = [shape.verdict(index, value) for value in values]
            sure, maybe = verdicts.count(CONFORMS), verdicts.count(UNSURE)
            verdict = CONFORMS
            if least is not None and sure < least:
                verdict = VIOLATES if sure + maybe < least else UNSURE
            if most is not None and sure + maybe > most:
                verdict = min(verdict, VIOLATES if sure > most else UNSURE)
            return verdict

        return [check]


def _compare(one: Any, other: Any) -> int:
    """-1, 0 or 1; ``one`` and ``other`` are of one kind (``_comparable`` says which)."""
    return int(one > other) - int(one < other)


_BUILDERS: dict[str, Callable[[Screen, Node], list[Check]]] = {
    str(SH["class"]): Screen._class,
    str(SH.datatype): Screen._datatype,
    str(SH.nodeKind): Screen._node_kind,
    str(SH.minCount): Screen._min_count,
    str(SH.maxCount): Screen._max_count,
    str(SH.minLength): Screen._min_length,
    str(SH["in"]): Screen._in,
    str(SH.minInclusive): Screen._min_inclusive,
    str(SH.maxInclusive): Screen._max_inclusive,
    str(SH.lessThan): Screen._less_than,
    str(SH.lessThanOrEquals): Screen._less_than_or_equals,
    str(SH["not"]): Screen._not,
    str(SH["or"]): Screen._or,
    str(SH.qualifiedValueShape): Screen._qualified,
}
"""The constraint parameters the screen evaluates, and how each is compiled."""

_TARGETS = (SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)


def _shapes_with_targets(shapes: Graph) -> set[Node]:
    """Shapes that have a target without being typed sh:NodeShape (SHACL allows it)."""
    return {s for p in (SH.targetClass, *_TARGETS) for s in shapes.subjects(p, None)}


def _check_targets(shapes: Graph, node: Node) -> None:
    """Only ``sh:targetClass`` is screened: other targets, implicit class targets and deactivated
    shapes are refused."""
    for target in _TARGETS:
        if (node, target, None) in shapes:
            raise Unsupported(f"{node}: only sh:targetClass targets are screened, not {target}")
    if (node, RDF.type, RDFS.Class) in shapes:
        raise Unsupported(f"{node}: a shape that is also a class targets its instances implicitly")
    if (node, SH.deactivated, None) in shapes:
        raise Unsupported(f"{node}: sh:deactivated is not screened")
