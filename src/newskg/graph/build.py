"""Records -> RDF. Plain functions, no module-level graph.

Each article's assertions live in its own named graph (the article IRI); the corpus-wide preferred
labels of entities live in the ``id/graph/entities`` graph, so rebuilding one article replaces
exactly its graph. Entities, memberships and evidence get minted IRIs (``newskg.iris``); no blank
nodes, so the same input always gives the same triples.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS, XSD

from .. import iris
from ..records import ArticleRecord, Entity, Evidence
from ..resolve import Resolution, resolve
from .namespace import NKG, OA, ORG, PROV, SCHEMA, bind_prefixes

ENTITIES_GRAPH = URIRef(iris.INSTANCE_BASE + "graph/entities")
"""Named graph of corpus-wide entity labels."""

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


def role_status(role: str) -> str:
    """current, acting, former or deputy, from a normalised role name."""
    for status in ("former", "acting", "deputy"):
        if role.startswith(status) or f" {status} " in f" {role} ":
            return status
    return "current"


def build_dataset(records: Sequence[ArticleRecord], *, resolution: Resolution | None = None) -> Dataset:
    """A dataset with one named graph per article and one of entity labels."""
    resolution = resolution or resolve(records)
    dataset = Dataset()
    bind_prefixes(dataset)
    labels: dict[URIRef, str] = {}
    for record in sorted(records, key=lambda r: r.article.id):
        graph = dataset.graph(URIRef(iris.article_iri(record.article.id)))
        labels.update(add_article(graph, record, resolution))
    entities = dataset.graph(ENTITIES_GRAPH)
    for iri, label in sorted(labels.items()):
        entities.add((iri, SKOS.prefLabel, Literal(label)))
    return dataset


def union_graph(dataset: Dataset) -> Graph:
    """All triples of all named graphs in one plain graph (what Turtle output holds)."""
    graph = Graph()
    bind_prefixes(graph)
    for context in dataset.graphs():
        for triple in context:
            graph.add(triple)
    return graph


def build_graph(records: Sequence[ArticleRecord]) -> Graph:
    """The union graph of ``records``."""
    return union_graph(build_dataset(records))


def add_article(graph: Graph, record: ArticleRecord, resolution: Resolution) -> dict[URIRef, str]:
    """Add one article's facts to ``graph``; return the entity IRIs with their preferred labels."""
    article = record.article
    art = URIRef(iris.article_iri(article.id))
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

    labels: dict[URIRef, str] = {}
    by_name: dict[str, tuple[URIRef, Entity]] = {}
    for entity in record.entities:
        canonical = resolution(entity.type, entity.canonical)
        iri = URIRef(iris.entity_iri(entity.type, canonical))
        labels[iri] = canonical
        by_name[entity.canonical] = (iri, entity)
        for cls in TYPE_CLASSES[entity.type]:
            graph.add((iri, RDF.type, cls))
        if entity.kind in KIND_CLASSES:
            graph.add((iri, RDF.type, KIND_CLASSES[entity.kind]))
        for form in (*entity.surface_forms, *entity.aliases, entity.canonical):
            if form != canonical:
                graph.add((iri, SKOS.altLabel, Literal(form)))
        graph.add((iri, PROV.wasDerivedFrom, art))
        graph.add((art, NKG.mentions, iri))

    def entity_ref(name: str, default_type: str = "ORG") -> URIRef:
        found = by_name.get(name)
        if found is not None:
            return found[0]
        # Named only through a gazetteer or a title (e.g. a ministry from "industry minister").
        iri = URIRef(iris.entity_iri(default_type, resolution(default_type, name)))
        labels[iri] = resolution(default_type, name)
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
        _report(graph, membership, art, record, role.evidence)
        if role.role in HEAD_ROLES:
            graph.add((person, ORG.headOf, org))

    for index, statement in enumerate(record.statements):
        node = URIRef(iris.fact_iri("statement", article.id, index, statement.evidence.start, statement.cue))
        graph.add((node, RDF.type, NKG.Statement))
        graph.add((node, NKG.speaker, entity_ref(statement.speaker, "PERSON")))
        graph.add((node, NKG.cue, Literal(statement.cue)))
        if statement.content:
            graph.add((node, NKG.content, Literal(statement.content)))
        _report(graph, node, art, record, statement.evidence)

    for index, stat in enumerate(record.statistics):
        node = URIRef(iris.fact_iri("observation", article.id, index, stat.evidence.start, stat.value_text))
        graph.add((node, RDF.type, NKG.Observation))
        graph.add((node, NKG.value, Literal(Decimal(repr(stat.amount)).normalize(), datatype=XSD.decimal)))
        graph.add((node, NKG.valueText, Literal(stat.value_text)))
        graph.add((node, NKG.unit, Literal(stat.unit)))
        if stat.what:
            graph.add((node, NKG.measures, Literal(stat.what)))
        if stat.about and stat.about in by_name:
            graph.add((node, NKG.about, by_name[stat.about][0]))
        if stat.period:
            graph.add((node, NKG.periodLabel, Literal(stat.period.label)))
            if stat.period.start:
                graph.add((node, NKG.periodStart, Literal(stat.period.start.isoformat(), datatype=XSD.date)))
            if stat.period.end:
                graph.add((node, NKG.periodEnd, Literal(stat.period.end.isoformat(), datatype=XSD.date)))
        _report(graph, node, art, record, stat.evidence)

    for link in record.located_in:
        place = entity_ref(link.place, "GPE")
        container = entity_ref(link.container, "GPE")
        if place != container:
            graph.add((place, NKG.locatedIn, container))
    for credit in record.reported_by:
        graph.add((art, NKG.reportedBy, entity_ref(credit.agency, "NEWS_AGENCY")))
    return labels


def _report(graph: Graph, fact: URIRef, art: URIRef, record: ArticleRecord, evidence: Evidence) -> None:
    """Link a fact to its article, date, evidence span and rule."""
    graph.add((fact, NKG.reportedIn, art))
    graph.add((fact, PROV.wasDerivedFrom, art))
    if record.article.date:
        graph.add((fact, NKG.reportedOn, Literal(record.article.date.isoformat(), datatype=XSD.date)))
    graph.add((fact, NKG.extractedBy, Literal(evidence.rule)))
    node = URIRef(iris.fact_iri("evidence", record.article.id, evidence.start, evidence.end))
    graph.add((fact, NKG.evidence, node))
    graph.add((node, RDF.type, NKG.Evidence))
    graph.add((node, RDF.type, OA.SpecificResource))
    graph.add((node, OA.hasSource, art))
    graph.add((node, NKG.sentence, Literal(evidence.sentence)))
    position = URIRef(f"{node}#position")
    graph.add((node, OA.hasSelector, position))
    graph.add((position, RDF.type, OA.TextPositionSelector))
    graph.add((position, OA.start, Literal(evidence.start, datatype=XSD.nonNegativeInteger)))
    graph.add((position, OA.end, Literal(evidence.end, datatype=XSD.nonNegativeInteger)))
    quote = URIRef(f"{node}#quote")
    graph.add((node, OA.hasSelector, quote))
    graph.add((quote, RDF.type, OA.TextQuoteSelector))
    graph.add((quote, OA.exact, Literal(evidence.text)))


def records_to_graph(records: Iterable[ArticleRecord]) -> Graph:
    """Convenience for the API: build the union graph of any iterable of records."""
    return build_graph(list(records))


