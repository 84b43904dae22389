"""One article's record -> the triples of its named graph.

Everything here depends only on the record and the corpus-wide resolution of names, so building an
article twice gives the same triples, and replacing an article's named graph replaces exactly its facts.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS, XSD

from .. import iris
from ..records import ArticleRecord, Entity
from ..resolve import Resolution
from .namespace import NKG, ORG, PROV, SCHEMA
from .posts import role_status
from .provenance import add_assertion, add_report, form_evidence

TYPE_CLASSES: dict[str, tuple[URIRef, ...]] = {
    "PERSON": (NKG.Person,),
    "ORG": (NKG.Organization,),
    "NEWS_AGENCY": (NKG.NewsAgency, NKG.Organization),
    "GPE": (NKG.Place,),
    "LOC": (NKG.Place,),
    "MOTTO": (NKG.Motto,),
    "PROGRAM": (NKG.Program,),
    "EVENT": (NKG.Event,),
}
KIND_CLASSES = {"country": NKG.Country, "province": NKG.Province, "city": NKG.City}
HEAD_ROLES = ("head", "acting head")


def text_hash(text: str) -> str:
    """SHA-256 of an article's text: what ``nkg:textHash`` records for incremental builds."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def add_article(graph: Graph, record: ArticleRecord, resolution: Resolution) -> dict[URIRef, str]:
    """Add one article's facts to ``graph``; return the entity IRIs with their preferred labels."""
    art = URIRef(iris.article_iri(record.article.id))
    _add_metadata(graph, art, record)
    labels: dict[URIRef, str] = {}
    by_name: dict[str, URIRef] = {}
    for entity in record.entities:
        by_name[entity.canonical] = _add_entity(graph, art, record, entity, resolution, labels)

    def entity_ref(name: str, default_type: str) -> URIRef:
        found = by_name.get(name)
        if found is not None:
            return found
        # Named only through a gazetteer or a title (e.g. a ministry from "industry minister").
        canonical = resolution(default_type, name)
        iri = URIRef(iris.entity_iri(default_type, canonical))
        labels[iri] = canonical
        for cls in TYPE_CLASSES[default_type]:
            graph.add((iri, RDF.type, cls))
        graph.add((iri, PROV.wasDerivedFrom, art))
        return iri

    for role in record.roles:
        person = entity_ref(role.person, "PERSON")
        org = entity_ref(role.org, "ORG")
        membership = URIRef(iris.membership_iri(person, org, role.role))
        graph.add((membership, RDF.type, NKG.Membership))
        graph.add((membership, RDF.type, ORG.Membership))
        graph.add((membership, ORG.member, person))
        graph.add((membership, ORG.organization, org))
        graph.add((membership, NKG.roleName, Literal(role.role)))
        graph.add((membership, NKG.titleAsWritten, Literal(role.title)))
        graph.add((membership, NKG.status, Literal(role_status(role.role))))
        add_report(graph, membership, record, role.evidence)
        if role.role in HEAD_ROLES:
            graph.add((person, ORG.headOf, org))

    article_id = record.article.id
    for index, statement in enumerate(record.statements):
        node = URIRef(iris.fact_iri("statement", article_id, index, statement.evidence.start, statement.cue))
        graph.add((node, RDF.type, NKG.Statement))
        graph.add((node, NKG.speaker, entity_ref(statement.speaker, "PERSON")))
        graph.add((node, NKG.cue, Literal(statement.cue)))
        if statement.content:
            graph.add((node, NKG.content, Literal(statement.content)))
        add_report(graph, node, record, statement.evidence)

    for index, stat in enumerate(record.statistics):
        node = URIRef(iris.fact_iri("observation", article_id, index, stat.evidence.start, stat.value_text))
        graph.add((node, RDF.type, NKG.Observation))
        graph.add((node, NKG.value, Literal(Decimal(repr(stat.amount)).normalize(), datatype=XSD.decimal)))
        graph.add((node, NKG.valueText, Literal(stat.value_text)))
        graph.add((node, NKG.unit, Literal(stat.unit)))
        if stat.what:
            graph.add((node, NKG.measures, Literal(stat.what)))
        if stat.about and stat.about in by_name:
            graph.add((node, NKG.about, by_name[stat.about]))
        if stat.period:
            graph.add((node, NKG.periodLabel, Literal(stat.period.label)))
            if stat.period.start:
                graph.add((node, NKG.periodStart, Literal(stat.period.start.isoformat(), datatype=XSD.date)))
            if stat.period.end:
                graph.add((node, NKG.periodEnd, Literal(stat.period.end.isoformat(), datatype=XSD.date)))
        add_report(graph, node, record, stat.evidence)

    for link in record.located_in:
        place = entity_ref(link.place, "GPE")
        container = entity_ref(link.container, "GPE")
        if place != container:
            add_assertion(graph, (place, NKG.locatedIn, container), record, link.evidence)
    for credit in record.reported_by:
        add_assertion(
            graph, (art, NKG.reportedBy, entity_ref(credit.agency, "NEWS_AGENCY")), record, credit.evidence
        )
    return labels


def _add_metadata(graph: Graph, art: URIRef, record: ArticleRecord) -> None:
    """schema.org metadata, plus what an incremental build needs to tell whether to rebuild."""
    article = record.article
    graph.add((art, RDF.type, NKG.Article))
    graph.add((art, SCHEMA.identifier, Literal(article.id)))
    if article.date:
        graph.add((art, SCHEMA.datePublished, Literal(article.date.isoformat(), datatype=XSD.date)))
    if article.url:
        graph.add((art, SCHEMA.url, Literal(article.url, datatype=XSD.anyURI)))
    if article.source:
        graph.add((art, SCHEMA.publisher, Literal(article.source)))
    if article.title:
        graph.add((art, SCHEMA.headline, Literal(article.title)))
    graph.add((art, NKG.textHash, Literal(text_hash(article.text))))
    if record.pipeline_version:
        graph.add((art, NKG.pipelineVersion, Literal(record.pipeline_version)))


def _add_entity(
    graph: Graph,
    art: URIRef,
    record: ArticleRecord,
    entity: Entity,
    resolution: Resolution,
    labels: dict[URIRef, str],
) -> URIRef:
    """Type the entity, and assert each of its names other than the corpus-wide one as an alias."""
    canonical = resolution(entity.type, entity.canonical)
    iri = URIRef(iris.entity_iri(entity.type, canonical))
    labels[iri] = canonical
    for cls in TYPE_CLASSES[entity.type]:
        graph.add((iri, RDF.type, cls))
    if entity.kind in KIND_CLASSES:
        graph.add((iri, RDF.type, KIND_CLASSES[entity.kind]))
    for form in dict.fromkeys((*entity.surface_forms, *entity.aliases, entity.canonical)):
        if form != canonical:
            add_assertion(
                graph, (iri, SKOS.altLabel, Literal(form)), record, form_evidence(record, entity, form)
            )
    graph.add((iri, PROV.wasDerivedFrom, art))
    graph.add((art, NKG.mentions, iri))
    return iri
