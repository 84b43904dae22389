"""Contradictions between articles, found in one pass over the memberships of the graph.

pySHACL evaluates a ``sh:sparql`` constraint once per focus node (about 9 ms each), far too slow on a
large graph; and as SPARQL joins in rdflib, these checks joined every report of a post with every
other, which grew with the square of the articles (45 s for 1,000 articles that name the same heads).
Here each membership's reports (article, date, evidence) are read once and the clashes are found by
grouping them: linear in the number of reports. The checks are declared in the shapes file as
shapes without targets (``nkgsh:OneHeadPerDateShape``, ``nkgsh:NoHeadAfterFormerShape``), which give
each finding its shape, severity and message, so ``newskg.validate`` reports them in the same SHACL
report as the core shapes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import BNode, Node

from ..graph.labels import article_id, label
from ..graph.posts import post_of
from ..vocab.namespace import NKG, OA, ORG, SCHEMA

NKGSH = Namespace("https://w3id.org/newskg/shapes#")
"""The namespace of the shipped shapes."""

@dataclass(frozen=True, slots=True)
class Finding:
    """One contradiction: the node it is about, the node it clashes with, and what supports both."""

    shape: URIRef
    focus: Node
    value: Node | None
    detail: str
    """What exactly clashes, in words; appended to the shape's message."""
    evidence: tuple[Node, ...] = ()
    """The nkg:Evidence nodes of the reports that clash."""


_Clashes = dict[tuple[Node, Node], tuple[str, set[Node]]]
"""(focus, other) -> the words for the clash and the evidence of both sides."""


@dataclass(frozen=True, slots=True)
class _Post:
    """A membership as the checks read it."""

    node: Node
    person: Node
    org: Node
    role: str
    status: str


@dataclass(frozen=True, slots=True)
class _Report:
    """One dated article reporting a membership, and the evidence it gives for it."""

    date: Node
    article: Node
    evidence: tuple[Node, ...]


def find_inconsistencies(graph: Graph) -> list[Finding]:
    """Every contradiction between articles in ``graph``, sorted; reads ``graph`` only."""
    findings = [*_one_head_per_date(graph), *_head_after_former(graph)]
    return sorted(findings, key=lambda f: (str(f.shape), str(f.focus), str(f.value), f.detail))


def add_findings(report: Graph, findings: list[Finding], shapes: Graph) -> bool:
    """Add ``findings`` to a SHACL report graph as sh:ValidationResults; True if any is a violation.

    Each result gets the shape's severity and a message that starts with the shape's own message.
    """
    reports = list(report.subjects(RDF.type, SH.ValidationReport))
    violated = False
    for finding in findings:
        severity = shapes.value(finding.shape, SH.severity) or SH.Violation
        violated |= severity == SH.Violation
        message = shapes.value(finding.shape, SH.message)
        result = BNode()
        for node in reports:
            report.add((node, SH.result, result))
        report.add((result, RDF.type, SH.ValidationResult))
        report.add((result, SH.focusNode, finding.focus))
        if finding.value is not None:
            report.add((result, SH.value, finding.value))
        report.add((result, SH.sourceShape, finding.shape))
        report.add((result, SH.sourceConstraintComponent, SH.SPARQLConstraintComponent))
        report.add((result, SH.resultSeverity, severity))
        text = f"{message} {finding.detail}" if message is not None else finding.detail
        report.add((result, SH.resultMessage, Literal(text, lang="en")))
        for evidence in finding.evidence:
            report.add((result, NKG.evidence, evidence))
    return violated


