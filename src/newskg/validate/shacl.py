"""SHACL validation, wrapped once: a frozen report, the user's graph never touched.

Two passes, one report. pySHACL checks the SHACL Core shapes without inference and without advanced
features (no rules, so it reads the data graph in place instead of copying it, and writes nothing to
it); then the cross-article checks (``newskg.validate.checks``, one class each) run in one pass over
the memberships, and their findings are added to the report graph as sh:ValidationResults. Warnings
never make a graph fail. The text of the report is sorted, so it is the same on every run.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyshacl
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import RDF, SH, NamespaceManager
from rdflib.term import Node

from ..graph.build import union_graph
from ..graph.labels import article_id, label
from ..resources import load_shapes
from ..vocab.namespace import NKG, OA, bind_prefixes
from ..vocab.prefixes import PREFIXES, local_name
from .checks import add_findings, find_inconsistencies

SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}


@dataclass(frozen=True, slots=True)
class Violation:
    """One SHACL result, in words."""

    focus: str
    focus_label: str
    message: str
    path: str | None
    severity: str
    shape: str
    evidence: tuple[tuple[str, str], ...] = ()
    """(article id, sentence) pairs that support the focus node, sorted."""

    def __str__(self) -> str:
        where = f" ({self.path})" if self.path else ""
        lines = [f"{self.severity}: {self.focus_label}{where}: {self.message}"]
        lines += [f"    [{article}] {sentence}" for article, sentence in self.evidence]
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """The outcome of validating a graph against the newskg shapes and consistency checks."""

    conforms: bool
    violations: tuple[Violation, ...]
    """Every result, violations and warnings, sorted: violations first, then by focus label."""
    graph: Graph
    """The SHACL report graph: pySHACL's results plus the cross-article findings."""

    @property
    def warnings(self) -> tuple[Violation, ...]:
        return tuple(v for v in self.violations if v.severity != "Violation")

    def __str__(self) -> str:
        errors = len(self.violations) - len(self.warnings)
        counts = _plural(errors, "violation")
        if self.warnings:
            counts += f", {_plural(len(self.warnings), 'warning')}"
        head = "SHACL: conforms" if self.conforms else "SHACL: does not conform"
        if self.violations:
            head += f" ({counts})"
        return "\n".join([head, *map(str, self.violations)])

    def turtle(self) -> str:
        """The report graph as Turtle, with canonical blank node labels so it is the same every run."""
        canonical = Graph()
        for triple in to_canonical_graph(self.graph):
            canonical.add(triple)
        bind_prefixes(canonical)
        canonical.bind("sh", SH)
        canonical.bind("nkgsh", PREFIXES["nkgsh"])
        return canonical.serialize(format="turtle")


def validate(graph: Graph, *, shapes: Graph | None = None, consistency: bool = True) -> ValidationReport:
    """Check ``graph`` against the newskg shapes (or ``shapes``) and across articles; never modifies it.

    A ``Dataset`` is validated as the union of its named graphs (a copy).
    """
    if isinstance(graph, Dataset):
        graph = union_graph(graph)
    shapes = shapes if shapes is not None else load_shapes()
    conforms, pyshacl_report, _ = pyshacl.validate(
        reading_view(graph),
        shacl_graph=shapes,
        inference="none",
        inplace=False,
        advanced=False,
        allow_warnings=True,
    )
    report = Graph()
    for triple in pyshacl_report:
        report.add(triple)
    if consistency:
        violated = add_findings(report, find_inconsistencies(graph))
        conforms = bool(conforms) and not violated
        for node in report.subjects(RDF.type, SH.ValidationReport):
            report.set((node, SH.conforms, Literal(conforms)))
    violations = sorted(
        (_violation(graph, report, shapes, r) for r in set(report.subjects(RDF.type, SH.ValidationResult))),
        key=lambda v: (SEVERITY_ORDER.get(v.severity, 9), v.focus_label, v.message, v.path or "", v.focus),
    )
    return ValidationReport(bool(conforms), tuple(violations), report)


class _FullIris(NamespaceManager):
    """Writes every IRI in full and binds no prefix.

    pySHACL describes every result in text, including the discarded ones inside sh:not, sh:or and
    sh:qualifiedValueShape, through the data graph's namespace manager. rdflib's manager files each new
    namespace (one per article: ``id/evidence/<article>/``) in a trie whose insertion is linear in its
    size, which made validation quadratic in the number of articles; pySHACL also binds ``sh:`` on it.
    """

    def __init__(self, graph: Graph) -> None:
        super().__init__(graph, bind_namespaces="none")

    def bind(self, *args: object, **kwargs: object) -> None:
        return None

    def normalizeUri(self, rdfTerm: str) -> str:  # rdflib names it
        return f"<{rdfTerm}>"


def reading_view(graph: Graph) -> Graph:
    """The same triples (the same store, no copy) behind a namespace manager that changes nothing."""
    view = Graph(store=graph.store, identifier=graph.identifier, bind_namespaces="none")
    view.namespace_manager = _FullIris(view)
    return view


def _violation(data: Graph, report: Graph, shapes: Graph, result: Node) -> Violation:
    focus = report.value(result, SH.focusNode)
    path = report.value(result, SH.resultPath)
    message = report.value(result, SH.resultMessage)
    severity = report.value(result, SH.resultSeverity)
    shape = report.value(result, SH.sourceShape)
    if shape is not None and not isinstance(shape, URIRef):  # a property shape: name its node shape
        shape = shapes.value(None, SH.property, shape)
    cited = list(report.objects(result, NKG.evidence))
    return Violation(
        focus=str(focus),
        focus_label=label(data, focus),
        message=str(message) if isinstance(message, Literal) else "constraint not met",
        path=local_name(path) if isinstance(path, URIRef) else None,
        severity=local_name(str(severity)) if severity is not None else "Violation",
        shape=local_name(shape) if isinstance(shape, URIRef) else "",
        evidence=_sentences(data, cited or _evidence_of(data, focus)),
    )


def _evidence_of(data: Graph, focus: Node | None) -> list[Node]:
    """The evidence behind a focus node: its own, or for an entity, that of the names articles gave it."""
    if not isinstance(focus, URIRef):
        return []
    if (focus, RDF.type, NKG.Evidence) in data:
        return [focus]
    own = list(data.objects(focus, NKG.evidence))
    if own:
        return own
    return [
        e for assertion in data.subjects(RDF.subject, focus) for e in data.objects(assertion, NKG.evidence)
    ]


def _sentences(data: Graph, evidence: list[Node]) -> tuple[tuple[str, str], ...]:
    found = set()
    for node in evidence:
        article = data.value(node, OA.hasSource)
        sentence = data.value(node, NKG.sentence)
        if article is not None and sentence is not None:
            found.add((article_id(data, article), str(sentence)))
    return tuple(sorted(found))


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' if count != 1 else ''}"
