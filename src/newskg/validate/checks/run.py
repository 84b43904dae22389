"""Run the cross-article checks and add their findings to a SHACL report graph."""

from __future__ import annotations

from collections.abc import Sequence

from rdflib import Graph, Literal
from rdflib.namespace import RDF, SH
from rdflib.term import BNode

from ...vocab.namespace import NKG
from ._memberships import shared_posts
from .base import Check, Finding
from .registry import CHECKS


def find_inconsistencies(graph: Graph, checks: Sequence[Check] = CHECKS) -> list[Finding]:
    """Every contradiction between articles in ``graph``, sorted; reads ``graph`` only (the
    memberships once for all the checks)."""
    with shared_posts(graph):
        findings = [finding for check in checks for finding in check.find(graph)]
    return sorted(findings, key=lambda f: (str(f.shape), str(f.focus), str(f.value), f.detail))


def add_findings(report: Graph, findings: Sequence[Finding]) -> bool:
    """Add ``findings`` to a SHACL report graph as sh:ValidationResults; True if any is a violation.

    Each result gets its check's shape, component and severity, and a message that starts with the
    check's own message.
    """
    reports = list(report.subjects(RDF.type, SH.ValidationReport))
    violated = False
    for finding in findings:
        check = finding.check
        violated |= check.severity == SH.Violation
        result = BNode()
        for node in reports:
            report.add((node, SH.result, result))
        report.add((result, RDF.type, SH.ValidationResult))
        report.add((result, SH.focusNode, finding.focus))
        if finding.value is not None:
            report.add((result, SH.value, finding.value))
        report.add((result, SH.sourceShape, check.shape))
        report.add((result, SH.sourceConstraintComponent, check.component))
        report.add((result, SH.resultSeverity, check.severity))
        text = f"{check.message} {finding.detail}"
        report.add((result, SH.resultMessage, Literal(text, lang="en")))
        for evidence in finding.evidence:
            report.add((result, NKG.evidence, evidence))
    return violated
