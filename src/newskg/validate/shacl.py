"""SHACL validation, wrapped once: a frozen report, the user's graph never touched.

One report from three parts (``scopes`` says which shape is checked where):

- the article-scope shapes on each article graph (``articles``): in a build, in its graph workers as
  each graph is made, the results kept with the article for the next build;
- the corpus-scope shapes, once, on each of their focus nodes with its triples from every graph
  (``corpus``), read from an Oxigraph store a batch at a time;
- the cross-article checks (``newskg.validate.checks``, one class each), in one pass over the
  memberships; their findings are added to the report graph as sh:ValidationResults.

Each part screens its focus nodes first and runs pySHACL (SHACL Core, no inference, no advanced
features) only on what might not conform, so the results are pySHACL's own: the same report as
pySHACL over the whole graph plus the checks, which ``whole_graph_report`` still runs when the graph
cannot be taken apart (blank nodes, shapes the screen does not know). Warnings never make a graph
fail. The text of the report is sorted, so it is the same on every run.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from ..graph.access import union_view
from ..graph.build import union_graph
from ..graph.labels import article_id, label
from ..iris import ARTICLE_BASE
from ..vocab.namespace import NKG, OA, bind_prefixes
from ..vocab.prefixes import PREFIXES, local_name
from ._pyshacl import reading_view, run_pyshacl
from ._terms import Triple, from_rdflib, is_blank, ox_triples, to_rdflib
from .articles import ArticleChecker
from .checks import add_findings, find_inconsistencies
from .corpus import NeedsWholeGraph, UnionChecker
from .readers import OxigraphReader, RdflibReader, Reader
from .results import ShapeResult, report_graph
from .scopes import ScopedShapes, scoped_shapes

__all__ = [
    "ValidationReport",
    "Violation",
    "reading_view",
    "validate",
    "validate_store",
    "whole_graph_report",
]

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

    A ``Dataset`` is validated as the union of its named graphs; its article graphs (named by article
    IRIs, as newskg builds them) are checked one at a time.
    """
    view = union_graph(graph) if isinstance(graph, Dataset) else graph
    if not _separable(graph):
        return whole_graph_report(view, shapes=shapes, consistency=consistency)
    scoped = scoped_shapes(shapes)
    try:
        results = article_results(_rdflib_article_graphs(graph), ArticleChecker(scoped))
        return report_of(results, RdflibReader(graph), scoped=scoped, consistency=consistency, data=view)
    except NeedsWholeGraph:
        return whole_graph_report(view, shapes=shapes, consistency=consistency)


def validate_store(
    store: ox.Store, *, shapes: Graph | None = None, consistency: bool = True, union_default: bool = True
) -> ValidationReport:
    """Validate the graphs of a pyoxigraph store: each article graph on its own, the rest on the union.

    ``union_default``: the store's default graph is the union of its named graphs (a newskg store), so
    it is not read again. Raises ``NeedsWholeGraph`` when the store cannot be validated this way.
    """
    scoped = scoped_shapes(shapes)
    graphs = (
        ox_triples(store.quads_for_pattern(None, None, None, name)) for name in article_graph_names(store)
    )
    reader = OxigraphReader(store, union_default=union_default)
    results = article_results(graphs, ArticleChecker(scoped))
    return report_of(results, reader, scoped=scoped, consistency=consistency)


def article_results(graphs: Iterable[Sequence[Triple]], checker: ArticleChecker) -> list[ShapeResult]:
    """The article-scope results of some article graphs (raises ``NeedsWholeGraph`` on a blank node)."""
    found: list[ShapeResult] = []
    for triples in graphs:
        if any(is_blank(s) or is_blank(o) for s, _, o in triples):
            raise NeedsWholeGraph("an article graph holds blank nodes")
        found.extend(checker.results(triples))
    return found


