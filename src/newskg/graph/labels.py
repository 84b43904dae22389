"""Names for nodes, for people reading reports: ``Mohsen Salehinia, head of ISIPO`` rather than an IRI.

Works on a plain graph or a whole dataset (``newskg.graph.access``).
"""

from __future__ import annotations

from rdflib import Graph, Literal
from rdflib.namespace import RDF, SKOS
from rdflib.term import Node

from ..vocab.namespace import NKG, OA, ORG, SCHEMA
from ..vocab.prefixes import local_name
from .access import objects, value


def label(graph: Graph, node: Node | None) -> str:
    """A short readable name for ``node``: its label, or a description built from its properties."""
    if node is None:
        return "(nothing)"
    if isinstance(node, Literal):
        return str(node)
    preferred = value(graph, node, SKOS.prefLabel)
    if preferred is not None:
        return str(preferred)
    types = set(objects(graph, node, RDF.type))
    if NKG.Article in types:
        return article_id(graph, node)
    if NKG.Membership in types:
        member = label(graph, value(graph, node, ORG.member))
        org = label(graph, value(graph, node, ORG.organization))
        return f"{member}, {value(graph, node, NKG.roleName) or 'member'} of {org}"
    where = value(graph, node, NKG.reportedIn)
    suffix = f" ({article_id(graph, where)})" if where is not None else ""
    if NKG.Statement in types:
        return f"statement by {label(graph, value(graph, node, NKG.speaker))}{suffix}"
    if NKG.Observation in types:
        written = value(graph, node, NKG.valueText) or value(graph, node, NKG.value) or "?"
        return f"{written} {value(graph, node, NKG.unit) or ''}".rstrip() + suffix
    if NKG.Assertion in types:
        subject = label(graph, value(graph, node, RDF.subject))
        predicate = value(graph, node, RDF.predicate)
        said = local_name(str(predicate)) if predicate is not None else ""
        return f"{subject} {said} {label(graph, value(graph, node, RDF.object))}{suffix}"
    if NKG.Evidence in types:
        return f"evidence in {article_id(graph, value(graph, node, OA.hasSource))}"
    return local_name(str(node))


def article_id(graph: Graph, article: Node | None) -> str:
    """The article's schema:identifier, or the last segment of its IRI."""
    if article is None:
        return "?"
    identifier = value(graph, article, SCHEMA.identifier)
    return str(identifier) if identifier is not None else local_name(str(article))
