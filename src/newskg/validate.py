"""SHACL validation, wrapped once: a frozen report, the user's graph never touched.

pyshacl is given a copy-free, inference-free run on the data graph (``inplace=False``), so the
caller's graph is not mutated; the report's text is sorted so it is the same on every run.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyshacl
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, SKOS

from .graph.namespace import NKG, OA
from .resources import load_shapes


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
    """(article id, sentence) pairs that support the focus node."""

    def __str__(self) -> str:
        where = f" ({self.path})" if self.path else ""
        lines = [f"{self.severity}: {self.focus_label}{where}: {self.message}"]
        lines += [f"    [{article}] {sentence}" for article, sentence in self.evidence]
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """The outcome of validating a graph against the newskg shapes."""

    conforms: bool
    violations: tuple[Violation, ...]
    graph: Graph
    """The SHACL report graph, as pyshacl produced it."""

    def __str__(self) -> str:
        if self.conforms:
            return "SHACL: conforms"
        head = f"SHACL: {len(self.violations)} violation{'s' if len(self.violations) != 1 else ''}"
        return "\n".join([head, *map(str, self.violations)])


def validate(graph: Graph, *, shapes: Graph | None = None) -> ValidationReport:
    """Check ``graph`` against the newskg shapes (or ``shapes``); never modifies ``graph``."""
    conforms, report_graph, _ = pyshacl.validate(
        graph, shacl_graph=shapes if shapes is not None else load_shapes(), inference="none",
        inplace=False, advanced=True, allow_warnings=True,
    )
    violations = sorted(
        (_violation(graph, report_graph, result) for result in report_graph.subjects(RDF.type, SH.ValidationResult)),
        key=lambda v: (v.focus_label, v.message, v.path or "", v.focus),
    )
    return ValidationReport(bool(conforms), tuple(violations), report_graph)


def _violation(data: Graph, report: Graph, result: URIRef) -> Violation:
    focus = report.value(result, SH.focusNode)
    path = report.value(result, SH.resultPath)
    message = report.value(result, SH.resultMessage)
    severity = report.value(result, SH.resultSeverity)
    shape = report.value(result, SH.sourceShape)
    label = data.value(focus, SKOS.prefLabel) if focus is not None else None
    return Violation(
        focus=str(focus),
        focus_label=str(label) if label is not None else _short(focus),
        message=str(message) if isinstance(message, Literal) else "constraint not met",
        path=_short(path) if path is not None else None,
        severity=_short(severity) if severity is not None else "Violation",
        shape=_short(shape) if shape is not None else "",
        evidence=_evidence(data, focus),
    )


def _evidence(data: Graph, focus: object) -> tuple[tuple[str, str], ...]:
    if not isinstance(focus, URIRef):
        return ()
    found = set()
    for node in data.objects(focus, NKG.evidence):
        article = data.value(node, OA.hasSource)
        sentence = data.value(node, NKG.sentence)
        if article is not None and sentence is not None:
            found.add((str(article).rsplit("/", 1)[-1], str(sentence)))
    return tuple(sorted(found))


def _short(node: object) -> str:
    text = str(node)
    for sep in ("#", "/"):
        if sep in text:
            text = text.rsplit(sep, 1)[-1]
    return text