def report_of(
    article_results: Iterable[ShapeResult],
    reader: Reader,
    *,
    scoped: ScopedShapes,
    consistency: bool = True,
    outside_articles: bool = True,
    data: Graph | None = None,
) -> ValidationReport:
    """The report, given the results of the article-scope shapes on every article graph.

    The corpus-scope shapes run on the union ``reader`` reads, and so do the article-scope ones on
    focus nodes outside every article graph (unless ``outside_articles`` is False: a build makes
    none); then the cross-article checks. ``data``: the graph to run the checks on and describe the
    results from, when it is at hand as one rdflib graph; else ``reader`` is read for them.
    """
    found = list(article_results)
    if scoped.corpus_shapes:
        found += UnionChecker(reader, scoped.corpus).results()
    if outside_articles and scoped.article_shapes:
        found += UnionChecker(reader, scoped.article).results(outside_articles=True)
    findings = (
        find_inconsistencies(data if data is not None else reader.checks_graph()) if consistency else []
    )
    conforms = all(_severity(result) == str(SH.Warning) for result in found)
    conforms = conforms and not any(f.check.severity == SH.Violation for f in findings)
    report = report_graph(found, scoped.shapes, conforms=conforms)
    add_findings(report, findings)
    described = data if data is not None else _description_graph(reader, report)
    return _report(described, report, scoped.shapes, conforms)


def whole_graph_report(
    graph: Graph, *, shapes: Graph | None = None, consistency: bool = True
) -> ValidationReport:
    """pySHACL over the whole graph, then the checks: what ``validate`` gives, the slow way (for
    graphs it cannot take apart, and to compare with)."""
    if isinstance(graph, Dataset):
        graph = union_graph(graph)
    shapes = shapes if shapes is not None else scoped_shapes().shapes
    pyshacl_report = run_pyshacl(graph, shapes)
    report = Graph()
    for triple in pyshacl_report:
        report.add(triple)
    conforms = all(
        report.value(node, SH.conforms) == Literal(True)
        for node in report.subjects(RDF.type, SH.ValidationReport)
    )
    if consistency:
        violated = add_findings(report, find_inconsistencies(graph))
        conforms = conforms and not violated
    for node in report.subjects(RDF.type, SH.ValidationReport):
        report.set((node, SH.conforms, Literal(conforms)))
    return _report(graph, report, shapes, conforms)


def _severity(result: ShapeResult) -> str:
    return next((str(o) for p, o in result if p == str(SH.resultSeverity)), str(SH.Violation))


def _report(data: Graph, report: Graph, shapes: Graph, conforms: bool) -> ValidationReport:
    violations = sorted(
        (_violation(data, report, shapes, r) for r in set(report.subjects(RDF.type, SH.ValidationResult))),
        key=lambda v: (SEVERITY_ORDER.get(v.severity, 9), v.focus_label, v.message, v.path or "", v.focus),
    )
    return ValidationReport(conforms, tuple(violations), report)


def article_graph_names(store: ox.Store) -> list[ox.NamedNode]:
    """The article graphs of a store (named by article IRIs), in IRI order."""
    names = (
        g for g in store.named_graphs() if isinstance(g, ox.NamedNode) and g.value.startswith(ARTICLE_BASE)
    )
    return sorted(names, key=lambda g: g.value)


def _rdflib_article_graphs(graph: Graph) -> Iterator[list[Triple]]:
    if not isinstance(graph, Dataset):
        return
    for part in sorted(graph.graphs(), key=lambda g: str(g.identifier)):
        if str(part.identifier).startswith(ARTICLE_BASE):
            yield [(str(s), str(p), from_rdflib(o)) for s, p, o in part]  # no blank nodes: _separable


def _separable(graph: Graph) -> bool:
    """Whether ``graph`` can be validated piece by piece: no blank node (which only the graph holding
    it names) and no literal subject (rdflib allows them, RDF 1.1 does not)."""
    return not any(
        isinstance(s, (BNode, Literal)) or isinstance(o, BNode)
        for s, _, o in union_view(graph).triples((None, None, None))
    )


def _description_graph(reader: Reader, report: Graph) -> Graph:
    """What ``label`` and the evidence of each result read, gathered from ``reader``."""
    graph = Graph()
    focus = {str(n) for n in report.objects(None, SH.focusNode) if isinstance(n, URIRef)}
    cited = {str(n) for n in report.objects(None, NKG.evidence) if isinstance(n, URIRef)}
    if focus or cited:
        for s, p, o in reader.description(focus, cited):
            graph.add((to_rdflib(s), to_rdflib(p), to_rdflib(o)))
    return graph


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