def _posts(graph: Graph) -> Iterator[tuple[_Post, list[_Report]]]:
    """Every membership with its dated reports (as a SPARQL join would give them: one per value)."""
    for node in sorted(set(graph.subjects(NKG.roleName, None)), key=str):
        evidence: dict[Node, list[Node]] = defaultdict(list)
        for found in graph.objects(node, NKG.evidence):
            for source in graph.objects(found, OA.hasSource):
                evidence[source].append(found)
        reports = [
            _Report(date, article, tuple(evidence.get(article, ())))
            for article in set(graph.objects(node, NKG.reportedIn))
            for date in set(graph.objects(article, SCHEMA.datePublished))
        ]
        statuses = {str(status) for status in graph.objects(node, NKG.status)} or {""}
        for person in set(graph.objects(node, ORG.member)):
            for org in set(graph.objects(node, ORG.organization)):
                for role in set(graph.objects(node, NKG.roleName)):
                    for status in statuses:
                        yield _Post(node, person, org, str(role), status), reports


def _one_head_per_date(graph: Graph) -> list[Finding]:
    """Two people reported as head of one organisation by articles of the same date."""
    by_day: dict[tuple[Node, Node], dict[_Post, list[_Report]]] = defaultdict(lambda: defaultdict(list))
    for post, reports in _posts(graph):
        if post.role == "head":
            for report in reports:
                by_day[(post.org, report.date)][post].append(report)
    pairs: _Clashes = {}
    for (_, date), posts in by_day.items():
        for one, one_reports in posts.items():
            for two, two_reports in posts.items():
                if one.person == two.person or str(one.node) >= str(two.node):
                    continue
                first, second = min(one_reports, key=_by_date), min(two_reports, key=_by_date)
                detail = (
                    f"On {date}: {label(graph, one.person)} ({article_id(graph, first.article)}) "
                    f"and {label(graph, two.person)} ({article_id(graph, second.article)})."
                )
                evidence = {e for r in (*one_reports, *two_reports) for e in r.evidence}
                _keep(pairs, (one.node, two.node), detail, evidence)
    return _findings(pairs, NKGSH.OneHeadPerDateShape)


def _head_after_former(graph: Graph) -> list[Finding]:
    """A post held (status current) by a person whom an earlier article called its former holder."""
    current: dict[tuple[Node, Node, str], list[tuple[_Post, list[_Report]]]] = defaultdict(list)
    former: list[tuple[_Post, list[_Report]]] = []
    for post, reports in _posts(graph):
        if post.status == "current":
            current[(post.person, post.org, post.role)].append((post, reports))
        elif post.status == "former":
            former.append((post, reports))
    pairs: _Clashes = {}
    for other, other_reports in former:
        if not other_reports:
            continue
        held = current.get((other.person, other.org, post_of(other.role)), [])
        earliest = min(other_reports, key=_by_date)
        for focus, reports in held:
            later = [r for r in reports if str(r.date) > str(earliest.date)]
            if not later:
                continue
            first_later = min(later, key=_by_date)
            latest = max(str(r.date) for r in later)
            earlier = [r for r in other_reports if str(r.date) < latest]
            detail = (
                f"Called {graph.value(other.node, NKG.roleName)} on {earliest.date} "
                f"({article_id(graph, earliest.article)}), then {graph.value(focus.node, NKG.roleName)} "
                f"on {first_later.date} ({article_id(graph, first_later.article)})."
            )
            evidence = {e for r in (*later, *earlier) for e in r.evidence}
            _keep(pairs, (focus.node, other.node), detail, evidence)
    return _findings(pairs, NKGSH.NoHeadAfterFormerShape)


def _by_date(report: _Report) -> tuple[str, str]:
    """Earliest first; articles of one date by IRI."""
    return str(report.date), str(report.article)


def _keep(pairs: _Clashes, pair: tuple[Node, Node], detail: str, evidence: set[Node]) -> None:
    """Remember a clash; a pair found twice (several roles or dates) keeps its first detail in order."""
    found = pairs.get(pair)
    if found is None:
        pairs[pair] = (detail, evidence)
    else:
        pairs[pair] = (min(found[0], detail), found[1] | evidence)


def _findings(pairs: _Clashes, shape: URIRef) -> list[Finding]:
    ordered = sorted(pairs.items(), key=lambda item: (str(item[0][0]), str(item[0][1])))
    return [
        Finding(shape, focus, other, detail, tuple(sorted(evidence, key=str)))
        for (focus, other), (detail, evidence) in ordered
    ]
