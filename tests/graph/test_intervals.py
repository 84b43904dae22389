"""Posts in time: OWL-Time intervals from the dates of the articles reporting each membership."""

from __future__ import annotations

import datetime as dt

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS
from record_factory import head_report

from newskg import iris
from newskg.graph import ENTITIES_GRAPH, INTERVALS_GRAPH, build_dataset, update_dataset
from newskg.graph.article import article_graph
from newskg.graph.build import derivation_triples
from newskg.graph.intervals import membership_reports, post_intervals
from newskg.graph.posts import post_of, role_status
from newskg.graph.terms import to_rdflib
from newskg.records.resolve import resolve
from newskg.vocab.namespace import NKG, ORG, TIME

NTO = "National Tea Organization"


def intervals(*records):
    """{(person, role): interval} for the given records."""
    dataset = build_dataset(list(records))
    reports = membership_reports(dataset)
    roles = {r.membership: (r.person.rsplit("/", 1)[-1], r.role) for r in reports}
    return {roles[i.membership]: i for i in post_intervals(reports)}


def test_earliest_and_latest_dated_reports_bound_the_interval():
    found = intervals(
        head_report("a", "2019-05-01", "Reza Karimi", NTO),
        head_report("b", "2020-02-01", "Reza Karimi", NTO),
        head_report("c", None, "Reza Karimi", NTO),
    )
    interval = found[("reza-karimi", "head")]
    assert (interval.begin, interval.latest) == (dt.date(2019, 5, 1), dt.date(2020, 2, 1))
    assert interval.end is None


def test_a_later_former_report_ends_the_post():
    found = intervals(
        head_report("a", "2019-05-01", "Reza Karimi", NTO),
        head_report("b", "2020-02-01", "Reza Karimi", NTO, "former head"),
        head_report("c", "2020-06-01", "Reza Karimi", NTO, "former head"),
    )
    interval = found[("reza-karimi", "head")]
    assert interval.end == dt.date(2020, 2, 1)
    assert interval.ended_by == URIRef(iris.article_iri("b"))
    assert ("reza-karimi", "former head") not in found


def test_another_head_ends_the_post_but_an_acting_head_or_deputy_does_not():
    found = intervals(
        head_report("a", "2019-05-01", "Reza Karimi", NTO),
        head_report("b", "2019-08-01", "Sara Ahmadi", NTO, "acting head"),
        head_report("c", "2019-09-01", "Omid Nouri", NTO, "deputy head"),
        head_report("d", "2020-01-01", "Hamid Tavakoli", NTO),
    )
    assert found[("reza-karimi", "head")].end == dt.date(2020, 1, 1)
    assert found[("sara-ahmadi", "acting head")].end == dt.date(2020, 1, 1)
    assert found[("omid-nouri", "deputy head")].end is None
    assert found[("hamid-tavakoli", "head")].end is None


def test_an_undated_former_report_ends_nothing():
    found = intervals(
        head_report("a", "2019-05-01", "Reza Karimi", NTO),
        head_report("b", None, "Reza Karimi", NTO, "former head"),
    )
    assert found[("reza-karimi", "head")].end is None


def test_reports_before_the_latest_do_not_end_the_post():
    found = intervals(
        head_report("a", "2019-05-01", "Reza Karimi", NTO),
        head_report("b", "2019-06-01", "Hamid Tavakoli", NTO),
        head_report("c", "2019-07-01", "Reza Karimi", NTO),
    )
    assert found[("reza-karimi", "head")].end is None
    assert found[("hamid-tavakoli", "head")].end == dt.date(2019, 7, 1)


def test_intervals_are_written_with_owl_time_and_minted_iris():
    dataset = build_dataset(
        [
            head_report("a", "2019-05-01", "Reza Karimi", NTO),
            head_report("b", "2020-02-01", "Reza Karimi", NTO, "former head"),
        ]
    )
    graph = dataset.graph(INTERVALS_GRAPH)
    (interval,) = graph.objects(None, ORG.memberDuring)
    assert str(interval).startswith(iris.INSTANCE_BASE + "interval/reza-karimi/")
    assert (interval, RDF.type, TIME.Interval) in graph
    begin, end = graph.value(interval, TIME.hasBeginning), graph.value(interval, TIME.hasEnd)
    assert (begin, RDF.type, TIME.Instant) in graph
    assert str(graph.value(begin, TIME.inXSDDate)) == "2019-05-01"
    assert str(graph.value(graph.value(interval, NKG.latestReport), TIME.inXSDDate)) == "2019-05-01"
    assert str(graph.value(end, TIME.inXSDDate)) == "2020-02-01"
    assert graph.value(interval, NKG.endReportedIn) == URIRef(iris.article_iri("b"))
    assert len(list(graph.subject_objects(ORG.memberDuring))) == 1, "former posts get no interval"


@pytest.mark.parametrize(
    ("role", "status", "post"),
    [
        ("head", "current", "head"),
        ("acting head", "acting", "head"),
        ("former head", "former", "head"),
        ("former acting head", "former", "head"),
        ("deputy head", "deputy", "deputy head"),
        ("former deputy minister", "former", "deputy minister"),
        ("governor", "current", "governor"),
    ],
)
def test_roles_read_as_status_and_post(role, status, post):
    assert role_status(role) == status
    assert post_of(role) == post


def test_derived_graphs_need_only_the_triples_said_to_feed_them():
    """A file build loads only ``derivation_triples`` (and the new labels) into its working
    store: the labels and intervals derived from them must be those derived from whole article graphs."""
    records = [
        head_report("a", "2019-05-01", "Reza Karimi", NTO),
        head_report("b", "2020-02-01", "Leila Ahmadi", NTO),
        head_report("c", "2020-06-01", "Reza Karimi", NTO, role_="former head"),
        head_report("d", None, "Leila Ahmadi", NTO),
    ]
    full = build_dataset(records)
    names = resolve(records)
    subset = build_dataset([])
    kept = 0
    for record in records:
        built = article_graph(record, names)
        graph = subset.graph(URIRef(built.name))
        for s, p, o in derivation_triples(built.triples):
            graph.add((URIRef(s), URIRef(p), to_rdflib(o)))
        for iri, label in built.labels.items():
            subset.graph(ENTITIES_GRAPH).add((URIRef(iri), SKOS.prefLabel, Literal(label)))
        kept += len(graph)
    assert 0 < kept < sum(len(full.graph(URIRef(iris.article_iri(r.article.id)))) for r in records) / 5
    update_dataset(subset, ())
    assert len(full.graph(INTERVALS_GRAPH)) > 0
    for name in (ENTITIES_GRAPH, INTERVALS_GRAPH):
        assert set(subset.graph(name)) == set(full.graph(name)), name
