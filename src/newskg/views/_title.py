"""A picture's title from what the graph is about, not from the file it was read from: the headline of a
one-article graph, otherwise the people and organisations most of its articles name."""

from __future__ import annotations

import networkx as nx
from rdflib import Graph
from rdflib.namespace import RDF

from ..graph.access import union_view
from ..vocab.namespace import NKG, SCHEMA

SUBJECT_TYPES = frozenset({"Person", "Organization"})
"""The kinds of entity a title names: news agencies and places are where news comes from and happens."""
MOST_NAMED = 2


def subject_title(network: nx.MultiDiGraph, graph: Graph | None = None) -> str:
    """``Mohsen Salehinia, Iran Small Industries ... Organization: 2 articles``, or the headline of the one
    article of ``graph``; ``newskg graph`` when the graph names nobody."""
    articles = sorted({a for _, data in network.nodes(data=True) for a in data.get("article_ids", [])})
    if graph is not None:
        headline = _only_headline(graph)
        if headline:
            return headline
    ranked = sorted(
        (
            (-len(data.get("article_ids", [])), -network.degree(node), str(data.get("label", node)))
            for node, data in network.nodes(data=True)
            if data.get("type") in SUBJECT_TYPES
        )
    )
    names = [name for _, _, name in ranked[:MOST_NAMED]]
    if not names:
        return "newskg graph"
    more = len(articles)
    return ", ".join(names) + (f": {more} article{'s' if more != 1 else ''}" if more else "")


def _only_headline(graph: Graph) -> str | None:
    """The headline of the graph's article when it holds exactly one."""
    union = union_view(graph)
    articles = set(union.subjects(RDF.type, NKG.Article))
    if len(articles) != 1:
        return None
    (article,) = articles
    headlines = sorted(str(h) for h in union.objects(article, SCHEMA.headline))
    return headlines[0] if headlines else None
