"""A post held (status current) by a person whom an earlier article called its former holder."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from rdflib import Graph
from rdflib.term import Node

from ...graph.labels import article_id
from ...graph.posts import post_of
from ...vocab.namespace import NKG, NKGSH
from ._memberships import Clashes, Post, Report, by_date, findings, keep, posts
from .base import Check, Finding


class NoHeadAfterFormer(Check):
    """Focus: a membership held (status "current"). Violated when an earlier article called the same
    person former holder of the same post at the same organisation (sh:value: the former membership)."""

    id = "no-head-after-former"
    shape = NKGSH.NoHeadAfterFormerShape
    component = NKGSH.NoHeadAfterFormerConstraintComponent
    message = "A person is reported as holding a post after an earlier article called them its former holder."

    def find(self, graph: Graph) -> Iterator[Finding]:
        current: dict[tuple[Node, Node, str], list[tuple[Post, list[Report]]]] = defaultdict(list)
        former: list[tuple[Post, list[Report]]] = []
        for post, reports in posts(graph):
            if post.status == "current":
                current[(post.person, post.org, post.role)].append((post, reports))
            elif post.status == "former":
                former.append((post, reports))
        pairs: Clashes = {}
        for other, other_reports in former:
            if not other_reports:
                continue
            held = current.get((other.person, other.org, post_of(other.role)), [])
            earliest = min(other_reports, key=by_date)
            for focus, reports in held:
                later = [r for r in reports if str(r.date) > str(earliest.date)]
                if not later:
                    continue
                first_later = min(later, key=by_date)
                latest = max(str(r.date) for r in later)
                earlier = [r for r in other_reports if str(r.date) < latest]
                detail = (
                    f"Called {graph.value(other.node, NKG.roleName)} on {earliest.date} "
                    f"({article_id(graph, earliest.article)}), then {graph.value(focus.node, NKG.roleName)} "
                    f"on {first_later.date} ({article_id(graph, first_later.article)})."
                )
                evidence = {e for r in (*later, *earlier) for e in r.evidence}
                keep(pairs, (focus.node, other.node), detail, evidence)
        return findings(pairs, self)
