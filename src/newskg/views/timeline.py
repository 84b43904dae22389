"""Who held which post in an organisation, and when, read from a graph.

Each membership of the organisation (a post: person, role, organisation) becomes one entry: its
holder, role and status, the articles that report it, and its OWL-Time interval (earliest and latest
dated report, and the end when a later article shows it ended; see ``newskg.graph.intervals``). A graph
without interval triples (built by an older newskg) has them derived on the fly from the membership
reports, by the same rules.

A post may be reported by hundreds of articles: the table for people shows how many, and the first few
ids in natural order (``seed-2`` before ``seed-10``) with ``+N more``; CSV and JSON, for programs, list
them all.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from dataclasses import dataclass

from rdflib import Graph, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from ..graph.access import objects, subjects, value
from ..graph.intervals import PostInterval, membership_reports, post_intervals
from ..graph.labels import article_id, label
from ..query.parameters import EntityKind, entity_named
from ..vocab.namespace import NKG, ORG, SCHEMA, TIME


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One post in the organisation: who, which role, and when it was reported held."""

    holder: str
    role: str
    status: str
    start: dt.date | None
    """Date of the earliest article reporting the post (for a held post, the interval's beginning; it may
    have begun earlier)."""
    latest: dt.date | None
    """Date of the latest article reporting the post."""
    end: dt.date | None
    """Date of the first later article showing the post had ended, if any."""
    ended_by: str | None
    """Id of that article."""
    articles: tuple[str, ...]
    """Ids of the articles reporting the post, in natural order (``natural_key``)."""
    membership: str

    @property
    def reports(self) -> int:
        """How many articles report the post."""
        return len(self.articles)


def timeline(graph: Graph, org: str) -> list[TimelineEntry]:
    """The posts of the organisation ``org`` (label, alias or IRI; case-insensitive), by start date."""
    node = find_organization(graph, org)
    memberships = sorted(
        {m for m in subjects(graph, ORG.organization, node) if _is_membership(graph, m)}, key=str
    )
    derived = None if any(True for _ in subjects(graph, ORG.memberDuring, None)) else _derive(graph)
    entries = [_entry(graph, m, derived) for m in memberships if isinstance(m, URIRef)]
    return sorted(entries, key=lambda e: (e.start or dt.date.max, e.latest or dt.date.max, e.holder, e.role))


ORGANISATION_WITH_POSTS = EntityKind(
    "organisation", "organisations", pattern="?post org:organization ?x .", listed="organisations with posts"
)
"""What a timeline is drawn for: a node that some membership says holds posts."""


def find_organization(graph: Graph, name: str) -> URIRef:
    """The organisation with posts named ``name`` (label, alias or IRI), found as every entity is
    (``newskg.query.parameters.entity_named``); one-line ``QueryError``s otherwise."""
    return entity_named(graph, name, kind=ORGANISATION_WITH_POSTS)


SHOWN_ARTICLES = 3
"""Article ids the text table shows per post before ``+N more``."""
CSV_COLUMNS = (
    "organisation",
    "holder",
    "role",
    "status",
    "first_reported",
    "last_reported",
    "ended",
    "ended_by",
    "reports",
    "articles",
    "membership",
)
CSV_LIST_SEPARATOR = " | "
"""Between the article ids of one CSV cell, as in ``newskg export --format csv``."""


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that reads runs of digits as numbers: ``seed-2`` before ``seed-10``, ``a9`` before ``a10``."""
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in re.split(r"(\d+)", text) if part)


def format_timeline(entries: list[TimelineEntry], *, title: str = "", shown: int = SHOWN_ARTICLES) -> str:
    """An aligned text table, one line per post; each lists ``shown`` of its articles and ``+N more``."""
    header = ("holder", "role", "first reported", "last reported", "ended", "reports", "reported in")
    rows = [
        (
            e.holder,
            e.role,
            _day(e.start),
            _day(e.latest),
            f"{_day(e.end)} ({e.ended_by})" if e.end else "-",
            str(e.reports),
            _some(e.articles, shown),
        )
        for e in entries
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header) - 1)]
    lines = [title] if title else []
    for row in [header, *rows]:
        lines.append("  ".join([*(cell.ljust(w) for cell, w in zip(row, widths, strict=False)), row[-1]]))
    if not rows:
        lines.append("(no posts recorded)")
    return "\n".join(lines)


def timeline_csv(entries: list[TimelineEntry], *, organisation: str) -> str:
    """CSV, one row per post with every article id (``CSV_COLUMNS``), for spreadsheets and scripts."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for record, entry in zip(_records(entries, organisation=organisation), entries, strict=True):
        record["articles"] = CSV_LIST_SEPARATOR.join(entry.articles)
        writer.writerow(["" if record[c] is None else record[c] for c in CSV_COLUMNS])
    return buffer.getvalue()


