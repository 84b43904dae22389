"""Records -> an RDF dataset, built whole or updated one article at a time. No module-level graph.

Each article's assertions live in its own named graph (the article IRI), so rebuilding an article
replaces exactly its graph. Two corpus-level graphs are derived from all the article graphs and
recomputed on every update: ``id/graph/entities`` (one skos:prefLabel per entity) and
``id/graph/intervals`` (when each post was held, OWL-Time). Entities, memberships, facts and evidence
get minted IRIs (``newskg.iris``), never blank nodes, so the same input always gives the same triples.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from .. import iris
from ..errors import InputError
from ..records import ArticleRecord, Entity
from ..records.resolve import Resolution, resolve
from ..vocab.entity_types import ENTITY_TYPES
from ..vocab.namespace import NKG, ORG, SCHEMA, bind_prefixes
from ..vocab.prefixes import INSTANCE_BASE
from .access import holds, objects, union_view
from .article import TYPE_CLASSES, article_graph
from .intervals import INTERVALS_GRAPH, add_intervals, membership_reports, post_intervals
from .terms import Triple, to_rdflib

ENTITIES_GRAPH = URIRef(INSTANCE_BASE + "graph/entities")
"""Named graph of corpus-wide entity labels."""

DERIVED_GRAPHS = (ENTITIES_GRAPH, INTERVALS_GRAPH)
"""Corpus-level graphs recomputed from the article graphs on every build or update."""

_ENTITY_CLASSES = frozenset(c for classes in TYPE_CLASSES.values() for c in classes)
_MEMBERSHIP_PREDICATES = frozenset(
    str(p) for p in (ORG.member, ORG.organization, NKG.roleName, NKG.reportedIn)
)
_RDF_TYPE, _MEMBERSHIP, _PUBLISHED = str(RDF.type), str(NKG.Membership), str(SCHEMA.datePublished)
DERIVATION_PREDICATES = frozenset({_RDF_TYPE, _PUBLISHED, *_MEMBERSHIP_PREDICATES})
"""The predicates of the triples ``derivation_triples`` keeps."""


def derivation_triples(triples: Iterable[Triple]) -> list[Triple]:
    """The triples of an article graph that recomputing the derived graphs reads: the types of its
    entities and memberships, the memberships' post, holder, organisation and reporting articles,
    and the article's date.

    A build that keeps its article graphs elsewhere (a file build spools them) needs only these in its
    working store; a test checks the derived graphs come out the same.
    """
    triples = list(triples)
    memberships = {s for s, p, o in triples if p == _RDF_TYPE and o == _MEMBERSHIP}
    kept = []
    for triple in triples:
        subject, predicate, obj = triple
        if predicate == _RDF_TYPE:
            wanted = obj in _ENTITY_CLASSES or obj == _MEMBERSHIP
        elif predicate in _MEMBERSHIP_PREDICATES:
            wanted = subject in memberships
        else:
            wanted = predicate == _PUBLISHED
        if wanted:
            kept.append(triple)
    return kept


RECORD_TYPES: tuple[tuple[URIRef, str], ...] = tuple(
    (URIRef(t.iri), t.labels[0]) for t in ENTITY_TYPES if t.labels
)
"""The record type of an entity node, from its most specific class first (a place is ``GPE``)."""


def build_dataset(records: Sequence[ArticleRecord], *, resolution: Resolution | None = None) -> Dataset:
    """A dataset with one named graph per article, plus the entity-label and interval graphs."""
    dataset = Dataset()
    bind_prefixes(dataset)
    return update_dataset(dataset, records, resolution=resolution)


def update_dataset(
    dataset: Dataset, records: Sequence[ArticleRecord], *, resolution: Resolution | None = None
) -> Dataset:
    """Replace the named graphs of ``records``' articles in ``dataset`` (in place) and return it.

    The entity-label and interval graphs are then recomputed from all the article graphs, so updating
    with the same records twice changes nothing, and adding an article adds only its facts. Without
    ``resolution`` the records' names are resolved against the entities already in ``dataset``, which
    keep their names and IRIs.
    """
    repeated = sorted(i for i, n in Counter(record.article.id for record in records).items() if n > 1)
    if repeated:
        raise InputError(f"article id '{repeated[0]}' is given twice; give each article once per update")
    bind_prefixes(dataset)
    labels: dict[URIRef, str] = {}
    if records:  # with none, only the derived graphs are recomputed: no need to resolve names
        names = resolution or resolve(records, known=known_entities(dataset))
        for record in sorted(records, key=lambda r: r.article.id):
            built = article_graph(record, names)
            dataset.remove_graph(URIRef(built.name))
            graph = dataset.graph(URIRef(built.name))
            for triple in built.triples:
                graph.add((URIRef(triple[0]), URIRef(triple[1]), to_rdflib(triple[2])))
            labels.update((URIRef(iri), label) for iri, label in built.labels.items())
    _relabel_entities(dataset, labels)
    dataset.remove_graph(INTERVALS_GRAPH)
    add_intervals(dataset.graph(INTERVALS_GRAPH), post_intervals(membership_reports(dataset)))
    return dataset


def remove_articles(dataset: Dataset, article_ids: Iterable[str]) -> Dataset:
    """Drop the named graphs of ``article_ids`` from ``dataset`` (in place), recompute the derived graphs."""
    for article_id in article_ids:
        dataset.remove_graph(URIRef(iris.article_iri(article_id)))
    return update_dataset(dataset, ())


def known_entities(dataset: Dataset) -> list[Entity]:
    """The entities ``dataset`` already names: label, type and aliases, for resolving new articles."""
    entities = []
    labels = dataset.graph(ENTITIES_GRAPH).subject_objects(SKOS.prefLabel)
    for subject, label in sorted(labels, key=lambda pair: (str(pair[0]), str(pair[1]))):
        types = set(objects(dataset, subject, RDF.type))
        entity_type = next((name for cls, name in RECORD_TYPES if cls in types), None)
        if entity_type is None:
            continue
        aliases = sorted({str(alias) for alias in objects(dataset, subject, SKOS.altLabel)})
        entities.append(Entity(canonical=str(label), type=entity_type, mentions=(), aliases=tuple(aliases)))
    return entities


def union_graph(source: Graph) -> Graph:
    """All triples of ``source`` (a dataset: of all its graphs) in one plain in-memory graph (what Turtle
    output holds and pySHACL validates): a copy of ``union_view(source)``, each triple once."""
    graph = Graph()
    bind_prefixes(graph)
    for triple in union_view(source).triples((None, None, None)):
        graph.add(triple)
    return graph


def _relabel_entities(dataset: Dataset, new_labels: dict[URIRef, str]) -> None:
    """One prefLabel per entity some article graph still names: an existing label wins over a new one."""
    old = dataset.graph(ENTITIES_GRAPH)
    labels = {
        **new_labels,
        **{s: str(o) for s, o in old.subject_objects(SKOS.prefLabel) if isinstance(s, URIRef)},
    }
    classes = sorted(URIRef(cls) for cls in _ENTITY_CLASSES)

    def named(iri: URIRef) -> bool:  # by an article graph that types it as an entity
        return any(holds(dataset, iri, RDF.type, cls) for cls in classes)

    dataset.remove_graph(ENTITIES_GRAPH)
    entities = dataset.graph(ENTITIES_GRAPH)
    for iri, label in sorted(labels.items()):
        if named(iri):
            entities.add((iri, SKOS.prefLabel, Literal(label)))
