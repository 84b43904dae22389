"""Contradictions between articles, found with one SPARQL query per check over the whole graph.

pySHACL evaluates a ``sh:sparql`` constraint once per focus node (about 9 ms each), far too slow on a
large graph; each check here is one query instead, whose joins start from the few nodes that can
contradict each other (head posts, former posts). The checks are declared in the shapes file as
shapes without targets (``nkgsh:OneHeadPerDateShape``, ``nkgsh:NoHeadAfterFormerShape``), which give
each finding its shape, severity and message, so ``newskg.validate`` reports them in the same SHACL
report as the core shapes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, SH, XSD
from rdflib.term import BNode, Node

from .graph.labels import article_id, label
from .graph.namespace import NKG, OA, ORG, SCHEMA

NKGSH = Namespace("https://w3id.org/newskg/shapes#")
"""The namespace of the shipped shapes."""

PREFIXES = {"nkg": NKG._NS, "org": ORG, "schema": SCHEMA, "oa": OA, "xsd": XSD}


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


ONE_HEAD_PER_DATE = """
SELECT DISTINCT ?org ?date ?membership ?person ?article ?evidence WHERE {
    {
        SELECT ?org ?date WHERE {
            ?m nkg:roleName ?role ;
               org:organization ?org ;
               org:member ?person ;
               nkg:reportedIn ?a .
            ?a schema:datePublished ?date .
            FILTER (STR(?role) = "head")
        }
        GROUP BY ?org ?date
        HAVING (COUNT(DISTINCT ?person) > 1)
    }
    ?membership org:organization ?org ;
                nkg:roleName ?headRole ;
                org:member ?person ;
                nkg:reportedIn ?article .
    ?article schema:datePublished ?date .
    FILTER (STR(?headRole) = "head")
    OPTIONAL { ?membership nkg:evidence ?evidence . ?evidence oa:hasSource ?article }
}
"""
"""The head memberships of each organisation and date with more than one person reported as head.

The subquery finds the few clashing (organisation, date) pairs with one pass over the head posts; a
self-join of posts on organisation and date would let rdflib join every article of a date with every
other first, which grows with the square of the articles per date."""

HEAD_AFTER_FORMER = """
SELECT DISTINCT ?focus ?other ?date ?article ?otherDate ?otherArticle ?evidence ?otherEvidence WHERE {
    VALUES ?former { "former" "former"^^xsd:string }
    VALUES ?current { "current" "current"^^xsd:string }
    ?other nkg:status ?former ;
           org:member ?person ;
           org:organization ?org ;
           nkg:roleName ?formerRole ;
           nkg:reportedIn ?otherArticle .
    ?otherArticle schema:datePublished ?otherDate .
    ?focus org:member ?person ;
           org:organization ?org ;
           nkg:status ?current ;
           nkg:roleName ?role ;
           nkg:reportedIn ?article .
    ?article schema:datePublished ?date .
    FILTER (?date > ?otherDate && REPLACE(STR(?formerRole), "^former (acting )?", "") = STR(?role))
    OPTIONAL { ?focus nkg:evidence ?evidence . ?evidence oa:hasSource ?article }
    OPTIONAL { ?other nkg:evidence ?otherEvidence . ?otherEvidence oa:hasSource ?otherArticle }
}
"""
"""A post held (status current) by a person whom an earlier article called its former holder."""


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


def _one_head_per_date(graph: Graph) -> list[Finding]:
    def detail(rows: list[Mapping[str, Node]]) -> str:
        first = min(rows, key=lambda row: (str(row["date"]), str(row["article"]), str(row["otherArticle"])))
        return (
            f"On {first['date']}: {label(graph, first['person'])} ({article_id(graph, first['article'])}) "
            f"and {label(graph, first['otherPerson'])} ({article_id(graph, first['otherArticle'])})."
        )

    reports: dict[tuple[Node, Node], list[Mapping[str, Node]]] = defaultdict(list)
    for row in _rows(graph, ONE_HEAD_PER_DATE):
        reports[(row["org"], row["date"])].append(row)
    pairs = [
        {
            "focus": one["membership"],
            "other": two["membership"],
            "date": one["date"],
            "person": one["person"],
            "otherPerson": two["person"],
            "article": one["article"],
            "otherArticle": two["article"],
            **({"evidence": one["evidence"]} if "evidence" in one else {}),
            **({"otherEvidence": two["evidence"]} if "evidence" in two else {}),
        }
        for rows in reports.values()
        for one in rows
        for two in rows
        if one["person"] != two["person"] and str(one["membership"]) < str(two["membership"])
    ]
    return _findings(pairs, NKGSH.OneHeadPerDateShape, detail)


def _head_after_former(graph: Graph) -> list[Finding]:
    def detail(rows: list[Mapping[str, Node]]) -> str:
        former = min(rows, key=lambda row: (str(row["otherDate"]), str(row["otherArticle"])))
        later = min(
            (row for row in rows if str(row["date"]) > str(former["otherDate"])),
            key=lambda row: (str(row["date"]), str(row["article"])),
        )
        role = graph.value(former["other"], NKG.roleName)
        return (
            f"Called {role} on {former['otherDate']} ({article_id(graph, former['otherArticle'])}), "
            f"then {graph.value(later['focus'], NKG.roleName)} on {later['date']} "
            f"({article_id(graph, later['article'])})."
        )

    return _findings(_rows(graph, HEAD_AFTER_FORMER), NKGSH.NoHeadAfterFormerShape, detail)


def _rows(graph: Graph, query: str) -> list[Mapping[str, Node]]:
    return [row.asdict() for row in graph.query(query, initNs=PREFIXES)]  # type: ignore[union-attr]


def _findings(
    rows: Iterable[Mapping[str, Node]], shape: URIRef, detail: Callable[[list[Mapping[str, Node]]], str]
) -> list[Finding]:
    """One finding per (focus, other) pair of ``rows``, with the evidence of all its rows."""
    pairs: dict[tuple[Node, Node], list[Mapping[str, Node]]] = defaultdict(list)
    for row in rows:
        pairs[(row["focus"], row["other"])].append(row)
    findings = []
    for (focus, other), found in sorted(pairs.items(), key=lambda item: (str(item[0][0]), str(item[0][1]))):
        evidence = {row[key] for row in found for key in ("evidence", "otherEvidence") if key in row}
        findings.append(Finding(shape, focus, other, detail(found), tuple(sorted(evidence, key=str))))
    return findings