def timeline_json(entries: list[TimelineEntry], *, organisation: str, iri: str) -> str:
    """JSON: the organisation and its posts, each with every article id, dates as ISO strings or null."""
    posts = [{k: v for k, v in record.items() if k != "organisation"} for record in _records(entries)]
    document = {"organisation": organisation, "iri": iri, "posts": posts}
    return json.dumps(document, ensure_ascii=False, indent=1)


def _records(entries: list[TimelineEntry], *, organisation: str = "") -> list[dict[str, object]]:
    return [
        {
            "organisation": organisation,
            "holder": e.holder,
            "role": e.role,
            "status": e.status,
            "first_reported": _iso(e.start),
            "last_reported": _iso(e.latest),
            "ended": _iso(e.end),
            "ended_by": e.ended_by,
            "reports": e.reports,
            "articles": list(e.articles),
            "membership": e.membership,
        }
        for e in entries
    ]


def _some(articles: tuple[str, ...], shown: int) -> str:
    more = len(articles) - shown
    return ", ".join(articles[:shown]) + (f" +{more} more" if more > 0 else "")


def _iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date else None


def _is_membership(graph: Graph, node: Node) -> bool:
    return NKG.Membership in set(objects(graph, node, RDF.type))


def _derive(graph: Graph) -> dict[URIRef, PostInterval]:
    return {interval.membership: interval for interval in post_intervals(membership_reports(graph))}


def _entry(graph: Graph, membership: URIRef, derived: dict[URIRef, PostInterval] | None) -> TimelineEntry:
    reported = set(objects(graph, membership, NKG.reportedIn))
    articles = tuple(sorted({article_id(graph, a) for a in reported}, key=natural_key))
    dates = sorted(d for d in (_date(value(graph, a, SCHEMA.datePublished)) for a in reported) if d)
    start, latest = (dates[0], dates[-1]) if dates else (None, None)
    end = ended_by = None
    if derived is not None:
        found = derived.get(membership)
        if found is not None:
            end = found.end
            ended_by = article_id(graph, found.ended_by) if found.ended_by else None
    else:
        interval = value(graph, membership, ORG.memberDuring)
        if interval is not None:
            start = _instant(graph, value(graph, interval, TIME.hasBeginning)) or start
            latest = _instant(graph, value(graph, interval, NKG.latestReport)) or latest
            end = _instant(graph, value(graph, interval, TIME.hasEnd))
            ender = value(graph, interval, NKG.endReportedIn)
            ended_by = article_id(graph, ender) if ender is not None else None
    return TimelineEntry(
        holder=label(graph, value(graph, membership, ORG.member)),
        role=str(value(graph, membership, NKG.roleName) or ""),
        status=str(value(graph, membership, NKG.status) or ""),
        start=start,
        latest=latest,
        end=end,
        ended_by=ended_by,
        articles=articles,
        membership=str(membership),
    )


def _instant(graph: Graph, instant: Node | None) -> dt.date | None:
    return _date(value(graph, instant, TIME.inXSDDate)) if instant is not None else None


def _date(literal: Node | None) -> dt.date | None:
    if literal is None:
        return None
    try:
        return dt.date.fromisoformat(str(literal)[:10])
    except ValueError:
        return None


def _day(date: dt.date | None) -> str:
    return date.isoformat() if date else "-"
