"""One article's record -> the triples of its named graph.

Everything here depends only on the record and the corpus-wide resolution of names, so building an
article twice gives the same triples, and replacing an article's named graph replaces exactly its facts.
The triples are light terms (``newskg.graph.terms``): the in-memory dataset turns them into rdflib
terms, streaming builds into N-Quads.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from rdflib import namespace as rdflib_namespace

from .. import iris
from ..records import ArticleRecord, Entity
from ..records.resolve import Resolution
from ..vocab import namespace
from ..vocab.entity_types import BY_KIND, BY_LABEL
from .posts import role_status
from .provenance import add_assertion, add_report, form_evidence
from .terms import Lit, PlainTerms, Triple, date_lit, decimal_lit, uri_lit

NKG, ORG, PROV, SCHEMA = map(PlainTerms, (namespace.NKG, namespace.ORG, namespace.PROV, namespace.SCHEMA))
RDF, SKOS = PlainTerms(rdflib_namespace.RDF), PlainTerms(rdflib_namespace.SKOS)

TYPE_CLASSES: dict[str, tuple[str, ...]] = {label: t.classes for label, t in BY_LABEL.items()}
"""The classes asserted on an entity of each record type (a news agency is also an organisation)."""
KIND_CLASSES: dict[str, str] = {kind: t.iri for kind, t in BY_KIND.items()}
"""The class a place's kind adds: ``country`` -> ``nkg:Country``."""
HEAD_ROLES = ("head", "acting head")


@dataclass(frozen=True, slots=True)
class ArticleGraph:
    """An article's triples (repeats possible), and its entities' IRIs with their preferred labels."""

    name: str
    triples: list[Triple]
    labels: dict[str, str]


def text_hash(text: str) -> str:
    """SHA-256 of an article's text: what ``nkg:textHash`` records for incremental builds."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_graph(record: ArticleRecord, resolution: Resolution) -> ArticleGraph:
    """One article's facts, with the corpus-wide names of its entities."""
    art = iris.article_iri(record.article.id)
    out: list[Triple] = []
    _add_metadata(out, art, record)
    labels: dict[str, str] = {}
    by_name: dict[str, str] = {}
    for entity in record.entities:
        by_name[entity.canonical] = _add_entity(out, art, record, entity, resolution, labels)

    def entity_ref(name: str, default_type: str) -> str:
        found = by_name.get(name)
        if found is not None:
            return found
        # Named only through a gazetteer or a title (e.g. a ministry from "industry minister").
        canonical = resolution(default_type, name)
        iri = iris.entity_iri(default_type, canonical)
        labels[iri] = canonical
        out.extend((iri, RDF.type, cls) for cls in TYPE_CLASSES[default_type])
        out.append((iri, PROV.wasDerivedFrom, art))
        return iri

    for role in record.roles:
        person = entity_ref(role.person, "PERSON")
        org = entity_ref(role.org, "ORG")
        membership = iris.membership_iri(person, org, role.role)
        out += (
            (membership, RDF.type, NKG.Membership),
            (membership, RDF.type, ORG.Membership),
            (membership, ORG.member, person),
            (membership, ORG.organization, org),
            (membership, NKG.roleName, Lit(role.role)),
            (membership, NKG.status, Lit(role_status(role.role))),
        )
        if role.title:  # a predecessor ("replacing X") has no title of its own in the text
            out.append((membership, NKG.titleAsWritten, Lit(role.title)))
        add_report(out, membership, record, role.evidence)
        if role.role in HEAD_ROLES:
            out.append((person, ORG.headOf, org))

    article_id = record.article.id
    for index, statement in enumerate(record.statements):
        node = iris.fact_iri("statement", article_id, index, statement.evidence.start, statement.cue)
        out += (
            (node, RDF.type, NKG.Statement),
            (node, NKG.speaker, entity_ref(statement.speaker, "PERSON")),
            (node, NKG.cue, Lit(statement.cue)),
        )
        if statement.content:
            out.append((node, NKG.content, Lit(statement.content)))
        add_report(out, node, record, statement.evidence)

    for index, stat in enumerate(record.statistics):
        node = iris.fact_iri("observation", article_id, index, stat.evidence.start, stat.value_text)
        out += (
            (node, RDF.type, NKG.Observation),
            (node, NKG.value, decimal_lit(stat.amount)),
            (node, NKG.valueText, Lit(stat.value_text)),
            (node, NKG.unit, Lit(stat.unit)),
        )
        if stat.what:
            out.append((node, NKG.measures, Lit(stat.what)))
        if stat.about and stat.about in by_name:
            out.append((node, NKG.about, by_name[stat.about]))
        if stat.period:
            out.append((node, NKG.periodLabel, Lit(stat.period.label)))
            if stat.period.start:
                out.append((node, NKG.periodStart, date_lit(stat.period.start)))
            if stat.period.end:
                out.append((node, NKG.periodEnd, date_lit(stat.period.end)))
        add_report(out, node, record, stat.evidence)

    for link in record.located_in:
        place = entity_ref(link.place, "GPE")
        container = entity_ref(link.container, "GPE")
        if place != container:
            add_assertion(out, (place, NKG.locatedIn, container), record, link.evidence)
    for credit in record.reported_by:
        agency = entity_ref(credit.agency, "NEWS_AGENCY")
        add_assertion(out, (art, NKG.reportedBy, agency), record, credit.evidence)
    return ArticleGraph(art, out, labels)


def _add_metadata(out: list[Triple], art: str, record: ArticleRecord) -> None:
    """schema.org metadata, plus what an incremental build needs to tell whether to rebuild."""
    article = record.article
    out.append((art, RDF.type, NKG.Article))
    out.append((art, SCHEMA.identifier, Lit(article.id)))
    if article.date:
        out.append((art, SCHEMA.datePublished, date_lit(article.date)))
    if article.url:
        out.append((art, SCHEMA.url, uri_lit(article.url)))
    if article.source:
        out.append((art, SCHEMA.publisher, Lit(article.source)))
    if article.title:
        out.append((art, SCHEMA.headline, Lit(article.title)))
    out.append((art, NKG.textHash, Lit(text_hash(article.text))))
    if record.pipeline_version:
        out.append((art, NKG.pipelineVersion, Lit(record.pipeline_version)))


def _add_entity(
    out: list[Triple],
    art: str,
    record: ArticleRecord,
    entity: Entity,
    resolution: Resolution,
    labels: dict[str, str],
) -> str:
    """Type the entity, and assert each of its names other than the corpus-wide one as an alias."""
    canonical = resolution(entity.type, entity.canonical)
    iri = iris.entity_iri(entity.type, canonical)
    labels[iri] = canonical
    out.extend((iri, RDF.type, cls) for cls in TYPE_CLASSES[entity.type])
    if entity.kind in KIND_CLASSES:
        out.append((iri, RDF.type, KIND_CLASSES[entity.kind]))
    for form in dict.fromkeys((*entity.surface_forms, *entity.aliases, entity.canonical)):
        if form != canonical:
            evidence = form_evidence(record, entity, form)
            add_assertion(out, (iri, SKOS.altLabel, Lit(form)), record, evidence)
    out.append((iri, PROV.wasDerivedFrom, art))
    out.append((art, NKG.mentions, iri))
    return iri
