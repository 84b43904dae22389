"""Reading RDF terms for the network projection: the first of several values, sorted texts, the
provenance (articles, dates, evidence, rules) behind some facts, a node's label."""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Graph
from rdflib.namespace import SKOS
from rdflib.term import Node

from ..vocab.namespace import NKG, OA, SCHEMA
from ..vocab.prefixes import local_name


def provenance(graph: Graph, facts: Iterable[Node]) -> dict[str, list[str]]:
    """Articles, their dates, evidence sentences and rules behind some facts, each sorted."""
    facts = list(facts)
    articles = sorted({a for f in facts for a in graph.objects(f, NKG.reportedIn)}, key=str)
    return {
        "articles": [str(a) for a in articles],
        "article_ids": texts(i for a in articles for i in graph.objects(a, SCHEMA.identifier)),
        "dates": texts(d for f in facts for d in graph.objects(f, NKG.reportedOn)),
        "evidence": texts(s for f in facts for s in graph.objects(f, NKG.evidence / NKG.sentence)),
        "quotes": texts(q for f in facts for q in graph.objects(f, NKG.evidence / OA.hasSelector / OA.exact)),
        "rules": texts(r for f in facts for r in graph.objects(f, NKG.extractedBy)),
    }


def node_label(graph: Graph, node: Node) -> str:
    label = first(graph.objects(node, SKOS.prefLabel))
    return str(label) if label is not None else local_name(str(node))


def first(nodes: Iterable[Node]) -> Node | None:
    """The smallest of some nodes (deterministic when there are several), or None."""
    found = sorted(set(nodes), key=lambda n: (type(n).__name__, str(n)))
    return found[0] if found else None


def first_text(nodes: Iterable[Node]) -> str:
    found = first(nodes)
    return str(found) if found is not None else ""


def texts(nodes: Iterable[Node]) -> list[str]:
    return sorted({str(n) for n in nodes})
