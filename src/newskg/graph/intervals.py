"""Posts in time: when each membership was held, from the dates of the articles reporting it.

A membership (person, organisation, role) is shared by every article that reports it, so its interval
is a corpus-level fact, derived from the article graphs and kept in a graph of its own
(``id/graph/intervals``) that is recomputed whenever an article changes:

- ``time:hasBeginning`` is the date of the earliest article reporting the post as held (the post may
  have begun earlier: the graph only knows when it was first reported);
- ``nkg:latestReport`` is the date of the latest such article;
- ``time:hasEnd`` is the date of the first article after the latest report that calls the holder
  former (``former head``) or names another person as sole holder of the post (``head``, not
  ``acting head``), and ``nkg:endReportedIn`` is that article. The post ended by then.

Undated articles add nothing here: they cannot place a post in time. Former posts get no interval of
their own; they end the post they refer to.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from ..vocab.namespace import NKG, ORG, SCHEMA, TIME
from ..vocab.prefixes import INSTANCE_BASE
from .access import objects, subjects, value
from .posts import is_sole_holder, post_of, role_status

INTERVALS_GRAPH = URIRef(INSTANCE_BASE + "graph/intervals")
"""Named graph of membership intervals, derived from all article graphs."""


@dataclass(frozen=True, slots=True)
class Report:
    """One article reporting one membership."""

    date: dt.date | None
    article: URIRef
    membership: URIRef
    person: URIRef
    org: URIRef
    role: str


@dataclass(frozen=True, slots=True)
class PostInterval:
    """When a membership was held, as far as the articles tell."""

    membership: URIRef
    begin: dt.date
    latest: dt.date
    end: dt.date | None = None
    ended_by: URIRef | None = None
    """The article that shows the post had ended."""


def membership_reports(source: Graph) -> list[Report]:
    """Every (article, membership) pair of ``source`` (a graph or a dataset), sorted."""
    reports: set[Report] = set()
    dates: dict[Node, dt.date | None] = {}
    for membership in set(subjects(source, RDF.type, NKG.Membership)):
        person = value(source, membership, ORG.member)
        org = value(source, membership, ORG.organization)
        role = value(source, membership, NKG.roleName)
        if not (isinstance(membership, URIRef) and isinstance(person, URIRef) and isinstance(org, URIRef)):
            continue
        if role is None:
            continue
        for article in set(objects(source, membership, NKG.reportedIn)):
            if not isinstance(article, URIRef):
                continue
            if article not in dates:
                dates[article] = _date(value(source, article, SCHEMA.datePublished))
            reports.add(Report(dates[article], article, membership, person, org, str(role)))
    return sorted(reports, key=_report_key)


def post_intervals(reports: Iterable[Report]) -> list[PostInterval]:
    """The interval of every membership held (not former) with at least one dated report."""
    dated = [r for r in reports if r.date is not None]
    by_org: dict[URIRef, list[Report]] = defaultdict(list)
    for report in dated:
        by_org[report.org].append(report)
    held: dict[URIRef, list[Report]] = defaultdict(list)
    for report in dated:
        if role_status(report.role) != "former":
            held[report.membership].append(report)
    intervals = []
    for membership, own in sorted(held.items()):
        first = own[0]
        begin = min(r.date for r in own if r.date is not None)
        latest = max(r.date for r in own if r.date is not None)
        post = post_of(first.role)
        enders = [
            r
            for r in by_org[first.org]
            if r.date is not None and r.date > latest and _ends(r, first.person, post)
        ]
        ender = min(enders, key=_report_key) if enders else None
        intervals.append(
            PostInterval(
                membership,
                begin,
                latest,
                ender.date if ender else None,
                ender.article if ender else None,
            )
        )
    return intervals


def _ends(report: Report, person: URIRef, post: str) -> bool:
    """Whether ``report`` shows that ``person`` no longer held ``post`` at its date."""
    if report.person == person:
        return role_status(report.role) == "former" and post_of(report.role) == post
    return report.role == post and is_sole_holder(post)


def add_intervals(graph: Graph, intervals: Iterable[PostInterval]) -> None:
    """Write the intervals with OWL-Time: minted IRIs, one shared instant per date."""
    for interval in intervals:
        node = interval_iri(interval.membership)
        graph.add((interval.membership, ORG.memberDuring, node))
        graph.add((node, RDF.type, TIME.Interval))
        graph.add((node, TIME.hasBeginning, _instant(graph, interval.begin)))
        graph.add((node, NKG.latestReport, _instant(graph, interval.latest)))
        if interval.end is not None and interval.ended_by is not None:
            graph.add((node, TIME.hasEnd, _instant(graph, interval.end)))
            graph.add((node, NKG.endReportedIn, interval.ended_by))


def interval_iri(membership: URIRef) -> URIRef:
    """``id/interval/...`` beside ``id/membership/...``; a hash for memberships newskg did not mint."""
    prefix = INSTANCE_BASE + "membership/"
    if membership.startswith(prefix):
        return URIRef(INSTANCE_BASE + "interval/" + membership.removeprefix(prefix))
    return URIRef(INSTANCE_BASE + "interval/" + hashlib.sha1(membership.encode()).hexdigest()[:16])


def instant_iri(date: dt.date) -> URIRef:
    return URIRef(f"{INSTANCE_BASE}instant/{date.isoformat()}")


def _instant(graph: Graph, date: dt.date) -> URIRef:
    node = instant_iri(date)
    graph.add((node, RDF.type, TIME.Instant))
    graph.add((node, TIME.inXSDDate, Literal(date.isoformat(), datatype=XSD.date)))
    return node


def _date(literal: Node | None) -> dt.date | None:
    if not isinstance(literal, Literal):
        return None
    found = literal.toPython()
    if isinstance(found, dt.datetime):
        return found.date()
    if isinstance(found, dt.date):
        return found
    try:
        return dt.date.fromisoformat(str(literal)[:10])
    except ValueError:
        return None


def _report_key(report: Report) -> tuple[str, str, str, str]:
    return (
        report.date.isoformat() if report.date else "9999",
        str(report.article),
        str(report.membership),
        report.role,
    )
