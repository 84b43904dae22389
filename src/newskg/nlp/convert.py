"""Turn a processed Doc into a frozen ``ArticleRecord`` (the NLP stage's only output)."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right

from spacy.tokens import Doc

from ..records import (
    Article,
    ArticleRecord,
    Entity,
    Evidence,
    LocatedIn,
    Mention,
    Period,
    ReportedBy,
    Role,
    Statement,
    Statistic,
)
from . import extensions as ext
from .facts import Cluster, Entities
from .text import DocView


class _Sentences:
    """Sentence boundaries of a Doc, computed once, looked up by character offset."""

    def __init__(self, view: DocView) -> None:
        self.text = view.text
        self.bounds = [(s.start_char, s.end_char) for s in view.sentences]
        self.starts = [b[0] for b in self.bounds]

    def evidence(self, start: int, end: int, rule: str) -> Evidence:
        """Evidence for a character range: its text and the sentence around it."""
        index = max(0, bisect_right(self.starts, start) - 1)
        s_start, s_end = self.bounds[index] if self.bounds else (0, len(self.text))
        return Evidence(
            start=start,
            end=end,
            text=self.text[start:end],
            sentence=self.text[s_start:s_end],
            sentence_start=s_start,
            rule=rule,
        )


def to_record(doc: Doc, article: Article, *, pipeline_version: str) -> ArticleRecord:
    """Everything the pipeline found in ``doc``, as records; facts deduplicated, order kept."""
    view = ext.view_of(doc)
    evidence = _Sentences(view).evidence
    found: Entities = ext.get(doc, ext.ENTITIES)
    entities = tuple(_entity(c, view) for c in found.clusters if c.spans)
    roles = tuple(
        dict.fromkeys(
            Role(
                person=r.person.canonical,
                role=r.role,
                org=r.org.canonical,
                title=r.title,
                evidence=evidence(r.start, r.end, r.rule),
            )
            for r in ext.get(doc, ext.ROLES)
        )
    )
    statements = tuple(
        Statement(
            speaker=s.speaker.canonical,
            cue=s.cue,
            content=s.content,
            evidence=evidence(s.start, s.end, s.rule),
        )
        for s in ext.get(doc, ext.STATEMENTS)
    )
    statistics = tuple(
        Statistic(
            value=s.value,
            value_text=s.value_text,
            unit=s.unit,
            what=s.what,
            scale=s.scale,
            evidence=evidence(s.start, s.end, s.rule),
            about=s.about.canonical if s.about else None,
            period=_period(s.period_label, s.period_start, s.period_end),
        )
        for s in ext.get(doc, ext.STATISTICS)
    )
    located_in = tuple(
        dict.fromkeys(
            LocatedIn(
                place=link.subject.canonical,
                container=link.container.canonical,
                evidence=evidence(link.start, link.end, link.rule),
            )
            for link in ext.get(doc, ext.LOCATED_IN)
            if link.container is not None
        )
    )
    reported_by = tuple(
        ReportedBy(agency=link.subject.canonical, evidence=evidence(link.start, link.end, link.rule))
        for link in ext.get(doc, ext.REPORTED_BY)
    )
    return ArticleRecord(
        article=article,
        entities=entities,
        roles=roles,
        statements=statements,
        statistics=statistics,
        located_in=located_in,
        reported_by=reported_by,
        pipeline_version=pipeline_version,
    )


def _entity(cluster: Cluster, view: DocView) -> Entity:
    mentions = tuple(
        Mention(
            text=view.span_text(span.start, span.end),
            start=view.starts[span.start],
            end=view.ends[span.end - 1],
            rule=rule,
        )
        for span, rule in zip(cluster.spans, cluster.rules, strict=False)
    )
    return Entity(
        canonical=cluster.canonical,
        type=cluster.type,
        mentions=mentions,
        kind=cluster.kind,
        aliases=tuple(a for a in cluster.aliases if a != cluster.canonical),
    )


def _period(label: str | None, start: str | None, end: str | None) -> Period | None:
    if label is None:
        return None
    return Period(
        label=label,
        start=dt.date.fromisoformat(start) if start else None,
        end=dt.date.fromisoformat(end) if end else None,
    )
