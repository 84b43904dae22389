"""Memberships as the cross-article checks read them, each with its dated reports, read in one pass.

pySHACL evaluates a ``sh:sparql`` constraint once per focus node (about 9 ms each), far too slow on a
large graph; and as SPARQL joins in rdflib, these checks joined every report of a post with every
other, which grew with the square of the articles (45 s for 1,000 articles that name the same heads).
Here each membership's reports (article, date, evidence) are read once and the checks find clashes by
grouping them: linear in the number of reports. Within ``shared_posts`` the checks share one reading
(on a store, reading them is most of the checks' time).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from rdflib import Graph
from rdflib.term import Node

from ...vocab.namespace import NKG, OA, ORG, SCHEMA
from .base import Check, Finding

Clashes = dict[tuple[Node, Node], tuple[str, set[Node]]]
"""(focus, other) -> the words for the clash and the evidence of both sides."""


@dataclass(frozen=True, slots=True)
class Post:
    """A membership as the checks read it."""

    node: Node
    person: Node
    org: Node
    role: str
    status: str


@dataclass(frozen=True, slots=True)
class Report:
    """One dated article reporting a membership, and the evidence it gives for it."""

    date: Node
    article: Node
    evidence: tuple[Node, ...]


Posts = list[tuple[Post, list[Report]]]
_shared: ContextVar[tuple[Graph, Posts | None] | None] = ContextVar("newskg_shared_posts", default=None)
"""The graph whose posts are shared (``shared_posts``), and its posts once read."""


@contextmanager
def shared_posts(graph: Graph) -> Iterator[None]:
    """Within, ``posts(graph)`` reads ``graph`` the first time only; the checks only read what it gives."""
    token = _shared.set((graph, None))
    try:
        yield
    finally:
        _shared.reset(token)


def posts(graph: Graph) -> Posts:
    """Every membership with its dated reports (as a SPARQL join would give them: one per value)."""
    shared = _shared.get()
    if shared is None or shared[0] is not graph:
        return list(_read_posts(graph))
    if shared[1] is None:
        shared = (graph, list(_read_posts(graph)))
        _shared.set(shared)
    assert shared[1] is not None
    return shared[1]


def _read_posts(graph: Graph) -> Iterator[tuple[Post, list[Report]]]:
    for node in sorted(set(graph.subjects(NKG.roleName, None)), key=str):
        evidence: dict[Node, list[Node]] = defaultdict(list)
        for found in graph.objects(node, NKG.evidence):
            for source in graph.objects(found, OA.hasSource):
                evidence[source].append(found)
        reports = [
            Report(date, article, tuple(evidence.get(article, ())))
            for article in set(graph.objects(node, NKG.reportedIn))
            for date in set(graph.objects(article, SCHEMA.datePublished))
        ]
        statuses = {str(status) for status in graph.objects(node, NKG.status)} or {""}
        for person in set(graph.objects(node, ORG.member)):
            for org in set(graph.objects(node, ORG.organization)):
                for role in set(graph.objects(node, NKG.roleName)):
                    for status in statuses:
                        yield Post(node, person, org, str(role), status), reports


def by_date(report: Report) -> tuple[str, str]:
    """Earliest first; articles of one date by IRI."""
    return str(report.date), str(report.article)


def keep(pairs: Clashes, pair: tuple[Node, Node], detail: str, evidence: set[Node]) -> None:
    """Remember a clash; a pair found twice (several roles or dates) keeps its first detail in order."""
    found = pairs.get(pair)
    if found is None:
        pairs[pair] = (detail, evidence)
    else:
        pairs[pair] = (min(found[0], detail), found[1] | evidence)


def findings(pairs: Clashes, check: Check) -> Iterator[Finding]:
    """The clashes as findings of ``check``, by focus then clashing node."""
    ordered = sorted(pairs.items(), key=lambda item: (str(item[0][0]), str(item[0][1])))
    for (focus, other), (detail, evidence) in ordered:
        yield Finding(check, focus, other, detail, tuple(sorted(evidence, key=str)))
