"""Two people reported as head of one organisation by articles of the same date."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from rdflib import Graph
from rdflib.term import Node

from ...graph.labels import article_id, label
from ...vocab.namespace import NKGSH
from ._memberships import Clashes, Post, Report, by_date, findings, keep, posts
from .base import Check, Finding


class OneHeadPerDate(Check):
    """Focus: a membership with nkg:roleName "head". Violated when an article of the same date reports
    another person as "head" of the same organisation (sh:value: that membership). Acting heads are not
    counted."""

    id = "one-head-per-date"
    shape = NKGSH.OneHeadPerDateShape
    component = NKGSH.OneHeadPerDateConstraintComponent
    message = "Two different people are reported as head of the same organisation on the same date."

    def find(self, graph: Graph) -> Iterator[Finding]:
        by_day: dict[tuple[Node, Node], dict[Post, list[Report]]] = defaultdict(lambda: defaultdict(list))
        for post, reports in posts(graph):
            if post.role == "head":
                for report in reports:
                    by_day[(post.org, report.date)][post].append(report)
        pairs: Clashes = {}
        for (_, date), day_posts in by_day.items():
            for one, one_reports in day_posts.items():
                for two, two_reports in day_posts.items():
                    if one.person == two.person or str(one.node) >= str(two.node):
                        continue
                    first, second = min(one_reports, key=by_date), min(two_reports, key=by_date)
                    detail = (
                        f"On {date}: {label(graph, one.person)} ({article_id(graph, first.article)}) "
                        f"and {label(graph, two.person)} ({article_id(graph, second.article)})."
                    )
                    evidence = {e for r in (*one_reports, *two_reports) for e in r.evidence}
                    keep(pairs, (one.node, two.node), detail, evidence)
        return findings(pairs, self)
